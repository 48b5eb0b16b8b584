"""Per municipality: its identity provider (issuer, client id, encrypted secret), and the
links between a provider's subject and a person of the product.

A link is made the first time someone signs in through the provider with a verified e-mail
address that belongs to an active person with a role in that municipality; after that the
provider's `sub` decides. The provider never grants roles: those stay in the product.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device

from samenwerk.gemeenten.models import Gemeente


class ProviderQuerySet(models.QuerySet["Identiteitsprovider"]):
    def actief(self) -> ProviderQuerySet:
        return self.filter(actief=True).exclude(client_secret_versleuteld="")


class Identiteitsprovider(models.Model):
    gemeente = models.OneToOneField(
        Gemeente, on_delete=models.CASCADE, related_name="identiteitsprovider", verbose_name=_("gemeente")
    )
    issuer = models.URLField(
        _("issuer"),
        help_text=_(
            "Het adres van de identiteitsprovider, zoals het in het veld 'issuer' van haar "
            "configuratie staat (bijvoorbeeld https://login.microsoftonline.com/<tenant>/v2.0)."
        ),
    )
    client_id = models.CharField(_("client-id"), max_length=255)
    client_secret_versleuteld = models.TextField(_("client-secret (versleuteld)"), blank=True, editable=False)
    actief = models.BooleanField(_("actief"), default=True, help_text=_("Toont de knop 'Inloggen via' op de inlogpagina."))
    mfa_accepteren = models.BooleanField(
        _("meervoudige aanmelding van de provider accepteren"),
        default=False,
        help_text=_(
            "Als de provider meldt dat de medewerker met meer dan één factor heeft ingelogd, vraagt het "
            "platform geen eigen code meer."
        ),
    )
    mfa_waarden = models.CharField(
        _("waarden die meervoudige aanmelding aangeven"),
        max_length=255,
        default="mfa",
        help_text=_("Waarden van de claim 'amr' of 'acr', gescheiden door komma's (bijvoorbeeld: mfa, otp, hwk)."),
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = ProviderQuerySet.as_manager()

    class Meta:
        verbose_name = _("identiteitsprovider")
        verbose_name_plural = _("identiteitsproviders")
        ordering = ["gemeente__naam"]

    def __str__(self) -> str:
        return str(self.gemeente)

    @property
    def issuer_genormaliseerd(self) -> str:
        return self.issuer.rstrip("/")

    def mfa_set(self) -> set[str]:
        return {w.strip() for w in self.mfa_waarden.split(",") if w.strip()}


class Koppeling(models.Model):
    """This person is subject `sub` at this provider."""

    provider = models.ForeignKey(Identiteitsprovider, on_delete=models.CASCADE, related_name="koppelingen")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="oidc_koppelingen")
    sub = models.CharField(max_length=255)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    laatst_gebruikt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("koppeling met de identiteitsprovider")
        verbose_name_plural = _("koppelingen met de identiteitsprovider")
        constraints = [
            models.UniqueConstraint(fields=["provider", "sub"], name="oidc_koppeling_sub_uniek"),
            models.UniqueConstraint(fields=["provider", "user"], name="oidc_koppeling_user_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} · {self.sub}"


class ProviderMfa(Device):
    """Stands for "the identity provider asserted a multi-factor sign-in" (amr/acr) where the
    municipality accepts that: django-otp then counts the session as verified. It takes no
    codes: it only exists to be named as the session's verified device."""

    class Meta:
        verbose_name = _("meervoudige aanmelding via de identiteitsprovider")
        verbose_name_plural = _("meervoudige aanmeldingen via de identiteitsprovider")

    def verify_token(self, token: object) -> bool:
        return False
