"""What the analysis page, its print page and its PDF show: the wellbeing scores, the five
cost blocks with every line and its formula, the summary with its formulas, and a chart.
The PDF is rendered with WeasyPrint like the resident's copy of the plan (plannen/afdruk.py)."""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML

from samenwerk.casussen.models import Casus

from .analyse import blokken_van, samenvatting_van
from .bedragen import euro
from .grafiek import staafdiagram
from .models import Microanalyse


def welzijnsrijen(analyse: Microanalyse) -> list[tuple[str, int | None, str]]:
    return [
        (_("Vooraf"), analyse.welzijn_voor, analyse.welzijn_voor_toelichting),
        (_("Achteraf"), analyse.welzijn_na, analyse.welzijn_na_toelichting),
        (_("Bij de herhaalmeting"), analyse.welzijn_herhaling, analyse.welzijn_herhaling_toelichting),
    ]


def analyse_context(casus: Casus, analyse: Microanalyse) -> dict[str, object]:
    regels = list(analyse.regels.all())
    samenvatting = samenvatting_van(analyse, regels)
    kosten = [
        (_("Per jaar vooraf"), samenvatting.kosten_voor),
        (_("Eenmalige investering"), samenvatting.eenmalige_investering),
        (_("Per jaar achteraf"), samenvatting.kosten_na),
        (_("Per jaar bij de herhaalmeting"), samenvatting.kosten_herhaling),
        (_("Per jaar als we niets hadden gedaan"), samenvatting.kosten_niets_doen),
    ]
    reeks = [(label, b.bedrag if b else None, euro(b.bedrag) if b else _("niet ingevuld")) for label, b in kosten]
    diagram = staafdiagram(
        _("Maatschappelijke kosten van deze casus"),
        _(
            "Kosten per jaar vooraf, achteraf, bij de herhaalmeting en als we niets hadden gedaan, "
            "en de eenmalige investering; de bedragen staan in de tabel ernaast."
        ),
        reeks,
    )
    return {
        "casus": casus,
        "analyse": analyse,
        "welzijn": welzijnsrijen(analyse),
        "blokken": blokken_van(analyse, regels),
        "samenvatting": samenvatting,
        "diagram": diagram,
    }


def pdf_response(request: HttpRequest, casus: Casus, analyse: Microanalyse) -> HttpResponse:
    html = render_to_string("rendement/analyse/pdf.html", analyse_context(casus, analyse), request=request)
    stylesheet = CSS(filename=finders.find("samenwerk/afdruk.css"))
    pdf = HTML(string=html, base_url=None).write_pdf(stylesheets=[stylesheet])  # fetches nothing
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="micro-analyse-{casus.nummer}.pdf"'
    return response
