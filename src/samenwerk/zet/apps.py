from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZetConfig(AppConfig):
    name = "samenwerk.zet"
    verbose_name = _("ZET-evaluaties")

    def ready(self) -> None:
        # zet sits above casussen and plannen (ADR 0004): when a case is anonymised at the end
        # of its retention period, its interviews leave every round as a withdrawal would.
        from samenwerk.casussen import services as casussen
        from samenwerk.casussen.models import Toestemming
        from samenwerk.plannen import bewaren

        from . import privacy, services

        bewaren.ANONIMISEER_DELEN.append(privacy.anonimiseer)
        casussen.NA_INTREKKING.setdefault(Toestemming.Doel.ZET, []).append(services.na_intrekking)
