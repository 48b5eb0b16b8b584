from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LerenConfig(AppConfig):
    name = "samenwerk.leren"
    verbose_name = _("De lerende trap")

    def ready(self) -> None:
        from samenwerk.casussen import services as casussen
        from samenwerk.casussen.models import Toestemming

        from .inbreng.services import ontkoppel_na_intrekking
        from .sessies import versturen
        from .trap import koppelingen as trap

        versturen.registreer_soorten()
        trap.registreer()
        # withdrawn consent for learning tables unlinks the shared copies at once
        casussen.NA_INTREKKING.setdefault(Toestemming.Doel.LEERTAFEL, []).append(ontkoppel_na_intrekking)
