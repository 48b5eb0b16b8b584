"""Pages of the leertraject. Thin: check, call a service, render (style.md §5). Assignments
and certificates: views_deelnemer.py; the public badge pages: views_publiek.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.portaal.context import werkcontext
from samenwerk.ui.views import fouten_naar_form, voer_uit

from . import inhoud, kalender, rules, selectors, services
from .forms import AfspraakForm, DagForm, DeelnemerForm, MaatjesForm, NieuwkomersForm, TrajectForm
from .models import Leertraject, Maatjes


def _leiding(request: HttpRequest, pk: int) -> Leertraject:
    traject = selectors.traject_of_404(request.user, pk)
    if not rules.leidt(request.user, traject):
        raise PermissionDenied
    return traject


def _formulier(request: HttpRequest, form, titel: str, traject: Leertraject | None = None, **extra) -> HttpResponse:  # type: ignore[no-untyped-def]
    context = {"form": form, "titel": titel, "traject": traject, **extra}
    return render(request, "leertraject/formulier.html", context, status=400 if form.errors else 200)


@require_GET
@login_required
def lijst(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    if ctx.gemeente is None:
        return render(request, "portaal/geen_rol.html", status=403)
    organiseert = rules.mag_organiseren(request.user, ctx.gemeente)
    context = {
        "trajecten": list(selectors.trajecten_voor(request.user, ctx.gemeente)),
        "organiseert": organiseert,
        "cijfers": selectors.cijfers(ctx.gemeente) if organiseert else None,
        "beheer": ctx.heeft("functioneel_beheerder"),
    }
    return render(request, "leertraject/lijst.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def nieuw(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    if ctx.gemeente is None or not rules.mag_organiseren(request.user, ctx.gemeente):
        raise PermissionDenied
    form = TrajectForm(request.POST or None, gemeente=ctx.gemeente)
    if request.method == "POST" and form.is_valid():
        try:
            traject = services.maak_traject(actor=request.user, gemeente=ctx.gemeente, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het leertraject is aangemaakt. Plan nu de lesdagen en voeg deelnemers toe."))
            return redirect("leertraject:detail", pk=traject.pk)
    return _formulier(request, form, _("Nieuw leertraject"))


@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    traject = selectors.traject_of_404(request.user, pk)
    leiding = rules.leidt(request.user, traject)
    standen = selectors.deelnemers_met_stand(traject) if leiding else []
    deelnemers = [s.deelnemer for s in standen] if leiding else list(traject.deelnemers.select_related("user", "organisatie"))
    eigen = next((d for d in deelnemers if d.user_id == request.user.pk), None)
    context = {
        "traject": traject,
        "leiding": leiding,
        "dagen": list(traject.dagen.all()),
        "deelnemers": deelnemers,
        "standen": standen,
        "eigen": eigen,
        "maatjes": selectors.maatjes(traject),
        "waarschuwingen": services.samenstelling(traject, deelnemers),
        "modules": inhoud.MODULES,
        "opdrachten": inhoud.OPDRACHTEN,
        "vandaag": timezone.localdate(),
    }
    return render(request, "leertraject/detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def dag(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _leiding(request, pk)
    form = DagForm(request.POST or None, initial={"versie": traject.versie, "nummer": traject.dagen.count() + 1})
    form.fields["nummer"].choices = [(n, str(n)) for n in range(1, services.max_dagen(traject) + 1)]  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.plan_dag(
                actor=request.user, traject=traject, nummer=data["nummer"], begin=form.moment(data["van"]),
                eind=form.moment(data["tot"]), locatie=data["locatie"], online=data["online"], versie=data["versie"],
            )  # fmt: skip
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        except services.Versieconflict as conflict:
            form.add_error(None, str(conflict))
            return _formulier(request, form, _("Lesdag plannen"), traject, conflict=True)
        else:
            messages.success(request, _("De lesdag is gepland."))
            return redirect("leertraject:detail", pk=traject.pk)
    return _formulier(request, form, _("Lesdag plannen"), traject)


@require_http_methods(["GET", "POST"])
@login_required
def aanwezigheid(request: HttpRequest, pk: int, dag_id: int) -> HttpResponse:
    traject = _leiding(request, pk)
    lesdag = get_object_or_404(traject.dagen, pk=dag_id)
    deelnemers = list(traject.deelnemers.select_related("user", "organisatie"))
    aanwezig = selectors.aanwezigheid_per_dag(traject).get(lesdag.pk, set())
    fout = ""
    if request.method == "POST":
        try:
            gekozen = [int(v) for v in request.POST.getlist("aanwezig")]
            services.leg_aanwezigheid_vast(actor=request.user, dag=lesdag, aanwezig=gekozen)
        except ValueError:
            fout = _("Kies deelnemers van dit leertraject.")
        except ValidationError as e:
            fout = " ".join(e.messages)
        else:
            messages.success(request, _("De aanwezigheid is vastgelegd."))
            return redirect("leertraject:detail", pk=traject.pk)
    context = {"traject": traject, "dag": lesdag, "deelnemers": deelnemers, "aanwezig": aanwezig, "fout": fout}
    return render(request, "leertraject/aanwezigheid.html", context, status=400 if fout else 200)


@require_http_methods(["GET", "POST"])
@login_required
def deelnemer_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _leiding(request, pk)
    form = DeelnemerForm(request.POST or None, gemeente=traject.gemeente, initial={"versie": traject.versie})
    if request.method == "POST" and form.is_valid():
        try:
            services.voeg_deelnemer_toe(
                actor=request.user, traject=traject, user=form.cleaned_data["user"], versie=form.cleaned_data["versie"]
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        except services.Versieconflict as conflict:
            form.add_error(None, str(conflict))
        else:
            messages.success(request, _("De deelnemer is toegevoegd."))
            for melding in services.samenstelling(traject):
                messages.warning(request, melding)
            return redirect("leertraject:detail", pk=traject.pk)
    return _formulier(request, form, _("Deelnemer toevoegen"), traject)


@require_http_methods(["GET", "POST"])
@login_required
def nieuwkomers(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _leiding(request, pk)
    kandidaten = list({d.user_id: d for d in reversed(list(selectors.nieuwkomers(traject)))}.values())
    form = NieuwkomersForm(request.POST or None, kandidaten=kandidaten)
    if request.method == "POST" and form.is_valid():
        gekozen = [d for d in kandidaten if str(d.pk) in form.cleaned_data["deelnames"]]
        try:
            services.nodig_nieuwkomers_uit(actor=request.user, traject=traject, deelnames=gekozen)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De nieuwkomers zijn toegevoegd aan het leertraject."))
            return redirect("leertraject:detail", pk=traject.pk)
    return _formulier(request, form, _("Nieuwkomers uitnodigen"), traject, leeg=not kandidaten)


@require_http_methods(["GET", "POST"])
@login_required
def maatjes_koppelen(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _leiding(request, pk)
    deelnemers = list(traject.deelnemers.select_related("user", "organisatie"))
    form = MaatjesForm(request.POST or None, deelnemers=deelnemers)
    if request.method == "POST" and form.is_valid():
        per_id = {d.pk: d for d in deelnemers}
        try:
            _paar, waarschuwing = services.koppel_maatjes(
                actor=request.user, eerste=per_id[form.cleaned_data["eerste"]], tweede=per_id[form.cleaned_data["tweede"]]
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De maatjes zijn gekoppeld."))
            if waarschuwing:
                messages.warning(request, waarschuwing)
            return redirect("leertraject:detail", pk=traject.pk)
    return _formulier(request, form, _("Maatjes koppelen"), traject)


@require_POST
@login_required
def uitnodigen(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _leiding(request, pk)
    voer_uit(
        request,
        lambda: services.nodig_uit(actor=request.user, traject=traject),
        _("De agenda-uitnodigingen voor de lesdagen zijn klaargezet voor verzending."),
    )
    return redirect("leertraject:detail", pk=traject.pk)


@require_GET
@login_required
def agenda(request: HttpRequest, pk: int) -> HttpResponse:
    traject = selectors.traject_of_404(request.user, pk)
    response = HttpResponse(kalender.publiceer(traject), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="leertraject-{traject.pk}.ics"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def maatjes(request: HttpRequest, paar_id: int) -> HttpResponse:
    """The buddy pair's page (where the signal leads): the appointment and its outcome."""
    paar = get_object_or_404(
        Maatjes.objects.select_related(
            "traject__gemeente", "eerste__user", "tweede__user", "eerste__organisatie", "tweede__organisatie"
        ),
        pk=paar_id,
        traject__in=Leertraject.objects.for_user(request.user),
    )
    zelf = request.user.pk in (paar.eerste.user_id, paar.tweede.user_id)
    if not zelf and not rules.leidt(request.user, paar.traject):
        raise PermissionDenied
    form = AfspraakForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.leg_maatjesafspraak_vast(actor=request.user, paar=paar, gehouden_op=form.cleaned_data["gehouden_op"])
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Fijn! De maatjesafspraak is vastgelegd."))
            return redirect("leertraject:maatjes", paar_id=paar.pk)
    return render(request, "leertraject/maatjes.html", {"paar": paar, "form": form}, status=400 if form.errors else 200)
