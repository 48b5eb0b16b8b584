"""The evaluatietafel as PDF (WeasyPrint) and XLSX (openpyxl through ui/spreadsheet), with
every cell: the twelve steps × the three questions, the roles and the attendees."""

from __future__ import annotations

from io import BytesIO

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from samenwerk.ui.spreadsheet import xlsx_rij

from ..models import Evaluatietafel, Leertafel
from . import evaluatie as diensten

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _bestandsnaam(tafel: Leertafel, extensie: str) -> str:
    datum = timezone.localtime(tafel.sessie.begin).date()
    return f'attachment; filename="evaluatietafel-{datum:%Y-%m-%d}-{tafel.pk}.{extensie}"'


def pdf_response(request: HttpRequest, context: dict[str, object]) -> HttpResponse:
    from weasyprint import CSS, HTML

    html = render_to_string("leren/inbreng/evaluatie_pdf.html", context, request=request)
    stylesheet = CSS(filename=finders.find("samenwerk/afdruk.css"))
    pdf = HTML(string=html, base_url=None).write_pdf(stylesheets=[stylesheet])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = _bestandsnaam(context["tafel"], "pdf")  # type: ignore[arg-type]
    return response


def _naam(user: object) -> str:
    return str(user) if user else ""


def xlsx_response(tafel: Leertafel, evaluatie: Evaluatietafel | None) -> HttpResponse:
    boek = Workbook()
    blad = boek.active
    blad.title = _("Evaluatietafel")[:31]
    xlsx_rij(blad, [_("Evaluatietafel"), str(tafel.sessie)])
    if evaluatie is not None:
        xlsx_rij(blad, [_("Gespreksleider"), _naam(evaluatie.gespreksleider)])
        xlsx_rij(blad, [_("Notulist"), _naam(evaluatie.notulist)])
        xlsx_rij(blad, [_("Tijdbewaker"), _naam(evaluatie.tijdbewaker)])
        xlsx_rij(blad, [_("Aanwezig (voor de terugkoppeling)"), ", ".join(str(u) for u in evaluatie.aanwezigen.all())])
    xlsx_rij(blad, [])
    kop = [_("Fase"), _("Stap"), *[str(v.label) for v in diensten.VRAGEN]]
    xlsx_rij(blad, kop)
    for cel in blad[blad.max_row]:
        cel.font = Font(bold=True)
    for fase in diensten.schema(evaluatie):
        for stap in fase["stappen"]:
            teksten = [c["cel"].tekst if c["cel"] else "" for c in stap["cellen"]]
            xlsx_rij(blad, [str(fase["fase"]), f"{stap['nummer']}. {stap['tekst']}", *teksten])
            for cel in blad[blad.max_row]:
                cel.alignment = Alignment(wrap_text=True, vertical="top")
    for kolom, breedte in zip("ABCDE", (22, 40, 45, 45, 45), strict=True):
        blad.column_dimensions[kolom].width = breedte
    uit = BytesIO()
    boek.save(uit)
    response = HttpResponse(uit.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = _bestandsnaam(tafel, "xlsx")
    return response
