"""A participant's page: learning question, assignments A-K, certificate and badge."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.ui.views import fouten_naar_form

from . import afdruk, badges, inhoud, rules, selectors, services, services_certificaat, services_opdrachten
from .forms import CertificaatForm, FeedbackForm, InleverForm, IntrekForm, LeervraagForm
from .models import Certificaat, Deelnemer, Inlevering


def _deelnemer(request: HttpRequest, pk: int, deelnemer_id: int) -> tuple[Deelnemer, bool]:
    """The participant's own page, or a trainer's/organiser's view of it; others get 404."""
    traject = selectors.traject_of_404(request.user, pk)
    deelnemer = selectors.deelnemer_of_404(traject, deelnemer_id)
    leiding = rules.leidt(request.user, traject)
    if deelnemer.user_id != request.user.pk and not leiding:
        raise Http404
    return deelnemer, leiding


def _certificaat(deelnemer: Deelnemer) -> Certificaat:
    certificaat = Certificaat.objects.filter(deelnemer=deelnemer).first()
    if certificaat is None:
        raise Http404
    return certificaat


@require_GET
@login_required
def deelnemer(request: HttpRequest, pk: int, deelnemer_id: int) -> HttpResponse:
    dn, leiding = _deelnemer(request, pk, deelnemer_id)
    stand = selectors.stand_van(dn)
    modules = [(m, inhoud.opdrachten_van(m.nummer)) for m in inhoud.MODULES]
    context = {
        "traject": dn.traject,
        "deelnemer": dn,
        "stand": stand,
        "leiding": leiding,
        "zelf": dn.user_id == request.user.pk,
        "modules": modules,
        "statussen": dict(Inlevering.Status.choices),
        "certificaat_form": CertificaatForm(),
        "intrek_form": IntrekForm(),
        "badge_link": badges.absoluut((stand.certificaat and _badge_pad(stand.certificaat)) or ""),
    }
    return render(request, "leertraject/deelnemer.html", context)


def _badge_pad(certificaat: Certificaat) -> str:
    from django.urls import reverse

    return reverse("leertraject:badge", kwargs={"badge_id": certificaat.badge_id})


