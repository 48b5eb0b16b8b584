"""The actieleren page: one form for the record of a question, with the participants' and
advices' rows. There is no discussion field, on purpose (domain.md §7)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenwerk.ui.views import fouten_naar_form

from ..models import Actieleren
from . import actieleren as services
from . import rules, selectors
from .forms import ActielerenForm, actielerengegevens, formsets


def _formulier(request: HttpRequest, *, tafel, actieleren: Actieleren | None, mag: bool) -> HttpResponse:  # type: ignore[no-untyped-def]
    sessie = tafel.sessie
    begin = {}
    if actieleren is not None:
        begin = {
            veld: getattr(actieleren, veld)
            for veld in ActielerenForm.base_fields
            if veld not in ("nuttig_bevonden",) and hasattr(actieleren, veld)
        }
        begin["nuttig_bevonden"] = {True: "ja", False: "nee"}.get(actieleren.nuttig_bevonden, "")
    data = request.POST if request.method == "POST" else None
    form = ActielerenForm(data, initial=begin, gemeente_id=sessie.gemeente_id)
    deelnemers, adviezen = formsets(data, sessie.gemeente_id, actieleren)
    fout_in_rijen = ""
    if request.method == "POST":
        if not mag:
            raise PermissionDenied
        if form.is_valid() and deelnemers.is_valid() and adviezen.is_valid():
            gegevens = actielerengegevens(form, deelnemers, adviezen)
            try:
                if actieleren is None:
                    actieleren = services.maak_actieleren(actor=request.user, tafel=tafel, gegevens=gegevens)
                else:
                    versie = form.cleaned_data["versie"] if form.cleaned_data["versie"] is not None else actieleren.versie
                    services.wijzig_actieleren(actor=request.user, actieleren=actieleren, gegevens=gegevens, versie=versie)
            except ValidationError as fout:
                fouten_naar_form(form, fout)
                if hasattr(fout, "error_dict"):
                    fout_in_rijen = " ".join(fout.message_dict.get("adviezen", []) + fout.message_dict.get("deelnemers", []))
            else:
                messages.success(request, _("Het actieleren is bewaard."))
                return redirect("leren:actieleren", pk=actieleren.pk)
    context = {
        "form": form, "deelnemers": deelnemers, "adviezen": adviezen, "tafel": tafel, "sessie": sessie,
        "actieleren": actieleren, "mag": mag, "fout_in_rijen": fout_in_rijen,
        "inbreng": actieleren.inbreng if actieleren is not None else None,
    }  # fmt: skip
    return render(request, "leren/sessies/actieleren.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    tafel = selectors.tafel_of_404(request.user, pk)
    if not rules.mag_actieleren_vastleggen(request.user, tafel.sessie):
        raise PermissionDenied
    return _formulier(request, tafel=tafel, actieleren=None, mag=True)


@require_http_methods(["GET", "POST"])
@login_required
def actieleren(request: HttpRequest, pk: int) -> HttpResponse:
    rij = selectors.actieleren_of_404(request.user, pk)
    mag = rules.mag_actieleren_vastleggen(request.user, rij.tafel.sessie, rij)
    return _formulier(request, tafel=rij.tafel, actieleren=rij, mag=mag)
