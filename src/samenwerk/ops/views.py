"""/gezondheid/ for load balancers and monitoring, /metrics for Prometheus (health.py,
metrics.py). Neither needs a session: they skip the login and two-factor steps."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health, metrics


@require_GET
@never_cache
def gezondheid(request: HttpRequest) -> HttpResponse:
    status, body = health.rapport(health.alle())
    streng = request.GET.get("strikt") == "1"
    code = 503 if status == "onbeschikbaar" or (streng and status != "ok") else 200
    return JsonResponse(body, status=code)


@require_GET
@never_cache
def prometheus(request: HttpRequest) -> HttpResponse:
    """With SAMENWERK_METRICS_TOKEN set: only for `Authorization: Bearer <token>`. Without it:
    in development only, and only from this machine; in production the path does not exist."""
    token = settings.METRICS_TOKEN
    if token:
        given = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            return HttpResponse("", status=401, headers={"WWW-Authenticate": "Bearer"})
    elif settings.PRODUCTION or request.META.get("REMOTE_ADDR") not in ("127.0.0.1", "::1"):
        return HttpResponseNotFound("", content_type="text/plain")  # plain: no session, no page
    return HttpResponse(metrics.exposition(), content_type="text/plain; version=0.0.4; charset=utf-8")
