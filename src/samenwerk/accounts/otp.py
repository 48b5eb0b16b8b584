"""The second factor: an authenticator app (TOTP) and ten single-use backup codes.

Both are django-otp devices. Checking a code goes through django-otp, so its throttling
applies: after a wrong code the next attempt must wait 1, 2, 4, 8 ... seconds (per device),
and a TOTP code is accepted once only.
"""

from __future__ import annotations

import io
import re
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenwerk.gemeenten.models import User

TOTP_DEVICE_NAME = "Authenticator-app"
BACKUP_DEVICE_NAME = "Herstelcodes"
BACKUP_CODE_COUNT = 10
_TOTP_SHAPE = re.compile(r"\d{6}")


class CodeRejected(Exception):
    """The code was wrong, or too many wrong codes were typed just now; `message` says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def has_authenticator(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user: User) -> TOTPDevice:
    """The not yet confirmed authenticator of someone setting up two-factor authentication.
    The same one on every visit, so a QR code scanned earlier keeps working."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The key in base32 as authenticator apps expect it when typed, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> bytes:
    """The otpauth:// link as an SVG image (no style attributes, so it passes our CSP)."""
    out = io.BytesIO()
    qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage, border=2).save(out)
    return out.getvalue()


def normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


def check_code(user: User, code: str, *, device: TOTPDevice | None = None) -> Device:
    """The device that accepts the code: the authenticator for six digits, otherwise a backup
    code (which is used up). `device` checks against that one authenticator only (set-up).
    Raises CodeRejected with a Dutch message."""
    code = normalise(code)
    with transaction.atomic():  # row lock: the same code cannot be accepted twice at once
        if device is not None:
            candidate: Device | None = TOTPDevice.objects.select_for_update().filter(pk=device.pk).first()
        elif _TOTP_SHAPE.fullmatch(code):
            candidate = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).order_by("pk").first()
        else:
            candidate = StaticDevice.objects.select_for_update().filter(user=user, confirmed=True).order_by("pk").first()
        allowed, info = candidate.verify_is_allowed() if candidate else (True, None)
        accepted = allowed and candidate is not None and candidate.verify_token(code)
    # outside the transaction, so the throttle's count of wrong codes is kept
    if accepted:
        return candidate  # type: ignore[return-value]
    if not allowed:
        seconds = max(1, int(((info or {}).get("locked_until", timezone.now()) - timezone.now()).total_seconds()) + 1)
        raise CodeRejected(
            ngettext(
                "U heeft te vaak een verkeerde code getypt. Probeer het over %(seconden)s seconde opnieuw.",
                "U heeft te vaak een verkeerde code getypt. Probeer het over %(seconden)s seconden opnieuw.",
                seconds,
            )
            % {"seconden": seconds}
        )
    if device is not None:
        raise CodeRejected(_("Deze code klopt niet. Typ de code van 6 cijfers die uw app nu laat zien."))
    raise CodeRejected(_("Deze code klopt niet. Typ de code van 6 cijfers die uw app nu laat zien, of een herstelcode."))


def new_backup_codes(user: User) -> list[str]:
    """Replace the person's backup codes by ten new ones; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes
