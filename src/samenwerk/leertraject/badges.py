"""Open Badge 3.0 credentials as VC-JWT (docs/leertraject.md).

A badge is a W3C Verifiable Credential of type `OpenBadgeCredential`, signed by its
municipality as a compact JWS (ES256, header `kid`, `typ: vc+jwt`) with joserfc. The JWT
payload is the credential itself plus the registered claims OB 3.0 maps onto it (`iss`,
`jti`, `sub`, `nbf`, `exp` when it expires). Keys are ES256 pairs per municipality, the
private half encrypted with `samenwerk.privacy.geheimen`; a rotation retires the old key,
which stays in the published key set (JWKS, marked `retired`), so older badges still verify.

Revocation: each credential carries a `credentialStatus` pointing at a public status URL
(type `1EdTechRevocationList`); the verification here and any outside verifier read it.

Verification accepts the compact JWS or the JSON download (the credential with a
`JwtProof2020` proof holding the JWS): the signature is checked with the key named by `kid`,
the issuer must be that key's municipality, the content of the JSON must be exactly what
was signed, then expiry and revocation are checked."""

from __future__ import annotations

import datetime
import hashlib
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import ECKey

from samenwerk.gemeenten.models import Gemeente
from samenwerk.privacy import geheimen

from .models import Badgesleutel, Certificaat

ALG = "ES256"
OB_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
MAX_BADGE_TEKENS = 64 * 1024  # what the public endpoint reads at most


def absoluut(pad: str) -> str:
    return settings.SITE_URL + pad


def uitgever_id(gemeente: Gemeente) -> str:
    return absoluut(reverse("leertraject:uitgever", kwargs={"gemeente": gemeente.slug}))


def status_url(badge_id: object) -> str:
    return absoluut(reverse("leertraject:badge-status", kwargs={"badge_id": badge_id}))


# --- Keys -------------------------------------------------------------------------------------


def _nieuwe_sleutel(gemeente: Gemeente) -> Badgesleutel:
    sleutel = ECKey.generate_key("P-256", private=True)
    kid = f"{gemeente.slug}-{timezone.now():%Y%m%d}-{secrets.token_hex(4)}"
    publiek = sleutel.as_dict(private=False) | {"kid": kid, "use": "sig", "alg": ALG}
    return Badgesleutel.objects.create(
        gemeente=gemeente,
        kid=kid,
        publiek=publiek,
        privaat_versleuteld=geheimen.versleutel(sleutel.as_pem(private=True).decode()),
    )


def actieve_sleutel(gemeente: Gemeente) -> Badgesleutel:
    """The key that signs new badges; made the first time it is needed."""
    sleutel = Badgesleutel.objects.filter(gemeente=gemeente, uitgefaseerd_op__isnull=True).first()
    return sleutel or _nieuwe_sleutel(gemeente)


@transaction.atomic
def roteer(gemeente: Gemeente) -> Badgesleutel:
    """A new signing key; the old ones are retired (kept, published, still verify)."""
    Badgesleutel.objects.select_for_update().filter(gemeente=gemeente, uitgefaseerd_op__isnull=True).update(
        uitgefaseerd_op=timezone.now()
    )
    return _nieuwe_sleutel(gemeente)


def jwks(gemeente: Gemeente) -> dict[str, Any]:
    """The published key set: every key of the municipality, retired ones marked."""
    sleutels = []
    for s in Badgesleutel.objects.filter(gemeente=gemeente).order_by("-aangemaakt_op", "-id"):
        jwk = dict(s.publiek)
        if s.uitgefaseerd_op:
            jwk["status"] = "retired"
            jwk["retired_at"] = s.uitgefaseerd_op.isoformat()
        sleutels.append(jwk)
    return {"keys": sleutels}


def _prive(sleutel: Badgesleutel) -> ECKey:
    return ECKey.import_key(geheimen.ontsleutel(sleutel.privaat_versleuteld))


# --- Issuing ----------------------------------------------------------------------------------


