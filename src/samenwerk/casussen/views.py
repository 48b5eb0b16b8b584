"""Pages of a case. Thin: check, call a service, render (style.md §5)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.accounts.reauth import bevestiging_nodig
from samenwerk.portaal.context import werkcontext
from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form, pagineer, voer_uit

from . import services
from .forms import (
    AanmeldForm,
    CasusFilter,
    InwonerForm,
    NetwerklidForm,
    NoodtoegangForm,
    ProfessionalForm,
    StatusForm,
    ToestemmingForm,
)
from .models import Casus
from .paginablokken import render_blokken
from .rules import TIJDLIJN_PERSOONLIJK, mag_beheren, mag_vastleggen, noodtoegang_van, rol_van, ziet_persoonsgegevens
from .selectors import aandacht, casus_of_404, mijn_casussen, noodtoegang_kandidaten
from .workflow import TRANSITIES


@require_GET
@login_required
def lijst(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    if ctx.gemeente is None:
        return render(request, "portaal/geen_rol.html", status=403)
    form = CasusFilter(request.GET or None, gemeente=ctx.gemeente)
    filters = form.cleaned_data if form.is_valid() else {}
    gebied = filters.get("gebied")
    casussen = mijn_casussen(
        request.user, ctx.gemeente, gebied_id=gebied.pk if gebied else None, status=filters.get("status", "")
    )
    context = {"form": form, **pagineer(request, casussen, 25)}
    services.log_lijst(actor=request.user, casussen=list(context["pagina"]))  # type: ignore[call-overload]
    return render(request, "casussen/lijst.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def aanmelden(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    if ctx.gemeente is None or not ctx.heeft("sociaal_professional"):
        raise PermissionDenied
    inwoner_form = InwonerForm(request.POST or None, prefix="inwoner")
    form = AanmeldForm(request.POST or None, user=request.user, gemeente=ctx.gemeente)
    if request.method == "POST" and inwoner_form.is_valid() and form.is_valid():
        data = form.cleaned_data
        casus = services.meld_aan(
            actor=request.user,
            organisatie=data["organisatie"],
            gebied=data["gebied"],
            inwoner=services.InwonerGegevens(**inwoner_form.cleaned_data),
            binnengekomen_via=data["binnengekomen_via"],
            aangemeld_door=data["aangemeld_door"],
            aanmelddatum=data["aanmelddatum"],
            reeds_betrokken=data["reeds_betrokken"],
            aanleiding=data["aanleiding"],
            route=data["route"],
            casusregisseur=data["casusregisseur"],
        )
        messages.success(request, _("De casus is aangemeld. Vraag nu of de inwoner zo geholpen wil worden."))
        return redirect("casussen:detail", pk=casus.pk)
    return render(request, "casussen/aanmelden.html", {"form": form, "inwoner_form": inwoner_form})


@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    casus = casus_of_404(request.user, pk)
    volledig = ziet_persoonsgegevens(request.user, casus)
    services.log_casus(
        actor=request.user,
        casus=casus,
        actie=Actie.READ,
        gebeurtenis="casus.bekeken",
        segment="persoonsgegevens" if volledig else "samenwerking",
    )
    context = {
        "casus": casus,
        "volledig": volledig,
        "beheren": mag_beheren(request.user, casus),
        "mijn_rol": rol_van(request.user, casus) or (_("noodtoegang") if noodtoegang_van(casus) else ""),
        "noodtoegang": noodtoegang_van(casus),
        "netwerk": casus.netwerk.all() if volledig else [],
        "toestemmingen": casus.toestemmingen.select_related("vastgelegd_door") if volledig else [],
        "correctieverzoeken": casus.correctieverzoeken.all() if volledig else [],
        "vastleggen": mag_vastleggen(request.user, casus),
        "blokken": render_blokken(request, casus, volledig),
        "volgende": sorted(TRANSITIES[casus.status]),
        "status_form": StatusForm(),
        "aandacht": aandacht(request.user, casus),
    }
    return render(request, "casussen/detail.html", context)


@require_GET
@login_required
def tijdlijn(request: HttpRequest, pk: int) -> HttpResponse:
    casus = casus_of_404(request.user, pk)
    gebeurtenissen = casus.tijdlijn.all()
    if not ziet_persoonsgegevens(request.user, casus):  # the procesregisseur: the cooperation only
        gebeurtenissen = gebeurtenissen.exclude(soort__in=TIJDLIJN_PERSOONLIJK)
    services.log_casus(actor=request.user, casus=casus, actie=Actie.READ, gebeurtenis="tijdlijn.bekeken", segment="tijdlijn")
    return render(request, "casussen/tijdlijn.html", {"casus": casus, "gebeurtenissen": gebeurtenissen})


def _beheerbare_casus(request: HttpRequest, pk: int) -> Casus:
    casus = casus_of_404(request.user, pk)
    if not mag_beheren(request.user, casus):
        raise PermissionDenied
    return casus


def formulier(request: HttpRequest, casus: Casus, form: object, titel: str, uitleg: str = "") -> HttpResponse:
    return render(request, "casussen/formulier.html", {"casus": casus, "form": form, "titel": titel, "uitleg": uitleg})


@require_http_methods(["GET", "POST"])
@login_required
def toestemming(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _beheerbare_casus(request, pk)
    form = ToestemmingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.leg_toestemming_vast(actor=request.user, casus=casus, **form.cleaned_data)
        messages.success(request, _("De toestemming is vastgelegd."))
        return redirect("casussen:detail", pk=casus.pk)
    uitleg = _("Leg vast waarvoor de inwoner toestemming geeft of weigert, wanneer, hoe en voor wie het geldt.")
    return formulier(request, casus, form, _("Toestemming vastleggen"), uitleg)


@require_http_methods(["GET", "POST"])
@login_required
def netwerklid(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _beheerbare_casus(request, pk)
    form = NetwerklidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.voeg_netwerklid_toe(actor=request.user, casus=casus, **form.cleaned_data)
        messages.success(request, _("Het netwerklid is toegevoegd."))
        return redirect("casussen:detail", pk=casus.pk)
    return formulier(request, casus, form, _("Netwerklid toevoegen"))


@require_http_methods(["GET", "POST"])
@login_required
def professional(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _beheerbare_casus(request, pk)
    form = ProfessionalForm(request.POST or None, gemeente=casus.gemeente)
    if request.method == "POST" and form.is_valid():
        try:
            services.voeg_professional_toe(actor=request.user, casus=casus, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De professional is toegevoegd aan de casus."))
            return redirect("casussen:detail", pk=casus.pk)
    return formulier(request, casus, form, _("Professional toevoegen"))


@require_POST
@login_required
def status(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _beheerbare_casus(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        voer_uit(
            request,
            lambda: services.wijzig_status(actor=request.user, casus=casus, naar=data["naar"], reden=data["reden"]),
            _("De status is gewijzigd."),
        )
    else:
        messages.error(request, _("Kies een geldige status."))
    return redirect("casussen:detail", pk=casus.pk)


@require_http_methods(["GET", "POST"])
@login_required
def noodtoegang(request: HttpRequest) -> HttpResponse:
    """Break the glass: read access for four hours, with a typed reason and a fresh password + code."""
    form = NoodtoegangForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if omleiding := bevestiging_nodig(request):
            return omleiding
        casus = noodtoegang_kandidaten(request.user).met_nummer(form.cleaned_data["casus"]).first()
        if casus is None:
            form.add_error("casus", services.niet_te_openen())
        else:
            try:
                services.breek_het_glas(actor=request.user, casus=casus, reden=form.cleaned_data["reden"])
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.warning(request, _("U heeft vier uur noodtoegang tot deze casus. Alles wat u inziet, wordt vastgelegd."))
                return redirect("casussen:detail", pk=casus.pk)
    return render(request, "casussen/noodtoegang.html", {"form": form})
