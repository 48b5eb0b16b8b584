"""Forms of the price list, shared by the pages, the admin and the import of a file."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .bedragen import GeenBedrag, lees_bedrag
from .models import EERSTE_JAAR, ITEMVELDEN, LAATSTE_JAAR, Prijsitem, Prijslijst, normaliseer_code

# NL Design System (Utrecht) classes on Django's widgets.
_KLASSEN: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.ClearableFileInput, "utrecht-textbox utrecht-textbox--html-input"),
    (forms.widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
]


class NLDSMixin:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 3)
            klasse = next((k for widget, k in _KLASSEN if isinstance(field.widget, widget)), "")
            field.widget.attrs["class"] = f"{klasse} {field.widget.attrs.get('class', '')}".strip()


class BedragField(forms.DecimalField):
    """An amount in euros as people type it: '12,50', '€ 1.234,56' or '1234.56'."""

    widget = forms.TextInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 10)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value: Any) -> Decimal | None:
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
        try:
            return lees_bedrag(str(value))
        except GeenBedrag:
            raise ValidationError(
                _("'%(waarde)s' is geen bedrag"), code="invalid", params={"waarde": str(value).strip()}
            ) from None

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return format(value.quantize(Decimal("0.01")), "f").replace(".", ",")  # '1234,50': what people type
        return value

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}  # no step/min: a text box for Dutch notation, not a number spinner


class PrijsitemForm(NLDSMixin, forms.ModelForm):  # type: ignore[type-arg]
    prijs = BedragField(label=_("Prijs in euro"), help_text=_("Bijvoorbeeld 82,50 of € 1.234,56."))

    class Meta:
        model = Prijsitem
        fields = ITEMVELDEN

    def clean_code(self) -> str:
        return normaliseer_code(self.cleaned_data["code"])


class PrijsitemAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    """The same fields in the admin's own look."""

    prijs = BedragField(label=_("Prijs in euro"))

    class Meta:
        model = Prijsitem
        fields = ITEMVELDEN

    def clean_code(self) -> str:
        return normaliseer_code(self.cleaned_data["code"])


class PrijslijstForm(NLDSMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Prijslijst
        fields = ["weken_per_jaar", "toelichting"]


class NieuwJaarForm(NLDSMixin, forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=EERSTE_JAAR, max_value=LAATSTE_JAAR)
    kopieer = forms.BooleanField(
        label=_("Begin met een kopie van de meest recente prijslijst"),
        required=False,
        initial=True,
        help_text=_("Daarna past u de prijzen aan die veranderd zijn."),
    )

    def __init__(self, *args: Any, bestaande_jaren: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bestaande_jaren = bestaande_jaren

    def clean_jaar(self) -> int:
        jaar: int = self.cleaned_data["jaar"]
        if jaar in self.bestaande_jaren:
            raise ValidationError(_("Er is al een prijslijst voor %(jaar)s."), params={"jaar": jaar})
        return jaar


class ImportForm(NLDSMixin, forms.Form):
    bestand = forms.FileField(
        label=_("Bestand (.csv of .xlsx)"),
        help_text=_(
            "Eerste rij: de kolomnamen code, omschrijving, eenheid, prijs, bron en wet. Bestaande codes worden "
            "bijgewerkt, nieuwe codes toegevoegd. Als één rij niet klopt, wordt niets opgeslagen."
        ),
    )
