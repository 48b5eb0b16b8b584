from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenwerk.ui.forms import Form

from .models import Status
from .regels import soorten


class InboxFilter(Form):
    soort = forms.ChoiceField(label=_("Soort"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[*Status.choices, ("", _("Alle"))], initial=Status.OPEN)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", _("Alle soorten")), *((s.code, s.label) for s in soorten().values())]


class AfhandelForm(Form):
    notitie = forms.CharField(
        label=_("Notitie"),
        max_length=2000,
        widget=forms.Textarea,
        help_text=_("Wat heeft u gedaan, of waarom vraagt dit geen actie? Schrijf geen gegevens van de inwoner op."),
    )


class UitstelForm(Form):
    tot = forms.DateField(label=_("Uitstellen tot"), help_text=_("Op die dag staat de signalering weer open."))
