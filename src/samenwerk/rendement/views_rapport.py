"""The social-return report of the working municipality, for managers, executives, area
drivers and the functioneel beheerder: aggregates only, no names (domain.md §6, §8)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from samenwerk.gemeenten.models import Gemeente
from samenwerk.portaal.context import werkcontext

from . import cijfers as aggregaten
from . import rapport
from .forms_analyse import CijfersFilter
from .rules import mag_cijfers_zien
from .uitwisseling import CSV_TYPE, XLSX_TYPE


def _gemeente(request: HttpRequest) -> Gemeente:
    ctx = werkcontext(request)
    if not mag_cijfers_zien(ctx):
        raise PermissionDenied
    return ctx.gemeente  # type: ignore[return-value]


def _filter(form: CijfersFilter) -> aggregaten.Filter:
    data = form.cleaned_data if form.is_valid() else {}
    return aggregaten.Filter(
        gebied=data.get("gebied"),
        van=data.get("van"),
        tot=data.get("tot"),
        organisatie=data.get("organisatie"),
        route=data.get("route", ""),
    )


@require_GET
@login_required
def rapport_pagina(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = CijfersFilter(request.GET or None, gemeente=gemeente)
    filter_ = _filter(form)
    c = aggregaten.cijfers(gemeente, filter_)
    context = {
        "form": form,
        "cijfers": c,
        "diagrammen": rapport.diagrammen(c),
        "querystring": request.GET.urlencode(),
    }
    return render(request, "rendement/rapport.html", context)


@require_GET
@login_required
def exporteren(request: HttpRequest, formaat: str) -> HttpResponse:
    gemeente = _gemeente(request)
    if formaat not in ("csv", "xlsx"):
        raise Http404
    form = CijfersFilter(request.GET or None, gemeente=gemeente)
    filter_ = _filter(form)
    regels = rapport.rijen(aggregaten.cijfers(gemeente, filter_), filter_)
    if formaat == "csv":
        response = HttpResponse(rapport.exporteer_csv(regels), content_type=CSV_TYPE)
    else:
        response = HttpResponse(rapport.exporteer_xlsx(regels), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="maatschappelijk-rendement-{gemeente.slug}.{formaat}"'
    return response
