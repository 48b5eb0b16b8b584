"""Forms of the two-factor steps. Passwords are never shown again; a typed code is, so a typo
can be seen."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
_CODE_ATTRS = {"class": TEXTBOX, "autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}


def _code_field(help_text: str, *, numeric: bool = False) -> forms.CharField:
    attrs = _CODE_ATTRS | ({"inputmode": "numeric"} if numeric else {})
    return forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=help_text,
        error_messages={"required": _("Vul de code in.")},
        widget=forms.TextInput(attrs=attrs),
    )


class VerifyForm(forms.Form):
    code = _code_field(_("De 6 cijfers die uw authenticator-app nu laat zien. Geen telefoon bij de hand? Typ een herstelcode."))


class EnrolForm(forms.Form):
    code = _code_field(_("De 6 cijfers die uw authenticator-app nu laat zien."), numeric=True)


class ConfirmForm(forms.Form):
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        error_messages={"required": _("Vul uw wachtwoord in.")},
        widget=forms.PasswordInput(attrs={"class": TEXTBOX, "autocomplete": "current-password"}),
    )
    code = _code_field(_("De 6 cijfers die uw authenticator-app nu laat zien, of een herstelcode."))
