"""Pages of the plan: read, edit (with optimistic locking), versions, agreements, evaluations."""

from __future__ import annotations

from dataclasses import fields

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.accounts.reauth import bevestiging_nodig
from samenwerk.casussen.models import Casus
from samenwerk.casussen.rules import eis_vastleggen, mag_beheren, mag_vastleggen, ziet_persoonsgegevens
from samenwerk.casussen.selectors import casus_of_404
from samenwerk.casussen.services import heeft_toestemming, log_casus
from samenwerk.casussen.views import formulier
from samenwerk.gemeenten.models import Normen
from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form, voer_uit

from . import inwoner as planlinks
from . import inzage as avg
from . import regels, services
from .afdruk import afdruk_context, pdf_response
from .forms import AfspraakForm, AfspraakWijzigForm, EvaluatieForm, IntrekForm, PlanForm, VersieKeuze
from .inzage_pdf import inzage_pdf_response
from .models import PLANVELDEN, Afspraak, Samenwerkplan
from .selectors import plan_met_rondes, vergelijk


def _casus(request: HttpRequest, pk: int, *, wijzigen: bool = False) -> Casus:
    """The case if the person may see its plan (participants, emergency access; not the
    procesregisseur) and, for `wijzigen`, write it (`mag_vastleggen`: not emergency access)."""
    casus = casus_of_404(request.user, pk, gebeurtenis="plan.bekeken")
    if not ziet_persoonsgegevens(request.user, casus):
        raise PermissionDenied
    if wijzigen:
        eis_vastleggen(request.user, casus)
    return casus


def _labels() -> dict[str, str]:
    return {veld: str(Samenwerkplan._meta.get_field(veld).verbose_name) for veld in PLANVELDEN}


