"""Blocks that apps above casussen add to the case page (architecture.md: casussen does not
import them). An app registers a function in its AppConfig.ready(); the function gets the
request, the case (from casus_of_404) and whether the person sees personal details, and
returns a template with its context, or None to show nothing."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .models import Casus

Blok = Callable[[HttpRequest, Casus, bool], tuple[str, dict[str, object]] | None]
BLOKKEN: list[Blok] = []


def registreer(blok: Blok) -> None:
    if blok not in BLOKKEN:
        BLOKKEN.append(blok)


def render_blokken(request: HttpRequest, casus: Casus, volledig: bool) -> list[SafeString]:
    gerenderd = []
    for blok in BLOKKEN:
        uitkomst = blok(request, casus, volledig)
        if uitkomst is not None:
            template, context = uitkomst
            gerenderd.append(render_to_string(template, {"casus": casus, "volledig": volledig, **context}, request=request))
    return gerenderd
