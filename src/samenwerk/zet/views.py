"""Pages of ZET. Thin: fetch through the selectors (404 for what one may not know exists),
check the rule, call a service, render (style.md §5)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.models import User
from samenwerk.portaal.context import werkcontext
from samenwerk.ui.views import fouten_naar_form, voer_uit

from . import dossier, rules, selectors, services
from .forms import (
    AanvullingForm,
    CasusKiezenForm,
    EvaluatorForm,
    InterviewForm,
    InterviewStartForm,
    IntrekkenForm,
    RondeForm,
)
from .models import REFERENTIE_AANTAL_CASUSSEN, Evaluatieronde, Interview


def _ronde(request: HttpRequest, pk: int) -> Evaluatieronde:
    ronde = selectors.ronde_of_404(request.user, pk)
    services.verwerk_intrekkingen(ronde=ronde)  # consent withdrawn on the case itself takes effect here at the latest
    return ronde


def _werk(request: HttpRequest, pk: int) -> Evaluatieronde:
    ronde = _ronde(request, pk)
    if not rules.mag_werken(request.user, ronde):
        raise PermissionDenied
    return ronde


@require_GET
@login_required
def lijst(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    if ctx.gemeente is None:
        return render(request, "portaal/geen_rol.html", status=403)
    rondes = list(selectors.rondes_voor(request.user, ctx.gemeente))
    maken = rules.mag_ronde_maken(request.user, ctx.gemeente)
    if not rondes and not maken:
        raise PermissionDenied
    return render(request, "zet/lijst.html", {"rondes": rondes, "maken": maken})


@require_http_methods(["GET", "POST"])
@login_required
def nieuw(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    if ctx.gemeente is None or not rules.mag_ronde_maken(request.user, ctx.gemeente):
        raise PermissionDenied
    form = RondeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ronde = services.maak_ronde(actor=request.user, gemeente=ctx.gemeente, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De ronde is aangemaakt. Voeg evaluatoren en casussen toe."))
            return redirect("zet:detail", pk=ronde.pk)
    return render(
        request, "zet/formulier.html", {"form": form, "titel": _("Nieuwe ZET-ronde")}, status=400 if form.errors else 200
    )


@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    ronde = _ronde(request, pk)
    regels = selectors.casussen_van(request.user, ronde)
    actief = [r for r in regels if not r.rc.teruggetrokken]
    context = {
        "ronde": ronde,
        "regels": regels,
        "aantal": len(actief),
        "compact": 0 < len(actief) < REFERENTIE_AANTAL_CASUSSEN,
        "referentie": REFERENTIE_AANTAL_CASUSSEN,
        "themas": list(ronde.themas.all()),
        "leden": list(ronde.leden.select_related("user")),
        "werken": rules.mag_werken(request.user, ronde),
        "inrichten": rules.mag_inrichten(request.user, ronde),
        "kiezen": CasusKiezenForm(),
        "evaluator": EvaluatorForm(gemeente=ronde.gemeente),
        "niet_lezen": rules.niet_te_lezen(request.user, [r.rc for r in regels]),
    }
    return render(request, "zet/detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    ronde = _ronde(request, pk)
    if not rules.mag_inrichten(request.user, ronde):
        raise PermissionDenied
    initial = {"naam": ronde.naam, "van": ronde.van, "tot": ronde.tot, "themas": "\n".join(t.tekst for t in ronde.themas.all())}
    form = RondeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.wijzig_ronde(actor=request.user, ronde=ronde, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De ronde is opgeslagen."))
            return redirect("zet:detail", pk=ronde.pk)
    context = {"form": form, "ronde": ronde, "titel": _("Ronde bewerken")}
    return render(request, "zet/formulier.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def evaluator(request: HttpRequest, pk: int) -> HttpResponse:
    ronde = _ronde(request, pk)
    if not rules.mag_inrichten(request.user, ronde):
        raise PermissionDenied
    form = EvaluatorForm(request.POST, gemeente=ronde.gemeente)
    if form.is_valid():
        voer_uit(
            request,
            lambda: services.voeg_evaluator_toe(actor=request.user, ronde=ronde, **form.cleaned_data),
            _("De evaluator is toegevoegd."),
        )
    else:
        for fouten in form.errors.values():
            for tekst in fouten:
                messages.error(request, tekst)
    return redirect("zet:detail", pk=ronde.pk)


@require_http_methods(["GET", "POST"])
@login_required
def casus_kiezen(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose a case; when it cannot take part the page says why (and keeps what was typed)."""
    ronde = _werk(request, pk)
    form = CasusKiezenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        nummer = form.cleaned_data["casusnummer"]
        casus = Casus.objects.met_nummer(nummer).filter(gemeente=ronde.gemeente).first()
        try:
            rc = services.kies_casus(actor=request.user, ronde=ronde, casus=casus)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("%(casus)s doet mee in de ronde.") % {"casus": rc.label})
            return redirect("zet:detail", pk=ronde.pk)
    context = {"form": form, "ronde": ronde, "titel": _("Casus kiezen")}
    return render(request, "zet/formulier.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def casus(request: HttpRequest, pk: int, rc_id: int) -> HttpResponse:
    """One case of the round: its three sources side by side, the computed dossier study with
    its timeline drawing, and what the evaluator adds."""
    ronde = _ronde(request, pk)
    rc = selectors.rondecasus_of_404(ronde, rc_id)
    if not rules.mag_interviews_lezen(request.user, rc):
        raise PermissionDenied
    form = AanvullingForm(request.POST or None, initial={"aanvulling": rc.aanvulling})
    if request.method == "POST":
        if not rules.mag_werken(request.user, ronde):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.sla_aanvulling_op(actor=request.user, rondecasus=rc, aanvulling=form.cleaned_data["aanvulling"])
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("De aanvulling op de dossierstudie is opgeslagen."))
                return redirect("zet:casus", pk=ronde.pk, rc_id=rc.pk)
    feiten = selectors.dossierfeiten(request.user, rc)
    interviews = list(rc.interviews.prefetch_related("antwoorden__thema").select_related("interviewer", "notulist"))
    context = {
        "ronde": ronde,
        "rc": rc,
        "feiten": feiten,
        "tekening": dossier.tekening(feiten) if feiten else None,
        "duren": _duren(feiten) if feiten else [],
        "inwoner": next((i for i in interviews if i.bron == Interview.Bron.INWONER), None),
        "professionals": [i for i in interviews if i.bron == Interview.Bron.PROFESSIONAL],
        "werken": rules.mag_werken(request.user, ronde),
        "form": form,
        "intrekken": IntrekkenForm(),
    }
    return render(request, "zet/casus.html", context, status=400 if form.errors else 200)


