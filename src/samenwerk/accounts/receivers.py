"""Session bookkeeping on Django's login and logout signals: the one place every way of
signing in passes (the login page, the beheer login, tests' force_login). No business data."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from . import sessions


@receiver(user_logged_in, dispatch_uid="accounts_record_login")
def _record_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        sessions.record_login(request, user)


@receiver(user_logged_out, dispatch_uid="accounts_forget_session")
def _forget_session(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        sessions.forget(request)
