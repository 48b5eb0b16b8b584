"""Errors raised by services (Django's ValidationError) answer 400 with field errors,
never 500, in the API just as they do on the pages. A URL under /api/ that matches no route
answers in JSON too (the root URLconf's handler404/handler500)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = ValidationError(detail)
    return drf_exception_handler(exc, context)


def _in_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def niet_gevonden(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A URL under /api/ that matches no route (`/api/v1/casussen/abc/`) answers the API's 404
    in JSON with DRF's own (translated) message, as the schema documents; elsewhere the page."""
    if _in_api(request):
        return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
    return defaults.page_not_found(request, exception)


def serverfout(request: HttpRequest) -> HttpResponse:
    if _in_api(request):
        return JsonResponse({"detail": str(APIException.default_detail)}, status=500)
    return defaults.server_error(request)
