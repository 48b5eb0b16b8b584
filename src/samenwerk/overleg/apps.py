from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverlegConfig(AppConfig):
    name = "samenwerk.overleg"
    verbose_name = _("Samenwerkoverleg")

    def ready(self) -> None:
        # overleg sits above casussen and plannen: it adds its rows to the inzage and its
        # free texts to the retention job there.
        from samenwerk.plannen import bewaren, inzage

        from . import berichten, privacy

        berichten.registreer_soorten()
        inzage.INZAGE_DELEN.append(privacy.inzage_deel)
        bewaren.ANONIMISEER_DELEN.append(privacy.anonimiseer)
