"""Make the current request known to the access log, so a service function deep down can
record where an access came from without every caller passing the request along."""

from __future__ import annotations

import contextvars
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

huidig_verzoek: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar("huidig_verzoek", default=None)


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = huidig_verzoek.set(request)
        try:
            return self.get_response(request)
        finally:
            huidig_verzoek.reset(token)
