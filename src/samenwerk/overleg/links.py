"""Signed links for invitees (no account needed). A link names the participant and their
current key; tampering breaks the signature, a new key (after a forward or a re-send) makes
old links worthless. Every failure is the same 404: a bad link reveals nothing."""

from __future__ import annotations

import secrets

from django.core import signing
from django.http import Http404

from .models import Deelnemer

SALT = "samenwerk.overleg.uitnodiging"


def nieuwe_sleutel() -> str:
    return secrets.token_urlsafe(16)


def token_voor(deelnemer: Deelnemer) -> str:
    return signing.dumps([deelnemer.pk, deelnemer.sleutel], salt=SALT, compress=False)


def deelnemer_voor(token: str) -> Deelnemer:
    try:
        pk, sleutel = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError) as fout:
        raise Http404 from fout
    deelnemer = (
        Deelnemer.objects.select_related("overleg__casus__inwoner", "overleg__organisator", "doorgestuurd_door")
        .filter(pk=pk, sleutel=sleutel)
        .first()
    )
    if deelnemer is None or not secrets.compare_digest(deelnemer.sleutel, str(sleutel)):
        raise Http404
    return deelnemer
