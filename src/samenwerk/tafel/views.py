"""Pages of De Tafel Samen aan Zet. Thin: check, call a service, render (style.md §5)."""

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

from samenwerk.casussen.forms import InwonerForm
from samenwerk.casussen.rules import mag_vastleggen
from samenwerk.casussen.services import InwonerGegevens
from samenwerk.portaal.context import werkcontext
from samenwerk.ui.views import fouten_naar_form

from . import afdruk, rules, selectors, services
from . import agenda as agendaregels
from .forms import (
    AanmeldingForm,
    AfsprakenForm,
    BesluitForm,
    BlokFormSet,
    BloktijdForm,
    CasuscheckForm,
    KlokForm,
    LidForm,
    NotitiesForm,
    ProcesevaluatieForm,
    ReeksForm,
    ReflectieForm,
    TafelForm,
    TipForm,
    TriageForm,
)
from .models import Blok, Tafellid, Triage


@require_GET
@login_required
def lijst(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    if ctx.gemeente is None:
        return render(request, "portaal/geen_rol.html", status=403)
    tafels = list(selectors.tafels_voor(request.user, ctx.gemeente))
    rapport = ctx.heeft(*rules.RAPPORTLEZERS)
    if not tafels and not rules.mag_inrichten(request.user, ctx.gemeente) and not ctx.heeft(*rules.AANMELDERS) and not rapport:
        raise PermissionDenied
    return render(
        request,
        "tafel/lijst.html",
        {"tafels": tafels, "inrichten": rules.mag_inrichten(request.user, ctx.gemeente), "rapport": rapport},
    )


@require_http_methods(["GET", "POST"])
@login_required
def nieuw(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    if ctx.gemeente is None or not rules.mag_inrichten(request.user, ctx.gemeente):
        raise PermissionDenied
    form = TafelForm(request.POST or None, gemeente=ctx.gemeente)
    if request.method == "POST" and form.is_valid():
        try:
            tafel = services.maak_tafel(actor=request.user, gemeente=ctx.gemeente, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De Tafel is ingericht. Voeg nu de leden toe en plan de bijeenkomsten."))
            return redirect("tafel:detail", pk=tafel.pk)
    return render(request, "tafel/formulier.html", {"form": form, "titel": _("Nieuwe Tafel")}, status=400 if form.errors else 200)


@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    tafel = selectors.tafel_of_404(request.user, pk)
    context = {
        "tafel": tafel,
        "leiding": rules.leidt(request.user, tafel),
        "leden": selectors.leden(tafel),
        "bijeenkomsten": selectors.bijeenkomsten(tafel),
        "aanmeldingen": selectors.aanmeldingen(tafel),
        "geen_bijeenkomst": selectors.geen_bijeenkomst_binnenkort(tafel),
    }
    return render(request, "tafel/detail.html", context)


def _tafel_voor_leiding(request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
    tafel = selectors.tafel_of_404(request.user, pk)
    if not rules.leidt(request.user, tafel):
        raise PermissionDenied
    return tafel


@require_http_methods(["GET", "POST"])
@login_required
def lid(request: HttpRequest, pk: int) -> HttpResponse:
    tafel = _tafel_voor_leiding(request, pk)
    form = LidForm(request.POST or None, gemeente=tafel.gemeente)
    if request.method == "POST" and form.is_valid():
        try:
            services.voeg_lid_toe(actor=request.user, tafel=tafel, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het lid is toegevoegd."))
            return redirect("tafel:detail", pk=tafel.pk)
    context = {"form": form, "tafel": tafel, "titel": _("Lid toevoegen")}
    return render(request, "tafel/formulier.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def lid_beeindigen(request: HttpRequest, pk: int, lid_id: int) -> HttpResponse:
    tafel = _tafel_voor_leiding(request, pk)
    try:
        lid = tafel.leden.get(pk=lid_id)
    except Tafellid.DoesNotExist as leeg:
        raise PermissionDenied from leeg
    try:
        services.beeindig_lid(actor=request.user, lid=lid)
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
    else:
        messages.success(request, _("Het lidmaatschap is beëindigd; het blijft in de geschiedenis staan."))
    return redirect("tafel:detail", pk=tafel.pk)


@require_http_methods(["GET", "POST"])
@login_required
def reeks(request: HttpRequest, pk: int) -> HttpResponse:
    tafel = _tafel_voor_leiding(request, pk)
    form = ReeksForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = services.plan_reeks(actor=request.user, tafel=tafel, eerste=form.eerste(), tot=form.cleaned_data["tot"])
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("%(aantal)s bijeenkomsten gepland.") % {"aantal": len(nieuw)})
            return redirect("tafel:detail", pk=tafel.pk)
    context = {"form": form, "tafel": tafel, "titel": _("Bijeenkomsten plannen")}
    return render(request, "tafel/formulier.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def aanmelden(request: HttpRequest, pk: int) -> HttpResponse:
    tafel = selectors.tafel_voor_aanmelden_of_404(request.user, pk)
    form = AanmeldingForm(request.POST or None, user=request.user, gemeente=tafel.gemeente)
    inwoner_form = InwonerForm(request.POST or None, prefix="inwoner", use_required_attribute=False)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        gegevens = services.Aanmeldgegevens(
            inwoner_weet_hoe=data["inwoner_weet_hoe"], inwoner_weet_op=data["inwoner_weet_op"],
            leefgebieden=data["leefgebieden"], geprobeerd=data["geprobeerd"], waarom_vast=data["waarom_vast"],
            vraag=data["vraag"], namens=data["namens"],
        )  # fmt: skip
        nieuwe_casus = None
        if data["casus"] is None:
            ontbreekt = form.nieuwe_casus_velden_ontbreken()
            if not inwoner_form.is_valid() or ontbreekt:
                for veld, tekst in ontbreekt.items():
                    form.add_error(veld, tekst)
            else:
                nieuwe_casus = {
                    "organisatie": data["organisatie"],
                    "gebied": data["gebied"],
                    "binnengekomen_via": data["binnengekomen_via"],
                    "aangemeld_door": data["namens"] or str(request.user),
                    "inwoner": InwonerGegevens(**inwoner_form.cleaned_data),
                }
        if not form.errors and (data["casus"] is not None or nieuwe_casus is not None):
            try:
                aanmelding = services.meld_aan(
                    actor=request.user, tafel=tafel, gegevens=gegevens, casus=data["casus"], nieuwe_casus=nieuwe_casus
                )
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("De casus is aangemeld bij de Tafel."))
                return redirect("tafel:aanmelding", pk=tafel.pk, aanmelding_id=aanmelding.pk)
    context = {"form": form, "inwoner_form": inwoner_form, "tafel": tafel}
    fout = request.method == "POST"
    return render(request, "tafel/aanmelden.html", context, status=400 if fout else 200)


@require_GET
@login_required
def aanmelding(request: HttpRequest, pk: int, aanmelding_id: int) -> HttpResponse:
    gevonden = selectors.aanmelding_of_404(request.user, pk, aanmelding_id)
    # The Werkwijze (steps 3-6) is for the case's own professionals, once the table found it suitable.
    werkwijze = gevonden.triage == Triage.GESCHIKT and mag_vastleggen(request.user, gevonden.casus)
    return render(request, "tafel/aanmelding.html", {"aanmelding": gevonden, "tafel": gevonden.tafel, "werkwijze": werkwijze})


def _agenda_context(request: HttpRequest, pk: int, bijeenkomst_id: int) -> dict[str, object]:
    tafel = selectors.tafel_of_404(request.user, pk)
    bijeenkomst = selectors.bijeenkomst_of_404(request.user, tafel, bijeenkomst_id)
    blokken = list(selectors.blokken(bijeenkomst))
    voorstel, aanmeldingen = services.voorstel(bijeenkomst) if not blokken else (None, {})
    if blokken:
        items = [(b.get_soort_display(), b.minuten, b.aanmelding) for b in blokken]
    else:
        items = [(Blok(b.soort).label, b.minuten, aanmeldingen.get(b.aanmelding_id)) for b in voorstel.blokken]
    tijden = agendaregels.tijdschema(bijeenkomst.begint, [m for _l, m, _a in items])
    rijen = [
        {"onderdeel": label, "minuten": m, "aanmelding": a, "van": van, "tot": tot}
        for (label, m, a), (van, tot) in zip(items, tijden, strict=True)
    ]
    doorgeschoven = [aanmeldingen[i] for i in voorstel.doorgeschoven] if voorstel else []
    return {
        "rijen": rijen,
        "doorgeschoven": doorgeschoven,
        "tafel": tafel,
        "bijeenkomst": bijeenkomst,
        "blokken": blokken,
        "voorstel": voorstel,
        "aanmeldingen": aanmeldingen,
        "leiding": rules.leidt(request.user, tafel),
    }


@require_http_methods(["GET", "POST"])
@login_required
def bijeenkomst(request: HttpRequest, pk: int, bijeenkomst_id: int) -> HttpResponse:
    context = _agenda_context(request, pk, bijeenkomst_id)
    bijeenkomst = context["bijeenkomst"]
    blokken = context["blokken"]
    initial = [{"blok": b.pk, "volgorde": i, "minuten": b.minuten} for i, b in enumerate(blokken, 1)]  # type: ignore[attr-defined]
    formset = BlokFormSet(request.POST or None, initial=initial, prefix="blok")
    status = 200
    if request.method == "POST":
        if not context["leiding"]:
            raise PermissionDenied
        versie = _versie(request)
        try:
            if "opstellen" in request.POST:
                services.stel_agenda_op(actor=request.user, bijeenkomst=bijeenkomst, versie=versie)  # type: ignore[arg-type]
                messages.success(request, _("De agenda is opgesteld."))
                return redirect("tafel:bijeenkomst", pk=pk, bijeenkomst_id=bijeenkomst_id)
            if formset.is_valid():
                rijen = sorted((f.cleaned_data for f in formset.forms), key=lambda r: r["volgorde"])
                services.wijzig_agenda(
                    actor=request.user, bijeenkomst=bijeenkomst, versie=versie,  # type: ignore[arg-type]
                    blokken=[services.Blokwijziging(blok_id=r["blok"], minuten=r["minuten"]) for r in rijen],
                )  # fmt: skip
                messages.success(request, _("De agenda is aangepast."))
                return redirect("tafel:bijeenkomst", pk=pk, bijeenkomst_id=bijeenkomst_id)
            status = 400
        except services.AgendaConflict as conflict:
            context["conflict"] = str(conflict)
            status = 409
        except ValidationError as fout:
            context["fouten"] = fout.messages
            status = 400
    context["formset"] = formset
    context["bewerk"] = list(zip(formset.forms, context["rijen"], strict=False))  # type: ignore[call-overload]
    return render(request, "tafel/bijeenkomst.html", context, status=status)


def _versie(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("versie", ""))
    except ValueError:
        return -1


@require_GET
@login_required
def agenda_pdf(request: HttpRequest, pk: int, bijeenkomst_id: int) -> HttpResponse:
    return afdruk.pdf_response(request, _agenda_context(request, pk, bijeenkomst_id))


VOORZITTER_ACTIES = {
    "start": KlokForm,
    "stop": KlokForm,
    "tijd": BloktijdForm,
    "notities": NotitiesForm,
    "tip": TipForm,
    "triage": TriageForm,
    "besluit": BesluitForm,
    "afspraken": AfsprakenForm,
    "reflectie": ReflectieForm,
    "casuscheck": CasuscheckForm,
    "procesevaluatie": ProcesevaluatieForm,
}


def _voer_actie_uit(request: HttpRequest, actie: str, form, bijeenkomst) -> list[str]:  # type: ignore[no-untyped-def]
    """Call the one service behind the chair's action; returns warnings to show."""
    d, user = form.cleaned_data, request.user
    if actie == "start":
        services.start_blok(actor=user, blok=d["blok"])
    elif actie == "stop":
        services.stop_blok(actor=user, blok=d["blok"])
    elif actie == "tijd":
        dag = timezone.localtime(bijeenkomst.begint).date()
        tz = timezone.get_current_timezone()
        services.leg_bloktijd_vast(
            actor=user, blok=d["blok"], gestart_op=datetime.datetime.combine(dag, d["van"], tzinfo=tz),
            gestopt_op=datetime.datetime.combine(dag, d["tot"], tzinfo=tz),
        )  # fmt: skip
    elif actie == "notities":
        services.noteer(actor=user, blok=d["blok"], notities=d["notities"])
    elif actie == "tip":
        services.geef_tip(actor=user, bijeenkomst=bijeenkomst, aanmelding=d["aanmelding"], van=d["van"], tekst=d["tekst"])
    elif actie == "triage":
        services.leg_triage_vast(actor=user, aanmelding=d["aanmelding"], uitkomst=d["triage"], reden=d["triage_reden"])
    elif actie == "besluit":
        services.leg_besluit_vast(
            actor=user, bijeenkomst=bijeenkomst, tekst=d["tekst"], bezwaren=form.bezwaren(), aanmelding=d["aanmelding"]
        )
    elif actie == "afspraken":
        _afspraken, waarschuwingen = services.leg_afspraken_vast(
            actor=user, aanmelding=d["aanmelding"], regievoerder=d["regievoerder"], duo=d["duo"], terug_op=d["terug_op"],
            regievoerder_bekend=d["regievoerder_bekend"], duo_bekend=d["duo_bekend"],
        )  # fmt: skip
        return waarschuwingen
    elif actie == "casuscheck":
        services.leg_casuscheck_vast(
            actor=user, bijeenkomst=bijeenkomst, aanmelding=d["aanmelding"], partijen=form.partijen(), notities=d["notities"]
        )
    elif actie == "procesevaluatie":
        services.leg_procesevaluatie_vast(
            actor=user, bijeenkomst=bijeenkomst, aanmelding=d["aanmelding"], samenwerking=d["samenwerking"],
            leerzaam=d["leerzaam"], perspectief_inwoner=d["perspectief_inwoner"],
        )  # fmt: skip
    elif actie == "reflectie":
        services.leg_reflectie_vast(actor=user, bijeenkomst=bijeenkomst, lid=d["lid"], tekst=d["tekst"])
    return []


@require_http_methods(["GET", "POST"])
@login_required
def voorzitter(request: HttpRequest, pk: int, bijeenkomst_id: int) -> HttpResponse:
    """The chair's view while the table meets: the blocks with a clock, notes, tips, triage,
    afspraken with the duo, gedragen decisions, reflections."""
    tafel = selectors.tafel_of_404(request.user, pk)
    if not rules.leidt(request.user, tafel):
        raise PermissionDenied
    bijeenkomst = selectors.bijeenkomst_of_404(request.user, tafel, bijeenkomst_id)
    fout_form, status = None, 200
    if request.method == "POST":
        actie = request.POST.get("actie", "")
        if actie not in VOORZITTER_ACTIES:
            return HttpResponse(status=400)
        form = VOORZITTER_ACTIES[actie](request.POST, bijeenkomst=bijeenkomst)
        if form.is_valid():
            try:
                for waarschuwing in _voer_actie_uit(request, actie, form, bijeenkomst):
                    messages.warning(request, waarschuwing)
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Vastgelegd."))
                return redirect("tafel:voorzitter", pk=pk, bijeenkomst_id=bijeenkomst_id)
        fout_form, status = form, 400
    context = selectors.voorzittersweergave(request.user, bijeenkomst) | {"tafel": tafel, "fout_form": fout_form}
    return render(request, "tafel/voorzitter.html", context, status=status)
