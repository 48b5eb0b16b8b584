"""Forms of the stuurgroep report (its period) and the flexible budget."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.ui.forms import Form

from . import budget
from .models import Aanmelding, Tafel


class PeriodeForm(Form):
    van = forms.DateField(label=_("Aangemeld vanaf"))
    tot = forms.DateField(label=_("Aangemeld tot en met"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data


class PotForm(Form):
    naam = forms.CharField(label=_("Naam"), max_length=150, help_text=_("Bijvoorbeeld ‘Flexibel budget 2026-2027’."))
    bedrag = forms.DecimalField(label=_("Bedrag (euro)"), max_digits=10, decimal_places=2, min_value=Decimal("0.01"))
    van = forms.DateField(label=_("Van"))
    tot = forms.DateField(label=_("Tot en met"))


class _AanmeldingKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Aanmelding) -> str:
        return str(_("Casus %(nummer)s") % {"nummer": obj.casus.nummer})


class _MdoKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(_("MDO+ van %(datum)s (casus %(nummer)s)") % {"datum": f"{obj.begint:%d-%m-%Y}", "nummer": obj.casus.nummer})


class BestedingForm(Form):
    pot = forms.ModelChoiceField(label=_("Budget"), queryset=None)  # type: ignore[arg-type]
    aanmelding = _AanmeldingKeuze(label=_("Casus"), queryset=None)  # type: ignore[arg-type]
    overleg = _MdoKeuze(label=_("Besloten in het MDO+"), queryset=None)  # type: ignore[arg-type]
    bedrag = forms.DecimalField(label=_("Bedrag (euro)"), max_digits=10, decimal_places=2, min_value=Decimal("0.01"))
    doel = forms.CharField(label=_("Waarvoor"), max_length=300)
    besluit = forms.CharField(label=_("Besluit in het MDO+"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    overschrijding_reden = forms.CharField(
        label=_("Waarom meer dan het budget?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Alleen nodig als deze besteding het budget overschrijdt."),
    )

    def __init__(self, *args: Any, tafel: Tafel, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pot"].queryset = tafel.budgetpotten.all()  # type: ignore[attr-defined]
        aanmeldingen = tafel.aanmeldingen.select_related("casus").order_by("-aangemeld_op", "-id")
        self.fields["aanmelding"].queryset = aanmeldingen  # type: ignore[attr-defined]
        self.fields["overleg"].queryset = budget.mdo_keuzes(tafel)  # type: ignore[attr-defined]


class BijeenkomstForm(Form):
    """One meeting, on the schedule or (with a reason) outside it."""

    datum = forms.DateField(label=_("Datum"))
    tijd = forms.TimeField(label=_("Begintijd"), initial=datetime.time(10), widget=forms.TimeInput(attrs={"type": "time"}))
    locatie = forms.CharField(
        label=_("Locatie"), max_length=200, required=False, help_text=_("Leeg: de vaste locatie van de Tafel.")
    )
    buiten_schema_reden = forms.CharField(
        label=_("Waarom buiten het schema?"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Alleen nodig als de dag niet in het vaste ritme van de Tafel valt."),
    )

    def begint(self) -> datetime.datetime:
        dag, tijd = self.cleaned_data["datum"], self.cleaned_data["tijd"]
        return datetime.datetime.combine(dag, tijd, tzinfo=timezone.get_current_timezone())
