"""Certificates and their Open Badge 3.0 credentials: the rule and its override, signing,
verification of a real, a tampered, an old-key, an unknown-key and a revoked badge."""

from __future__ import annotations

import base64
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from joserfc import jws
from joserfc.jwk import ECKey

from samenwerk.leertraject import badges, services_certificaat
from samenwerk.leertraject.models import Badgesleutel
from samenwerk.privacy import geheimen
from samenwerk.privacy.models import AuditEntry

from .cohort import haal_de_regel, maak_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def uitgegeven(personas):  # type: ignore[no-untyped-def]
    cohort = maak_cohort(personas)
    haal_de_regel(cohort, cohort.deelnemer, personas.niet_betrokken)
    return services_certificaat.geef_certificaat_uit(actor=personas.niet_betrokken, deelnemer=cohort.deelnemer)


def test_zonder_de_regel_geen_certificaat_zonder_reden(personas):
    cohort = maak_cohort(personas)
    with pytest.raises(ValidationError) as fout:
        services_certificaat.geef_certificaat_uit(actor=personas.niet_betrokken, deelnemer=cohort.deelnemer)
    assert "Geef een reden" in fout.value.message_dict["afwijkreden"][0]
    with pytest.raises(PermissionDenied):
        services_certificaat.geef_certificaat_uit(actor=personas.professional, deelnemer=cohort.deelnemer, afwijkreden="x")
    certificaat = services_certificaat.geef_certificaat_uit(
        actor=personas.tafelvoorzitter, deelnemer=cohort.deelnemer, afwijkreden="Ziek op dag 2, ingehaald bij de volgende groep."
    )
    assert not certificaat.regel_gehaald
    assert certificaat.afwijkreden.startswith("Ziek")
    assert AuditEntry.objects.filter(gebeurtenis="leertraject.certificaat.afwijking", object_id=str(certificaat.pk)).exists()


