"""The AVG inzage as a readable PDF: the same data as the JSON (inzage.py, including the
parts later apps add), laid out as sections with Dutch labels, rendered with WeasyPrint like
the resident's copy of the plan (afdruk.py)."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.contrib.staticfiles import finders
from django.core.exceptions import FieldDoesNotExist
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from weasyprint import CSS, HTML

from samenwerk.casussen.models import Casus, Correctieverzoek, Inwoner, Netwerklid, Toestemming

from .inzage import inzage
from .models import Afspraak, Evaluatie, GezondheidMeting, Samenwerkplan

TITELS = {
    "inwoner": gettext_lazy("Gegevens van de inwoner"),
    "casus": gettext_lazy("De casus"),
    "betrokken_professionals": gettext_lazy("Betrokken professionals"),
    "netwerk": gettext_lazy("Netwerk"),
    "toestemmingen": gettext_lazy("Toestemming"),
    "plan": gettext_lazy("Het Samenwerkplan"),
    "plan_versies": gettext_lazy("Versies van het plan"),
    "afspraken": gettext_lazy("Afspraken"),
    "evaluaties": gettext_lazy("Evaluaties"),
    "gezondheidsmetingen": gettext_lazy("Metingen Positieve Gezondheid"),
    "correctieverzoeken": gettext_lazy("Correctieverzoeken"),
    "ave_niveau": gettext_lazy("AVE-niveau (regie en escalatie)"),
    "procesregie": gettext_lazy("Procesregie"),
    "zorgsignalen": gettext_lazy("Zorgsignalen van buiten"),
    "tijdlijn": gettext_lazy("Tijdlijn"),
}
# Labels come from the models' verbose names where a key is a field of the section's model.
MODELLEN = {
    "inwoner": Inwoner,
    "casus": Casus,
    "netwerk": Netwerklid,
    "toestemmingen": Toestemming,
    "plan": Samenwerkplan,
    "afspraken": Afspraak,
    "evaluaties": Evaluatie,
    "gezondheidsmetingen": GezondheidMeting,
    "correctieverzoeken": Correctieverzoek,
}
_ISO_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIJD = re.compile(r"^\d{4}-\d{2}-\d{2}T")


def _veld(sleutel: str, sectie: str) -> Any:
    model = MODELLEN.get(sectie)
    try:
        return model._meta.get_field(sleutel) if model is not None else None
    except FieldDoesNotExist:  # not a field: the key itself is the label
        return None


def _label(sleutel: str, sectie: str = "") -> str:
    veld = _veld(sleutel, sectie)
    return str(veld.verbose_name).capitalize() if veld is not None else sleutel.replace("_", " ").capitalize()


def _keuze(waarde: Any, sleutel: str, sectie: str) -> Any:
    """A choice by its label ("Mondeling"), not its stored code ("mondeling")."""
    veld = _veld(sleutel, sectie)
    if veld is not None and veld.choices and not isinstance(waarde, bool):
        return dict(veld.flatchoices).get(waarde, waarde)
    return waarde


def _waarde(waarde: Any) -> str:
    if waarde is None or waarde == "":
        return "–"
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, str) and _ISO_DATUM.match(waarde):
        return formats.date_format(datetime.date.fromisoformat(waarde), "j F Y")
    if isinstance(waarde, str) and _ISO_TIJD.match(waarde):
        moment = timezone.localtime(datetime.datetime.fromisoformat(waarde))
        return formats.date_format(moment, "j F Y H:i")
    return str(waarde)


def _sectie(sleutel: str, data: Any) -> dict[str, Any]:
    titel = str(TITELS.get(sleutel, _label(sleutel)))
    if isinstance(data, dict):
        return {"titel": titel, "paren": [(_label(k, sleutel), _waarde(_keuze(v, k, sleutel))) for k, v in data.items()]}
    rijen = list(data or [])
    kolommen = list(rijen[0]) if rijen else []
    return {
        "titel": titel,
        "kolommen": [_label(k, sleutel) for k in kolommen],
        "rijen": [[_waarde(_keuze(r.get(k), k, sleutel)) for k in kolommen] for r in rijen],
    }


def secties(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The inzage dict as sections; the plan's nested rounds and versions become flat tables."""
    data = dict(data)
    plan = data.pop("plan", None)
    uit: list[dict[str, Any]] = []
    for sleutel, waarde in data.items():
        if sleutel == "gezondheidsmetingen" and plan is not None:
            uit.extend(_plansecties(plan))
            plan = None
        uit.append(_sectie(sleutel, waarde))
    if plan is not None:
        uit.extend(_plansecties(plan))
    return uit


def _plansecties(plan: dict[str, Any]) -> list[dict[str, Any]]:
    plan = dict(plan)
    versies = plan.pop("versies", [])
    rondes = plan.pop("rondes", [])
    afspraken = [{"ronde": r["nummer"], **a} for r in rondes for a in r["afspraken"]]
    evaluaties = [{"ronde": r["nummer"], **r["evaluatie"]} for r in rondes if r.get("evaluatie")]
    return [
        _sectie("plan", plan),
        _sectie("afspraken", afspraken),
        _sectie("evaluaties", evaluaties),
        _sectie("plan_versies", [{"nummer": v["nummer"], "door": v["door"], "op": v["op"]} for v in versies]),
    ]


def inzage_pdf_response(request: HttpRequest, casus: Casus) -> HttpResponse:
    context = {"casus": casus, "secties": secties(inzage(casus)), "gemaakt_op": timezone.localtime()}
    html = render_to_string("plannen/afdruk/inzage.html", context, request=request)
    stylesheet = CSS(filename=finders.find("samenwerk/afdruk.css"))
    pdf = HTML(string=html, base_url=None).write_pdf(stylesheets=[stylesheet])  # fetches nothing
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="inzage-casus-{casus.nummer}.pdf"'
    return response
