"""Forms of the micro-analysis. They only read what was typed; the checks that matter
(negative numbers, a frequency that does not fit the unit, an item from another price list,
wellbeing outside 1-10) live in services_analyse, so the API gives the same messages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Route
from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie
from samenwerk.ui.forms import Form, ModelForm

from .bedragen import GeenBedrag, euro, getal, lees_bedrag
from .forms import BedragField
from .keuzes import Blok, Eenheid, Periode, Wet
from .models import Microanalyse, Prijsitem
from .services_analyse import ANALYSEVELDEN

WELZIJN_INVOER = forms.NumberInput(attrs={"min": 1, "max": 10, "step": 1})


class GetalField(BedragField):
    """A quantity as people type it: '3,5' or '2'."""

    def to_python(self, value: Any) -> Decimal | None:
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
        try:
            return lees_bedrag(str(value).replace("€", "x"))
        except GeenBedrag:
            raise ValidationError(
                _("'%(waarde)s' is geen getal"), code="invalid", params={"waarde": str(value).strip()}
            ) from None

    def prepare_value(self, value: Any) -> Any:
        return getal(value) if isinstance(value, Decimal) else value


class AnalyseForm(ModelForm):
    versie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Microanalyse
        fields = ANALYSEVELDEN
        widgets = {
            "welzijn_voor": WELZIJN_INVOER,
            "welzijn_na": WELZIJN_INVOER,
            "welzijn_herhaling": WELZIJN_INVOER,
        }

    def _post_clean(self) -> None:
        """The service checks the analysis as a whole; the form only reads the fields."""


class KostenpostForm(Form):
    blok = forms.ChoiceField(choices=Blok.choices, widget=forms.HiddenInput)
    versie = forms.IntegerField(widget=forms.HiddenInput)
    prijsitem = forms.ModelChoiceField(
        queryset=Prijsitem.objects.none(),
        required=False,
        label=_("Item uit de prijslijst"),
        empty_label=_("Geen: ik vul zelf een prijs in"),
        help_text=_("De prijs, eenheid en wet komen dan uit de prijslijst en worden in de analyse bewaard."),
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"), max_length=200, required=False, help_text=_("Leeg laten: de omschrijving van het item.")
    )
    prijs = BedragField(label=_("Vrije prijs in euro"), required=False, help_text=_("Alleen zonder item uit de prijslijst."))
    eenheid = forms.ChoiceField(label=_("Eenheid van de vrije prijs"), choices=[("", "–"), *Eenheid.choices], required=False)
    wet = forms.ChoiceField(label=_("Wet of budget van de vrije prijs"), choices=[("", "–"), *Wet.choices], required=False)
    aantal = GetalField(label=_("Aantal per keer"), help_text=_("Bijvoorbeeld 3,5 (uur)."))
    frequentie = GetalField(label=_("Hoe vaak"), help_text=_("Bijvoorbeeld 1 (keer per week)."))
    periode = forms.ChoiceField(
        label=_("Per"),
        choices=[("", _("zoals de eenheid")), *Periode.choices],
        required=False,
        help_text=_("Een uur of consult heeft dit nodig. In de eenmalige kosten telt alles één keer."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting op de aanname"),
        widget=forms.Textarea,
        required=False,
        max_length=2000,
        help_text=_("Bijvoorbeeld: 3 à 4 uur per week, volgens de wijkverpleegkundige."),
    )

    def __init__(self, *args: Any, items: QuerySet[Prijsitem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["prijsitem"].queryset = items  # type: ignore[attr-defined]
        self.fields["prijsitem"].label_from_instance = lambda i: (
            f"{i.code} – {i.omschrijving} ({euro(i.prijs)} {i.get_eenheid_display()})"
        )  # type: ignore[attr-defined]


class CijfersFilter(Form):
    """The filters of the aggregates: area, period (registration date), organisation, route."""

    gebied = forms.ModelChoiceField(
        queryset=Gebied.objects.none(), required=False, label=_("Gebied"), empty_label=_("Alle gebieden")
    )
    van = forms.DateField(required=False, label=_("Aangemeld vanaf"))
    tot = forms.DateField(required=False, label=_("Aangemeld tot en met"))
    organisatie = forms.ModelChoiceField(
        queryset=Organisatie.objects.none(), required=False, label=_("Organisatie"), empty_label=_("Alle organisaties")
    )
    route = forms.ChoiceField(choices=[("", _("Alle routes")), *Route.choices], required=False, label=_("Route"))

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = Gebied.objects.filter(gemeente=gemeente).order_by("naam")  # type: ignore[attr-defined]
        self.fields["organisatie"].queryset = Organisatie.objects.filter(gemeente=gemeente).order_by("naam")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", _("Deze datum ligt vóór de begindatum."))
        return data


class VergadertijdForm(Form):
    """The professionals' meeting time in one click: the held meetings are ticked already."""

    blok = forms.ChoiceField(label=_("In welk blok?"), choices=Blok.choices, initial=Blok.EENMALIG, widget=forms.RadioSelect)
    prijsitem = forms.ModelChoiceField(queryset=Prijsitem.objects.none(), label=_("Uurprijs uit de prijslijst"))
    overleggen = forms.MultipleChoiceField(label=_("Welke overleggen?"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, items: QuerySet[Prijsitem], overleggen: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        uurprijzen = items.filter(eenheid=Eenheid.PER_UUR)
        self.fields["prijsitem"].queryset = uurprijzen  # type: ignore[attr-defined]
        self.fields["prijsitem"].initial = next(iter(uurprijzen), None)
        self.fields["prijsitem"].label_from_instance = lambda i: f"{i.code} – {i.omschrijving} ({euro(i.prijs)} per uur)"  # type: ignore[attr-defined]
        self.overleg_data = {str(i): rij for i, rij in enumerate(overleggen)}
        self.fields["overleggen"].choices = [
            (
                i,
                _("%(datum)s: %(uren)s uur, %(aantal)s professional(s)")
                % {"datum": f"{d:%d-%m-%Y}", "uren": getal(u), "aantal": a},
            )
            for i, (d, u, a) in self.overleg_data.items()
        ]
        self.fields["overleggen"].initial = list(self.overleg_data)

    def gekozen(self) -> list:
        return [self.overleg_data[i] for i in self.cleaned_data["overleggen"]]
