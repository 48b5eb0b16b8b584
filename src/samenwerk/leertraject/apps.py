from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeertrajectConfig(AppConfig):
    name = "samenwerk.leertraject"
    verbose_name = _("Leertraject")

    def ready(self) -> None:
        from samenwerk.berichten.registry import registreer

        from . import mail, services

        registreer(services.MAIL_UITNODIGING, _("Uitnodiging voor het leertraject"), opstellen=mail.uitnodiging)
