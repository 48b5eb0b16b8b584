"""NL Design System (Utrecht) classes on Django's widgets, so every form looks the same and
templates only render `includes/field.html`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH

KLASSEN: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
]


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def _zonder_lege_keuze(field: forms.Field) -> None:
    """A group of radio buttons never offers "---------" (Django adds it to a model field with
    choices): nothing is chosen until the person chooses, and a required group says so."""
    if isinstance(field, forms.ModelChoiceField):
        field.empty_label = None
    elif isinstance(field, forms.ChoiceField):
        leeg = BLANK_CHOICE_DASH[0]  # ("", "---------"); a blank choice with its own label stays
        field.choices = [(waarde, label) for waarde, label in field.choices if (waarde, label) != leeg]


class NLDSFormMixin:
    """Adds the Utrecht class of each widget; dates get the browser's date picker."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            # A field required only in some cases (its help text says when) is not marked
            # "(niet verplicht)": set `field.verplicht_als = True` after this and validate it.
            field.verplicht_als = getattr(field, "verplicht_als", False)
            if isinstance(field, forms.DateField) and not isinstance(field.widget, DatumInput):
                field.widget = DatumInput(field.widget.attrs)
            if isinstance(field.widget, forms.RadioSelect) and not isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.template_name = "ui/radio.html"
                _zonder_lege_keuze(field)
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 3)
            for widget_type, klasse in KLASSEN:
                if isinstance(field.widget, widget_type):
                    field.widget.attrs["class"] = f"{klasse} {field.widget.attrs.get('class', '')}".strip()
                    break


class Form(NLDSFormMixin, forms.Form):
    pass


class ModelForm(NLDSFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    pass
