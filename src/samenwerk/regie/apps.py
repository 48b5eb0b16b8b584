from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegieConfig(AppConfig):
    name = "samenwerk.regie"
    verbose_name = _("Regie en escalatie")

    def ready(self) -> None:
        # regie sits above casussen and plannen (architecture.md): it adds its block to the
        # case page, its rows to the inzage and its free texts to the retention job there.
        from samenwerk.casussen import paginablokken
        from samenwerk.plannen import bewaren, inzage

        from . import blok, privacy

        paginablokken.registreer(blok.regieblok, kop=_("Regie en escalatie (AVE)"), anker="kop-ave")
        inzage.INZAGE_DELEN.append(privacy.inzage_deel)
        bewaren.ANONIMISEER_DELEN.append(privacy.anonimiseer)
