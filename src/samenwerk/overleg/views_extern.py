"""The invitee's pages, reached only through their signed link (no account needed): read the
invitation, accept, decline or forward it, and — after accepting, with the resident's
consent — read the plan. A tampered, unknown or expired link is one and the same 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samenwerk.plannen.afdruk import afdruk_context
from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form

from . import antwoorden, inhoud, links
from .forms import AntwoordForm, DoorstuurForm
from .models import Deelnemer, Overleg


def _geldige(token: str) -> Deelnemer:
    """The link works until the meeting is over, and for reading the plan until `plan_tot`."""
    deelnemer = links.deelnemer_voor(token)
    nu = timezone.now()
    if deelnemer.overleg.eindigt > nu or (deelnemer.plan_tot is not None and deelnemer.plan_tot > nu):
        return deelnemer
    raise Http404


def _pagina(request: HttpRequest, token: str, deelnemer: Deelnemer, **extra: object) -> HttpResponse:
    overleg = deelnemer.overleg
    context = {
        "token": token,
        "deelnemer": deelnemer,
        "overleg": overleg,
        "geannuleerd": overleg.status == Overleg.Status.GEANNULEERD,
        "voorbij": overleg.status == Overleg.Status.GEHOUDEN or overleg.eindigt <= timezone.now(),
        "mag_plan_zien": antwoorden.mag_plan_zien(deelnemer) and deelnemer.plan_tot is not None,
        "principes": inhoud.GRONDREGELS,
        "form": extra.pop("form", None) or AntwoordForm(toelichting_nodig=antwoorden.toelichting_nodig(deelnemer)),
        "doorstuur_form": extra.pop("doorstuur_form", None) or DoorstuurForm(),
    } | extra
    return render(request, "overleg/extern/uitnodiging.html", context, status=extra.get("status", 200))


@require_http_methods(["GET", "POST"])
def antwoord(request: HttpRequest, token: str) -> HttpResponse:
    deelnemer = _geldige(token)
    if request.method == "GET":
        antwoorden.log_genodigde(deelnemer, Actie.READ, "overleg.uitnodiging.bekeken")
        return _pagina(request, token, deelnemer)
    form = AntwoordForm(request.POST, toelichting_nodig=antwoorden.toelichting_nodig(deelnemer))
    if form.is_valid():
        try:
            antwoorden.beantwoord(
                deelnemer=deelnemer, komt=form.cleaned_data["komt"], toelichting=form.cleaned_data["toelichting"]
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Dank u wel, uw antwoord is vastgelegd."))
            return redirect("uitnodiging:antwoord", token=token)
    return _pagina(request, token, links.deelnemer_voor(token), form=form, status=409 if form.non_field_errors() else 400)


@require_http_methods(["POST"])
def doorsturen(request: HttpRequest, token: str) -> HttpResponse:
    deelnemer = _geldige(token)
    form = DoorstuurForm(request.POST)
    if form.is_valid():
        try:
            antwoorden.stuur_door(deelnemer=deelnemer, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De uitnodiging is doorgestuurd naar uw collega. Dank u wel."))
            return redirect("uitnodiging:antwoord", token=token)
    return _pagina(
        request, token, links.deelnemer_voor(token), doorstuur_form=form, status=409 if form.non_field_errors() else 400
    )


@require_GET
def plan(request: HttpRequest, token: str) -> HttpResponse:
    deelnemer = _geldige(token)
    if not antwoorden.mag_plan_zien(deelnemer) or deelnemer.plan_tot is None or deelnemer.plan_tot <= timezone.now():
        antwoorden.log_genodigde(deelnemer, Actie.READ, "overleg.plan.geweigerd", segment="plan")
        return render(request, "overleg/extern/geen_plan.html", {"token": token, "deelnemer": deelnemer}, status=403)
    antwoorden.log_genodigde(deelnemer, Actie.READ, "overleg.plan.bekeken", segment="plan")
    context = afdruk_context(deelnemer.overleg.casus) | {"token": token, "deelnemer": deelnemer}
    return render(request, "overleg/extern/plan.html", context)
