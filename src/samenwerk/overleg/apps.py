from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverlegConfig(AppConfig):
    name = "samenwerk.overleg"
    verbose_name = _("Samenwerkoverleg")
