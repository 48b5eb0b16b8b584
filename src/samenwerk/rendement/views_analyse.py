"""Pages of the micro-analysis of a case (domain.md §6). Thin: check, call a service,
render. Who sees it: those who see the case's personal data (participants, emergency
access); who edits: participants. Every read is in the access log."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.casussen.models import Casus
from samenwerk.casussen.rules import eis_vastleggen, mag_vastleggen, ziet_persoonsgegevens
from samenwerk.casussen.selectors import casus_of_404
from samenwerk.overleg.services import gehouden_overleggen
from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form, voer_uit

from . import selectors_analyse as selectors
from . import services_analyse as services
from .afdruk_analyse import analyse_context, pdf_response
from .forms_analyse import AnalyseForm, KostenpostForm, VergadertijdForm
from .keuzes import Blok
from .models import Kostenpost, Microanalyse


def _casus(request: HttpRequest, pk: int, *, wijzigen: bool = False) -> Casus:
    casus = casus_of_404(request.user, pk, gebeurtenis="rendement.bekeken")
    if not ziet_persoonsgegevens(request.user, casus):
        raise PermissionDenied  # the procesregisseur sees the cooperation, not the resident's wellbeing
    if wijzigen:
        eis_vastleggen(request.user, casus)
    return casus


def _analyse(casus: Casus) -> Microanalyse:
    analyse = selectors.analyse_van(casus)
    if analyse is None:
        raise Http404
    return analyse


def _conflict(request: HttpRequest, fout: services.AnalyseConflict) -> None:
    messages.error(
        request,
        _(
            "%(door)s heeft de analyse intussen gewijzigd (nu versie %(versie)s). Uw invoer staat hieronder nog; "
            "kijk de analyse na en sla opnieuw op."
        )
        % {"door": fout.door, "versie": fout.analyse.versie},
    )


@require_GET
@login_required
def analyse(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk)
    gevonden = selectors.analyse_van(casus)
    selectors.log_lezen(request.user, casus, gevonden, Actie.READ, "rendement.bekeken")
    context = analyse_context(casus, gevonden) if gevonden else {"casus": casus, "analyse": None}
    context["mag_wijzigen"] = mag_vastleggen(request.user, casus)
    if gevonden is None:
        context["prijslijst"] = services.prijslijst_voor(casus, timezone.localdate())
    return render(request, "rendement/analyse/pagina.html", context)


@require_POST
@login_required
def starten(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, wijzigen=True)
    voer_uit(
        request,
        lambda: services.maak_analyse(actor=request.user, casus=casus),
        _("De micro-analyse is gestart. De welzijnscijfers uit het plan staan er al in."),
    )
    return redirect("analyse:analyse", pk=casus.pk)


def _formulier(request: HttpRequest, casus: Casus, form: object, titel: str, status: int = 200, **extra: object) -> HttpResponse:
    context = {"casus": casus, "form": form, "titel": titel, **extra}
    return render(request, "rendement/analyse/formulier.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def welzijn(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, wijzigen=True)
    gevonden = _analyse(casus)
    form = AnalyseForm(request.POST or None, instance=gevonden, initial={"versie": gevonden.versie})
    status = 200
    if request.method == "POST" and form.is_valid():
        gegevens = services.AnalyseGegevens(**{f.name: form.cleaned_data[f.name] for f in fields(services.AnalyseGegevens)})
        try:
            services.wijzig_analyse(actor=request.user, analyse=gevonden, gegevens=gegevens, versie=form.cleaned_data["versie"])
        except services.AnalyseConflict as fout:
            _conflict(request, fout)
            status = 409
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De analyse is opgeslagen."))
            return redirect("analyse:analyse", pk=casus.pk)
    return _formulier(request, casus, form, _("Welzijn en herhaalmeting"), status)


def _regel_gegevens(form: KostenpostForm) -> services.RegelGegevens:
    return services.RegelGegevens(**{veld.name: form.cleaned_data[veld.name] for veld in fields(services.RegelGegevens)})


def _regel_form(request: HttpRequest, casus: Casus, gevonden: Microanalyse, regel: Kostenpost | None) -> HttpResponse:
    if regel is not None:
        blok = regel.blok
        initial = {
            "prijsitem": regel.prijsitem_id,
            "omschrijving": regel.omschrijving,
            "prijs": None if regel.code else regel.prijs,
            "eenheid": "" if regel.code else regel.eenheid,
            "wet": "" if regel.code else regel.wet,
            "aantal": regel.aantal,
            "frequentie": regel.frequentie,
            "periode": regel.periode,
            "toelichting": regel.toelichting,
        }
    else:
        blok = request.GET.get("blok", Blok.VOOR)
        if blok not in Blok.values:
            raise Http404
        initial = {"aantal": Decimal(1), "frequentie": Decimal(1)}
    form = KostenpostForm(
        request.POST or None, items=selectors.prijsitems(gevonden), initial=initial | {"blok": blok, "versie": gevonden.versie}
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            if regel is None:
                services.voeg_regel_toe(
                    actor=request.user, analyse=gevonden, gegevens=_regel_gegevens(form), versie=form.cleaned_data["versie"]
                )
            else:
                services.wijzig_regel(
                    actor=request.user, regel=regel, gegevens=_regel_gegevens(form), versie=form.cleaned_data["versie"]
                )
        except services.AnalyseConflict as fout:
            _conflict(request, fout)
            status = 409
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De kostenpost is opgeslagen."))
            return redirect("analyse:analyse", pk=casus.pk)
    titel = Blok(form["blok"].value() or blok).label
    return _formulier(request, casus, form, str(titel), status, regel=regel, prijslijst=gevonden.prijslijst, kostenpost=True)


@require_http_methods(["GET", "POST"])
@login_required
def regel_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, wijzigen=True)
    return _regel_form(request, casus, _analyse(casus), None)


@require_http_methods(["GET", "POST"])
@login_required
def regel_wijzigen(request: HttpRequest, pk: int, regel_id: int) -> HttpResponse:
    casus = _casus(request, pk, wijzigen=True)
    gevonden = _analyse(casus)
    return _regel_form(request, casus, gevonden, selectors.regel_of_404(gevonden, regel_id))


@require_POST
@login_required
def regel_verwijderen(request: HttpRequest, pk: int, regel_id: int) -> HttpResponse:
    casus = _casus(request, pk, wijzigen=True)
    gevonden = _analyse(casus)
    regel = selectors.regel_of_404(gevonden, regel_id)
    versie = request.POST.get("versie", "")
    try:
        services.verwijder_regel(actor=request.user, regel=regel, versie=int(versie) if versie.isdigit() else None)
    except services.AnalyseConflict as fout:
        _conflict(request, fout)
    else:
        messages.success(request, _("De kostenpost „%(omschrijving)s” is verwijderd.") % {"omschrijving": regel.omschrijving})
    return redirect("analyse:analyse", pk=casus.pk)


@require_http_methods(["GET", "POST"])
@login_required
def vergadertijd(request: HttpRequest, pk: int) -> HttpResponse:
    """Meeting time of the professionals from the case's held meetings (domain.md §6)."""
    casus = _casus(request, pk, wijzigen=True)
    gevonden = _analyse(casus)
    form = VergadertijdForm(request.POST or None, items=selectors.prijsitems(gevonden), overleggen=gehouden_overleggen(casus))
    if request.method == "POST" and form.is_valid():
        try:
            services.voeg_vergadertijd_toe(
                actor=request.user, analyse=gevonden, blok=form.cleaned_data["blok"],
                prijsitem=form.cleaned_data["prijsitem"], overleggen=form.gekozen(),
            )  # fmt: skip
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De vergadertijd staat in de analyse."))
            return redirect("analyse:analyse", pk=casus.pk)
    uitleg = _("Uurprijs × duur van het overleg × aantal professionals dat kwam, opgeteld over de gekozen overleggen.")
    if not form.overleg_data:
        uitleg = _("Deze casus heeft nog geen gehouden Samenwerkoverleg. Sluit eerst een overleg af.")
    status = 400 if form.errors else 200
    return _formulier(request, casus, form, _("Vergadertijd toevoegen"), status, uitleg=uitleg)


@require_GET
@login_required
def afdruk(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk)
    gevonden = _analyse(casus)
    selectors.log_lezen(request.user, casus, gevonden, Actie.PRINT, "rendement.afdruk")
    return render(request, "rendement/analyse/afdruk.html", analyse_context(casus, gevonden))


@require_GET
@login_required
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk)
    gevonden = _analyse(casus)
    selectors.log_lezen(request.user, casus, gevonden, Actie.PRINT, "rendement.pdf")
    return pdf_response(request, casus, gevonden)
