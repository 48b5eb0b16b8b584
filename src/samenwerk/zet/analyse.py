"""Pages of the analysis (item 3), the improvement points (item 4), the report (item 5) and
the comparison of rounds. Thin, like views.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.portaal.context import werkcontext
from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form, voer_uit

from . import rapport, rules, selectors, services
from .forms import OpvolgingForm, RodeDraadForm, VerbeterpuntForm
from .views import _ronde, _werk


def _keuzes(matrix: list[selectors.Matrixcasus]) -> tuple[list, list]:
    antwoorden, dossiers = [], []
    for m in matrix:
        dossiers.append((str(m.rc.pk), _("%(casus)s: dossierstudie") % {"casus": m.rc.label}))
        for cel in m.cellen:
            for a in [cel.inwoner, *cel.professionals]:
                if a is not None and a.gedekt:
                    bron = _("inwoner") if a.interview.bron == "inwoner" else a.interview.geinterviewde
                    antwoorden.append((str(a.pk), f"{m.rc.label} · {bron} · {cel.thema.tekst}"))
    return antwoorden, dossiers


@require_http_methods(["GET", "POST"])
@login_required
def analyse(request: HttpRequest, pk: int) -> HttpResponse:
    """The matrix of cases × sources × themes, the computed differences, and the rode draden."""
    ronde = _ronde(request, pk)
    if request.method == "POST" and not rules.mag_werken(request.user, ronde):
        raise PermissionDenied
    mat = selectors.matrix(request.user, ronde)
    antwoorden, dossiers = _keuzes(mat)
    form = RodeDraadForm(request.POST or None, antwoorden=antwoorden, dossiers=dossiers)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.maak_rode_draad(
                actor=request.user, ronde=ronde, naam=d["naam"], beschrijving=d["beschrijving"],
                antwoorden=[int(x) for x in d["antwoorden"]], dossiers=[int(x) for x in d["dossiers"]],
            )  # fmt: skip
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De rode draad is vastgelegd."))
            return redirect("zet:analyse", pk=ronde.pk)
    context = {
        "ronde": ronde,
        "matrix": mat,
        "themas": list(ronde.themas.all()),
        "rode_draden": list(selectors.rode_draden(ronde)),
        "form": form,
        "werken": rules.mag_werken(request.user, ronde),
    }
    return render(request, "zet/analyse.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def verbeterpunten(request: HttpRequest, pk: int) -> HttpResponse:
    ronde = _ronde(request, pk)
    if request.method == "POST" and not rules.mag_werken(request.user, ronde):
        raise PermissionDenied
    draden = [(str(d.pk), d.naam) for d in ronde.rode_draden.all()]
    form = VerbeterpuntForm(request.POST or None, gemeente=ronde.gemeente, draden=draden)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.maak_verbeterpunt(
                actor=request.user, ronde=ronde, tekst=d["tekst"], uiterlijk=d["uiterlijk"], eigenaar=d["eigenaar"],
                eigenaar_organisatie=d["eigenaar_organisatie"], rode_draden=[int(x) for x in d["rode_draden"]],
            )  # fmt: skip
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het verbeterpunt is vastgelegd."))
            return redirect("zet:verbeterpunten", pk=ronde.pk)
    context = {
        "ronde": ronde,
        "punten": list(selectors.verbeterpunten(ronde)),
        "form": form,
        "werken": rules.mag_werken(request.user, ronde),
        "opvolgen": rules.is_evaluator(request.user, ronde),
        "dilemma": services.dilemma_haak() is not None,
        "opvolging": OpvolgingForm(),
        "vandaag": timezone.localdate(),
    }
    return render(request, "zet/verbeterpunten.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def opvolgen(request: HttpRequest, pk: int, punt_id: int) -> HttpResponse:
    ronde = _ronde(request, pk)
    punt = selectors.verbeterpunt_of_404(ronde, punt_id)
    if not rules.is_evaluator(request.user, ronde):
        raise PermissionDenied
    form = OpvolgingForm(request.POST)
    if form.is_valid():
        voer_uit(
            request,
            lambda: services.volg_op(actor=request.user, verbeterpunt=punt, **form.cleaned_data),
            _("De opvolging is opgeslagen."),
        )
    else:
        messages.error(request, _("Kies een geldige status."))
    return redirect("zet:verbeterpunten", pk=ronde.pk)


@require_POST
@login_required
def dilemma(request: HttpRequest, pk: int, punt_id: int) -> HttpResponse:
    ronde = _ronde(request, pk)
    punt = selectors.verbeterpunt_of_404(ronde, punt_id)
    if not rules.is_evaluator(request.user, ronde):
        raise PermissionDenied
    try:
        url = services.zet_door_als_dilemma(verbeterpunt=punt, door=request.user)
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
        return redirect("zet:verbeterpunten", pk=ronde.pk)
    messages.success(request, _("Het verbeterpunt is als dilemma aan het netwerkoverleg voorgelegd."))
    return redirect(url)


@require_POST
@login_required
def afronden(request: HttpRequest, pk: int) -> HttpResponse:
    ronde = _werk(request, pk)
    voer_uit(request, lambda: services.rond_af(actor=request.user, ronde=ronde), _("De ronde is afgerond."))
    return redirect("zet:detail", pk=ronde.pk)


def _extern(request: HttpRequest) -> bool:
    return request.GET.get("versie") == "extern"


@require_GET
@login_required
def rapport_pagina(request: HttpRequest, pk: int) -> HttpResponse:
    ronde = _ronde(request, pk)
    inhoud = rapport.maak(request.user, ronde, extern=_extern(request))
    return render(request, "zet/rapport.html", {"ronde": ronde, "rapport": inhoud})


@require_GET
@login_required
def rapport_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    ronde = _ronde(request, pk)
    return rapport.pdf_response(request, rapport.maak(request.user, ronde, extern=_extern(request), actie=Actie.PRINT))


@require_GET
@login_required
def rapport_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    ronde = _ronde(request, pk)
    return rapport.xlsx_response(rapport.maak(request.user, ronde, extern=_extern(request), actie=Actie.EXPORT))


@require_GET
@login_required
def vergelijk(request: HttpRequest) -> HttpResponse:
    """Rounds over time: which improvement points recur."""
    ctx = werkcontext(request)
    if ctx.gemeente is None:
        return render(request, "portaal/geen_rol.html", status=403)
    rondes = list(selectors.rondes_voor(request.user, ctx.gemeente))
    if not rondes and not rules.mag_ronde_maken(request.user, ctx.gemeente):
        raise PermissionDenied
    return render(
        request, "zet/vergelijk.html", {"groepen": selectors.vergelijking(request.user, ctx.gemeente), "rondes": rondes}
    )
