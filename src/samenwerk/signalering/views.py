"""The inbox and the dashboards. Thin: check, call a selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samenwerk.casussen.services import log_lijst as log_casussen
from samenwerk.gemeenten.models import Gemeente, Rol
from samenwerk.portaal.context import werkcontext
from samenwerk.privacy.audit import Onderwerp, Regel
from samenwerk.ui.views import fouten_naar_form, pagineer

from . import selectors, services
from .forms import AfhandelForm, InboxFilter, UitstelForm
from .models import Signalering, Status


def _htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _log_lijst(request: HttpRequest, gemeente: Gemeente, gebeurtenis: str, rijen: list[Signalering]) -> None:
    """Who looked at the list is logged once per view; each resident whose name a row shows
    gets a read row of their own (casussen.services.log_lijst), all in one write. Opening a
    case from the list logs that read on the case page."""
    pagina = Regel(
        onderwerp=Onderwerp(gemeente_id=gemeente.pk, object_type="signalering", gegevenssegment="signalering"), velden=()
    )
    log_casussen(actor=request.user, casussen=selectors.casussen_met_naam(rijen), gebeurtenis=gebeurtenis, pagina=pagina)


@require_GET
@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    if ctx.gemeente is None:
        return render(request, "portaal/geen_rol.html", status=403)
    form = InboxFilter(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    status = filters.get("status", Status.OPEN) if form.is_bound else Status.OPEN
    soort = filters.get("soort", "")
    rijen = selectors.inbox(request.user, ctx.gemeente, soort=soort, status=status)
    # the default view shows exactly the open signals the menu counts: count them once
    aantal = selectors.aantal_open(request.user, ctx.gemeente) if status == Status.OPEN and not soort else None
    context = {
        "form": form, "vandaag": timezone.localdate(), "terug": request.get_full_path(),
        **pagineer(request, rijen, 25, aantal=aantal),
    }  # fmt: skip
    pagina = context["pagina"]
    pagina.object_list = selectors.met_details(request.user, list(pagina.object_list))  # type: ignore[attr-defined]
    _log_lijst(request, ctx.gemeente, "signalering.inbox", pagina.object_list)  # type: ignore[attr-defined]
    return render(request, "signalering/inbox.html", context)


def _terug(request: HttpRequest) -> str:
    terug = request.POST.get("terug", "")
    if terug and url_has_allowed_host_and_scheme(terug, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return terug
    return reverse("signalering:inbox")


def _actie(request: HttpRequest, pk: int, form_class: type[BaseForm], titel: str, uitvoeren: object, gelukt: str) -> HttpResponse:
    """Handle and snooze share their shape: a form on its own page without JavaScript, the
    same form inline in the inbox row with htmx (which then swaps that row)."""
    signalering = selectors.signalering_of_404(request.user, pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            uitvoeren(actor=request.user, signalering=signalering, **form.cleaned_data)  # type: ignore[operator]
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            if _htmx(request):
                return render(request, "signalering/_klaar.html", {"s": signalering, "bericht": gelukt})
            messages.success(request, gelukt)
            return redirect(_terug(request))
    if _htmx(request):
        return render(request, "signalering/_rij.html", {"s": signalering, "actie_form": form, "terug": _terug(request)})
    context = {"s": signalering, "form": form, "titel": titel, "terug": _terug(request)}
    return render(request, "signalering/actie.html", context, status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "POST"])
@login_required
def afhandelen(request: HttpRequest, pk: int) -> HttpResponse:
    gelukt = _("De signalering is afgehandeld.")
    return _actie(request, pk, AfhandelForm, _("Signalering afhandelen"), services.handel_af, gelukt)


@require_http_methods(["GET", "POST"])
@login_required
def uitstellen(request: HttpRequest, pk: int) -> HttpResponse:
    gelukt = _("De signalering is uitgesteld.")
    return _actie(request, pk, UitstelForm, _("Signalering uitstellen"), services.stel_uit, gelukt)


@require_GET
@login_required
def vandaag(request: HttpRequest) -> HttpResponse:
    """The casusregisseur's "Wat vraagt vandaag aandacht"."""
    ctx = werkcontext(request)
    if ctx.gemeente is None:
        return render(request, "portaal/geen_rol.html", status=403)
    groepen = selectors.aandacht(request.user, ctx.gemeente)
    rijen = selectors.met_details(request.user, [s for groep in groepen for s in groep["signaleringen"]])  # type: ignore[attr-defined]
    _log_lijst(request, ctx.gemeente, "signalering.vandaag", rijen)
    return render(request, "signalering/vandaag.html", {"groepen": groepen, "terug": request.get_full_path()})


@require_GET
@login_required
def gebied(request: HttpRequest) -> HttpResponse:
    """The gebiedsaanjager's counts per area: no names."""
    ctx = werkcontext(request)
    gebieden = [r.gebied_id for r in ctx.rollen if r.rol == Rol.GEBIEDSAANJAGER and r.gebied_id]
    if ctx.gemeente is None or not gebieden:
        raise PermissionDenied
    tabel = selectors.gebiedstabel(ctx.gemeente, gebieden)
    return render(request, "signalering/tabel.html", {"tabel": tabel, "titel": _("Aandacht per gebied"), "kop": _("Gebied")})


@require_GET
@login_required
def organisatie(request: HttpRequest) -> HttpResponse:
    """The manager's counts per organisation and area: no names."""
    ctx = werkcontext(request)
    organisaties = [r.organisatie_id for r in ctx.rollen if r.rol == Rol.MANAGER and r.organisatie_id]
    if ctx.gemeente is None or not organisaties:
        raise PermissionDenied
    tabel = selectors.organisatietabel(ctx.gemeente, organisaties)
    context = {"tabel": tabel, "titel": _("Signaleringen per organisatie en gebied"), "kop": _("Organisatie en gebied")}
    return render(request, "signalering/tabel.html", context)
