from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignaleringConfig(AppConfig):
    name = "samenwerk.signalering"
    verbose_name = _("Signalering")

    def ready(self) -> None:
        from samenwerk.berichten.registry import registreer

        from . import digest

        registreer(digest.MAIL, digest.MAIL_LABEL, opstellen=digest.opstellen)
