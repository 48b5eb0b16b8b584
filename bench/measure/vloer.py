"""The floor of this stack: the cheapest page a signed-in professional can get, through the same
middleware (session, two-factor check, session limits), with the layout every page has (the
menu with its counter, the working municipality) and the access-log row every read writes,
but no data of its own. What a page costs above this floor is its own work: its queries, its
ORM and its template. The API has a floor of its own: the same middleware, Django REST
framework's authentication and permission check and the access-log row, no layout. Below both
lies the signed-in request that renders nothing (*niets*): the same middleware and sign-in
check, no layout, no access-log row, an empty body. The empty page may cost at most twice it
(issue 21): what the layout and the log row add on every page.

The page exists only in the benchmark: `meet` swaps in this URL configuration (the product's
URLs plus this one page, at the end) for the duration of the measurement only, so the
product's own pages are measured and resolved exactly as in production."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.test import Client
from django.test.utils import override_settings
from django.urls import path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.config.urls import urlpatterns as product
from samenwerk.portaal.context import werkcontext
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie

URLS = {"html": "/bench-vloer/", "api": "/bench-vloer/api/", "niets": "/bench-vloer/niets/"}


def _log(request: HttpRequest) -> None:
    gemeente = werkcontext(request).gemeente
    onderwerp = Onderwerp(gemeente_id=gemeente.pk if gemeente else None, object_type="bench")
    record(actor=request.user, actie=Actie.READ, gebeurtenis="bench.vloer", onderwerp=onderwerp)


@login_required
def vloer(request: HttpRequest) -> HttpResponse:
    _log(request)
    return render(request, "base.html")


@login_required
def niets(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"")


class VloerAPI(APIView):
    def get(self, request: Request) -> Response:
        _log(request)
        return Response({})


urlpatterns = [
    *product,
    path(URLS["html"].lstrip("/"), vloer),
    path(URLS["api"].lstrip("/"), VloerAPI.as_view()),
    path(URLS["niets"].lstrip("/"), niets),
]


def meet(client: Client, herhalen: Callable[[Client, str], list[float]]) -> dict[str, list[float]]:
    """The times of both floors for this person, taken as the pages' own are (`herhalen`)."""
    with override_settings(ROOT_URLCONF=__name__):
        return {soort: herhalen(client, url) for soort, url in URLS.items()}
