"""Forms of the organisation model; the sociale-kaart filter serves both the page and the API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie
from samenwerk.ui.forms import Form


class SocialeKaartFilter(Form):
    zoek = forms.CharField(label=_("Zoek op naam of expertise"), required=False, max_length=100)
    gebied = forms.ModelChoiceField(
        label=_("Gebied"), queryset=Gebied.objects.none(), required=False, empty_label=_("Alle gebieden")
    )
    soort = forms.ChoiceField(label=_("Soort organisatie"), required=False)

    def __init__(self, *args: object, gemeente: Gemeente, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["gebied"].queryset = Gebied.objects.filter(gemeente=gemeente)  # type: ignore[attr-defined]
        self.fields["soort"].choices = [("", _("Alle soorten")), *Organisatie.Soort.choices]  # type: ignore[attr-defined]
