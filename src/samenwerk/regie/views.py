"""Regie pages of a case. Thin: check, call a service, render (style.md §5)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samenwerk.casussen.models import Casus
from samenwerk.casussen.selectors import casus_of_404
from samenwerk.casussen.services import log_casus
from samenwerk.casussen.views import formulier
from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form, pagineer

from . import rules, selectors, services
from .forms import BesluitForm, BijeenroepForm, EscalatieForm, NiveauForm, OpschaalForm, TerugtreedForm, ZorgsignaalForm


def _casus(request: HttpRequest, pk: int, mag: Callable[..., bool] | None = None) -> Casus:
    casus = casus_of_404(request.user, pk)
    if mag is not None and not mag(request.user, casus):
        raise PermissionDenied
    return casus


def _log_lezen(request: HttpRequest, casus: Casus, gebeurtenis: str, segment: str = "regie") -> None:
    log_casus(actor=request.user, casus=casus, actie=Actie.READ, gebeurtenis=gebeurtenis, segment=segment)


@require_http_methods(["GET", "POST"])
@login_required
def ave(request: HttpRequest, pk: int) -> HttpResponse:
    """The AVE level: history, the municipality's table, and (for who may) the change form."""
    casus = _casus(request, pk)
    mag = rules.mag_niveau_wijzigen(request.user, casus)
    if request.method == "POST" and not mag:
        raise PermissionDenied
    huidig = selectors.huidig_niveau(casus)
    form = NiveauForm(request.POST or None, initial={"huidig": huidig.naar if huidig else None})
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.wijzig_niveau(
                actor=request.user,
                casus=casus,
                naar=data["naar"],
                reden=data["reden"],
                datum=data["datum"],
                verwacht=data["huidig"],
            )
        except services.NiveauConflict as conflict:
            form.add_error(None, str(conflict))
            huidig, status = conflict.huidig, 409
            form.data = form.data.copy()
            form.data["huidig"] = huidig.naar if huidig else ""
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het AVE-niveau is vastgelegd."))
            return redirect("casussen:detail", pk=casus.pk)
    _log_lezen(request, casus, "ave.bekeken")
    context = {
        "casus": casus,
        "huidig": huidig,
        "tabel": selectors.ave_tabel(casus.gemeente_id),
        "form": form if mag else None,
        **pagineer(request, selectors.geschiedenis(casus), 25),
    }
    return render(request, "regie/ave.html", context, status=status)


@require_GET
@login_required
def procesregie(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk)
    _log_lezen(request, casus, "procesregie.bekeken")
    return render(request, "regie/procesregie.html", {"casus": casus, **pagineer(request, selectors.handelingen(casus), 25)})


@require_GET
@login_required
def zorgsignalen(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk)
    tekst = rules.ziet_signaaltekst(request.user, casus)
    _log_lezen(request, casus, "zorgsignalen.bekeken", segment="zorgsignaal" if tekst else "regie")
    context = {"casus": casus, "tekst": tekst, **pagineer(request, selectors.zorgsignalen(casus), 25)}
    return render(request, "regie/zorgsignalen.html", context)


def _formulierpagina(
    request: HttpRequest,
    casus: Casus,
    form: BaseForm,
    actie: Callable[..., object],
    titel: str,
    gelukt: str,
    uitleg: str = "",
    naar_lijst: bool = False,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            actie(actor=request.user, casus=casus, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, gelukt)
            return redirect("casussen:lijst") if naar_lijst else redirect("casussen:detail", pk=casus.pk)
    return formulier(request, casus, form, titel, uitleg)


@require_http_methods(["GET", "POST"])
@login_required
def opschalen(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, rules.mag_opschalen)
    form = OpschaalForm(request.POST or None, gemeente=casus.gemeente)
    uitleg = _(
        "Voeg een procesregisseur toe als de samenwerking stokt, de hulp niet effectief is of escalatie dreigt. "
        "De procesregisseur ziet de samenwerking, niet de persoonsgegevens van de inwoner."
    )
    return _formulierpagina(
        request, casus, form, services.schaal_op, _("Opschalen: procesregisseur toevoegen"), _("De casus is opgeschaald."), uitleg
    )


@require_http_methods(["GET", "POST"])
@login_required
def bijeenroepen(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, rules.mag_procesregie_voeren)
    form = BijeenroepForm(request.POST or None)
    return _formulierpagina(
        request, casus, form, services.roep_bijeen, _("Deelnemers bijeenroepen"), _("Vastgelegd: u roept de deelnemers bijeen.")
    )


@require_http_methods(["GET", "POST"])
@login_required
def besluit(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, rules.mag_procesregie_voeren)
    form = BesluitForm(request.POST or None)
    return _formulierpagina(request, casus, form, services.neem_besluit, _("Besluit nemen"), _("Het besluit is vastgelegd."))


@require_http_methods(["GET", "POST"])
@login_required
def escaleren(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, rules.mag_procesregie_voeren)
    form = EscalatieForm(request.POST or None)
    uitleg = _("Leg een vraag voor aan het management of het bestuur, als u er in de casus niet uitkomt.")
    return _formulierpagina(
        request,
        casus,
        form,
        services.escaleer,
        _("Escaleren naar management of bestuur"),
        _("De escalatie is vastgelegd."),
        uitleg,
    )


@require_http_methods(["GET", "POST"])
@login_required
def terugtreden(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, rules.mag_procesregie_voeren)
    form = TerugtreedForm(request.POST or None)
    uitleg = _("Is de situatie stabiel? Dan stopt u als procesregisseur. Daarna ziet u deze casus niet meer.")
    return _formulierpagina(
        request,
        casus,
        form,
        services.treed_terug,
        _("Stoppen als procesregisseur"),
        _("U bent gestopt als procesregisseur van deze casus."),
        uitleg,
        naar_lijst=True,
    )


@require_http_methods(["GET", "POST"])
@login_required
def zorgsignaal(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, rules.mag_signaal_vastleggen)
    form = ZorgsignaalForm(request.POST or None)
    uitleg = _("Een signaal van buiten over de inwoner: politie, buren, woningcorporatie, energiebedrijf, huisarts.")
    return _formulierpagina(
        request, casus, form, services.leg_signaal_vast, _("Zorgsignaal vastleggen"), _("Het zorgsignaal is vastgelegd."), uitleg
    )
