"""First middleware of all: gives each request an id (the reverse proxy's X-Request-ID when it
looks like one, else a new one), answers with it, counts and times the request for /metrics
and writes one log line per request (method, route name, status, duration: no path)."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import logs, metrics, views

logger = logging.getLogger("samenwerk.verzoek")
_VEILIG = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
DIRECT = {"/gezondheid/": views.gezondheid, "/metrics": views.prometheus}


class RequestMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        gegeven = request.META.get("HTTP_X_REQUEST_ID", "")
        rid = gegeven if _VEILIG.match(gegeven) else uuid.uuid4().hex
        token = logs.request_id.set(rid)
        start = time.perf_counter()
        try:
            # Load balancers and Prometheus talk to the app server directly: no HTTPS redirect,
            # no host check, no session for these two.
            direct = DIRECT.get(request.path_info)
            response = direct(request) if direct is not None else self.get_response(request)
            duur = time.perf_counter() - start
            match = getattr(request, "resolver_match", None)
            route = match.view_name if match is not None and match.view_name else "onbekend"
            if direct is None:
                metrics.REQUESTS.labels(request.method, route, str(response.status_code)).inc()
                metrics.LATENCY.labels(route).observe(duur)
                logger.info(
                    "request",
                    extra={
                        "methode": request.method,
                        "route": route,
                        "status": response.status_code,
                        "duur_ms": round(duur * 1000, 1),
                    },
                )
            response["X-Request-ID"] = rid
            return response
        finally:
            logs.request_id.reset(token)