@require_GET
@login_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk)
    plan = services.plan_van(casus)
    log_casus(
        actor=request.user,
        casus=casus,
        actie=Actie.READ,
        gebeurtenis="plan.bekeken",
        segment="plan",
        object_type="plan",
        object_id=plan.pk or "",
    )
    context = {
        "casus": casus,
        "plan": plan,
        "rondes": plan_met_rondes(plan),
        "beheren": mag_beheren(request.user, casus),
        "deelnemer": mag_vastleggen(request.user, casus),
        "toestemming": heeft_toestemming(casus),
        "regisseur": next((b for b in casus.betrokkenen.all() if b.rol == "casusregisseur"), None),
        "herhaalmeting": (
            regels.herhaalmeting_venster(casus.afgesloten_op, Normen.objects.voor(casus.gemeente_id).herhaalmeting_maanden)
            if casus.afgesloten_op
            else None
        ),
        "reacties": plan.reacties.all() if plan.pk else [],
        "planlink_berichten": planlinks.planlink_berichten(casus) if mag_beheren(request.user, casus) else [],
    }
    return render(request, "plannen/plan.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, wijzigen=True)
    plan = services.plan_van(casus)
    form = PlanForm(request.POST or None, instance=Samenwerkplan.objects.get(pk=plan.pk) if plan.pk else plan)
    conflict = None
    if request.method == "POST" and form.is_valid():
        inhoud = services.PlanInhoud(**{f.name: form.cleaned_data[f.name] for f in fields(services.PlanInhoud)})
        try:
            services.wijzig_plan(actor=request.user, casus=casus, inhoud=inhoud, versie=form.cleaned_data["versie"])
        except services.PlanConflict as fout:
            labels = _labels()
            conflict = {"door": fout.door, "velden": [labels[v] for v in fout.gewijzigd], "versie": fout.plan.versie}
            huidig = {v: getattr(fout.plan, v) for v in PLANVELDEN}
            conflict["huidig"] = [(labels[v], huidig[v]) for v in fout.gewijzigd]
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het plan is opgeslagen."))
            return redirect("plannen:plan", pk=casus.pk)
    context = {"casus": casus, "form": form, "conflict": conflict, "toestemming": heeft_toestemming(casus)}
    return render(request, "plannen/bewerken.html", context, status=409 if conflict else 200)


@require_GET
@login_required
def versies(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk)
    plan = get_object_or_404(Samenwerkplan, casus=casus)
    alle = list(plan.versies.all())
    keuze = VersieKeuze(request.GET or None)
    verschillen = None
    if keuze.is_valid():
        per_nummer = {v.nummer: v for v in alle}
        a, b = per_nummer.get(keuze.cleaned_data["a"]), per_nummer.get(keuze.cleaned_data["b"])
        if a and b:
            labels = _labels()
            verschillen = [(labels[v], oud, nieuw) for v, oud, nieuw in vergelijk(a.inhoud, b.inhoud, PLANVELDEN)]
            keuze = {"a": a, "b": b}
    log_casus(
        actor=request.user,
        casus=casus,
        actie=Actie.READ,
        gebeurtenis="plan.versies",
        segment="plan",
        object_type="plan",
        object_id=plan.pk,
    )
    return render(request, "plannen/versies.html", {"casus": casus, "versies": alle, "keuze": keuze, "verschillen": verschillen})


@require_http_methods(["GET", "POST"])
@login_required
def afspraak(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk, wijzigen=True)
    form = AfspraakForm(request.POST or None, casus=casus)
    if request.method == "POST" and form.is_valid():
        try:
            services.voeg_afspraak_toe(actor=request.user, casus=casus, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De afspraak is toegevoegd."))
            return redirect("plannen:plan", pk=casus.pk)
    uitleg = _(
        "Wie doet wat, en wanneer is het uiterlijk klaar? "
        "Afspraken worden binnen %(weken)s weken uitgevoerd, of de inwoner krijgt perspectief."
    ) % {"weken": form.weken}
    return formulier(request, casus, form, _("Afspraak toevoegen"), uitleg)


@require_POST
@login_required
def afspraak_voltooid(request: HttpRequest, pk: int, afspraak_id: int) -> HttpResponse:
    casus = _casus(request, pk, wijzigen=True)
    afspraak = get_object_or_404(Afspraak, pk=afspraak_id, plan__casus=casus)
    voer_uit(
        request,
        lambda: services.voltooi_afspraak(actor=request.user, afspraak=afspraak),
        _("De afspraak is als voltooid gemarkeerd."),
    )
    return redirect("plannen:plan", pk=casus.pk)


def _open_afspraak(casus: Casus, afspraak_id: int) -> Afspraak:
    """An agreement of this case that can still be changed (not completed, not withdrawn)."""
    afspraak = get_object_or_404(
        Afspraak.objects.select_related("plan__casus"), pk=afspraak_id, plan__casus=casus, voltooid_op=None, ingetrokken_op=None
    )
    afspraak.plan.casus = casus
    return afspraak


@require_http_methods(["GET", "POST"])
@login_required
def afspraak_wijzigen(request: HttpRequest, pk: int, afspraak_id: int) -> HttpResponse:
    casus = _casus(request, pk, wijzigen=True)
    afspraak = _open_afspraak(casus, afspraak_id)
    form = AfspraakWijzigForm(request.POST or None, instance=afspraak, casus=casus)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "start"}
        try:
            services.wijzig_afspraak(actor=request.user, afspraak=afspraak, **data)
        except services.AfspraakConflict as fout:
            conflict = fout.afspraak
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De afspraak is gewijzigd."))
            return redirect(redirect("plannen:plan", pk=casus.pk).url + "#kop-afspraken")
    context = {
        "casus": casus,
        "afspraak": afspraak,
        "form": form,
        "conflict": conflict,
        "titel": _("Afspraak wijzigen"),
        "knop": _("Opslaan"),
    }
    return render(request, "plannen/afspraak_wijzigen.html", context, status=409 if conflict else 200)


@require_http_methods(["GET", "POST"])
@login_required
def afspraak_intrekken(request: HttpRequest, pk: int, afspraak_id: int) -> HttpResponse:
    casus = _casus(request, pk, wijzigen=True)
    afspraak = _open_afspraak(casus, afspraak_id)
    form = IntrekForm(request.POST or None, initial={"versie": afspraak.versie})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.trek_afspraak_in(actor=request.user, afspraak=afspraak, **form.cleaned_data)
        except services.AfspraakConflict as fout:
            conflict = fout.afspraak
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De afspraak is ingetrokken. Ze blijft zichtbaar in het plan, doorgestreept."))
            return redirect(redirect("plannen:plan", pk=casus.pk).url + "#kop-afspraken")
    context = {
        "casus": casus,
        "afspraak": afspraak,
        "form": form,
        "conflict": conflict,
        "titel": _("Afspraak intrekken"),
        "knop": _("Afspraak intrekken"),
    }
    return render(request, "plannen/afspraak_wijzigen.html", context, status=409 if conflict else 200)


@require_http_methods(["GET", "POST"])
@login_required
def evaluatie(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk)
    if not mag_beheren(request.user, casus):
        raise PermissionDenied
    form = EvaluatieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        inhoud = services.EvaluatieInhoud(**{f.name: form.cleaned_data[f.name] for f in fields(services.EvaluatieInhoud)})
        try:
            services.evalueer(actor=request.user, casus=casus, inhoud=inhoud)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De evaluatie is vastgelegd. Nieuwe afspraken horen nu bij deze ronde."))
            return redirect("plannen:plan", pk=casus.pk)
    uitleg = _("Zijn alle acties gedaan? Zijn er verdere acties nodig? Wat is het welzijnscijfer nu? Wat hebben we geleerd?")
    return formulier(request, casus, form, _("Evaluatie vastleggen"), uitleg)


@require_GET
@login_required
def inzage(request: HttpRequest, pk: int) -> HttpResponse:
    """AVG inzage: all data of the resident of this case, for the casusregisseur to hand over."""
    casus = _casus(request, pk)
    if not mag_beheren(request.user, casus):
        raise PermissionDenied
    if omleiding := bevestiging_nodig(request):  # an export needs a fresh password + code
        return omleiding
    log_casus(
        actor=request.user, casus=casus, actie=Actie.EXPORT, gebeurtenis="inzage.json", segment="alles", object_type="inzage"
    )
    response = JsonResponse(avg.inzage(casus), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="inzage-casus-{casus.nummer}.json"'
    return response


@require_GET
@login_required
def inzage_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """AVG inzage as a readable PDF: the same data as the JSON, for the casusregisseur to hand over."""
    casus = _casus(request, pk)
    if not mag_beheren(request.user, casus):
        raise PermissionDenied
    if omleiding := bevestiging_nodig(request):  # an export needs a fresh password + code
        return omleiding
    log_casus(
        actor=request.user, casus=casus, actie=Actie.EXPORT, gebeurtenis="inzage.pdf", segment="alles", object_type="inzage"
    )
    return inzage_pdf_response(request, casus)


@require_GET
@login_required
def afdruk(request: HttpRequest, pk: int) -> HttpResponse:
    """The resident's copy as a print page."""
    casus = _casus(request, pk)
    log_casus(actor=request.user, casus=casus, actie=Actie.PRINT, gebeurtenis="plan.afdruk", segment="plan", object_type="plan")
    return render(request, "plannen/afdruk/pagina.html", afdruk_context(casus))


@require_GET
@login_required
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk)
    log_casus(actor=request.user, casus=casus, actie=Actie.PRINT, gebeurtenis="plan.pdf", segment="plan", object_type="plan")
    return pdf_response(request, casus)


@require_POST
@login_required
def planlink(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the resident a secure link to their plan."""
    casus = _casus(request, pk)
    if not mag_beheren(request.user, casus):
        raise PermissionDenied
    voer_uit(
        request,
        lambda: planlinks.stuur_planlink(actor=request.user, casus=casus),
        _(
            "De link is klaargezet; de e-mail aan de inwoner wordt zo verstuurd. Hieronder ziet u wanneer hij verstuurd is. "
            "De link werkt 14 dagen; een eerdere link werkt nu niet meer."
        ),
    )
    return redirect("plannen:plan", pk=casus.pk)