def _iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def credential_voor(certificaat: Certificaat, *, geldig_tot: datetime.datetime | None = None) -> dict[str, Any]:
    deelnemer = certificaat.deelnemer
    traject = deelnemer.traject
    gemeente = traject.gemeente
    zout = secrets.token_hex(8)
    email_hash = hashlib.sha256((deelnemer.user.email.lower() + zout).encode()).hexdigest()
    credential: dict[str, Any] = {
        "@context": OB_CONTEXT,
        "id": f"urn:uuid:{certificaat.badge_id}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": _("Certificaat van deelname: %(naam)s") % {"naam": traject.naam},
        "issuer": {
            "id": uitgever_id(gemeente),
            "type": ["Profile"],
            "name": _("Gemeente %(naam)s") % {"naam": gemeente.naam},
        },
        "validFrom": _iso(certificaat.uitgegeven_op),
        "credentialSubject": {
            "id": f"urn:uuid:{certificaat.badge_id}#deelnemer",
            "type": ["AchievementSubject"],
            "name": deelnemer.user.get_full_name() or deelnemer.user.email,
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": f"sha256${email_hash}",
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": zout,
                }
            ],
            "achievement": {
                "id": absoluut(reverse("leertraject:uitgever", kwargs={"gemeente": gemeente.slug}))
                + f"#leertraject-{traject.pk}",
                "type": ["Achievement"],
                "achievementType": "Course",
                "name": traject.naam,
                "description": _("Leertraject De Samenwerkwijze: vijf modules, opdrachten A-K en een maatje."),
                "criteria": {
                    "narrative": _(
                        "Ten minste %(dagen)s lesdagen aanwezig en alle verplichte opdrachten akkoord bevonden door de trainers."
                    )
                    % {"dagen": traject.min_dagen_aanwezig}
                },
            },
        },
        "credentialStatus": {"id": status_url(certificaat.badge_id), "type": "1EdTechRevocationList"},
    }
    if geldig_tot:
        credential["validUntil"] = _iso(geldig_tot)
    return credential


def onderteken(credential: dict[str, Any], sleutel: Badgesleutel) -> str:
    claims = dict(credential)
    claims |= {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": int(datetime.datetime.fromisoformat(credential["validFrom"]).timestamp()),
    }
    if "validUntil" in credential:
        claims["exp"] = int(datetime.datetime.fromisoformat(credential["validUntil"]).timestamp())
    payload = json.dumps(claims, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    kop = {"alg": ALG, "kid": sleutel.kid, "typ": "vc+jwt", "cty": "vc"}
    return jws.serialize_compact(kop, payload, _prive(sleutel), algorithms=[ALG])


def als_json(certificaat: Certificaat) -> dict[str, Any]:
    """The JSON download: the credential with its JWS as proof."""
    return dict(certificaat.credential) | {"proof": {"type": "JwtProof2020", "jwt": certificaat.jws}}


# --- Verifying --------------------------------------------------------------------------------

GELDIG, INGETROKKEN, VERLOPEN, ONGELDIG, ONBEKENDE_SLEUTEL = "geldig", "ingetrokken", "verlopen", "ongeldig", "onbekende_sleutel"
JWT_CLAIMS = ("iss", "jti", "sub", "nbf", "exp")


@dataclass
class Uitslag:
    status: str
    melding: str
    credential: dict[str, Any] = field(default_factory=dict)
    ingetrokken_op: datetime.datetime | None = None
    sleutel_uitgefaseerd: bool = False
    kid: str = ""

    @property
    def geldig(self) -> bool:
        return self.status == GELDIG

    def als_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "geldig": self.geldig,
            "melding": self.melding,
            "kid": self.kid,
            "sleutel_uitgefaseerd": self.sleutel_uitgefaseerd,
            "ingetrokken_op": self.ingetrokken_op.isoformat() if self.ingetrokken_op else None,
            "credential": self.credential or None,
        }


def _ongeldig(melding: str) -> Uitslag:
    return Uitslag(status=ONGELDIG, melding=melding)


def _jws_uit(tekst: str) -> tuple[str, dict[str, Any] | None]:
    """The compact JWS in what was pasted, and the JSON credential around it (if any)."""
    tekst = tekst.strip()
    if tekst.startswith("{"):
        try:
            document = json.loads(tekst)
        except (ValueError, RecursionError):
            return "", None
        if not isinstance(document, dict):
            return "", None
        proof = document.get("proof")
        jwt = proof.get("jwt") if isinstance(proof, dict) else None
        return (jwt if isinstance(jwt, str) else ""), document
    return tekst, None


