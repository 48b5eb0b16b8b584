"""What a person does with their account security: one function per action.

They take the request, because each changes the person's own session (the verified device,
a new session id, the time of the last confirmation). Each logs a security event on the
`samenwerk.accounts` logger; they move to the privacy audit log once that exists.
"""

from __future__ import annotations

import logging
from importlib import import_module

import django_otp
from django.conf import settings
from django.contrib.auth import authenticate, logout
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django_otp.models import Device

from . import otp, sessions
from .auditlog import log_aanmelding
from .models import UserSession

logger = logging.getLogger("samenwerk.accounts")


class PasswordRejected(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def confirm_enrolment(request: HttpRequest, *, code: str) -> list[str]:
    """Set-up of two-factor authentication: the first code from the app confirms it. The
    session counts as verified; ten new backup codes are kept in the session to show once."""
    user = request.user
    device = otp.pending_device(user)
    otp.check_code(user, code, device=device)
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        type(device).objects.filter(user=user, confirmed=False).delete()
        codes = otp.new_backup_codes(user)
    _verified(request, device)
    request.session[sessions.BACKUP_CODES] = codes
    logger.info("two-factor authentication set up", extra={"user_id": user.pk})
    return codes


def regenerate_backup_codes(request: HttpRequest) -> list[str]:
    """Ten new backup codes for the signed-in person; the old ones stop working at once.
    Shown once, like at set-up (the page asks for a fresh password and code first)."""
    user = request.user
    with transaction.atomic():
        codes = otp.new_backup_codes(user)
        log_aanmelding(request, user, "herstelcodes.vernieuwd", gelukt=True)
    request.session[sessions.BACKUP_CODES] = codes
    request.session[sessions.BACKUP_CODES_RENEWED] = True
    logger.info("backup codes regenerated", extra={"user_id": user.pk})
    return codes


def verify_login(request: HttpRequest, *, code: str) -> None:
    """The second step of logging in: a code from the app or a backup code."""
    try:
        device = otp.check_code(request.user, code)
    except otp.CodeRejected:
        logger.warning("second factor refused at login", extra={"user_id": request.user.pk})
        log_aanmelding(request, request.user, "aanmelding.code.geweigerd", gelukt=False)
        raise
    _verified(request, device)
    logger.info("login verified", extra={"user_id": request.user.pk, "device": device.persistent_id})
    log_aanmelding(request, request.user, "aanmelding.geslaagd", gelukt=True)


def _verified(request: HttpRequest, device: Device) -> None:
    django_otp.login(request, device)
    sessions.rekey(request)
    # Password and code just given: that counts as a recent confirmation, from the password step.
    sessions.mark_confirmed(request, at=request.session.get(sessions.LOGGED_IN_AT))


def confirm_identity(request: HttpRequest, *, password: str, code: str) -> None:
    """Confirm "dat u het bent" before a sensitive action. The password goes through
    authenticate(), so wrong passwords count towards the lockout (django-axes)."""
    user = request.user
    authenticated = authenticate(request, username=user.get_username(), password=password)
    if authenticated is None or authenticated.pk != user.pk:
        logger.warning("reauthentication: wrong password", extra={"user_id": user.pk})
        raise PasswordRejected(_("Dit wachtwoord klopt niet."))
    try:
        otp.check_code(user, code)
    except otp.CodeRejected:
        log_aanmelding(request, user, "herbevestiging.code.geweigerd", gelukt=False)
        raise
    sessions.mark_confirmed(request)
    logger.info("reauthentication confirmed", extra={"user_id": user.pk})
    log_aanmelding(request, user, "herbevestiging.geslaagd", gelukt=True)


def end_session(request: HttpRequest, *, session_id: int) -> bool:
    """End one of the person's own sessions (404 for anyone else's). True when it was the
    current one, which means the person is now logged out."""
    session = get_object_or_404(UserSession, pk=session_id, user=request.user)
    if session.session_key == request.session.session_key:
        logout(request)
        return True
    _end(session)
    logger.info("session ended by its user", extra={"user_id": request.user.pk})
    return False


def end_other_sessions(request: HttpRequest) -> int:
    others = UserSession.objects.filter(user=request.user).exclude(session_key=request.session.session_key)
    count = 0
    for session in others:
        _end(session)
        count += 1
    logger.info("other sessions ended by their user", extra={"user_id": request.user.pk, "count": count})
    return count


def _end(session: UserSession) -> None:
    import_module(settings.SESSION_ENGINE).SessionStore(session_key=session.session_key).delete()
    session.delete()
