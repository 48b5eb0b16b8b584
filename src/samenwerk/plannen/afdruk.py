"""The resident's copy of the plan: one plain-language (B1) layout, shown as a print page
and rendered to PDF with WeasyPrint — for staff and, through their link, for residents."""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from samenwerk.casussen.models import Casus

from .selectors import plan_met_rondes
from .services import plan_van


def afdruk_context(casus: Casus) -> dict[str, object]:
    plan = plan_van(casus)
    regisseur = casus.betrokkenen.filter(rol="casusregisseur", tot__isnull=True).select_related("user", "organisatie").first()
    return {"casus": casus, "plan": plan, "rondes": plan_met_rondes(plan), "regisseur": regisseur}


def pdf_response(request: HttpRequest, casus: Casus) -> HttpResponse:
    html = render_to_string("plannen/afdruk/pdf.html", afdruk_context(casus), request=request)
    stylesheet = CSS(filename=finders.find("samenwerk/afdruk.css"))
    # base_url=None and no external resources: WeasyPrint fetches nothing.
    pdf = HTML(string=html, base_url=None).write_pdf(stylesheets=[stylesheet])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="plan-{casus.nummer}.pdf"'
    return response
