from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "samenwerk.accounts"
    verbose_name = _("Accountbeveiliging")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the login/logout bookkeeping)
