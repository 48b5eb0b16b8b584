"""The meeting's agenda as PDF with WeasyPrint (like plannen/afdruk.py): case numbers and
life domains only, no resident's name, so it can be printed and handed round."""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML


def pdf_response(request: HttpRequest, context: dict[str, object]) -> HttpResponse:
    html = render_to_string("tafel/agenda_pdf.html", context, request=request)
    stylesheet = CSS(filename=finders.find("samenwerk/afdruk.css"))
    pdf = HTML(string=html, base_url=None).write_pdf(stylesheets=[stylesheet])
    bijeenkomst = context["bijeenkomst"]
    response = HttpResponse(pdf, content_type="application/pdf")
    datum = timezone.localtime(bijeenkomst.begint).date()  # type: ignore[attr-defined]
    response["Content-Disposition"] = f'attachment; filename="agenda-tafel-{datum:%Y-%m-%d}.pdf"'
    return response