def test_de_badge_is_een_open_badge_3_credential_ondertekend_met_es256(uitgegeven, personas):
    cred = uitgegeven.credential
    assert cred["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in cred["@context"]
    assert cred["issuer"]["id"].endswith("/leertraject/badges/uitgever/testwijde/")
    assert cred["credentialSubject"]["achievement"]["name"] == "Leertraject test"
    assert cred["credentialStatus"]["id"].endswith(f"/leertraject/badges/status/{uitgegeven.badge_id}/")
    assert personas.professional.email not in json.dumps(cred)  # hashed, with salt
    kop = jws.extract_compact(uitgegeven.jws.encode()).headers()
    assert kop == {"alg": "ES256", "kid": uitgegeven.sleutel.kid, "typ": "vc+jwt", "cty": "vc"}
    # An outside verifier needs only the published key set.
    publiek = next(k for k in badges.jwks(personas.gemeente)["keys"] if k["kid"] == kop["kid"])
    claims = json.loads(jws.deserialize_compact(uitgegeven.jws, ECKey.import_key(publiek), algorithms=["ES256"]).payload)
    assert claims["iss"] == cred["issuer"]["id"] and claims["jti"] == cred["id"]


def test_de_prive_sleutel_staat_versleuteld_opgeslagen(uitgegeven):
    sleutel = uitgegeven.sleutel
    assert "PRIVATE KEY" not in sleutel.privaat_versleuteld
    assert "PRIVATE KEY" in geheimen.ontsleutel(sleutel.privaat_versleuteld)
    assert "d" not in sleutel.publiek


def test_een_echte_badge_is_geldig_als_jws_en_als_json(uitgegeven):
    assert badges.verifieer(uitgegeven.jws).status == badges.GELDIG
    uitslag = badges.verifieer(json.dumps(badges.als_json(uitgegeven)))
    assert uitslag.status == badges.GELDIG, uitslag.melding
    assert uitslag.credential["credentialSubject"]["name"]


def test_een_veranderde_json_is_ongeldig(uitgegeven):
    document = badges.als_json(uitgegeven)
    tekst = json.dumps(document)
    veranderd = tekst.replace("Leertraject test", "Leertraject tesT")
    assert veranderd != tekst
    uitslag = badges.verifieer(veranderd)
    assert uitslag.status == badges.ONGELDIG
    assert "wijkt af" in uitslag.melding


def test_een_jws_met_een_ander_teken_is_ongeldig(uitgegeven):
    kop, payload, handtekening = uitgegeven.jws.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["name"] = claims["name"] + "!"
    nieuw = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    assert badges.verifieer(f"{kop}.{nieuw}.{handtekening}").status == badges.ONGELDIG
    # One character of the signature changed.
    teken = "A" if handtekening[5] != "A" else "B"
    assert badges.verifieer(f"{kop}.{payload}.{handtekening[:5]}{teken}{handtekening[6:]}").status == badges.ONGELDIG


def test_een_badge_van_een_uitgefaseerde_sleutel_blijft_geldig(uitgegeven, personas):
    nieuw = services_certificaat.roteer_sleutel(actor=personas.beheerder, gemeente=personas.gemeente)
    assert nieuw.kid != uitgegeven.sleutel.kid
    uitslag = badges.verifieer(uitgegeven.jws)
    assert uitslag.status == badges.GELDIG
    assert uitslag.sleutel_uitgefaseerd
    assert "oudere sleutel" in uitslag.melding
    gepubliceerd = {k["kid"]: k for k in badges.jwks(personas.gemeente)["keys"]}
    assert gepubliceerd[uitgegeven.sleutel.kid]["status"] == "retired"
    assert "status" not in gepubliceerd[nieuw.kid]
    assert badges.actieve_sleutel(personas.gemeente) == nieuw
    with pytest.raises(PermissionDenied):
        services_certificaat.roteer_sleutel(actor=personas.gebiedsaanjager, gemeente=personas.gemeente)


def test_een_badge_met_een_onbekende_sleutel(uitgegeven):
    vreemd = ECKey.generate_key("P-256", private=True)
    payload = jws.extract_compact(uitgegeven.jws.encode()).payload
    nep = jws.serialize_compact({"alg": "ES256", "kid": "onbekend-1"}, payload, vreemd, algorithms=["ES256"])
    uitslag = badges.verifieer(nep)
    assert uitslag.status == badges.ONBEKENDE_SLEUTEL
    # A forger who reuses a real kid with their own key: the signature fails.
    nep = jws.serialize_compact({"alg": "ES256", "kid": uitgegeven.sleutel.kid}, payload, vreemd, algorithms=["ES256"])
    assert badges.verifieer(nep).status == badges.ONGELDIG


def test_een_ingetrokken_badge_is_ingetrokken_met_de_datum(uitgegeven, personas):
    with pytest.raises(ValidationError):
        services_certificaat.trek_in(actor=personas.niet_betrokken, certificaat=uitgegeven, reden=" ")
    services_certificaat.trek_in(actor=personas.niet_betrokken, certificaat=uitgegeven, reden="Onterecht uitgegeven")
    uitslag = badges.verifieer(uitgegeven.jws)
    assert uitslag.status == badges.INGETROKKEN
    assert uitslag.ingetrokken_op is not None
    # the page says the Dutch date (between 23:00 and 24:00 UTC it is already the next day)
    assert timezone.localtime(uitslag.ingetrokken_op).strftime("%d-%m-%Y") in uitslag.melding


def test_een_badge_van_een_andere_gemeente_kan_zich_niet_als_deze_uitgeven(uitgegeven, personas):
    """The issuer must be the key's municipality: a key of Elders cannot sign for Testwijde."""
    sleutel = badges.actieve_sleutel(personas.andere_gemeente)
    nep = badges.onderteken(dict(uitgegeven.credential), sleutel)
    uitslag = badges.verifieer(nep)
    assert uitslag.status == badges.ONGELDIG
    assert "uitgever" in uitslag.melding


@pytest.mark.parametrize(
    "rommel",
    ["", "abc", "a.b.c", "{", "[]", '{"proof": 1}', '{"proof": {"jwt": 5}}', "é.é.é", "x" * 70000, "e30.e30.e30", "{" * 5000],
)
def test_rommel_is_ongeldig_zonder_fout(rommel):
    uitslag = badges.verifieer(rommel)
    assert uitslag.status == badges.ONGELDIG
    assert uitslag.melding


def test_geen_tweede_certificaat(uitgegeven, personas):
    with pytest.raises(ValidationError):
        services_certificaat.geef_certificaat_uit(actor=personas.niet_betrokken, deelnemer=uitgegeven.deelnemer)
    assert Badgesleutel.objects.count() == 1
