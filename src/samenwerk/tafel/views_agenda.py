"""A meeting outside the schedule, the agenda e-mailed to the members, a meeting as a
calendar file. Thin: check, call a service, render (style.md §5)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.ui.views import fouten_naar_form

from . import rooster, rules, selectors, uitnodigingen
from .forms_rapport import BijeenkomstForm


@require_http_methods(["GET", "POST"])
@login_required
def extra_bijeenkomst(request: HttpRequest, pk: int) -> HttpResponse:
    tafel = selectors.tafel_of_404(request.user, pk)
    if not rules.leidt(request.user, tafel):
        raise PermissionDenied
    form = BijeenkomstForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            bijeenkomst = rooster.plan_bijeenkomst(
                actor=request.user, tafel=tafel, begint=form.begint(), locatie=form.cleaned_data["locatie"],
                buiten_schema_reden=form.cleaned_data["buiten_schema_reden"],
            )  # fmt: skip
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De bijeenkomst is gepland."))
            return redirect("tafel:bijeenkomst", pk=tafel.pk, bijeenkomst_id=bijeenkomst.pk)
    context = {"form": form, "tafel": tafel, "titel": _("Eén bijeenkomst plannen")}
    return render(request, "tafel/formulier.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def agenda_versturen(request: HttpRequest, pk: int, bijeenkomst_id: int) -> HttpResponse:
    tafel = selectors.tafel_of_404(request.user, pk)
    if not rules.leidt(request.user, tafel):
        raise PermissionDenied
    bijeenkomst = selectors.bijeenkomst_of_404(request.user, tafel, bijeenkomst_id)
    try:
        berichten = uitnodigingen.verstuur_agenda(actor=request.user, bijeenkomst=bijeenkomst)
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
    else:
        messages.success(
            request, _("De agenda is klaargezet voor %(n)s leden en wordt verstuurd, met een uitnodiging voor de agenda.")
            % {"n": len(berichten)},
        )  # fmt: skip
    return redirect("tafel:bijeenkomst", pk=pk, bijeenkomst_id=bijeenkomst_id)


@require_GET
@login_required
def bijeenkomst_ics(request: HttpRequest, pk: int, bijeenkomst_id: int) -> HttpResponse:
    tafel = selectors.tafel_of_404(request.user, pk)
    bijeenkomst = selectors.bijeenkomst_of_404(request.user, tafel, bijeenkomst_id)
    response = HttpResponse(uitnodigingen.bijeenkomst_ics(bijeenkomst), content_type="text/calendar; charset=utf-8")
    datum = timezone.localtime(bijeenkomst.begint).date()
    response["Content-Disposition"] = f'attachment; filename="tafel-{datum:%Y-%m-%d}.ics"'
    return response
