"""Signing in through the municipality's identity provider: one function per step.

`begin` keeps the flow's state, nonce and PKCE verifier in the session (keyed by state, so two
tabs do not clash) and answers the provider's address. `voltooi` takes the state out of the
session (a replayed or unknown state is refused), exchanges the code, checks the ID token,
finds the linked person, signs them in and writes the access log. When the provider asserts a
multi-factor sign-in that the municipality accepts, the session counts as verified;
otherwise the product's own code step follows (RequireOTPMiddleware).
"""

from __future__ import annotations

import logging
import secrets
import time
from typing import Any

import django_otp
from django.conf import settings
from django.contrib.auth import login
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from samenwerk.accounts import sessions
from samenwerk.accounts.auditlog import log_aanmelding
from samenwerk.gemeenten.models import User
from samenwerk.privacy import geheimen

from . import client
from .client import Geweigerd
from .models import Identiteitsprovider, Koppeling, ProviderMfa

logger = logging.getLogger("samenwerk.oidc")

FLOWS = "oidc_flows"
FLOW_SECONDS = 10 * 60  # a sign-in at the provider must finish within ten minutes
MAX_FLOWS = 5


def redirect_uri() -> str:
    """The address the provider sends people back to (to register at the provider)."""
    return f"{settings.SITE_URL}{reverse('oidc:terug')}"


def begin(request: HttpRequest, provider: Identiteitsprovider, *, volgende: str) -> str:
    state, nonce, verifier = secrets.token_urlsafe(32), secrets.token_urlsafe(32), secrets.token_urlsafe(64)
    url = client.authorization_url(
        provider, geheimen.ontsleutel(provider.client_secret_versleuteld), redirect_uri(), state=state, nonce=nonce,
        code_verifier=verifier,
    )  # fmt: skip
    flows = {k: v for k, v in request.session.get(FLOWS, {}).items() if v["tot"] > time.time()}
    while len(flows) >= MAX_FLOWS:
        flows.pop(min(flows, key=lambda k: flows[k]["tot"]))
    flows[state] = {
        "provider": provider.pk,
        "nonce": nonce,
        "verifier": verifier,
        "next": volgende,
        "tot": time.time() + FLOW_SECONDS,
    }
    request.session[FLOWS] = flows
    return url


def voltooi(request: HttpRequest, *, state: str, code: str, fout: str = "") -> tuple[User, str]:
    """Finish the sign-in; (the person, where to go next). Raises Geweigerd."""
    flows = request.session.get(FLOWS, {})
    flow = flows.pop(state, None) if state else None
    request.session[FLOWS] = flows  # the state is spent, whatever happens next
    if flow is None or flow["tot"] < time.time():
        _weiger(request, None, None, "status")
    provider = Identiteitsprovider.objects.actief().select_related("gemeente").filter(pk=flow["provider"]).first()
    if provider is None:
        _weiger(request, None, None, "configuratie")
    if fout:
        _weiger(request, provider, None, "provider", fout[:100])
    if not code:
        _weiger(request, provider, None, "token", "no code")
    try:
        secret = geheimen.ontsleutel(provider.client_secret_versleuteld)
        id_token = client.exchange(provider, secret, redirect_uri(), code=code, code_verifier=flow["verifier"])
        claims = client.verify_id_token(provider, id_token, nonce=flow["nonce"])
    except geheimen.Onleesbaar:
        _weiger(request, provider, None, "configuratie", "secret unreadable")
    except Geweigerd as error:
        _weiger(request, provider, None, error.reden, error.detail)
    user = _persoon(provider, claims)
    if user is None:
        _weiger(request, provider, None, "onbekend")
    _aanmelden(request, provider, user, claims)
    return user, flow["next"]


def _persoon(provider: Identiteitsprovider, claims: dict[str, Any]) -> User | None:
    """The linked person; on first use the active person with a role in this municipality whose
    e-mail address the provider says it verified. Roles are never taken from the provider."""
    actief = User.objects.filter(is_active=True, rollen__in=_actieve_rollen(provider)).distinct()
    koppeling = Koppeling.objects.filter(provider=provider, sub=str(claims["sub"])).first()
    if koppeling is not None:
        return actief.filter(pk=koppeling.user_id).first()
    email = str(claims.get("email") or "").strip().lower()
    if not email or claims.get("email_verified") is not True:
        return None
    user = actief.filter(email=email).first()
    if user is None or Koppeling.objects.filter(provider=provider, user=user).exists():
        return None  # already linked to another subject: no silent re-link
    Koppeling.objects.create(provider=provider, user=user, sub=str(claims["sub"]))
    return user


def _actieve_rollen(provider: Identiteitsprovider) -> Any:
    from samenwerk.gemeenten.models import Roltoewijzing

    return Roltoewijzing.objects.actief().filter(gemeente=provider.gemeente)


def _mfa(provider: Identiteitsprovider, claims: dict[str, Any]) -> bool:
    if not provider.mfa_accepteren:
        return False
    amr = claims.get("amr") or []
    gegeven = {str(a) for a in amr} if isinstance(amr, list) else set()
    if claims.get("acr"):
        gegeven.add(str(claims["acr"]))
    return bool(gegeven & provider.mfa_set())


@transaction.atomic
def _aanmelden(request: HttpRequest, provider: Identiteitsprovider, user: User, claims: dict[str, Any]) -> None:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    Koppeling.objects.filter(provider=provider, user=user).update(laatst_gebruikt_op=timezone.now())
    request.session["oidc_provider"] = provider.pk
    if _mfa(provider, claims):
        device, _ = ProviderMfa.objects.get_or_create(user=user, defaults={"name": str(provider), "confirmed": True})
        django_otp.login(request, device)
        sessions.rekey(request)
        sessions.mark_confirmed(request, at=request.session.get(sessions.LOGGED_IN_AT))
        log_aanmelding(request, user, "aanmelding.oidc.geslaagd", gelukt=True, reden="meervoudig via provider")
    else:
        log_aanmelding(request, user, "aanmelding.oidc.eerste-stap", gelukt=True)
    logger.info("signed in through the identity provider", extra={"user_id": user.pk, "provider_id": provider.pk})


def _weiger(request: HttpRequest, provider: Identiteitsprovider | None, user: User | None, reden: str, detail: str = "") -> None:
    # The detail (a library's message) goes to the operator's log, never to the page.
    logger.warning(
        "identity-provider sign-in refused",
        extra={"reden": reden, "detail": detail, "provider_id": getattr(provider, "pk", None)},
    )
    if provider is not None:
        from samenwerk.privacy.audit import Grondslag, Onderwerp, record
        from samenwerk.privacy.models import Actie, Uitkomst

        record(
            actor=None,
            actie=Actie.READ,
            gebeurtenis="aanmelding.oidc.geweigerd",
            uitkomst=Uitkomst.DENIED,
            onderwerp=Onderwerp(gemeente_id=provider.gemeente_id, object_type="account", gegevenssegment="aanmelding"),
            grondslag=Grondslag(doel="aanmelden", reden=reden),
            request=request,
        )
    else:
        log_aanmelding(request, None, "aanmelding.oidc.geweigerd", gelukt=False, reden=reden)
    raise Geweigerd(reden, detail)
