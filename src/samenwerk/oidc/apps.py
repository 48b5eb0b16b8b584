from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OidcConfig(AppConfig):
    name = "samenwerk.oidc"
    verbose_name = _("Inloggen via de gemeente (OpenID Connect)")
