from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gemeente, Organisatie, Rol, User
from samenwerk.ui.forms import Form, ModelForm

from .models import Niveau, Regiehandeling, Zorgsignaal


class NiveauForm(Form):
    naar = forms.TypedChoiceField(label=_("Nieuw AVE-niveau"), coerce=int, choices=Niveau.choices, widget=forms.RadioSelect)
    reden = forms.CharField(label=_("Reden"), widget=forms.Textarea, max_length=2000)
    datum = forms.DateField(label=_("Datum van het besluit"), initial=timezone.localdate)
    # The level the person saw; a change by someone else in between is a conflict (409).
    huidig = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_datum(self) -> Any:
        datum = self.cleaned_data.get("datum")
        if datum and datum > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        return datum


class OpschaalForm(Form):
    user = forms.ModelChoiceField(label=_("Procesregisseur"), queryset=User.objects.none())
    organisatie = forms.ModelChoiceField(label=_("Namens organisatie"), queryset=Organisatie.objects.none())
    reden = forms.ChoiceField(label=_("Waarom opschalen?"), choices=Regiehandeling.Reden.choices, widget=forms.RadioSelect)
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea, required=False, max_length=2000)

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rollen = gemeente.roltoewijzingen.actief().filter(rol=Rol.PROCESREGISSEUR)
        self.fields["user"].queryset = User.objects.filter(rollen__in=rollen, is_active=True).distinct()  # type: ignore[attr-defined]
        self.fields["organisatie"].queryset = Organisatie.objects.filter(  # type: ignore[attr-defined]
            roltoewijzingen__in=rollen
        ).distinct()


class BijeenroepForm(Form):
    datum = forms.DateField(label=_("Wanneer komen de deelnemers bijeen?"))
    bericht = forms.CharField(label=_("Bericht aan de deelnemers"), widget=forms.Textarea, max_length=2000)


class BesluitForm(Form):
    tekst = forms.CharField(
        label=_("Besluit"),
        widget=forms.Textarea,
        max_length=2000,
        help_text=_("Een besluit dat u neemt omdat de anderen het niet nemen. Het wordt als zodanig vastgelegd."),
    )


class EscalatieForm(Form):
    naar = forms.ChoiceField(label=_("Escaleren naar"), choices=Regiehandeling.Escalatieniveau.choices, widget=forms.RadioSelect)
    tekst = forms.CharField(label=_("Wat moet er besloten of opgelost worden?"), widget=forms.Textarea, max_length=2000)


class TerugtreedForm(Form):
    reden = forms.CharField(label=_("Waarom kan de procesregie stoppen?"), widget=forms.Textarea, max_length=2000)


class ZorgsignaalForm(ModelForm):
    class Meta:
        model = Zorgsignaal
        fields = ["bron", "afzender", "datum", "tekst"]
        widgets = {"tekst": forms.Textarea}

    def clean_datum(self) -> Any:
        datum = self.cleaned_data.get("datum")
        if datum and datum > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        return datum
