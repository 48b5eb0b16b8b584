from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlannenConfig(AppConfig):
    name = "samenwerk.plannen"
    verbose_name = _("Samenwerkplannen")

    def ready(self) -> None:
        from samenwerk.berichten.registry import registreer

        from . import inwoner

        registreer(inwoner.MAIL, inwoner.MAIL_LABEL, opstellen=inwoner.mail_planlink, verzonden=inwoner.planlink_verzonden)
