"""The stuurgroep report (page, PDF, XLSX) and the flexible budget of a table. Thin: check,
call a selector or service, render (style.md §5). Aggregates only, no names."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samenwerk.ui.views import fouten_naar_form, pagineer

from . import budget, rapport, rules
from .forms_rapport import BestedingForm, PeriodeForm, PotForm
from .models import Tafel

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def tafel_voor_rapport(request: HttpRequest, pk: int) -> Tafel:
    """The table for who may read its report: 404 outside the person's municipalities, 403
    inside them for who may not."""
    tafel = Tafel.objects.filter(pk=pk, gemeente__in=request.user.gemeenten()).select_related("gemeente").first()  # type: ignore[union-attr]
    if tafel is None:
        raise Http404
    if not rules.mag_rapport_zien(request.user, tafel):  # type: ignore[arg-type]
        raise PermissionDenied
    return tafel


def periode(request: HttpRequest) -> tuple[PeriodeForm, datetime.date, datetime.date]:
    van, tot = rapport.standaardperiode()
    form = PeriodeForm(request.GET or None, initial={"van": van, "tot": tot})
    if request.GET and form.is_valid():
        van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
    return form, van, tot


def _context(request: HttpRequest, pk: int) -> dict[str, object]:
    tafel = tafel_voor_rapport(request, pk)
    form, van, tot = periode(request)
    r = rapport.bereken(tafel, van, tot)
    return {
        "tafel": tafel,
        "form": form,
        "r": r,
        "diagrammen": rapport.diagrammen(r),
        "querystring": f"van={van:%Y-%m-%d}&tot={tot:%Y-%m-%d}",
    }


@require_GET
@login_required
def rapport_pagina(request: HttpRequest, pk: int) -> HttpResponse:
    context = _context(request, pk)
    status = 400 if context["form"].errors else 200  # type: ignore[attr-defined]
    return render(request, "tafel/rapport.html", context, status=status)


@require_GET
@login_required
def rapport_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from django.contrib.staticfiles import finders
    from django.template.loader import render_to_string
    from weasyprint import CSS, HTML

    context = _context(request, pk)
    html = render_to_string("tafel/rapport_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=None).write_pdf(stylesheets=[CSS(filename=finders.find("samenwerk/afdruk.css"))])
    response = HttpResponse(pdf, content_type="application/pdf")
    r = context["r"]
    response["Content-Disposition"] = f'attachment; filename="stuurgroeprapport-{r.van:%Y%m%d}-{r.tot:%Y%m%d}.pdf"'  # type: ignore[attr-defined]
    return response


@require_GET
@login_required
def rapport_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    from .rapport_export import exporteer_xlsx

    context = _context(request, pk)
    r = context["r"]
    response = HttpResponse(exporteer_xlsx(rapport.rijen(r)), content_type=XLSX_TYPE)  # type: ignore[arg-type]
    response["Content-Disposition"] = f'attachment; filename="stuurgroeprapport-{r.van:%Y%m%d}-{r.tot:%Y%m%d}.xlsx"'  # type: ignore[attr-defined]
    return response


@require_http_methods(["GET", "POST"])
@login_required
def budget_pagina(request: HttpRequest, pk: int) -> HttpResponse:
    """The pots with their balances for every reader of the report; the spends (case number,
    purpose, decision) and the forms for the chair and the secretary."""
    tafel = tafel_voor_rapport(request, pk)
    beheer = rules.mag_budget_beheren(request.user, tafel)  # type: ignore[arg-type]
    pot_form = PotForm(request.POST if request.POST.get("actie") == "pot" else None, prefix="pot")
    besteding_form = BestedingForm(
        request.POST if request.POST.get("actie") == "besteding" else None, tafel=tafel, prefix="besteding"
    )
    status = 200
    if request.method == "POST":
        if not beheer:
            raise PermissionDenied
        form = pot_form if request.POST.get("actie") == "pot" else besteding_form
        if form.is_valid():
            try:
                if form is pot_form:
                    budget.maak_pot(actor=request.user, tafel=tafel, **form.cleaned_data)  # type: ignore[arg-type]
                else:
                    d = form.cleaned_data
                    budget.leg_besteding_vast(
                        actor=request.user, pot=d["pot"], aanmelding=d["aanmelding"], overleg=d["overleg"],  # type: ignore[arg-type]
                        gegevens=budget.Bestedinggegevens(bedrag=d["bedrag"], doel=d["doel"], besluit=d["besluit"],
                                                          overschrijding_reden=d["overschrijding_reden"]),
                    )  # fmt: skip
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Vastgelegd."))
                return redirect("tafel:budget", pk=tafel.pk)
        status = 400
    context = {
        "tafel": tafel,
        "beheer": beheer,
        "saldi": budget.saldi(budget.potten(tafel).order_by("-van", "id")),
        "pot_form": pot_form,
        "besteding_form": besteding_form,
    }
    if beheer:  # what each spend was for is about the case: the chair and the secretary only
        context |= pagineer(request, budget.bestedingen(tafel), 25)
    return render(request, "tafel/budget.html", context, status=status)
