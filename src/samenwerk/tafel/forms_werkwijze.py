"""Forms of the Werkwijze Samen aan Zet, steps 3-6 (the checks themselves are in the services)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.ui.forms import DatumInput, Form

from .models import Ecogrampersoon, Kennismaking
from .werkwijze import VOORBEELD_CENTRALE_VRAAG


class KennismakingForm(Form):
    datum = forms.DateField(label=_("Datum van de kennismaking"), initial=timezone.localdate, widget=DatumInput)
    plaats = forms.ChoiceField(
        label=_("Waar was de kennismaking?"), choices=Kennismaking.Plaats.choices, widget=forms.RadioSelect
    )
    aanwezig = forms.CharField(
        label=_("Wie waren erbij?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        help_text=_("Bijvoorbeeld: de inwoner, het duo en de zus van de inwoner."),
    )
    vertrouwd_netwerklid = forms.CharField(
        label=_("Iemand uit het netwerk die de inwoner vertrouwt"),
        required=False,
        max_length=150,
        help_text=_("Het liefst is er iemand bij die de inwoner vertrouwt. Wie was dat?"),
    )
    centrale_vraag = forms.CharField(
        label=_("De centrale vraag"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    wie_kan_helpen = forms.CharField(
        label=_("Wie uit het netwerk zou kunnen helpen?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Waar denkt de inwoner zelf aan? Dit is een begin voor het ecogram."),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["centrale_vraag"].help_text = _(
            "Eén open vraag, in de woorden van de inwoner. Zonder oplossing en zonder oordeel; nog geen doelen of plannen. "
            "Bijvoorbeeld: “%(voorbeeld)s”"
        ) % {"voorbeeld": VOORBEELD_CENTRALE_VRAAG}


class PersoonForm(Form):
    naam = forms.CharField(
        label=_("Naam"),
        max_length=150,
        help_text=_("Een voornaam is genoeg."),
        error_messages={"required": _("Vul een naam in (een voornaam is genoeg).")},
    )
    relatie = forms.CharField(
        label=_("Relatie tot de inwoner"), max_length=100, help_text=_("Bijvoorbeeld: zus, buurman, huisarts")
    )
    kring = forms.ChoiceField(label=_("Kring"), choices=Ecogrampersoon.Kring.choices)
    nabijheid = forms.TypedChoiceField(
        label=_("Hoe dichtbij staat deze persoon?"),
        choices=Ecogrampersoon.Nabijheid.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    steun = forms.ChoiceField(
        label=_("Is deze persoon steunend?"), choices=Ecogrampersoon.Steun.choices, widget=forms.RadioSelect
    )
    persoon = forms.IntegerField(widget=forms.HiddenInput, required=False)
    versie = forms.IntegerField(widget=forms.HiddenInput)


class InformerenForm(Form):
    inwoner_informeert = forms.CharField(
        label=_("Wie uit het netwerk informeert de inwoner zelf?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    duo_legt_uit = forms.CharField(
        label=_("Aan wie legt het duo uit wat het MDO+ is?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)


class ProfessionalForm(Form):
    naam = forms.CharField(label=_("Naam"), max_length=150, error_messages={"required": _("Vul de naam van de professional in.")})
    organisatie = forms.CharField(
        label=_("Organisatie"), max_length=150, error_messages={"required": _("Vul de organisatie in.")}
    )
    rol = forms.CharField(
        label=_("Rol"),
        max_length=200,
        help_text=_("Wat doet deze professional voor de inwoner?"),
        error_messages={"required": _("Schrijf op wat deze professional voor de inwoner doet.")},
    )
    uitgenodigd = forms.BooleanField(label=_("Uitgenodigd voor het MDO+"), required=False)
