"""Pages of the Werkwijze Samen aan Zet, steps 3-6 (thin: fetch, call a service, render).
Only the case's own professionals (the regievoerder, the duo, participants) get here; a
table member who is not on the case gets 404 (they see the registration only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from weasyprint import CSS, HTML

from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form

from . import ecogram as tekening
from . import werkwijze
from .forms_werkwijze import InformerenForm, KennismakingForm, PersoonForm, ProfessionalForm
from .services import log_aanmelding


def _context(aanmelding) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"aanmelding": aanmelding, "tafel": aanmelding.tafel, "casus": aanmelding.casus}


@require_GET
@login_required
def overzicht(request: HttpRequest, pk: int, aanmelding_id: int) -> HttpResponse:
    """Steps 3-6 on one page: what is done, what comes next, the MDO+ and the voortgangsgesprekken."""
    aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.werkwijze.bekeken")
    ecogram = werkwijze.ecogram_van(aanmelding)
    overleggen = list(werkwijze.overleggen(aanmelding))
    context = _context(aanmelding) | {
        "kennismaking": werkwijze.kennismaking_van(aanmelding),
        "ecogram": ecogram,
        "voorbereiding": werkwijze.voorbereiding_van(aanmelding),
        "mdo": [o for o in overleggen if o.vorm == o.Vorm.MDO_PLUS],
        "voortgang": [o for o in overleggen if o.soort == o.Soort.VOORTGANG],
    }
    return render(request, "tafel/werkwijze/overzicht.html", context)


def _versie(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("versie", ""))
    except ValueError:
        return -1


@require_http_methods(["GET", "POST"])
@login_required
def kennismaking(request: HttpRequest, pk: int, aanmelding_id: int) -> HttpResponse:
    aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.kennismaking.bekeken")
    bestaand = werkwijze.kennismaking_van(aanmelding)
    initial = {"versie": bestaand.versie if bestaand else 0, "plaats": "thuis"}
    if bestaand:
        initial |= {
            v: getattr(bestaand, v)
            for v in ("datum", "plaats", "aanwezig", "vertrouwd_netwerklid", "centrale_vraag", "wie_kan_helpen")
        }
    form = KennismakingForm(request.POST or None, initial=initial)
    status, conflict = 200, None
    if request.method == "POST":
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            gegevens = werkwijze.Kennismakinggegevens(
                datum=d["datum"], plaats=d["plaats"], aanwezig=d["aanwezig"], centrale_vraag=d["centrale_vraag"],
                vertrouwd_netwerklid=d["vertrouwd_netwerklid"], wie_kan_helpen=d["wie_kan_helpen"],
            )  # fmt: skip
            try:
                werkwijze.leg_kennismaking_vast(
                    actor=request.user, aanmelding=aanmelding, gegevens=gegevens, versie=_versie(request)
                )
            except werkwijze.WerkwijzeConflict as fout:
                conflict, status = str(fout), 409
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("De kennismaking is vastgelegd. Geef de inwoner een kopie."))
                return redirect("tafel:werkwijze", pk=pk, aanmelding_id=aanmelding_id)
    context = _context(aanmelding) | {"form": form, "conflict": conflict, "kennismaking": bestaand}
    return render(request, "tafel/werkwijze/kennismaking.html", context, status=status)


def _kopie_context(request: HttpRequest, pk: int, aanmelding_id: int, gebeurtenis: str) -> dict[str, object]:
    aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.kennismaking.bekeken")
    gevonden = werkwijze.kennismaking_van(aanmelding)
    if gevonden is None:
        from django.http import Http404

        raise Http404
    log_aanmelding(actor=request.user, aanmelding=aanmelding, actie=Actie.PRINT, gebeurtenis=gebeurtenis)
    afspraken = getattr(aanmelding, "afspraken", None)
    return _context(aanmelding) | {"kennismaking": gevonden, "afspraken": afspraken}


@require_GET
@login_required
def kopie(request: HttpRequest, pk: int, aanmelding_id: int) -> HttpResponse:
    """The resident's copy of the kennismaking (B1), to print."""
    context = _kopie_context(request, pk, aanmelding_id, "tafel.kennismaking.afdruk")
    return render(request, "tafel/werkwijze/kopie.html", context)


@require_GET
@login_required
def kopie_pdf(request: HttpRequest, pk: int, aanmelding_id: int) -> HttpResponse:
    context = _kopie_context(request, pk, aanmelding_id, "tafel.kennismaking.pdf")
    html = render_to_string("tafel/werkwijze/kopie_pdf.html", context, request=request)
    # base_url=None and no external resources: WeasyPrint fetches nothing.
    pdf = HTML(string=html, base_url=None).write_pdf(stylesheets=[CSS(filename=finders.find("samenwerk/afdruk.css"))])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="kennismaking-{context["casus"].nummer}.pdf"'  # type: ignore[attr-defined]
    return response


def _ecogram_context(aanmelding, form: PersoonForm | None = None) -> dict[str, object]:  # type: ignore[no-untyped-def]
    ecogram = werkwijze.ecogram_van(aanmelding)
    return _context(aanmelding) | {
        "ecogram": ecogram,
        "sectoren": tekening.sectoren(),
        "stippen": tekening.stippen(ecogram.lijst),  # type: ignore[attr-defined]
        "ringen": sorted(tekening.RINGEN.items()),
        "form": form or PersoonForm(initial={"versie": ecogram.versie, "nabijheid": 2, "steun": "steunend"}),
    }


