"""Sign-in events in the access log: who signed in, failed the second step or the password
check, re-authenticated, or ended a session — once in each municipality where the person
holds a role, so that municipality's privacy officer sees them (a failed attempt for an
unknown address goes to the platform chain, municipality 0)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from samenwerk.privacy.audit import Grondslag, Onderwerp, record
from samenwerk.privacy.models import Actie, Uitkomst


def log_aanmelding(request: HttpRequest | None, user: Any, gebeurtenis: str, *, gelukt: bool, reden: str = "") -> None:
    gemeenten = list(user.gemeenten().values_list("pk", flat=True)) if user is not None and getattr(user, "pk", None) else []
    for gemeente_id in gemeenten or [None]:
        record(
            actor=user if user is not None and getattr(user, "pk", None) else None,
            actie=Actie.READ,
            gebeurtenis=gebeurtenis,
            uitkomst=Uitkomst.SUCCESS if gelukt else Uitkomst.DENIED,
            onderwerp=Onderwerp(gemeente_id=gemeente_id, object_type="account", gegevenssegment="aanmelding"),
            grondslag=Grondslag(doel="aanmelden", reden=reden[:200]),
            request=request,
        )
