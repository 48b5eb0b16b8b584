"""Pages of the upper steps: netwerkoverleg, steungroep and intervisie; dilemmas; the bundle
and the leergeschiedenis. Thin: check, call a service, render (style.md §5)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.portaal.context import werkcontext
from samenwerk.ui.views import fouten_naar_form, pagineer, verwerk_form

from ..models import Dilemma, Leerdocument, Niveau, Trapoverleg
from . import documenten, rules, selectors, services
from .forms import (
    AanwezigheidForm,
    ActieForm,
    AgendapuntForm,
    BehandelForm,
    BesluitForm,
    BewerkForm,
    DilemmaForm,
    DocumentForm,
    EscaleerForm,
    OplossingForm,
    OverlegForm,
)


def _gemeente(request: HttpRequest):  # type: ignore[no-untyped-def]
    ctx = werkcontext(request)
    if ctx.gemeente is None:
        raise PermissionDenied
    return ctx.gemeente


# --- Overleggen --------------------------------------------------------------------------


@require_GET
@login_required
def overleg_lijst(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    soort = request.GET.get("soort", "")
    soort = soort if soort in Trapoverleg.Soort.values else ""
    rijen = selectors.overleggen(request.user, gemeente, soort)
    context = {
        "soort": soort,
        "soorten": Trapoverleg.Soort.choices,
        "plannen": bool(rules.zichtbare_soorten(request.user, gemeente)),
        **pagineer(request, rijen, 25),
    }
    return render(request, "leren/trap/overleg_lijst.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def overleg_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    if not rules.zichtbare_soorten(request.user, gemeente):
        raise PermissionDenied
    form = OverlegForm(request.POST or None, gemeente=gemeente, user=request.user, initial={"soort": request.GET.get("soort")})
    if request.method == "POST" and form.is_valid():
        begint, eindigt = form.tijden()
        try:
            overleg = services.plan_overleg(
                actor=request.user, gemeente=gemeente, soort=form.cleaned_data["soort"], begint=begint, eindigt=eindigt,
                locatie=form.cleaned_data["locatie"], voorzitter=form.cleaned_data["voorzitter"],
                genodigden=form.cleaned_data["genodigden"],
            )  # fmt: skip
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het overleg is gepland; de genodigden krijgen een uitnodiging."))
            return redirect("leren:overleg-detail", pk=overleg.pk)
    context = {"form": form, "titel": _("Overleg plannen")}
    return render(request, "leren/trap/formulier.html", context, status=400 if form.errors else 200)


def _overleg_pagina(request: HttpRequest, overleg: Trapoverleg, status: int = 200, **formulieren: object) -> HttpResponse:
    leiding = rules.mag_overleg_leiden(request.user, overleg)
    deelnemers = list(selectors.deelnemers(overleg))
    context = {
        "overleg": overleg,
        "leiding": leiding,
        "agenda": selectors.agenda(overleg),
        "deelnemers": deelnemers,
        "besluiten": overleg.besluiten.select_related("vastgelegd_door"),
        "acties": overleg.acties.select_related("eigenaar"),
    }
    if leiding:
        context |= {
            "agendaform": AgendapuntForm(overleg=overleg, prefix="punt"),
            "besluitform": BesluitForm(prefix="besluit"),
            "actieform": ActieForm(gemeente=overleg.gemeente, prefix="actie"),
            "aanwezigform": AanwezigheidForm(deelnemers=deelnemers, prefix="aanwezig"),
        } | formulieren
    return render(request, "leren/trap/overleg_detail.html", context, status=status)


@require_GET
@login_required
def overleg_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _overleg_pagina(request, selectors.overleg_of_404(request.user, pk))


def _overleg_post(request: HttpRequest, pk: int, naam: str, maak_form, actie, succes: str) -> HttpResponse:  # type: ignore[no-untyped-def]
    overleg = selectors.overleg_of_404(request.user, pk)
    if not rules.mag_overleg_leiden(request.user, overleg):
        raise PermissionDenied
    form = maak_form(overleg)
    if verwerk_form(request, form, lambda gegevens: actie(overleg, gegevens), succes):
        return redirect("leren:overleg-detail", pk=overleg.pk)
    return _overleg_pagina(request, overleg, 400, **{naam: form})


@require_POST
@login_required
def overleg_agendapunt(request: HttpRequest, pk: int) -> HttpResponse:
    return _overleg_post(
        request, pk, "agendaform", lambda o: AgendapuntForm(request.POST, overleg=o, prefix="punt"),
        lambda o, d: services.voeg_agendapunt_toe(actor=request.user, overleg=o, **d), _("Het agendapunt is toegevoegd."),
    )  # fmt: skip


@require_POST
@login_required
def overleg_besluit(request: HttpRequest, pk: int) -> HttpResponse:
    return _overleg_post(
        request, pk, "besluitform", lambda o: BesluitForm(request.POST, prefix="besluit"),
        lambda o, d: services.leg_besluit_vast(actor=request.user, overleg=o, **d), _("Het besluit is vastgelegd."),
    )  # fmt: skip


@require_POST
@login_required
def overleg_actie(request: HttpRequest, pk: int) -> HttpResponse:
    return _overleg_post(
        request, pk, "actieform", lambda o: ActieForm(request.POST, gemeente=o.gemeente, prefix="actie"),
        lambda o, d: services.voeg_actie_toe(actor=request.user, overleg=o, **d), _("De actie is toegevoegd."),
    )  # fmt: skip


@require_POST
@login_required
def overleg_aanwezigheid(request: HttpRequest, pk: int) -> HttpResponse:
    return _overleg_post(
        request, pk, "aanwezigform",
        lambda o: AanwezigheidForm(request.POST, deelnemers=list(selectors.deelnemers(o)), prefix="aanwezig"),
        lambda o, d: services.registreer_aanwezigheid(actor=request.user, overleg=o, aanwezig=[int(i) for i in d["aanwezig"]]),
        _("De aanwezigheid is vastgelegd."),
    )  # fmt: skip


# --- Dilemma's -------------------------------------------------------------------------


@require_GET
@login_required
def dilemma_lijst(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    niveau = request.GET.get("niveau", "")
    niveau = niveau if niveau in Niveau.values else ""
    status = request.GET.get("status", "")
    status = status if status in Dilemma.Status.values else ""
    rijen = selectors.dilemmas(request.user, gemeente, niveau=niveau, status=status)
    context = {
        "niveau": niveau,
        "status": status,
        "niveaus": Niveau.choices,
        "statussen": Dilemma.Status.choices,
        "per_niveau": selectors.per_niveau(gemeente),
        "inbrengen": bool(rules.niveaus_van(request.user, gemeente)),
        **pagineer(request, rijen, 25),
    }
    return render(request, "leren/trap/dilemma_lijst.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def dilemma_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    if not rules.niveaus_van(request.user, gemeente):
        raise PermissionDenied
    form = DilemmaForm(request.POST or None, gemeente=gemeente, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            dilemma = services.breng_dilemma_in(actor=request.user, gemeente=gemeente, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het dilemma is ingebracht."))
            return redirect("leren:dilemma-detail", pk=dilemma.pk)
    context = {"form": form, "titel": _("Dilemma inbrengen")}
    return render(request, "leren/trap/formulier.html", context, status=400 if form.errors else 200)


def _dilemma_pagina(request: HttpRequest, dilemma: Dilemma, status: int = 200, **formulieren: object) -> HttpResponse:
    behandelen = rules.mag_behandelen(request.user, dilemma)
    context = {
        "dilemma": dilemma,
        "stappen": selectors.stappen(dilemma),
        "behandelen": behandelen,
        "hoogste": dilemma.niveau == Niveau.STEUNGROEP,
    }
    if behandelen:
        start = {"versie": dilemma.versie}
        context |= {
            "behandelform": BehandelForm(dilemma=dilemma, initial=start, prefix="behandel"),
            "escaleerform": EscaleerForm(initial=start, prefix="escaleer"),
            "oplossingform": OplossingForm(initial=start, prefix="oplossing"),
        } | formulieren
    return render(request, "leren/trap/dilemma_detail.html", context, status=status)


@require_GET
@login_required
def dilemma_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _dilemma_pagina(request, selectors.dilemma_of_404(request.user, pk))


def _dilemma_post(request: HttpRequest, pk: int, naam: str, form, actie, succes: str) -> HttpResponse:  # type: ignore[no-untyped-def]
    dilemma = selectors.dilemma_of_404(request.user, pk)
    if not rules.mag_behandelen(request.user, dilemma):
        raise PermissionDenied
    try:
        if verwerk_form(request, form, lambda gegevens: actie(dilemma, gegevens), succes):
            return redirect("leren:dilemma-detail", pk=dilemma.pk)
    except services.Conflict as conflict:
        form.add_error(None, str(conflict))
        return _dilemma_pagina(request, selectors.dilemma_of_404(request.user, pk), 409, **{naam: form})
    return _dilemma_pagina(request, dilemma, 400, **{naam: form})


@require_POST
@login_required
def dilemma_behandelen(request: HttpRequest, pk: int) -> HttpResponse:
    dilemma = selectors.dilemma_of_404(request.user, pk)
    return _dilemma_post(
        request, pk, "behandelform", BehandelForm(request.POST, dilemma=dilemma, prefix="behandel"),
        lambda d, c: services.behandel_dilemma(actor=request.user, dilemma=d, **c), _("De behandeling is vastgelegd."),
    )  # fmt: skip


@require_POST
@login_required
def dilemma_escaleren(request: HttpRequest, pk: int) -> HttpResponse:
    return _dilemma_post(
        request, pk, "escaleerform", EscaleerForm(request.POST, prefix="escaleer"),
        lambda d, c: services.escaleer_dilemma(actor=request.user, dilemma=d, **c),
        _("Het dilemma ligt nu een niveau hoger, met zijn geschiedenis."),
    )  # fmt: skip


@require_POST
@login_required
def dilemma_oplossen(request: HttpRequest, pk: int) -> HttpResponse:
    return _dilemma_post(
        request, pk, "oplossingform", OplossingForm(request.POST, prefix="oplossing"),
        lambda d, c: services.los_dilemma_op(actor=request.user, dilemma=d, **c),
        _("Het dilemma is opgelost; wie het inbracht of behandelde krijgt de oplossing."),
    )  # fmt: skip


# --- Bundel en leergeschiedenis -----------------------------------------------------------


@require_GET
@login_required
def document_lijst(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    gebied = request.GET.get("gebied", "")
    gebied_id = int(gebied) if gebied.isdigit() else None
    rijen = selectors.documenten(request.user, gemeente, gebied_id=gebied_id)
    maken = any(rules.mag_document_maken(request.user, gemeente, s) for s in Leerdocument.Soort.values)
    return render(request, "leren/trap/document_lijst.html", {"maken": maken, **pagineer(request, rijen, 25)})


@require_http_methods(["GET", "POST"])
@login_required
def document_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    if not any(rules.mag_document_maken(request.user, gemeente, s) for s in Leerdocument.Soort.values):
        raise PermissionDenied
    form = DocumentForm(request.POST or None, gemeente=gemeente, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            document = documenten.maak_document(actor=request.user, gemeente=gemeente, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het concept is gemaakt uit de gegevens. Lees het na en vul het aan."))
            return redirect("leren:document-detail", pk=document.pk)
    context = {"form": form, "titel": _("Bundel of leergeschiedenis maken")}
    return render(request, "leren/trap/formulier.html", context, status=400 if form.errors else 200)


@require_GET
@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_of_404(request.user, pk)
    alle = list(selectors.versies(document))
    huidig = next(v for v in alle if v.nummer == document.versie)
    context = {
        "document": document,
        "versie": huidig,
        "secties": documenten.secties(document, huidig),
        "versies": alle,
        "bewerken": rules.mag_document_bewerken(request.user, document),
    }
    return render(request, "leren/trap/document_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def document_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_of_404(request.user, pk)
    if not rules.mag_document_bewerken(request.user, document):
        raise PermissionDenied
    huidig = document.versies.get(nummer=document.versie)
    form = BewerkForm(request.POST or None, document=document, initial={"versie": document.versie, **huidig.inhoud})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            documenten.bewerk_document(
                actor=request.user, document=document, inhoud=form.inhoud(), versie=form.cleaned_data["versie"]
            )
        except services.Conflict as conflict:
            form.add_error(None, str(conflict))
            status = 409
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De nieuwe versie is opgeslagen."))
            return redirect("leren:document-detail", pk=document.pk)
    context = {"form": form, "titel": _("%(document)s bewerken") % {"document": document}, "document": document}
    return render(request, "leren/trap/formulier.html", context, status=status if not form.errors or status == 409 else 400)


@require_GET
@login_required
def document_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_of_404(request.user, pk)
    response = HttpResponse(documenten.pdf(document), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.soort}-{document.tot:%Y-%m-%d}.pdf"'
    return response


@require_POST
@login_required
def document_publiceren(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_of_404(request.user, pk)
    if not rules.mag_document_bewerken(request.user, document):
        raise PermissionDenied
    documenten.publiceer(actor=request.user, document=document)
    messages.success(request, _("Gepubliceerd. De PDF is de versie die iedereen leest."))
    return redirect("leren:document-detail", pk=document.pk)
