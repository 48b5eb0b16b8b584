"""Correction requests on the staff side: record one on the resident's behalf, handle one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form

from . import correctie
from .forms import CorrectieForm, behandel_form
from .models import Correctieverzoek
from .rules import mag_beheren, mag_vastleggen
from .selectors import casus_of_404
from .services import log_casus
from .views import formulier


@require_http_methods(["GET", "POST"])
@login_required
def nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    casus = casus_of_404(request.user, pk)
    if not mag_vastleggen(request.user, casus):
        raise PermissionDenied
    form = CorrectieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            correctie.dien_in(actor=request.user, casus=casus, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het correctieverzoek is vastgelegd. De casusregisseur behandelt het."))
            return redirect("casussen:detail", pk=casus.pk)
    uitleg = _("Leg vast welk gegeven volgens de inwoner niet klopt en wat het moet zijn.")
    return formulier(request, casus, form, _("Correctieverzoek namens de inwoner"), uitleg)


@require_http_methods(["GET", "POST"])
@login_required
def behandelen(request: HttpRequest, pk: int, verzoek_id: int) -> HttpResponse:
    casus = casus_of_404(request.user, pk)
    if not mag_beheren(request.user, casus) or not mag_vastleggen(request.user, casus):
        raise PermissionDenied
    verzoek = get_object_or_404(Correctieverzoek, pk=verzoek_id, casus=casus)
    form = behandel_form(verzoek)(request.POST or None, initial={"nieuwe_waarde": verzoek.gewenst})
    if request.method == "POST" and verzoek.status == Correctieverzoek.Status.OPEN and form.is_valid():
        data = form.cleaned_data
        try:
            correctie.behandel(
                actor=request.user,
                casus=casus,
                verzoek_id=verzoek.pk,
                aanpassen=data["besluit"] == "aanpassen",
                nieuwe_waarde=data.get("nieuwe_waarde"),
                reden=data["reden"] if data["besluit"] == "weigeren" else "",
                toelichting=data["toelichting"],
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het correctieverzoek is behandeld."))
            return redirect("casussen:detail", pk=casus.pk)
    log_casus(
        actor=request.user,
        casus=casus,
        actie=Actie.READ,
        gebeurtenis="correctieverzoek.bekeken",
        segment="correctie",
        object_type="correctieverzoek",
        object_id=verzoek.pk,
    )
    return render(request, "casussen/correctie.html", {"casus": casus, "verzoek": verzoek, "form": form})