def verifieer(tekst: str, *, nu: datetime.datetime | None = None) -> Uitslag:
    """Check a badge: never raises on bad input, every outcome is an Uitslag."""
    if len(tekst) > MAX_BADGE_TEKENS:
        return _ongeldig(_("Dit is te groot voor een badge (hoogstens 64 kB)."))
    compact, document = _jws_uit(tekst)
    if not compact or compact.count(".") != 2:
        return _ongeldig(_("Dit is geen ondertekende badge: plak de badge (JSON of de ondertekende tekenreeks)."))
    try:
        kop = jws.extract_compact(compact.encode("ascii")).headers()
    except (JoseError, ValueError, UnicodeError, TypeError):
        return _ongeldig(_("De badge is beschadigd: de handtekening kan niet worden gelezen."))
    kid = kop.get("kid")
    if kop.get("alg") != ALG or not isinstance(kid, str):
        return _ongeldig(_("De badge is niet ondertekend op een manier die deze gemeente gebruikt."))
    sleutel = Badgesleutel.objects.select_related("gemeente").filter(kid=kid).first()
    if sleutel is None:
        return Uitslag(status=ONBEKENDE_SLEUTEL, melding=_("De badge is ondertekend met een onbekende sleutel."), kid=kid)
    try:
        gelezen = jws.deserialize_compact(compact, ECKey.import_key(sleutel.publiek), algorithms=[ALG])
        claims = json.loads(gelezen.payload)
    except (JoseError, ValueError, UnicodeError, TypeError):
        return Uitslag(
            status=ONGELDIG, melding=_("De handtekening klopt niet: de badge is veranderd na het ondertekenen."), kid=kid
        )
    if not isinstance(claims, dict):
        return _ongeldig(_("De badge is beschadigd."))
    credential = {k: v for k, v in claims.items() if k not in JWT_CLAIMS}
    uitslag = Uitslag(
        status=GELDIG, melding="", credential=credential, kid=kid, sleutel_uitgefaseerd=bool(sleutel.uitgefaseerd_op)
    )
    if document is not None and {k: v for k, v in document.items() if k != "proof"} != credential:
        uitslag.status, uitslag.melding = ONGELDIG, _("De inhoud van de badge wijkt af van wat is ondertekend.")
        return uitslag
    issuer = credential.get("issuer")
    if not isinstance(issuer, dict) or issuer.get("id") != uitgever_id(sleutel.gemeente) or claims.get("iss") != issuer.get("id"):
        uitslag.status, uitslag.melding = ONGELDIG, _("De uitgever in de badge hoort niet bij de sleutel waarmee is ondertekend.")
        return uitslag
    moment = nu or timezone.now()
    if isinstance(claims.get("exp"), int) and claims["exp"] < moment.timestamp():
        uitslag.status, uitslag.melding = VERLOPEN, _("De badge is verlopen.")
        return uitslag
    badge_id = str(credential.get("id", "")).removeprefix("urn:uuid:")
    certificaat = Certificaat.objects.filter(badge_id=badge_id, sleutel=sleutel).first() if _is_uuid(badge_id) else None
    if certificaat is None:
        uitslag.status, uitslag.melding = ONGELDIG, _("Deze badge is niet door deze gemeente uitgegeven.")
        return uitslag
    if certificaat.ingetrokken_op:
        uitslag.status, uitslag.ingetrokken_op = INGETROKKEN, certificaat.ingetrokken_op
        uitslag.melding = _("De badge is echt, maar is ingetrokken op %(datum)s.") % {
            "datum": timezone.localtime(certificaat.ingetrokken_op).strftime("%d-%m-%Y")
        }
        return uitslag
    uitslag.melding = (
        _(
            "De badge is echt en geldig. Hij is ondertekend met een oudere sleutel van de gemeente; "
            "die blijft geldig voor badges van toen."
        )
        if uitslag.sleutel_uitgefaseerd
        else _("De badge is echt en geldig.")
    )
    return uitslag


def _is_uuid(waarde: str) -> bool:
    import uuid

    try:
        uuid.UUID(waarde)
    except ValueError:
        return False
    return True
