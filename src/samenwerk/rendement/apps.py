from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RendementConfig(AppConfig):
    name = "samenwerk.rendement"
    verbose_name = _("Maatschappelijk rendement")
