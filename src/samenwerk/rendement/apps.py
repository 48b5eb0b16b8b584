from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RendementConfig(AppConfig):
    name = "samenwerk.rendement"
    verbose_name = _("Maatschappelijk rendement")

    def ready(self) -> None:
        # rendement sits above casussen and plannen: it adds the micro-analysis to the
        # inzage and its free texts to the retention job there.
        from samenwerk.plannen import bewaren, inzage

        from . import privacy

        inzage.INZAGE_DELEN.append(privacy.inzage_deel)
        bewaren.ANONIMISEER_DELEN.append(privacy.anonimiseer)
