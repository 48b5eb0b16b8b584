"""The leersessie's report (issue 18 item 8): goals, positive lessons, points of attention,
actions with a kartrekker per organisation, and the participants' feedback summarised; PDF."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from weasyprint import CSS, HTML

from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form

from ..models import Sessieverslag
from . import rules, selectors, services
from .forms import VerslagactieFormSet, VerslagForm


def _context(sessie) -> dict[str, object]:  # type: ignore[no-untyped-def]
    verslag = Sessieverslag.objects.filter(sessie=sessie).first()
    acties = list(verslag.acties.select_related("organisatie", "kartrekker")) if verslag else []
    return {"sessie": sessie, "verslag": verslag, "acties": acties, "feedback": selectors.feedbacksamenvatting(sessie)}


@require_GET
@login_required
def verslag(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = selectors.sessie_of_404(request.user, pk)
    context = _context(sessie) | {"leiding": rules.leidt(request.user, sessie.gebied)}
    return render(request, "leren/sessies/verslag.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def verslag_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = selectors.sessie_of_404(request.user, pk)
    if not rules.leidt(request.user, sessie.gebied):
        raise PermissionDenied
    bestaand = Sessieverslag.objects.filter(sessie=sessie).first()
    begin = {"doelen": "", "positief": "", "aandachtspunten": "", "versie": 0}
    acties_begin = []
    if bestaand:
        begin = {k: getattr(bestaand, k) for k in begin}
        acties_begin = [
            {"actie": a.actie, "organisatie": a.organisatie, "kartrekker": a.kartrekker} for a in bestaand.acties.all()
        ]
    data = request.POST if request.method == "POST" else None
    form = VerslagForm(data, initial=begin)
    acties = VerslagactieFormSet(data, prefix="acties", initial=acties_begin, form_kwargs={"gemeente": sessie.gemeente})
    if request.method == "POST" and form.is_valid() and acties.is_valid():
        gegevens = services.Verslaggegevens(
            doelen=form.cleaned_data["doelen"], positief=form.cleaned_data["positief"],
            aandachtspunten=form.cleaned_data["aandachtspunten"],
            acties=[(f.cleaned_data["actie"], f.cleaned_data["organisatie"], f.cleaned_data["kartrekker"])
                    for f in acties if f.cleaned_data.get("actie")],
        )  # fmt: skip
        try:
            services.bewaar_verslag(actor=request.user, sessie=sessie, gegevens=gegevens, versie=form.cleaned_data["versie"])
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het verslag is bewaard."))
            return redirect("leren:sessie-verslag", pk=sessie.pk)
    fout = bool(form.errors) or any(f.errors for f in acties) if data is not None else False
    context = {"form": form, "acties": acties, "sessie": sessie}
    return render(request, "leren/sessies/verslag_bewerken.html", context, status=400 if fout else 200)


@require_GET
@login_required
def verslag_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = selectors.sessie_of_404(request.user, pk)
    html = render_to_string("leren/sessies/verslag_pdf.html", _context(sessie), request=request)
    pdf = HTML(string=html, base_url=None).write_pdf(stylesheets=[CSS(filename=finders.find("samenwerk/afdruk.css"))])
    services.log(request.user, sessie.gemeente_id, Actie.EXPORT, "leren.verslag.pdf", "leersessie", sessie.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="verslag-leersessie-{timezone.localtime(sessie.begin):%Y-%m-%d}.pdf"'
    return response
