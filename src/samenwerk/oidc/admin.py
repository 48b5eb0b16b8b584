"""Beheer: the functioneel beheerder enters the municipality's identity provider. The client
secret is write-only: stored encrypted (privacy.geheimen), never shown again; leaving the field empty
keeps the stored one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.admin import GemeenteScopedAdmin, beheer_site
from samenwerk.privacy import geheimen

from . import services
from .models import Identiteitsprovider


class ProviderForm(forms.ModelForm):
    issuer = forms.URLField(
        label=_("issuer"), assume_scheme="https", help_text=Identiteitsprovider._meta.get_field("issuer").help_text
    )
    client_secret = forms.CharField(
        label=_("client-secret"),
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Wordt versleuteld opgeslagen en nooit meer getoond. Laat leeg om het opgeslagen geheim te houden."),
    )

    class Meta:
        model = Identiteitsprovider
        fields = ["gemeente", "issuer", "client_id", "client_secret", "actief", "mfa_accepteren", "mfa_waarden"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("client_secret") and not (self.instance.pk and self.instance.client_secret_versleuteld):
            self.add_error("client_secret", _("Vul het client-secret in dat de identiteitsprovider heeft gegeven."))
        return data

    def save(self, commit: bool = True) -> Identiteitsprovider:
        provider = super().save(commit=False)
        if self.cleaned_data.get("client_secret"):
            provider.client_secret_versleuteld = geheimen.versleutel(self.cleaned_data["client_secret"])
        if commit:
            provider.save()
        return provider


@admin.register(Identiteitsprovider, site=beheer_site)
class IdentiteitsproviderAdmin(GemeenteScopedAdmin):
    form = ProviderForm
    list_display = ["gemeente", "issuer", "actief", "mfa_accepteren"]
    readonly_fields = ["terugkeeradres", "secret_opgeslagen"]

    @admin.display(description=_("terugkeeradres (registreer dit bij de provider)"))
    def terugkeeradres(self, obj: Identiteitsprovider | None) -> str:
        return format_html("<code>{}</code>", services.redirect_uri())

    @admin.display(description=_("client-secret opgeslagen"), boolean=True)
    def secret_opgeslagen(self, obj: Identiteitsprovider | None) -> bool:
        return bool(obj and obj.client_secret_versleuteld)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [*ProviderForm.Meta.fields, "secret_opgeslagen", "terugkeeradres"]
