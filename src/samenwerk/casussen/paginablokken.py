"""Blocks that apps above casussen add to the case page (architecture.md: casussen does not
import them). An app registers a function in its AppConfig.ready(); the function gets the
request, the case (from casus_of_404) and whether the person sees personal details, and
returns a template with its context, or None to show nothing.

A block is a section of the page: it registers the heading it shows and that heading's id, so
the page's table of contents ("Op deze pagina") can link to it. The template renders a
`<section class="sw-sectie" aria-labelledby="{anker}">` with an `<h2 id="{anker}">`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.safestring import SafeString

from .models import Casus

Blok = Callable[[HttpRequest, Casus, bool], tuple[str, dict[str, object]] | None]


@dataclass(frozen=True)
class Registratie:
    blok: Blok
    kop: str | Promise
    anker: str


@dataclass(frozen=True)
class Gerenderd:
    kop: str | Promise
    anker: str
    html: SafeString


BLOKKEN: list[Registratie] = []


def registreer(blok: Blok, *, kop: str | Promise, anker: str) -> None:
    if all(r.blok is not blok for r in BLOKKEN):
        BLOKKEN.append(Registratie(blok=blok, kop=kop, anker=anker))


def render_blokken(request: HttpRequest, casus: Casus, volledig: bool) -> list[Gerenderd]:
    gerenderd = []
    for r in BLOKKEN:
        uitkomst = r.blok(request, casus, volledig)
        if uitkomst is not None:
            template, context = uitkomst
            html = render_to_string(template, {"casus": casus, "volledig": volledig, **context}, request=request)
            gerenderd.append(Gerenderd(kop=r.kop, anker=r.anker, html=html))
    return gerenderd
