"""Pages of the price list, in the working municipality. Thin: check, call a service,
render (style.md §5). Professionals read; the functioneel beheerder edits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.gemeenten.models import Gemeente
from samenwerk.portaal.context import werkcontext

from . import selectors, services, uitwisseling
from .forms import ImportForm, NieuwJaarForm, PrijsitemForm, PrijslijstForm
from .models import ITEMVELDEN, Prijslijst
from .rules import mag_bewerken, mag_lezen

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class Toegang:
    gemeente: Gemeente
    mag_bewerken: bool


def met_toegang(*, bewerken: bool = False) -> Callable[[View], View]:
    """Signed in, with a role that reads (or, to edit, manages) the price list of the
    working municipality. Everything is looked up inside that municipality: another
    municipality's items answer 404."""

    def decorator(view: View) -> View:
        @wraps(view)
        @login_required
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            ctx = werkcontext(request)
            if ctx.gemeente is None or not mag_lezen(ctx) or (bewerken and not mag_bewerken(ctx)):
                return render(request, "rendement/geen_toegang.html", {"bewerken": bewerken}, status=403)
            return view(request, Toegang(ctx.gemeente, mag_bewerken(ctx)), *args, **kwargs)

        return wrapper

    return decorator


def _overzicht(request: HttpRequest, toegang: Toegang, form: NieuwJaarForm | None = None) -> HttpResponse:
    lijsten = list(selectors.prijslijsten(toegang.gemeente))
    if form is None and toegang.mag_bewerken:
        volgend = max((lijst.jaar for lijst in lijsten), default=timezone.localdate().year - 1) + 1
        form = NieuwJaarForm(bestaande_jaren=[lijst.jaar for lijst in lijsten], initial={"jaar": volgend})
    return render(request, "rendement/overzicht.html", {"lijsten": lijsten, "form": form})


@require_GET
@met_toegang()
def overzicht(request: HttpRequest, toegang: Toegang) -> HttpResponse:
    return _overzicht(request, toegang)


@require_POST
@met_toegang(bewerken=True)
def nieuw_jaar(request: HttpRequest, toegang: Toegang) -> HttpResponse:
    form = NieuwJaarForm(request.POST, bestaande_jaren=selectors.jaren(toegang.gemeente))
    if form.is_valid():
        try:
            lijst = services.maak_prijslijst(
                actor=request.user,
                gemeente=toegang.gemeente,
                jaar=form.cleaned_data["jaar"],
                kopieer=form.cleaned_data["kopieer"],
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("De prijslijst voor %(jaar)s is aangemaakt.") % {"jaar": lijst.jaar})
            return redirect("rendement:prijslijst", jaar=lijst.jaar)
    return _overzicht(request, toegang, form)


@require_GET
@met_toegang()
def prijslijst(request: HttpRequest, toegang: Toegang, jaar: int) -> HttpResponse:
    lijst = selectors.prijslijst_of_404(toegang.gemeente, jaar)
    andere_jaren = [j for j in selectors.jaren(toegang.gemeente) if j != jaar]
    context = {
        "lijst": lijst,
        "items": selectors.items(lijst),
        "andere_jaren": andere_jaren,
        "mag_bewerken": toegang.mag_bewerken,
    }
    return render(request, "rendement/prijslijst.html", context)


def _gegevens(form: PrijsitemForm) -> services.ItemGegevens:
    return services.ItemGegevens(**{veld: form.cleaned_data[veld] for veld in ITEMVELDEN})


def _terug(lijst: Prijslijst) -> HttpResponse:
    return redirect("rendement:prijslijst", jaar=lijst.jaar)


@require_http_methods(["GET", "POST"])
@met_toegang(bewerken=True)
def item_toevoegen(request: HttpRequest, toegang: Toegang, jaar: int) -> HttpResponse:
    lijst = selectors.prijslijst_of_404(toegang.gemeente, jaar)
    form = PrijsitemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.voeg_item_toe(actor=request.user, prijslijst=lijst, gegevens=_gegevens(form))
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("%(item)s is toegevoegd.") % {"item": item})
            return _terug(lijst)
    return render(request, "rendement/item.html", {"lijst": lijst, "form": form, "item": None})


