"""The evaluatietafel's pages: the grid (saved per cell with htmx, or all at once by a plain
form post), the roles and attendees, and the exports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.gemeenten.models import Normen
from samenwerk.ui.views import fouten_naar_form

from ..models import Evaluatiecel, Leertafel
from . import evaluatie as diensten
from . import export, rules, selectors
from .forms import RollenForm


def _tafel(request: HttpRequest, pk: int) -> tuple[Leertafel, object]:
    tafel = selectors.leertafel_of_404(request.user, pk)
    if tafel.soort != Leertafel.Soort.EVALUATIE:
        raise Http404
    evaluatie = diensten.evaluatie_van(tafel)
    if not rules.mag_evaluatie_zien(request.user, tafel, evaluatie):
        raise PermissionDenied
    return tafel, evaluatie


def _context(request: HttpRequest, tafel: Leertafel, evaluatie: object, conflicten: dict | None = None) -> dict[str, object]:
    maximum = Normen.objects.voor(tafel.sessie.gemeente_id).evaluatietafel_max
    rooster = diensten.schema(evaluatie)  # type: ignore[arg-type]
    for fase in rooster:
        for stap in fase["stappen"]:
            for c in stap["cellen"]:
                c["conflict"] = (conflicten or {}).get(c["naam"])
    return {
        "tafel": tafel,
        "evaluatie": evaluatie,
        "schema": rooster,
        "notuleren": rules.mag_notuleren(request.user, evaluatie, tafel),  # type: ignore[arg-type]
        "rollen_kiezen": rules.mag_rollen_kiezen(request.user, tafel),
        "huisregels": [str(r) % {"max": maximum} if "%(max)s" in str(r) else r for r in diensten.HUISREGELS],
        "aanwezigen": list(evaluatie.aanwezigen.order_by("first_name", "last_name")) if evaluatie else [],  # type: ignore[attr-defined]
        "conflicten": conflicten or {},
    }


def _wijzigingen(request: HttpRequest, cellen: list[tuple[int, str]]) -> list[diensten.Celwijziging]:
    uit = []
    for stap, vraag in cellen:
        naam = f"cel-{stap}-{vraag}"
        if naam not in request.POST:
            continue
        try:
            versie = int(request.POST.get(f"versie-{stap}-{vraag}", ""))
        except ValueError:
            versie = -1
        uit.append(diensten.Celwijziging(stap=stap, vraag=vraag, tekst=request.POST[naam].strip(), versie=versie))
    return uit


ALLE_CELLEN = [(stap, vraag.value) for stap in diensten.STAPPEN for vraag in diensten.VRAGEN]


@require_http_methods(["GET", "POST"])
@login_required
def schema(request: HttpRequest, pk: int) -> HttpResponse:
    tafel, evaluatie = _tafel(request, pk)
    if request.method == "POST":
        conflicten = diensten.sla_schema_op(actor=request.user, tafel=tafel, wijzigingen=_wijzigingen(request, ALLE_CELLEN))
        if not conflicten:
            messages.success(request, _("Het schema is opgeslagen."))
            return redirect("leren:evaluatie", pk=pk)
        evaluatie = diensten.evaluatie_van(tafel)
        per_cel = {f"cel-{c.cel.stap}-{c.cel.vraag}": c for c in conflicten}
        return render(request, "leren/inbreng/evaluatie.html", _context(request, tafel, evaluatie, per_cel), status=409)
    diensten.log_gelezen(actor=request.user, tafel=tafel, evaluatie=evaluatie)  # type: ignore[arg-type]
    return render(request, "leren/inbreng/evaluatie.html", _context(request, tafel, evaluatie))


@require_POST
@login_required
def cel(request: HttpRequest, pk: int, stap: int, vraag: str) -> HttpResponse:
    """One cell (htmx, as the notulist types). Answers the cell's status line and its new
    version; a stale version answers 409 with both texts."""
    tafel, _evaluatie = _tafel(request, pk)
    if stap not in diensten.STAPPEN or vraag not in Evaluatiecel.Vraag.values:
        raise Http404
    [wijziging] = _wijzigingen(request, [(stap, vraag)]) or [diensten.Celwijziging(stap, vraag, "", -1)]
    context = {"naam": f"cel-{stap}-{vraag}", "tafel": tafel}
    try:
        context["cel"] = diensten.sla_cel_op(actor=request.user, tafel=tafel, wijziging=wijziging)
    except diensten.Celconflict as conflict:
        context |= {"cel": conflict.cel, "conflict": conflict}
        status = 409
    except ValidationError as fout:
        context["fout"] = " ".join(fout.messages)
        status = 400
    else:
        status = 200
    if not request.headers.get("HX-Request"):
        if status == 200:
            messages.success(request, _("De cel is opgeslagen."))
        return redirect("leren:evaluatie", pk=pk)
    return render(request, "leren/inbreng/_celstatus.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def rollen(request: HttpRequest, pk: int) -> HttpResponse:
    tafel, evaluatie = _tafel(request, pk)
    if not rules.mag_rollen_kiezen(request.user, tafel):
        raise PermissionDenied
    initial = {}
    if evaluatie is not None:
        initial = {
            "gespreksleider": evaluatie.gespreksleider, "notulist": evaluatie.notulist,  # type: ignore[attr-defined]
            "tijdbewaker": evaluatie.tijdbewaker, "aanwezigen": list(evaluatie.aanwezigen.all()),  # type: ignore[attr-defined]
            "inbreng": evaluatie.inbreng, "algemeen": evaluatie.algemeen,  # type: ignore[attr-defined]
        }  # fmt: skip
    form = RollenForm(
        request.POST or None, initial=initial, mensen=selectors.kandidaten(tafel), inbrengen=selectors.gedeelde_inbrengen(tafel)
    )
    if request.method == "POST" and form.is_valid():
        try:
            diensten.kies_rollen(actor=request.user, tafel=tafel, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De rollen en de aanwezigen zijn vastgelegd."))
            return redirect("leren:evaluatie", pk=pk)
    context = {"form": form, "tafel": tafel, "titel": _("Rollen en aanwezigen")}
    return render(request, "leren/inbreng/rollen.html", context, status=400 if form.errors else 200)


@require_GET
@login_required
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    tafel, evaluatie = _tafel(request, pk)
    diensten.log_gelezen(actor=request.user, tafel=tafel, evaluatie=evaluatie, export="pdf")  # type: ignore[arg-type]
    return export.pdf_response(request, _context(request, tafel, evaluatie))


@require_GET
@login_required
def xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    tafel, evaluatie = _tafel(request, pk)
    diensten.log_gelezen(actor=request.user, tafel=tafel, evaluatie=evaluatie, export="xlsx")  # type: ignore[arg-type]
    return export.xlsx_response(tafel, evaluatie)  # type: ignore[arg-type]