@require_http_methods(["GET", "POST"])
@login_required
def ecogram(request: HttpRequest, pk: int, aanmelding_id: int) -> HttpResponse:
    """The resident's network drawn, with the table beside it; add, change or remove a person.
    Every change carries the version the editor loaded (two editors: the second gets 409)."""
    aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.ecogram.bekeken")
    if request.method == "GET":
        persoon_id = request.GET.get("persoon", "")
        form = None
        if persoon_id.isdigit():
            persoon = next((p for p in werkwijze.ecogram_van(aanmelding).lijst if p.pk == int(persoon_id)), None)  # type: ignore[attr-defined]
            if persoon is not None:
                velden = ("naam", "relatie", "kring", "nabijheid", "steun")
                form = PersoonForm(
                    initial={v: getattr(persoon, v) for v in velden} | {"persoon": persoon.pk, "versie": persoon.ecogram.versie}
                )
        return render(request, "tafel/werkwijze/ecogram.html", _ecogram_context(aanmelding, form))
    conflict = None
    if "verwijder" in request.POST:
        form = None
        try:
            werkwijze.verwijder_persoon(
                actor=request.user, aanmelding=aanmelding, persoon_id=int(request.POST["verwijder"] or 0), versie=_versie(request)
            )
        except werkwijze.WerkwijzeConflict as fout:
            conflict = str(fout)
        except (ValidationError, ValueError):
            return HttpResponse(status=400)
        else:
            messages.success(request, _("De persoon is uit het ecogram gehaald."))
            return redirect("tafel:ecogram", pk=pk, aanmelding_id=aanmelding_id)
    else:
        form = PersoonForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            gegevens = werkwijze.Persoongegevens(
                naam=d["naam"], relatie=d["relatie"], kring=d["kring"], nabijheid=d["nabijheid"], steun=d["steun"]
            )
            try:
                if d["persoon"]:
                    werkwijze.wijzig_persoon(
                        actor=request.user, aanmelding=aanmelding, persoon_id=d["persoon"], gegevens=gegevens, versie=d["versie"]
                    )
                else:
                    werkwijze.voeg_persoon_toe(actor=request.user, aanmelding=aanmelding, gegevens=gegevens, versie=d["versie"])
            except werkwijze.WerkwijzeConflict as fout:
                conflict = str(fout)
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Het ecogram is bijgewerkt."))
                return redirect("tafel:ecogram", pk=pk, aanmelding_id=aanmelding_id)
    context = _ecogram_context(aanmelding, form) | {"conflict": conflict}
    return render(request, "tafel/werkwijze/ecogram.html", context, status=409 if conflict else 400)


@require_http_methods(["GET", "POST"])
@login_required
def voorbereiding(request: HttpRequest, pk: int, aanmelding_id: int) -> HttpResponse:
    """Who informs whom, and the professionals involved and invited with their role."""
    aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.voorbereiding.bekeken")
    huidig = werkwijze.voorbereiding_van(aanmelding)
    informeren = InformerenForm(
        initial={"inwoner_informeert": huidig.inwoner_informeert, "duo_legt_uit": huidig.duo_legt_uit, "versie": huidig.versie}
    )
    professional = ProfessionalForm(auto_id="id_prof_%s")
    status, conflict = 200, None
    if request.method == "POST":
        status = 400
        actie = request.POST.get("actie", "")
        try:
            if actie == "informeren":
                informeren = InformerenForm(request.POST)
                if informeren.is_valid():
                    d = informeren.cleaned_data
                    werkwijze.leg_voorbereiding_vast(
                        actor=request.user, aanmelding=aanmelding, inwoner_informeert=d["inwoner_informeert"],
                        duo_legt_uit=d["duo_legt_uit"], versie=d["versie"],
                    )  # fmt: skip
                    messages.success(request, _("Vastgelegd."))
                    return redirect("tafel:voorbereiding", pk=pk, aanmelding_id=aanmelding_id)
            elif actie == "professional":
                professional = ProfessionalForm(request.POST, auto_id="id_prof_%s")
                if professional.is_valid():
                    werkwijze.voeg_professional_toe(actor=request.user, aanmelding=aanmelding, **professional.cleaned_data)
                    messages.success(request, _("De professional is toegevoegd."))
                    return redirect("tafel:voorbereiding", pk=pk, aanmelding_id=aanmelding_id)
            elif actie == "verwijder" and request.POST.get("professional", "").isdigit():
                werkwijze.verwijder_professional(
                    actor=request.user, aanmelding=aanmelding, professional_id=int(request.POST["professional"])
                )
                messages.success(request, _("De professional is van de lijst gehaald."))
                return redirect("tafel:voorbereiding", pk=pk, aanmelding_id=aanmelding_id)
            else:
                return HttpResponse(status=400)
        except werkwijze.WerkwijzeConflict as fout:
            conflict, status = str(fout), 409
        except ValidationError as fout:
            fouten_naar_form(professional if actie == "professional" else informeren, fout)
    overleggen = [o for o in werkwijze.overleggen(aanmelding) if o.vorm == o.Vorm.MDO_PLUS]
    context = _context(aanmelding) | {
        "voorbereiding": huidig,
        "informeren": informeren,
        "professional": professional,
        "conflict": conflict,
        "mdo": overleggen[0] if overleggen else None,
        "checkpunten": werkwijze.checkpunten(overleggen[0]) if overleggen else [],
        "betrokkenen": [b for b in aanmelding.casus.betrokkenen.all() if b.tot is None],
    }
    return render(request, "tafel/werkwijze/voorbereiding.html", context, status=status)
