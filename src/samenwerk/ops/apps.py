from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "samenwerk.ops"
    verbose_name = _("Werking: gezondheid, metingen, logboek, back-ups")