def _duren(feiten: dossier.Dossierfeiten) -> list[tuple[str, int | None]]:
    return [
        (_("Van signaal tot vraagverheldering"), dossier.duur(feiten, "signaal", "vraagverheldering")),
        (_("Van signaal tot besluit over een overleg"), dossier.duur(feiten, "signaal", "besluit")),
        (_("Van besluit tot Samenwerkoverleg"), dossier.duur(feiten, "besluit", "overleg")),
        (_("Van Samenwerkoverleg tot alle afspraken uitgevoerd"), dossier.duur(feiten, "overleg", "afspraken_klaar")),
        (_("Van signaal tot afsluiten"), dossier.duur(feiten, "signaal", "afgesloten")),
    ]


@require_POST
@login_required
def intrekken(request: HttpRequest, pk: int, rc_id: int) -> HttpResponse:
    ronde = _werk(request, pk)
    rc = selectors.rondecasus_of_404(ronde, rc_id)
    form = IntrekkenForm(request.POST)
    if form.is_valid():
        voer_uit(
            request,
            lambda: services.trek_in(actor=request.user, rondecasus=rc, **form.cleaned_data),
            _("De toestemming is ingetrokken; de interviews over deze casus zijn verwijderd."),
        )
    return redirect("zet:detail", pk=ronde.pk)


