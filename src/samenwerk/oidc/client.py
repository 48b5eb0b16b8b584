"""Talking to a municipality's OpenID provider: discovery, the authorization URL (code flow
with PKCE S256, state and nonce; Authlib), the token exchange, and checking the ID token
(joserfc: signature against the provider's published keys, issuer, audience, expiry, nonce).

Every refusal is a `Geweigerd` with a reason code; views turn it into a Dutch page.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import requests
from authlib.integrations.requests_client import OAuth2Session
from django.core.cache import cache
from joserfc import errors as jose_errors
from joserfc import jwt
from joserfc.jwk import KeySet

from .models import Identiteitsprovider

TIMEOUT = 10  # seconds per request to the provider
LEEWAY = 60  # seconds of clock difference tolerated on exp/iat
CACHE_SECONDS = 3600
ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384"]  # never 'none' or HS*


class Geweigerd(Exception):
    """A sign-in refused. `reden` is one of REDENEN (views.py has the Dutch text of each)."""

    def __init__(self, reden: str, detail: str = "") -> None:
        super().__init__(f"{reden}: {detail}")
        self.reden, self.detail = reden, detail


@dataclass(frozen=True)
class Discovery:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


def _get_json(url: str) -> dict[str, Any]:
    try:
        response = requests.get(url, timeout=TIMEOUT)
        response.raise_for_status()
        return response.json()  # type: ignore[no-any-return]
    except (requests.RequestException, ValueError) as error:
        raise Geweigerd("onbereikbaar", f"{url}: {error}") from error


def discovery(provider: Identiteitsprovider) -> Discovery:
    issuer = provider.issuer_genormaliseerd
    key = f"oidc:discovery:{issuer}"
    data = cache.get(key)
    if data is None:
        data = _get_json(f"{issuer}/.well-known/openid-configuration")
        cache.set(key, data, CACHE_SECONDS)
    if str(data.get("issuer", "")).rstrip("/") != issuer:
        raise Geweigerd("configuratie", f"issuer {data.get('issuer')!r} is not {issuer!r}")
    try:
        return Discovery(issuer, data["authorization_endpoint"], data["token_endpoint"], data["jwks_uri"])
    except KeyError as error:
        raise Geweigerd("configuratie", f"missing {error}") from error


def _keyset(jwks_uri: str, *, fresh: bool = False) -> KeySet:
    key = f"oidc:jwks:{jwks_uri}"
    data = None if fresh else cache.get(key)
    if data is None:
        data = _get_json(jwks_uri)
        cache.set(key, data, CACHE_SECONDS)
    return KeySet.import_key_set(data)


def session(provider: Identiteitsprovider, secret: str, redirect_uri: str) -> OAuth2Session:
    return OAuth2Session(
        client_id=provider.client_id,
        client_secret=secret,
        scope="openid email profile",
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        token_endpoint_auth_method="client_secret_basic",  # noqa: S106 (a method name, not a secret)
    )


def authorization_url(
    provider: Identiteitsprovider, secret: str, redirect_uri: str, *, state: str, nonce: str, code_verifier: str
) -> str:
    endpoints = discovery(provider)
    url, _ = session(provider, secret, redirect_uri).create_authorization_url(
        endpoints.authorization_endpoint, state=state, nonce=nonce, code_verifier=code_verifier
    )
    return url  # type: ignore[no-any-return]


def exchange(provider: Identiteitsprovider, secret: str, redirect_uri: str, *, code: str, code_verifier: str) -> str:
    """The ID token (compact JWT) for an authorization code."""
    endpoints = discovery(provider)
    try:
        token = session(provider, secret, redirect_uri).fetch_token(
            endpoints.token_endpoint, grant_type="authorization_code", code=code, code_verifier=code_verifier, timeout=TIMEOUT
        )
    except Exception as error:  # Authlib raises OAuthError or requests' errors
        raise Geweigerd("token", str(error)[:200]) from error
    id_token = token.get("id_token")
    if not id_token:
        raise Geweigerd("token", "no id_token in the answer")
    return str(id_token)


def verify_id_token(provider: Identiteitsprovider, id_token: str, *, nonce: str, now: int | None = None) -> dict[str, Any]:
    """The ID token's claims once its signature, issuer, audience, expiry and nonce check out."""
    endpoints = discovery(provider)
    try:
        try:
            token = jwt.decode(id_token, _keyset(endpoints.jwks_uri), algorithms=ALGORITHMS)
        except (jose_errors.BadSignatureError, jose_errors.InvalidKeyIdError, ValueError):
            # the provider may have rotated its keys since we cached them: once more, fresh
            token = jwt.decode(id_token, _keyset(endpoints.jwks_uri, fresh=True), algorithms=ALGORITHMS)
    except (jose_errors.BadSignatureError, jose_errors.InvalidKeyIdError, ValueError) as error:
        raise Geweigerd("handtekening", str(error)[:200]) from error
    except jose_errors.JoseError as error:
        raise Geweigerd("token", str(error)[:200]) from error
    claims = token.claims
    registry = jwt.JWTClaimsRegistry(
        now=now if now is not None else int(time.time()),
        leeway=LEEWAY,
        iss={"essential": True, "value": endpoints.issuer},
        aud={"essential": True, "value": provider.client_id},
        sub={"essential": True},
        exp={"essential": True},
        iat={"essential": True},
        nonce={"essential": True, "value": nonce},
    )
    try:
        registry.validate(claims)
    except jose_errors.ExpiredTokenError as error:
        raise Geweigerd("verlopen", str(error)) from error
    except jose_errors.ClaimError as error:
        raise Geweigerd({"aud": "publiek", "iss": "uitgever", "nonce": "nonce"}.get(error.claim, "token"), str(error)) from error
    # More than one audience: the token must have been issued to us (OIDC Core 3.1.3.7).
    aud = claims.get("aud")
    if isinstance(aud, list) and len(aud) > 1 and claims.get("azp") != provider.client_id:
        raise Geweigerd("publiek", "azp is not this client")
    return dict(claims)
