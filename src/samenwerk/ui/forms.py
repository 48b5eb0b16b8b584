"""NL Design System (Utrecht) classes on Django's widgets, so every form looks the same and
templates only render `includes/field.html`."""

from __future__ import annotations

from typing import Any

from django import forms

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


class NLDSFormMixin:
    """Adds the Utrecht class of each widget; dates get the browser's date picker."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            if isinstance(field, forms.DateField) and not isinstance(field.widget, DatumInput):
                field.widget = DatumInput(field.widget.attrs)
            if isinstance(field.widget, forms.RadioSelect) and not isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.template_name = "ui/radio.html"
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