@require_http_methods(["GET", "POST"])
@login_required
def leervraag(request: HttpRequest, pk: int, deelnemer_id: int) -> HttpResponse:
    dn, _leiding = _deelnemer(request, pk, deelnemer_id)
    if dn.user_id != request.user.pk:
        raise PermissionDenied
    initial = {"ik_wil": dn.ik_wil, "ik_kan": dn.ik_kan, "ik_heb_nodig": dn.ik_heb_nodig, "terugblik": dn.terugblik}
    form = LeervraagForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.wijzig_leervraag(actor=request.user, deelnemer=dn, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Uw leervraag is opgeslagen."))
            return redirect("leertraject:deelnemer", pk=pk, deelnemer_id=dn.pk)
    context = {"form": form, "titel": _("Mijn leervraag"), "traject": dn.traject, "deelnemer": dn}
    return render(request, "leertraject/formulier.html", context, status=400 if form.errors else 200)


def _opdracht(code: str) -> inhoud.Opdracht:
    if code not in inhoud.OPDRACHT:
        raise Http404
    return inhoud.OPDRACHT[code]


@require_http_methods(["GET", "POST"])
@login_required
def opdracht(request: HttpRequest, pk: int, deelnemer_id: int, code: str) -> HttpResponse:
    dn, leiding = _deelnemer(request, pk, deelnemer_id)
    od = _opdracht(code)
    inlevering = selectors.inlevering_van(dn, code)
    zelf = dn.user_id == request.user.pk
    if request.method == "POST" and not zelf:
        raise PermissionDenied
    sessies = list(selectors.leersessies_van(dn.user, dn.traject.gemeente_id)) if zelf and od.koppeling == "leersessie" else []
    casussen = list(selectors.casussen_met_eigen_plan(dn.user)[:50]) if zelf and od.koppeling == "casusplan" else []
    versie = inlevering.versie if inlevering else 0
    form = InleverForm(
        request.POST or None, request.FILES or None, koppeling=od.koppeling, sessies=sessies, casussen=casussen,
        initial={"tekst": inlevering.tekst if inlevering else "", "versie": versie},
    )  # fmt: skip
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            upload = data.get("bestand")
            try:
                services_opdrachten.lever_in(
                    actor=request.user, deelnemer=dn, opdracht=code, tekst=data["tekst"],
                    bestand=(upload.name, upload.read(services_opdrachten.MAX_BESTAND + 1)) if upload else None,
                    deelname=next((s for s in sessies if s.pk == data.get("deelname")), None),
                    casus=next((c for c in casussen if c.pk == data.get("casus")), None),
                    versie=data["versie"],
                )  # fmt: skip
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            except services_opdrachten.Inleverconflict as conflict:
                form.add_error(None, str(conflict))
                status = 409
            else:
                messages.success(request, _("De opdracht is ingeleverd. De trainer geeft er feedback op."))
                return redirect("leertraject:deelnemer", pk=pk, deelnemer_id=dn.pk)
        status = status if status != 200 else 400
    context = {
        "traject": dn.traject,
        "deelnemer": dn,
        "opdracht": od,
        "module": inhoud.MODULE[od.module],
        "inlevering": inlevering,
        "form": form if zelf else None,
        "feedback_form": FeedbackForm(initial={"versie": versie}) if leiding and inlevering else None,
        "zelf": zelf,
    }
    return render(request, "leertraject/opdracht.html", context, status=status)


@require_POST
@login_required
def feedback(request: HttpRequest, pk: int, deelnemer_id: int, code: str) -> HttpResponse:
    dn, leiding = _deelnemer(request, pk, deelnemer_id)
    if not leiding:
        raise PermissionDenied
    _opdracht(code)
    inlevering = selectors.inlevering_van(dn, code)
    form = FeedbackForm(request.POST)
    if inlevering is None:
        messages.error(request, _("Deze opdracht is nog niet ingeleverd."))
    elif form.is_valid():
        try:
            services_opdrachten.geef_feedback(
                actor=request.user, inlevering=inlevering, feedback=form.cleaned_data["feedback"],
                akkoord=form.cleaned_data["akkoord"], versie=form.cleaned_data["versie"],
            )  # fmt: skip
        except ValidationError as fout:
            for tekst in fout.messages:
                messages.error(request, tekst)
        except services_opdrachten.Inleverconflict as conflict:
            messages.error(request, str(conflict))
        else:
            messages.success(request, _("De feedback is opgeslagen."))
            return redirect("leertraject:deelnemer", pk=pk, deelnemer_id=dn.pk)
    else:
        messages.error(request, _("Kies akkoord of graag aanvullen."))
    return redirect("leertraject:opdracht", pk=pk, deelnemer_id=dn.pk, code=code)


@require_GET
@login_required
def bestand(request: HttpRequest, pk: int, deelnemer_id: int, code: str) -> HttpResponse:
    dn, _leiding = _deelnemer(request, pk, deelnemer_id)
    inlevering = selectors.inlevering_van(dn, _opdracht(code).code)
    if inlevering is None or not inlevering.bestand:
        raise Http404
    response = HttpResponse(bytes(inlevering.bestand), content_type=inlevering.bestandstype or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="opdracht-{code}-{inlevering.pk}"'
    return response


@require_POST
@login_required
def certificaat_uitgeven(request: HttpRequest, pk: int, deelnemer_id: int) -> HttpResponse:
    dn, leiding = _deelnemer(request, pk, deelnemer_id)
    if not leiding:
        raise PermissionDenied
    form = CertificaatForm(request.POST)
    form.is_valid()
    try:
        services_certificaat.geef_certificaat_uit(
            actor=request.user, deelnemer=dn, afwijkreden=form.cleaned_data.get("afwijkreden", "")
        )
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
    else:
        messages.success(request, _("Het certificaat en de badge zijn uitgegeven."))
    return redirect("leertraject:deelnemer", pk=pk, deelnemer_id=dn.pk)


@require_POST
@login_required
def certificaat_intrekken(request: HttpRequest, pk: int, deelnemer_id: int) -> HttpResponse:
    dn, leiding = _deelnemer(request, pk, deelnemer_id)
    if not leiding:
        raise PermissionDenied
    form = IntrekForm(request.POST)
    certificaat = Certificaat.objects.filter(deelnemer=dn).first()
    if certificaat is None:
        messages.error(request, _("Deze deelnemer heeft geen certificaat."))
    else:
        try:
            services_certificaat.trek_in(
                actor=request.user, certificaat=certificaat, reden=form.data.get("reden", "") if form.is_bound else ""
            )
        except ValidationError as fout:
            for tekst in fout.messages:
                messages.error(request, tekst)
        else:
            messages.success(request, _("Het certificaat is ingetrokken; de badge toont dat bij controle."))
    return redirect("leertraject:deelnemer", pk=pk, deelnemer_id=dn.pk)


@require_GET
@login_required
def certificaat_pdf(request: HttpRequest, pk: int, deelnemer_id: int) -> HttpResponse:
    dn, _leiding = _deelnemer(request, pk, deelnemer_id)
    certificaat = _certificaat(dn)
    stand = selectors.stand_van(dn)
    context = {
        "traject": dn.traject,
        "deelnemer": dn,
        "certificaat": certificaat,
        "dagen": list(dn.traject.dagen.all()),
        "modules": inhoud.MODULES,
        "verificatie": badges.absoluut(_badge_pad(certificaat)),
        "stand": stand,
    }
    response = HttpResponse(afdruk.certificaat_pdf(context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificaat-{certificaat.badge_id}.pdf"'
    return response


@require_GET
@login_required
def badge_json(request: HttpRequest, pk: int, deelnemer_id: int) -> HttpResponse:
    dn, _leiding = _deelnemer(request, pk, deelnemer_id)
    certificaat = _certificaat(dn)
    inhoud_ = json.dumps(badges.als_json(certificaat), ensure_ascii=False, indent=2)
    response = HttpResponse(inhoud_, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="badge-{certificaat.badge_id}.json"'
    return response


@require_GET
@login_required
def badge_jwt(request: HttpRequest, pk: int, deelnemer_id: int) -> HttpResponse:
    dn, _leiding = _deelnemer(request, pk, deelnemer_id)
    certificaat = _certificaat(dn)
    response = HttpResponse(certificaat.jws, content_type="application/vc+jwt")
    response["Content-Disposition"] = f'attachment; filename="badge-{certificaat.badge_id}.jwt"'
    return response
