"""Pages of the Samenwerkoverleg inside a case: plan, invite, prepare, chair, close.

Reading needs a view of the resident's data (participants, emergency access; not the
procesregisseur); notes and agreements need the "may write" rule (`mag_vastleggen`: a
participant, never emergency access); planning, inviting and closing are for whoever
steers the case (`mag_beheren`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.casussen.models import Betrokkene, Casus
from samenwerk.casussen.rules import eis_vastleggen, mag_beheren, mag_vastleggen, rol_van, ziet_persoonsgegevens
from samenwerk.casussen.selectors import casus_of_404
from samenwerk.casussen.services import log_casus
from samenwerk.plannen.services import plan_van
from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form, voer_uit

from . import ics, inhoud, selectors, services
from .berichten import absolute
from .forms import (
    AfsluitForm,
    AkkoordForm,
    AnnuleerForm,
    ChecklistForm,
    DeelnemerForm,
    NotitieForm,
    OverlegAfspraakForm,
    OverlegForm,
)
from .models import Agendapunt, Deelnemer, Overleg, Rolkeuze

SAMENWERKING, LEZEN, MEEDOEN, STUREN = "samenwerking", "lezen", "meedoen", "sturen"


def _casus(request: HttpRequest, pk: int, recht: str = LEZEN) -> Casus:
    """SAMENWERKING also lets the procesregisseur in: they see when meetings are and which
    professionals take part, not the goal, the place, the network or the notes."""
    casus = casus_of_404(request.user, pk, gebeurtenis="overleg.bekeken")
    procesregie = recht == SAMENWERKING and rol_van(request.user, casus) == Betrokkene.Rol.PROCESREGISSEUR
    if not (ziet_persoonsgegevens(request.user, casus) or procesregie):
        raise PermissionDenied
    if recht == MEEDOEN:
        eis_vastleggen(request.user, casus)
    if recht == STUREN and not mag_beheren(request.user, casus):
        raise PermissionDenied
    return casus


def _overleg(request: HttpRequest, pk: int, overleg_id: int, recht: str = LEZEN) -> Overleg:
    casus = _casus(request, pk, recht)
    overleg = get_object_or_404(Overleg.objects.select_related("organisator"), pk=overleg_id, casus=casus)
    overleg.casus = casus
    return overleg


def _lees(request: HttpRequest, overleg: Overleg, gebeurtenis: str) -> None:
    log_casus(
        actor=request.user, casus=overleg.casus, actie=Actie.READ, gebeurtenis=gebeurtenis, segment="overleg",
        object_type="overleg", object_id=overleg.pk,
    )  # fmt: skip


def _pagina(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    return render(request, f"overleg/{template}", context, status=status)


@require_GET
@login_required
def lijst(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, SAMENWERKING)
    log_casus(actor=request.user, casus=casus, actie=Actie.READ, gebeurtenis="overleg.lijst", segment="samenwerking")
    context = {"casus": casus, "beheren": mag_beheren(request.user, casus)} | selectors.overzicht(casus)
    return _pagina(request, "lijst.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, STUREN)
    plan = plan_van(casus)
    ik = Betrokkene.objects.actief().filter(casus=casus, user=request.user).values_list("pk", flat=True).first()
    voorzitter = f"{Rolkeuze.BETROKKENE.value}:{ik}" if ik else ""
    initial = {"doel": plan.ik_wil, "voorzitter": voorzitter}
    # De Tafel links here for its MDO+ (?vorm=mdo_plus) and voortgangsgesprek (?soort=voortgang).
    if request.GET.get("vorm") in Overleg.Vorm.values:
        initial["vorm"] = request.GET["vorm"]
    if request.GET.get("soort") in Overleg.Soort.values:
        initial["soort"] = request.GET["soort"]
    form = OverlegForm(request.POST or None, casus=casus, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            overleg = services.plan_overleg(actor=request.user, casus=casus, gegevens=form.gegevens())
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het overleg is gepland. Kies nu samen met de inwoner wie er wordt uitgenodigd."))
            return redirect("overleg:detail", pk=casus.pk, overleg_id=overleg.pk)
    return _pagina(
        request,
        "formulier.html",
        {"casus": casus, "form": form, "titel": _("Samenwerkoverleg plannen")},
        200 if request.method == "GET" or form.is_valid() else 400,
    )


@require_GET
@login_required
def detail(request: HttpRequest, pk: int, overleg_id: int) -> HttpResponse:
    overleg = _overleg(request, pk, overleg_id, SAMENWERKING)
    volledig = ziet_persoonsgegevens(request.user, overleg.casus)
    _lees(request, overleg, "overleg.bekeken" if volledig else "overleg.samenwerking.bekeken")
    context = selectors.detail(overleg, volledig=volledig) | {
        "casus": overleg.casus,
        "overleg": overleg,
        "volledig": volledig,
        "beheren": mag_beheren(request.user, overleg.casus),
        "akkoord_form": AkkoordForm(),
    }
    return _pagina(request, "detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def bewerken(request: HttpRequest, pk: int, overleg_id: int) -> HttpResponse:
    overleg = _overleg(request, pk, overleg_id, STUREN)
    form = OverlegForm.voor(overleg, request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.wijzig_overleg(
                    actor=request.user, overleg=overleg, gegevens=form.gegevens(), versie=form.cleaned_data["versie"] or 0
                )
            except services.OverlegConflict:
                form.add_error(
                    None,
                    _(
                        "Iemand anders heeft dit overleg intussen gewijzigd. Uw invoer staat hieronder; "
                        "laad de pagina opnieuw om de nieuwe gegevens te zien."
                    ),
                )
                status = 409
            except services.NietsGewijzigd:
                messages.info(request, _("Er was niets gewijzigd. Niemand krijgt een nieuwe uitnodiging."))
                return redirect("overleg:detail", pk=pk, overleg_id=overleg.pk)
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(
                    request, _("Het overleg is gewijzigd. Wie al is uitgenodigd, krijgt een bijgewerkte agenda-uitnodiging.")
                )
                return redirect("overleg:detail", pk=pk, overleg_id=overleg.pk)
    return _pagina(
        request,
        "formulier.html",
        {"casus": overleg.casus, "overleg": overleg, "form": form, "titel": _("Overleg wijzigen")},
        status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def annuleren(request: HttpRequest, pk: int, overleg_id: int) -> HttpResponse:
    overleg = _overleg(request, pk, overleg_id, STUREN)
    form = AnnuleerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.annuleer(actor=request.user, overleg=overleg, reden=form.cleaned_data["reden"])
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het overleg is geannuleerd. Iedereen die was uitgenodigd, krijgt bericht."))
            return redirect("overleg:detail", pk=pk, overleg_id=overleg.pk)
    titel = _("Overleg annuleren")
    return _pagina(
        request,
        "formulier.html",
        {"casus": overleg.casus, "overleg": overleg, "form": form, "titel": titel},
        400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def deelnemer(request: HttpRequest, pk: int, overleg_id: int) -> HttpResponse:
    overleg = _overleg(request, pk, overleg_id, STUREN)
    form = DeelnemerForm(request.POST or None, casus=overleg.casus)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        betrokkene = d.get("betrokkene")
        genodigde = services.Genodigde(
            soort=d["soort"], naam=d["naam"], email=d["email"], organisatie=d["organisatie"], reden=d["reden"],
            reden_toelichting=d["reden_toelichting"], user=betrokkene.user if betrokkene else None,
            netwerklid=d.get("netwerklid"), plan_delen=d["plan_delen"],
        )  # fmt: skip
        try:
            services.voeg_deelnemer_toe(actor=request.user, overleg=overleg, genodigde=genodigde)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("%(naam)s staat op de lijst.") % {"naam": genodigde.naam})
            return redirect("overleg:detail", pk=pk, overleg_id=overleg.pk)
    uitleg = _(
        "Kies samen met de inwoner wie er komt, en waarom. "
        "Iedereen geeft advies, ook als de eigen organisatie de hulp niet levert."
    )
    context = {"casus": overleg.casus, "overleg": overleg, "form": form, "titel": _("Deelnemer toevoegen"), "uitleg": uitleg}
    return _pagina(request, "formulier.html", context, 400 if form.errors else 200)


def _deelnemer(request: HttpRequest, pk: int, overleg_id: int, deelnemer_id: int) -> Deelnemer:
    overleg = _overleg(request, pk, overleg_id, STUREN)
    gevonden = get_object_or_404(Deelnemer, pk=deelnemer_id, overleg=overleg)
    gevonden.overleg = overleg
    return gevonden


def _terug(request: HttpRequest, pk: int, overleg_id: int, actie, succes: str) -> HttpResponse:
    voer_uit(request, actie, succes)
    return redirect("overleg:detail", pk=pk, overleg_id=overleg_id)


@require_POST
@login_required
def deelnemer_verwijderen(request: HttpRequest, pk: int, overleg_id: int, deelnemer_id: int) -> HttpResponse:
    gekozen = _deelnemer(request, pk, overleg_id, deelnemer_id)
    return _terug(
        request,
        pk,
        overleg_id,
        lambda: services.verwijder_deelnemer(actor=request.user, deelnemer=gekozen),
        _("Van de lijst gehaald."),
    )


@require_POST
@login_required
def plantoestemming(request: HttpRequest, pk: int, overleg_id: int, deelnemer_id: int) -> HttpResponse:
    gekozen = _deelnemer(request, pk, overleg_id, deelnemer_id)
    gegeven = request.POST.get("gegeven") == "ja"
    succes = (
        _("Toestemming vastgelegd.")
        if gegeven
        else _("Geen toestemming vastgelegd; het plan wordt niet met deze persoon gedeeld.")
    )
    return _terug(
        request,
        pk,
        overleg_id,
        lambda: services.wijzig_plantoestemming(actor=request.user, deelnemer=gekozen, gegeven=gegeven),
        succes,
    )


@require_POST
@login_required
def akkoord(request: HttpRequest, pk: int, overleg_id: int) -> HttpResponse:
    overleg = _overleg(request, pk, overleg_id, STUREN)
    form = AkkoordForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies wie de uitnodigingen verstuurt."))
        return redirect("overleg:detail", pk=pk, overleg_id=overleg.pk)
    door = form.cleaned_data["verstuurd_door"]
    return _terug(
        request,
        pk,
        overleg_id,
        lambda: services.leg_lijst_akkoord_vast(actor=request.user, overleg=overleg, verstuurd_door=door),
        _("Vastgelegd: de inwoner is akkoord met de lijst."),
    )


@require_POST
@login_required
def uitnodigen(request: HttpRequest, pk: int, overleg_id: int) -> HttpResponse:
    overleg = _overleg(request, pk, overleg_id, STUREN)
    return _terug(
        request,
        pk,
        overleg_id,
        lambda: services.nodig_uit(actor=request.user, overleg=overleg),
        _("De uitnodigingen gaan nu de deur uit."),
    )


@require_http_methods(["GET", "POST"])
@login_required
def voorbereiding(request: HttpRequest, pk: int, overleg_id: int) -> HttpResponse:
    overleg = _overleg(request, pk, overleg_id, STUREN)
    form = ChecklistForm(request.POST or None, punten=list(overleg.checklist.all()))
    if request.method == "POST" and form.is_valid():
        services.beantwoord_checklist(actor=request.user, overleg=overleg, antwoorden=form.antwoorden())
        messages.success(request, _("De voorbereiding is opgeslagen."))
        return redirect("overleg:detail", pk=pk, overleg_id=overleg.pk)
    _lees(request, overleg, "overleg.checklist.bekeken")
    return _pagina(
        request, "voorbereiding.html", {"casus": overleg.casus, "overleg": overleg, "form": form, "lijsten": inhoud.LIJSTEN}
    )


def _voorzitter_context(request: HttpRequest, overleg: Overleg, **extra: object) -> dict:
    agenda = list(overleg.agenda.all())
    return {
        "casus": overleg.casus,
        "overleg": overleg,
        "grondregels": inhoud.GRONDREGELS,
        "agenda": [(punt, NotitieForm(initial={"notities": punt.notities}, prefix=f"p{punt.pk}")) for punt in agenda],
        "afspraken": selectors.afspraken_van(overleg),
        "afspraak_form": extra.pop("afspraak_form", None) or OverlegAfspraakForm(overleg=overleg),
        "deelnemers": list(overleg.deelnemers.all()),
        "begonnen": timezone.localtime(overleg.begint).date() <= timezone.localdate(),
        "meedoen": mag_vastleggen(request.user, overleg.casus),
    } | extra


@require_GET
@login_required
def voorzitter(request: HttpRequest, pk: int, overleg_id: int) -> HttpResponse:
    overleg = _overleg(request, pk, overleg_id)
    _lees(request, overleg, "overleg.voorzitter.bekeken")
    return _pagina(request, "voorzitter.html", _voorzitter_context(request, overleg))


@require_POST
@login_required
def notities(request: HttpRequest, pk: int, overleg_id: int, punt_id: int) -> HttpResponse:
    overleg = _overleg(request, pk, overleg_id, MEEDOEN)
    punt = get_object_or_404(Agendapunt, pk=punt_id, overleg=overleg)
    punt.overleg = overleg
    form = NotitieForm(request.POST, prefix=f"p{punt.pk}")
    tekst = form.cleaned_data["notities"] if form.is_valid() else ""
    return _terug_voorzitter(
        request,
        lambda: services.noteer(actor=request.user, agendapunt=punt, notities=tekst),
        _("Aantekeningen opgeslagen."),
        overleg,
        f"punt-{punt.pk}",
    )


def _terug_voorzitter(request: HttpRequest, actie, succes: str, overleg: Overleg, anker: str) -> HttpResponse:
    voer_uit(request, actie, succes)
    url = redirect("overleg:voorzitter", pk=overleg.casus_id, overleg_id=overleg.pk).url
    return redirect(f"{url}#{anker}")


@require_POST
@login_required
def afspraak(request: HttpRequest, pk: int, overleg_id: int) -> HttpResponse:
    overleg = _overleg(request, pk, overleg_id, MEEDOEN)
    form = OverlegAfspraakForm(request.POST, overleg=overleg)
    if form.is_valid():
        try:
            services.neem_afspraak_op(actor=request.user, overleg=overleg, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De afspraak staat in het plan."))
            return redirect(redirect("overleg:voorzitter", pk=pk, overleg_id=overleg.pk).url + "#afspraken")
    return _pagina(request, "voorzitter.html", _voorzitter_context(request, overleg, afspraak_form=form), 400)


@require_http_methods(["GET", "POST"])
@login_required
def afsluiten(request: HttpRequest, pk: int, overleg_id: int) -> HttpResponse:
    overleg = _overleg(request, pk, overleg_id, STUREN)
    deelnemers = list(overleg.deelnemers.exclude(antwoord=Deelnemer.Antwoord.DOORGESTUURD))
    form = AfsluitForm(request.POST or None, overleg=overleg, deelnemers=deelnemers)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        afsluiting = services.Afsluiting(
            casusregisseur=d["casusregisseur"], procesregisseur_nodig=d["procesregisseur_nodig"],
            procesregisseur_toelichting=d["procesregisseur_toelichting"], vervolg=d["vervolg"],
            vervolg_datum=d["vervolg_datum"], afsluitronde=form.afsluitronde(), aanwezig=form.aanwezig(),
        )  # fmt: skip
        try:
            verdeling = services.sluit_af(actor=request.user, overleg=overleg, afsluiting=afsluiting)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(
                request,
                _(
                    "Het overleg is afgesloten. Het bijgewerkte plan gaat naar %(n)s deelnemer(s); "
                    "%(m)s zonder toestemming krijgen het niet."
                )
                % {"n": len(verdeling["gestuurd"]), "m": len(verdeling["niet"])},
            )
            return redirect("overleg:detail", pk=pk, overleg_id=overleg.pk)
    context = {"casus": overleg.casus, "overleg": overleg, "form": form, "toestemmingen": selectors.plantoestemmingen(overleg)}
    return _pagina(request, "afsluiten.html", context, 400 if form.errors else 200)


@require_GET
@login_required
def agenda_bestand(request: HttpRequest, pk: int, overleg_id: int) -> HttpResponse:
    """The event for the person's own calendar (the organiser gets no invitation e-mail)."""
    overleg = _overleg(request, pk, overleg_id)
    _lees(request, overleg, "overleg.ics")
    link = absolute(redirect("overleg:detail", pk=pk, overleg_id=overleg.pk).url)
    response = HttpResponse(ics.feed([overleg], lambda _o: link), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="overleg-{overleg.pk}.ics"'
    return response