@require_http_methods(["GET", "POST"])
@met_toegang(bewerken=True)
def item_wijzigen(request: HttpRequest, toegang: Toegang, jaar: int, pk: int) -> HttpResponse:
    lijst = selectors.prijslijst_of_404(toegang.gemeente, jaar)
    item = selectors.item_of_404(lijst, pk)
    form = PrijsitemForm(request.POST or None, instance=selectors.item_of_404(lijst, pk))
    if request.method == "POST" and form.is_valid():
        try:
            item = services.wijzig_item(actor=request.user, item=item, gegevens=_gegevens(form))
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("%(item)s is gewijzigd.") % {"item": item})
            return _terug(lijst)
    return render(request, "rendement/item.html", {"lijst": lijst, "form": form, "item": item})


@require_http_methods(["GET", "POST"])
@met_toegang(bewerken=True)
def item_verwijderen(request: HttpRequest, toegang: Toegang, jaar: int, pk: int) -> HttpResponse:
    lijst = selectors.prijslijst_of_404(toegang.gemeente, jaar)
    item = selectors.item_of_404(lijst, pk)
    if request.method == "POST":
        services.verwijder_item(actor=request.user, item=item)
        messages.success(request, _("%(item)s is verwijderd.") % {"item": item})
        return _terug(lijst)
    return render(request, "rendement/item_verwijderen.html", {"lijst": lijst, "item": item})


@require_http_methods(["GET", "POST"])
@met_toegang(bewerken=True)
def instellingen(request: HttpRequest, toegang: Toegang, jaar: int) -> HttpResponse:
    lijst = selectors.prijslijst_of_404(toegang.gemeente, jaar)
    form = PrijslijstForm(request.POST or None, instance=selectors.prijslijst_of_404(toegang.gemeente, jaar))
    if request.method == "POST" and form.is_valid():
        services.wijzig_prijslijst(actor=request.user, prijslijst=lijst, **form.cleaned_data)
        messages.success(request, _("De instellingen van de prijslijst zijn bewaard."))
        return _terug(lijst)
    return render(request, "rendement/instellingen.html", {"lijst": lijst, "form": form})


@require_http_methods(["GET", "POST"])
@met_toegang(bewerken=True)
def importeren(request: HttpRequest, toegang: Toegang, jaar: int) -> HttpResponse:
    lijst = selectors.prijslijst_of_404(toegang.gemeente, jaar)
    form = ImportForm(request.POST or None, request.FILES or None)
    fouten: list[uitwisseling.Importfout] = []
    if request.method == "POST" and form.is_valid():
        inhoud = form.cleaned_data["bestand"].read(uitwisseling.MAX_BYTES + 1)
        try:
            resultaat = services.importeer_prijslijst(actor=request.user, prijslijst=lijst, inhoud=inhoud)
        except uitwisseling.ImportMislukt as mislukt:
            fouten = mislukt.fouten
        else:
            messages.success(request, _("Het bestand is ingelezen: %(resultaat)s") % {"resultaat": resultaat})
            return _terug(lijst)
    return render(request, "rendement/importeren.html", {"lijst": lijst, "form": form, "fouten": fouten})


@require_GET
@met_toegang()
def exporteren(request: HttpRequest, toegang: Toegang, jaar: int, formaat: str) -> HttpResponse:
    lijst = selectors.prijslijst_of_404(toegang.gemeente, jaar)
    items = selectors.items(lijst)
    if formaat == "csv":
        response = HttpResponse(uitwisseling.exporteer_csv(items), content_type=uitwisseling.CSV_TYPE)
    elif formaat == "xlsx":
        response = HttpResponse(uitwisseling.exporteer_xlsx(lijst, items), content_type=uitwisseling.XLSX_TYPE)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{uitwisseling.bestandsnaam(lijst, formaat)}"'
    return response
