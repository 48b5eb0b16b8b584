"""Pages for a case brought to a learning table. Thin: check, call a service, render. No page
runs deduce: bringing a case in only enqueues the task (leren/inbreng/tasks.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.casussen import rules as casusregels
from samenwerk.casussen.selectors import casus_of_404
from samenwerk.casussen.services import log_casus
from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form, pagineer

from ..models import Casusinbreng
from . import rules, selectors, services, weergave
from .forms import PLANVELDEN, DelenForm, InbrengForm, OnherkenbaarForm, voorstel


@require_GET
@login_required
def lijst(request: HttpRequest) -> HttpResponse:
    context = pagineer(request, selectors.inbrengen_voor(request.user), 25)
    return render(request, "leren/inbreng/lijst.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    casus = casus_of_404(request.user, pk, gebeurtenis="leren.inbreng.casus")
    casusregels.eis_vastleggen(request.user, casus)
    tafels = services.tafels_voor_inbreng(casus)
    weigering = None
    try:
        services.eis_toestemming(casus)
    except ValidationError as fout:
        weigering = fout.messages[0]
    form = InbrengForm(request.POST or None, tafels=tafels, initial={"tekst": "" if weigering else voorstel(casus)})
    if request.method == "POST" and form.is_valid():
        try:
            inbreng = services.breng_in(actor=request.user, casus=casus, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(
                request, _("De tekst wordt nu zonder namen gemaakt. Daarna beoordeelt u hem, voordat iemand anders hem ziet.")
            )
            return redirect("leren:inbreng-detail", pk=inbreng.pk)
    if weigering is None:  # the form shows the case's reason and plan texts: a read of the case
        log_casus(
            actor=request.user, casus=casus, actie=Actie.READ, gebeurtenis="leren.inbreng.casus", segment="plan",
            velden=("aanleiding", *PLANVELDEN),
        )  # fmt: skip
    context = {"casus": casus, "form": form, "weigering": weigering, "geen_tafels": not tafels.exists()}
    return render(request, "leren/inbreng/nieuw.html", context, status=400 if form.errors else 200)


@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    inbreng = selectors.inbreng_of_404(request.user, pk)
    if inbreng.status != Casusinbreng.Status.WACHT:
        services.log_gelezen(actor=request.user, inbreng=inbreng)
    return render(request, "leren/inbreng/detail.html", _context(request, inbreng))


def _context(request: HttpRequest, inbreng: Casusinbreng, **extra: object) -> dict[str, object]:
    beoordelen = rules.mag_beoordelen(request.user, inbreng)
    return {
        "inbreng": inbreng,
        "gemarkeerd": weergave.gemarkeerd(inbreng.tekst, inbreng.vervangingen),
        "telling": weergave.telling(inbreng.vervangingen),
        "beoordelen": beoordelen,
        "casuslink": rules.ziet_casuslink(request.user, inbreng),
        "onherkenbaar_form": extra.get("onherkenbaar_form") or OnherkenbaarForm(initial={"versie": inbreng.versie}),
        "delen_form": DelenForm(initial={"versie": inbreng.versie}),
    }


def _eigen_inbreng(request: HttpRequest, pk: int) -> Casusinbreng:
    inbreng = selectors.inbreng_of_404(request.user, pk)
    if not rules.is_inbrenger(request.user, inbreng):
        raise PermissionDenied
    return inbreng


@require_POST
@login_required
def onherkenbaar(request: HttpRequest, pk: int) -> HttpResponse:
    inbreng = _eigen_inbreng(request, pk)
    form = OnherkenbaarForm(request.POST)
    if form.is_valid():
        try:
            services.maak_onherkenbaar(
                actor=request.user, inbreng=inbreng, passages=form.regels(), versie=form.cleaned_data["versie"]
            )
        except services.Versieconflict as conflict:
            messages.error(request, str(conflict))
            return redirect("leren:inbreng-detail", pk=pk)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De tekst is aangepast. Kijk hem nog eens na."))
            return redirect("leren:inbreng-detail", pk=pk)
    return render(request, "leren/inbreng/detail.html", _context(request, inbreng, onherkenbaar_form=form), status=400)


@require_POST
@login_required
def delen(request: HttpRequest, pk: int) -> HttpResponse:
    inbreng = _eigen_inbreng(request, pk)
    form = DelenForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Laad de pagina opnieuw en probeer het nog eens."))
        services.deel(actor=request.user, inbreng=inbreng, versie=form.cleaned_data["versie"])
    except services.Versieconflict as conflict:
        messages.error(request, str(conflict))
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
    else:
        messages.success(request, _("De tekst zonder namen is gedeeld met de tafel."))
    return redirect("leren:inbreng-detail", pk=pk)
