from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TafelConfig(AppConfig):
    name = "samenwerk.tafel"
    verbose_name = _("De Tafel Samen aan Zet")

    def ready(self) -> None:
        # tafel sits above casussen and plannen (ADR 0004): it adds its registrations to the
        # resident's inzage and its free texts to the retention job there.
        from samenwerk.overleg import ics
        from samenwerk.plannen import bewaren, inzage

        from . import budget, privacy, uitnodigingen

        uitnodigingen.registreer_soorten()
        ics.FEEDBRONNEN.append(uitnodigingen.feedbron)
        inzage.INZAGE_DELEN.append(privacy.inzage_deel)
        bewaren.ANONIMISEER_DELEN.append(privacy.anonimiseer)
        inzage.INZAGE_DELEN.append(budget.inzage_deel)
        bewaren.ANONIMISEER_DELEN.append(budget.anonimiseer)
