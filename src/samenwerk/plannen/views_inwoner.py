"""Pages for the resident, reached only through their secure link (no account)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.casussen import correctie as correcties
from samenwerk.casussen.models import Correctieverzoek
from samenwerk.privacy.models import Actie
from samenwerk.privacy.selectors import wie_keek as wie_keek_selector
from samenwerk.ui.forms import Form, ModelForm
from samenwerk.ui.views import fouten_naar_form, pagineer

from . import inwoner
from .afdruk import afdruk_context, pdf_response


def _link_ongeldig_pagina(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """An unknown, expired, replaced or revoked link gets one plain-language page (404), the
    same for each, so it tells nothing about which links exist."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, token: str) -> HttpResponse:
        try:
            return view(request, token)
        except inwoner.LinkOngeldig:
            return render(request, "plannen/inwoner/ongeldig.html", status=404)

    return wrapper


class ReactieForm(Form):
    tekst = forms.CharField(label=gettext_lazy("Uw reactie"), widget=forms.Textarea, max_length=2000)


def _pagina(request: HttpRequest, token: str, form: ReactieForm, status: int = 200) -> HttpResponse:
    link = inwoner.link_voor(token)
    inwoner.log_inwoner(link, Actie.READ, "plan.bekeken.door.inwoner")
    context = afdruk_context(link.casus) | {"token": token, "form": form, "reacties": link.casus.plan.reacties.all()}
    return render(request, "plannen/inwoner/plan.html", context, status=status)


@require_GET
@_link_ongeldig_pagina
def plan(request: HttpRequest, token: str) -> HttpResponse:
    return _pagina(request, token, ReactieForm())


@require_POST
@_link_ongeldig_pagina
def akkoord(request: HttpRequest, token: str) -> HttpResponse:
    inwoner.erken_plan(link=inwoner.link_voor(token))
    messages.success(request, _("Dank u wel. We hebben genoteerd dat u het plan gezien heeft en akkoord bent."))
    return redirect("inwoner:plan", token=token)


@require_POST
@_link_ongeldig_pagina
def reactie(request: HttpRequest, token: str) -> HttpResponse:
    form = ReactieForm(request.POST)
    if form.is_valid():
        try:
            inwoner.reageer(link=inwoner.link_voor(token), tekst=form.cleaned_data["tekst"])
        except ValidationError as fout:
            form.add_error("tekst", fout.messages)
        else:
            messages.success(request, _("Dank u wel voor uw reactie. Uw hulpverlener ziet die in het plan."))
            return redirect("inwoner:plan", token=token)
    return _pagina(request, token, form, status=400)


@require_GET
@_link_ongeldig_pagina
def pdf(request: HttpRequest, token: str) -> HttpResponse:
    link = inwoner.link_voor(token)
    inwoner.log_inwoner(link, Actie.PRINT, "plan.pdf.door.inwoner")
    return pdf_response(request, link.casus)


@require_GET
@_link_ongeldig_pagina
def wie_keek(request: HttpRequest, token: str) -> HttpResponse:
    link = inwoner.link_voor(token)
    inwoner.log_inwoner(link, Actie.READ, "toegangslog.bekeken.door.inwoner", segment="toegangslog")
    rijen = wie_keek_selector(link.casus.gemeente_id, link.casus.inwoner_id)
    return render(request, "plannen/inwoner/wie_keek.html", {"token": token, **pagineer(request, rijen, 50)})


class CorrectieForm(ModelForm):
    """The resident's correction request, in plain words (B1)."""

    class Meta:
        model = Correctieverzoek
        fields = ["gegeven", "omschrijving", "gewenst"]
        labels = {
            "gegeven": gettext_lazy("Wat klopt er niet?"),
            "omschrijving": gettext_lazy("Wat staat er nu?"),
            "gewenst": gettext_lazy("Wat moet er staan?"),
        }


@require_http_methods(["GET", "POST"])
@_link_ongeldig_pagina
def correctie(request: HttpRequest, token: str) -> HttpResponse:
    """The resident asks to correct their data and sees what happened with earlier requests."""
    link = inwoner.link_voor(token)
    form = CorrectieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            correcties.dien_in(casus=link.casus, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Dank u wel. Uw hulpverlener kijkt naar uw vraag. U ziet het antwoord op deze pagina."))
            return redirect("inwoner:correctie", token=token)
    inwoner.log_inwoner(link, Actie.READ, "correctieverzoeken.bekeken.door.inwoner", segment="correctie")
    verzoeken = link.casus.correctieverzoeken.all()
    status = 400 if request.method == "POST" else 200
    return render(
        request, "plannen/inwoner/correctie.html", {"token": token, "form": form, "verzoeken": verzoeken}, status=status
    )