@require_http_methods(["GET", "POST"])
@login_required
def interview_nieuw(request: HttpRequest, pk: int, rc_id: int, bron: str) -> HttpResponse:
    ronde = _werk(request, pk)
    rc = selectors.rondecasus_of_404(ronde, rc_id)
    if bron not in Interview.Bron.values:
        messages.error(
            request,
            _(
                "Een ZET kent drie bronnen: het interview met de inwoner, "
                "de interviews met de professionals en de dossierstudie (die berekent het product zelf)."
            ),
        )
        return redirect("zet:casus", pk=ronde.pk, rc_id=rc.pk)
    leden = User.objects.filter(zet_rondes__ronde=ronde)
    professionals = User.objects.filter(betrokkenheden__casus_id=rc.casus_id).exclude(pk__in=leden.values("pk")).distinct()
    form = InterviewStartForm(
        request.POST or None, bron=bron, leden=leden, professionals=professionals, initial={"interviewer": request.user}
    )
    if request.method == "POST" and form.is_valid():
        gegevens = services.Interviewgegevens(bron=bron, **form.cleaned_data)
        try:
            interview = services.start_interview(actor=request.user, rondecasus=rc, gegevens=gegevens)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            return redirect("zet:interview", pk=ronde.pk, interview_id=interview.pk)
    titel = _("Interview met de inwoner") if bron == Interview.Bron.INWONER else _("Interview met een professional")
    context = {"form": form, "ronde": ronde, "titel": f"{titel} – {rc.label}"}
    return render(request, "zet/formulier.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def interview(request: HttpRequest, pk: int, interview_id: int) -> HttpResponse:
    """The interview per theme, with the coverage check beside it."""
    ronde = _ronde(request, pk)
    gesprek = selectors.interview_of_404(request.user, ronde, interview_id)
    antwoorden = list(gesprek.antwoorden.all())
    form = InterviewForm(request.POST or None, antwoorden=antwoorden, initial={"versie": gesprek.versie})
    status = 200
    if request.method == "POST":
        if not rules.mag_werken(request.user, ronde):
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            invulling = {
                a.thema_id: services.Invulling(
                    tekst=d[f"tekst_{a.thema_id}"], notities=d[f"notities_{a.thema_id}"], oordeel=d[f"oordeel_{a.thema_id}"]
                )
                for a in antwoorden
            }
            try:
                open_themas = services.sla_interview_op(
                    actor=request.user, interview=gesprek, antwoorden=invulling, versie=d["versie"]
                )
            except services.Conflict as conflict:
                form.add_error(None, str(conflict))
                status = 409
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                if open_themas:
                    messages.warning(
                        request,
                        _("Opgeslagen. Nog niet besproken: %(themas)s — het interview blijft open.")
                        % {"themas": "; ".join(open_themas)},
                    )
                else:
                    messages.success(request, _("Opgeslagen. Alle thema's zijn besproken."))
                return redirect("zet:interview", pk=ronde.pk, interview_id=gesprek.pk)
        else:
            status = 400
    context = {
        "ronde": ronde,
        "interview": gesprek,
        "form": form,
        "open_themas": selectors.dekking(gesprek),
        "werken": rules.mag_werken(request.user, ronde),
    }
    return render(request, "zet/interview.html", context, status=status if form.errors else 200)


@require_POST
@login_required
def terugkoppeling(request: HttpRequest, pk: int, interview_id: int) -> HttpResponse:
    ronde = _werk(request, pk)
    gesprek = selectors.interview_of_404(request.user, ronde, interview_id, gebeurtenis="zet.terugkoppeling.bekeken")
    voer_uit(
        request,
        lambda: services.geef_terugkoppeling(actor=request.user, interview=gesprek),
        _("Vastgelegd: de inwoner heeft terugkoppeling gekregen."),
    )
    return redirect("zet:interview", pk=ronde.pk, interview_id=gesprek.pk)
