"""Positieve Gezondheid on a case: record a measurement, see them over time as a spider
chart with the numbers in a table beside it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenwerk.casussen.rules import eis_vastleggen, mag_vastleggen
from samenwerk.casussen.services import log_casus
from samenwerk.privacy.models import Actie
from samenwerk.ui.forms import ModelForm

from . import services, spinnenweb
from .models import GezondheidMeting
from .views import _casus


class MetingForm(ModelForm):
    class Meta:
        model = GezondheidMeting
        fields = ["datum", *GezondheidMeting.DIMENSIES]
        widgets = dict.fromkeys(GezondheidMeting.DIMENSIES, forms.NumberInput(attrs={"min": 0, "max": 10, "step": 1}))


@require_http_methods(["GET", "POST"])
@login_required
def gezondheid(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _casus(request, pk)
    form = MetingForm(request.POST or None)
    if request.method == "POST":
        eis_vastleggen(request.user, casus)
        if form.is_valid():
            services.meet_gezondheid(actor=request.user, casus=casus, **form.cleaned_data)
            messages.success(request, _("De meting is opgeslagen."))
            return redirect("plannen:gezondheid", pk=casus.pk)
    metingen = list(casus.gezondheidsmetingen.order_by("datum", "id"))
    log_casus(actor=request.user, casus=casus, actie=Actie.READ, gebeurtenis="gezondheid.bekeken", segment="gezondheid")
    labels = [str(GezondheidMeting._meta.get_field(d).verbose_name) for d in GezondheidMeting.DIMENSIES]
    reeksen = [(f"{m.datum:%d-%m-%Y}", [getattr(m, d) for d in GezondheidMeting.DIMENSIES]) for m in metingen]
    context = {
        "tabel": [(label, [scores[i] for _datum, scores in reeksen]) for i, label in enumerate(labels)],
        "casus": casus,
        "form": form,
        "vastleggen": mag_vastleggen(request.user, casus),
        "metingen": metingen,
        "labels": labels,
        "reeksen": reeksen,
        "assen": spinnenweb.assen(labels),
        "ringen": spinnenweb.ringen(len(labels)),
        "veelhoeken": spinnenweb.veelhoeken(reeksen),
    }
    return render(request, "plannen/gezondheid.html", context)
