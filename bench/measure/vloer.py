"""The floor of this stack: the cheapest page a signed-in professional can get, through the same
middleware (session, two-factor check, session limits), with the layout every page has (the
menu with its counter, the working municipality) and the access-log row every read writes,
but no data of its own. What a page costs above this floor is its own work: its queries, its
ORM and its template.

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

from samenwerk.config.urls import urlpatterns as product
from samenwerk.portaal.context import werkcontext
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie

URL = "/bench-vloer/"


@login_required
def vloer(request: HttpRequest) -> HttpResponse:
    gemeente = werkcontext(request).gemeente
    onderwerp = Onderwerp(gemeente_id=gemeente.pk if gemeente else None, object_type="bench")
    record(actor=request.user, actie=Actie.READ, gebeurtenis="bench.vloer", onderwerp=onderwerp)
    return render(request, "base.html")


urlpatterns = [*product, path(URL.strip("/") + "/", vloer)]


def meet(client: Client, herhalen: Callable[[Client, str], list[float]]) -> list[float]:
    """The times of the floor page for this person, taken as the pages' own are (`herhalen`)."""
    with override_settings(ROOT_URLCONF=__name__):
        return herhalen(client, URL)
