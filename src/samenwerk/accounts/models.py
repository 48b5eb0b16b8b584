"""Which sessions belong to whom, so a person can see and end their own ("Mijn sessies").

The session data itself stays in Django's session store; this row only links a session key
to its user with what the user needs to recognise it. Rows are made at login, removed at
logout or when the session is ended, and pruned at the user's next login once expired.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .useragent import describe


class UserSessionQuerySet(models.QuerySet["UserSession"]):
    def active(self, now: datetime.datetime | None = None) -> UserSessionQuerySet:
        now = now or timezone.now()
        return self.filter(
            last_seen_at__gt=now - datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE),
            started_at__gt=now - datetime.timedelta(seconds=settings.SESSION_ABSOLUTE_SECONDS),
        )

    def expired(self, now: datetime.datetime | None = None) -> UserSessionQuerySet:
        return self.exclude(pk__in=self.active(now).values("pk"))


class UserSession(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sessies", verbose_name=_("gebruiker")
    )
    session_key = models.CharField(_("sessiesleutel"), max_length=40, unique=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    started_at = models.DateTimeField(_("ingelogd om"))
    last_seen_at = models.DateTimeField(_("laatst actief om"))

    objects = UserSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        ordering = ["-last_seen_at"]
        indexes = [models.Index(fields=["user", "last_seen_at"], name="usersession_user_last_seen")]

    def __str__(self) -> str:
        return f"{self.user} – {self.device}"

    @property
    def device(self) -> str:
        return describe(self.user_agent)
