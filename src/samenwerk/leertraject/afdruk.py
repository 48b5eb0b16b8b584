"""The certificate of participation as PDF (WeasyPrint, like tafel/afdruk.py)."""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML


def certificaat_pdf(context: dict[str, object]) -> bytes:
    html = render_to_string("leertraject/certificaat_pdf.html", context)
    stylesheet = CSS(filename=finders.find("samenwerk/afdruk.css"))
    return HTML(string=html, base_url=None).write_pdf(stylesheets=[stylesheet])
