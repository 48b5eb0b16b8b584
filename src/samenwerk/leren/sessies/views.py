"""Pages of the leersessies. Thin: check, call a service, render (style.md §5)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.gemeenten.models import Normen
from samenwerk.portaal.context import werkcontext
from samenwerk.ui.views import fouten_naar_form, pagineer

from ..models import Leerrooster, Leertafel
from . import rules, selectors, services, versturen
from .forms import AanmeldForm, FeedbackForm, RoosterForm


def _status(form: object) -> int:
    return 400 if getattr(form, "errors", None) else 200


@require_GET
@login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    if ctx.gemeente is None:
        return render(request, "portaal/geen_rol.html", status=403)
    nu = timezone.now()
    eigen_gebieden = {r.gebied_id for r in ctx.rollen if r.gebied_id}
    context = {
        "gebieden": selectors.gebieden_met_volgende(ctx.gemeente, nu),
        "aanmeldingen": list(selectors.mijn_aanmeldingen(request.user, nu)),
        "eigen_gebieden": eigen_gebieden,
        "nieuwkomer": selectors.nieuwkomers(ctx.gemeente, sinds=nu - datetime.timedelta(days=365))
        .filter(pk=request.user.pk)
        .exists(),
    }
    return render(request, "leren/sessies/overzicht.html", context)


@require_GET
@login_required
def sessies_gebied(request: HttpRequest, pk: int) -> HttpResponse:
    gebied = selectors.gebied_of_404(request.user, pk)
    context = {
        "gebied": gebied,
        "leiding": rules.leidt(request.user, gebied),
        "rooster": Leerrooster.objects.filter(gebied=gebied).first(),
        "nu": timezone.now(),
        **pagineer(request, selectors.sessies_in_gebied(gebied), 20),
    }
    return render(request, "leren/sessies/gebied.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def rooster(request: HttpRequest, pk: int) -> HttpResponse:
    gebied = selectors.gebied_of_404(request.user, pk)
    if not rules.leidt(request.user, gebied):
        raise PermissionDenied
    bestaand = Leerrooster.objects.filter(gebied=gebied).first()
    begin = {k: getattr(bestaand, k) for k in RoosterForm.base_fields if hasattr(bestaand, k)} if bestaand else {}
    form = RoosterForm(request.POST or None, initial=begin)
    if request.method == "POST" and form.is_valid():
        try:
            r = services.bewaar_rooster(actor=request.user, gebied=gebied, gegevens=form.gegevens())
            nieuw = services.plan_reeks(
                actor=request.user, rooster=r, vanaf=form.cleaned_data["vanaf"], tot=form.cleaned_data["tot"]
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het rooster is bewaard; %(aantal)s leersessies gepland.") % {"aantal": len(nieuw)})
            return redirect("leren:sessies-gebied", pk=gebied.pk)
    context = {"form": form, "gebied": gebied, "titel": _("Rooster van de leersessies in %(gebied)s") % {"gebied": gebied}}
    return render(request, "leren/sessies/formulier.html", context, status=_status(form))


@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = selectors.sessie_of_404(request.user, pk)
    tafels = selectors.tafels_met_deelnames(sessie)
    leiding = rules.leidt(request.user, sessie.gebied)
    context = {
        "sessie": sessie,
        "tafels": tafels,
        "leiding": leiding,
        "voorbij": sessie.begin <= timezone.now(),
        "deelname": selectors.deelname_van(request.user, sessie),
        "mag_aanmelden": rules.mag_aanmelden(request.user, sessie),
        "aanmeldingen": list(selectors.aanmeldingen(sessie)) if leiding else None,
        "waarschuwingen": selectors.tafelwaarschuwingen(sessie, tafels, Normen.objects.voor(sessie.gemeente_id)),
        "normen": Normen.objects.voor(sessie.gemeente_id),
        "casustafel": Leertafel.Soort.CASUS,
        "mag_actieleren": rules.mag_actieleren_vastleggen(request.user, sessie),
    }
    return render(request, "leren/sessies/detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def aanmelden(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = selectors.sessie_of_404(request.user, pk)
    if not rules.mag_aanmelden(request.user, sessie):
        raise PermissionDenied
    form = AanmeldForm(request.POST or None, sessie=sessie)
    if request.method == "POST" and form.is_valid():
        try:
            deelname = services.meld_aan(actor=request.user, sessie=sessie, tafel=form.cleaned_data["tafel"])
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            if deelname.zonder_link:
                messages.warning(
                    request,
                    _("U bent aangemeld. De agenda en link zijn al verstuurd; u krijgt ze niet meer per e-mail. "
                      "Vraag ze aan de gebiedsaanjager, %(naam)s.") % {"naam": sessie.aanjager},
                )  # fmt: skip
            elif deelname.laat:
                messages.success(request, _("U bent aangemeld (later dan we graag zien, maar welkom)."))
            else:
                messages.success(request, _("U bent aangemeld. Ongeveer een dag vooraf krijgt u de agenda per e-mail."))
            return redirect("leren:sessie-detail", pk=sessie.pk)
    context = {"form": form, "sessie": sessie, "verstuurd": sessie.agenda_verstuurd_op is not None}
    return render(request, "leren/sessies/aanmelden.html", context, status=_status(form))


@require_POST
@login_required
def afmelden(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = selectors.sessie_of_404(request.user, pk)
    deelname = selectors.deelname_van(request.user, sessie)
    if deelname is None:
        raise PermissionDenied
    try:
        services.meld_af(actor=request.user, deelname=deelname)
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
    else:
        messages.success(request, _("U bent afgemeld."))
    return redirect("leren:sessie-detail", pk=sessie.pk)


@require_http_methods(["GET", "POST"])
@login_required
def aanwezigheid(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = selectors.sessie_of_404(request.user, pk)
    if not rules.leidt(request.user, sessie.gebied):
        raise PermissionDenied
    deelnames = list(selectors.aanmeldingen(sessie))
    tafels = list(sessie.tafels.all())
    fouten: list[str] = []
    if request.method == "POST":
        regels = []
        for d in deelnames:
            tafel = request.POST.get(f"tafel-{d.pk}") or None
            aanwezig = {"ja": True, "nee": False}.get(request.POST.get(f"aanwezig-{d.pk}", ""))
            regels.append(services.Aanwezigheid(d.pk, int(tafel) if tafel and tafel.isdigit() else None, aanwezig))
        try:
            services.leg_aanwezigheid_vast(actor=request.user, sessie=sessie, regels=regels)
        except ValidationError as fout:
            fouten = fout.messages
        else:
            messages.success(request, _("De aanwezigheid is bewaard."))
            return redirect("leren:sessie-detail", pk=sessie.pk)
    context = {"sessie": sessie, "deelnames": deelnames, "tafels": tafels, "fouten": fouten}
    return render(request, "leren/sessies/aanwezigheid.html", context, status=400 if fouten else 200)


@require_GET
@login_required
def ics(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = selectors.sessie_of_404(request.user, pk)
    deelname = selectors.deelname_van(request.user, sessie)
    # The link only for who gets it by e-mail too (registered in time) and the facilitator.
    met_link = rules.leidt(request.user, sessie.gebied) or (deelname is not None and not deelname.zonder_link)
    if sessie.online and not met_link:
        sessie.link = ""
    inhoud = versturen.kalender(sessie)
    response = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="leersessie-{sessie.pk}.ics"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = selectors.sessie_of_404(request.user, pk)
    if selectors.deelname_van(request.user, sessie) is None:
        raise PermissionDenied
    bestaand = sessie.feedback.filter(user=request.user).first()
    begin = (
        {"score_inhoud": bestaand.score_inhoud, "score_organisatie": bestaand.score_organisatie, "opmerking": bestaand.opmerking}
        if bestaand
        else {}
    )
    form = FeedbackForm(request.POST or None, initial=begin)
    if request.method == "POST" and form.is_valid():
        try:
            services.geef_feedback(actor=request.user, sessie=sessie, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Dank u wel voor uw feedback."))
            return redirect("leren:sessie-detail", pk=sessie.pk)
    context = {"form": form, "sessie": sessie, "titel": _("Feedback op de leersessie")}
    return render(request, "leren/sessies/formulier.html", context, status=_status(form))
