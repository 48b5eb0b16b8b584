"""Session bookkeeping on Django's login and logout signals: the one place every way of
signing in passes (the login page, the beheer login, tests' force_login). No business data."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from . import sessions
from .auditlog import log_aanmelding


@receiver(user_logged_in, dispatch_uid="accounts_record_login")
def _record_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        sessions.record_login(request, user)


@receiver(user_logged_out, dispatch_uid="accounts_forget_session")
def _forget_session(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        sessions.forget(request)


@receiver(user_login_failed, dispatch_uid="accounts_log_failed_login")
def _log_failed_login(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any) -> None:
    """A wrong password is a refused access decision: into the access log (never the password)."""
    email = str(credentials.get("username") or credentials.get("email") or "").lower()
    user = get_user_model().objects.filter(email=email).first()
    log_aanmelding(request, user, "aanmelding.wachtwoord.geweigerd", gelukt=False, reden="" if user else "onbekend e-mailadres")
