"""Bookkeeping of a signed-in session: when it began, when it was last used, its row in
"Mijn sessies", and a new session id when the person proves more about who they are.

Idle limit: Django itself (SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST: the session
expires 30 minutes after the last request). Absolute limit: SessionLimitsMiddleware, from
LOGGED_IN_AT below (SESSION_ABSOLUTE_SECONDS, 12 hours).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from samenwerk.gemeenten.models import User
from samenwerk.privacy.network import client_ip

from .models import UserSession

LOGGED_IN_AT = "accounts_ingelogd_om"  # epoch seconds of the password step
CONFIRMED_AT = "accounts_bevestigd_om"  # epoch seconds of the last password + code (reauth)
LAST_SEEN_AT = "accounts_laatst_gezien"  # epoch seconds of the last write to UserSession.last_seen_at
BACKUP_CODES = "accounts_herstelcodes"  # shown once after set-up, then removed
BACKUP_CODES_RENEWED = "accounts_herstelcodes_vernieuwd"
TOUCH_INTERVAL = 60  # seconds: "last active" is precise to a minute, saving a write per request


def _now() -> float:
    return timezone.now().timestamp()


def record_login(request: HttpRequest, user: User) -> None:
    """At every login (Django has just given the session a new id)."""
    now = timezone.now()
    if request.session.session_key is None:
        request.session.save()
    request.session[LOGGED_IN_AT] = request.session[LAST_SEEN_AT] = now.timestamp()
    UserSession.objects.filter(user=user).expired(now).delete()
    UserSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "user": user,
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:500],
            "ip_address": client_ip(request),
            "started_at": now,
            "last_seen_at": now,
        },
    )


def forget(request: HttpRequest) -> None:
    """At logout, before Django empties the session."""
    if request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()


def touch(request: HttpRequest) -> None:
    now = timezone.now()
    if now.timestamp() - request.session.get(LAST_SEEN_AT, 0) >= TOUCH_INTERVAL:
        UserSession.objects.filter(session_key=request.session.session_key).update(last_seen_at=now)
        request.session[LAST_SEEN_AT] = now.timestamp()


def past_absolute_limit(request: HttpRequest) -> bool:
    """Sessions without a login time (from before this check existed) count as expired."""
    started = request.session.get(LOGGED_IN_AT)
    return started is None or _now() - started > settings.SESSION_ABSOLUTE_SECONDS


def rekey(request: HttpRequest) -> None:
    """A new session id after a step up (the second factor), keeping the session's data."""
    old = request.session.session_key
    request.session.cycle_key()
    UserSession.objects.filter(session_key=old).update(session_key=request.session.session_key)


def mark_confirmed(request: HttpRequest, at: float | None = None) -> None:
    request.session[CONFIRMED_AT] = _now() if at is None else at


def confirmed_recently(request: HttpRequest) -> bool:
    at = request.session.get(CONFIRMED_AT)
    return at is not None and _now() - at <= settings.RECENT_AUTH_SECONDS
