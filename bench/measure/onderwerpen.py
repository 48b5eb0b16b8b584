"""Who and what the pages are measured on: the busiest casusregisseur, the case of theirs with
the most agreements, and a small professional elsewhere (the query count of every page must
be the same for both). Logging in goes through the real two steps: password, then the code
of the person's authenticator."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from bench.generate.organisatie import WACHTWOORD
from samenwerk.casussen.models import Casus
from samenwerk.casussen.services import laatste_toestemming
from samenwerk.gemeenten.models import Gemeente, Rol, Roltoewijzing, User
from samenwerk.plannen.inwoner import GELDIG
from samenwerk.plannen.inwoner import hash_van as planlink_hash
from samenwerk.plannen.models import PlanLink
from samenwerk.privacy.models import AuditEntry
from samenwerk.rendement.models import Prijslijst

OPEN = "c.status <> 'afgesloten'"


@dataclass
class Onderwerpen:
    user_id: int
    gemeente: Gemeente
    open_casussen: int
    alle_casussen: int
    casus_id: int
    afspraken: int
    gebied_id: int
    klein_user_id: int
    klein_slug: str
    kleine_casus_id: int
    klein_gebied_id: int
    klein_status: str
    jaar: int
    rapport_user_id: int | None = None  # a manager of the municipality: the report is theirs
    # De Tafel: the table with the most registrations, its past meeting with the longest
    # agenda, and its chair (who is measured on both pages).
    tafel_id: int | None = None
    tafel_bijeenkomst_id: int | None = None
    tafel_voorzitter_id: int | None = None
    # The access log read by the people it is about (issue 21): a resident's "who looked at my
    # data" through a plan link made for the run, and the privacy officer's search for that
    # resident over a year; each also for a resident of the small professional, elsewhere.
    inzage: Inzage | None = None

    def beschrijving(self) -> dict[str, Any]:
        return {
            "drukste_casusregisseur": self.user_id,
            "gemeente": self.gemeente.naam,
            "open_casussen_als_regisseur": self.open_casussen,
            "casussen_in_mijn_casussen": self.alle_casussen,
            "casus": self.casus_id,
            "afspraken_in_die_casus": self.afspraken,
            "kleine_professional": self.klein_user_id,
        }


@dataclass
class Inzage:
    token: str
    casusnummer: str
    privacy_user_id: int
    klein_token: str
    klein_casusnummer: str
    klein_privacy_user_id: int


def _een(sql: str, params: list[Any]) -> tuple[Any, ...]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rij = cursor.fetchone()
    if rij is None:
        raise RuntimeError(f"No subject found for: {sql}")
    return rij


def kies() -> Onderwerpen:
    user_id, gemeente_id, open_ = _een(
        f"""SELECT b.user_id, c.gemeente_id, COUNT(*) FROM casussen_betrokkene b JOIN casussen_casus c ON c.id = b.casus_id
        WHERE b.rol = 'casusregisseur' AND b.tot IS NULL AND {OPEN} GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1""",
        [],
    )
    (alle,) = _een("SELECT COUNT(*) FROM casussen_betrokkene WHERE user_id = %s AND tot IS NULL", [user_id])
    casus_id, afspraken = _een(
        f"""SELECT c.id, COUNT(a.id) FROM casussen_betrokkene b JOIN casussen_casus c ON c.id = b.casus_id
        JOIN plannen_samenwerkplan p ON p.casus_id = c.id JOIN plannen_afspraak a ON a.plan_id = p.id
        WHERE b.user_id = %s AND b.rol = 'casusregisseur' AND b.tot IS NULL AND {OPEN}
        GROUP BY c.id ORDER BY 2 DESC, 1 LIMIT 1""",
        [user_id],
    )
    (gebied_id,) = _een(
        """SELECT c.gebied_id FROM casussen_betrokkene b JOIN casussen_casus c ON c.id = b.casus_id
        WHERE b.user_id = %s AND b.tot IS NULL GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1""",
        [user_id],
    )
    klein_id, klein_gemeente = _een(
        """SELECT b.user_id, c.gemeente_id FROM casussen_betrokkene b JOIN casussen_casus c ON c.id = b.casus_id
        WHERE b.rol = 'casusregisseur' AND b.tot IS NULL AND c.gemeente_id <> %s
          AND EXISTS (SELECT 1 FROM signalering_signalering s WHERE s.ontvanger_id = b.user_id AND s.status = 'open')
        GROUP BY 1, 2 ORDER BY COUNT(*), 1 LIMIT 1""",
        [gemeente_id],
    )
    # The small subject's case and filter look like the big ones (an open case with a plan, the
    # person its casusregisseur: a participant's page leaves out what only the casusregisseur
    # manages, such as the plan link's e-mails), so that a difference in queries can only come
    # from the amount of data.
    (status,) = _een("SELECT status FROM casussen_casus WHERE id = %s", [casus_id])
    kleine_casus, klein_gebied, klein_status = _een(
        """SELECT c.id, c.gebied_id, c.status FROM casussen_betrokkene b JOIN casussen_casus c ON c.id = b.casus_id
        LEFT JOIN plannen_samenwerkplan p ON p.casus_id = c.id
        WHERE b.user_id = %s AND b.tot IS NULL
        ORDER BY (b.rol = 'casusregisseur') DESC, (c.status = %s) DESC, (c.status = 'uitvoering') DESC,
          (p.id IS NOT NULL) DESC, c.id LIMIT 1""",
        [klein_id, status],
    )
    gemeente = Gemeente.objects.get(pk=gemeente_id)
    jaar = Prijslijst.objects.filter(gemeente=gemeente).order_by("-jaar").values_list("jaar", flat=True).first()
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('rendement_microanalyse') IS NOT NULL")
        analyses = cursor.fetchone()[0]
    manager = None
    if analyses:
        (manager,) = _een(
            "SELECT user_id FROM gemeenten_roltoewijzing WHERE gemeente_id = %s AND rol = 'manager' ORDER BY id LIMIT 1",
            [gemeente_id],
        )
    tafel = _tafel()
    inzage = _inzage(user_id, casus_id, klein_id)
    return Onderwerpen(
        inzage=inzage,
        tafel_id=tafel[0],
        tafel_bijeenkomst_id=tafel[1],
        tafel_voorzitter_id=tafel[2],
        rapport_user_id=manager,
        user_id=user_id,
        gemeente=gemeente,
        open_casussen=open_,
        alle_casussen=alle,
        casus_id=casus_id,
        afspraken=afspraken,
        gebied_id=gebied_id,
        klein_user_id=klein_id,
        klein_slug=Gemeente.objects.get(pk=klein_gemeente).slug,
        kleine_casus_id=kleine_casus,
        klein_gebied_id=klein_gebied,
        klein_status=klein_status,
        jaar=jaar or 0,
    )


def _tafel() -> tuple[int | None, int | None, int | None]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('tafel_tafel') IS NOT NULL AND EXISTS (SELECT 1 FROM tafel_aanmelding)")
        if not cursor.fetchone()[0]:
            return None, None, None
    tafel_id, voorzitter = _een(
        """SELECT t.id, t.voorzitter_id FROM tafel_tafel t JOIN tafel_aanmelding a ON a.tafel_id = t.id
        GROUP BY t.id ORDER BY COUNT(*) DESC, t.id LIMIT 1""",
        [],
    )
    (bijeenkomst,) = _een(
        """SELECT b.id FROM tafel_bijeenkomst b JOIN tafel_agendablok k ON k.bijeenkomst_id = b.id
        WHERE b.tafel_id = %s GROUP BY b.id ORDER BY COUNT(*) DESC, b.begint DESC LIMIT 1""",
        [tafel_id],
    )
    return tafel_id, bijeenkomst, voorzitter


def _inzage(user_id: int, casus_id: int, klein_id: int) -> Inzage | None:
    """A plan link for a resident of the busiest casusregisseur (the measured case if its
    resident consented, otherwise their case with consent and the most log rows) and one of
    the small professional, made for this run as a professional would send it."""
    gekozen = [_met_toestemming(wie, voorkeur) for wie, voorkeur in ((user_id, casus_id), (klein_id, None))]
    if None in gekozen:
        return None
    (groot, groot_privacy), (klein, klein_privacy) = gekozen  # type: ignore[misc]
    return Inzage(
        token=_planlink(groot, user_id), casusnummer=Casus.objects.get(pk=groot).nummer, privacy_user_id=groot_privacy,
        klein_token=_planlink(klein, klein_id), klein_casusnummer=Casus.objects.get(pk=klein).nummer,
        klein_privacy_user_id=klein_privacy,
    )  # fmt: skip


def _met_toestemming(user_id: int, voorkeur: int | None) -> tuple[int, int] | None:
    """(case, the privacy officer of its municipality)."""
    ids = list(Casus.objects.filter(betrokkenen__user_id=user_id, betrokkenen__tot__isnull=True).values_list("pk", flat=True))
    met = {pk for pk, ja in laatste_toestemming(ids).items() if ja}
    if not met:
        return None
    casus_id = voorkeur if voorkeur in met else max(met, key=lambda pk: (AuditEntry.objects.filter(casus_id=pk).count(), -pk))
    gemeente_id = Casus.objects.filter(pk=casus_id).values_list("gemeente_id", flat=True).get()
    privacy = (
        Roltoewijzing.objects.filter(gemeente_id=gemeente_id, rol=Rol.PRIVACYFUNCTIONARIS)
        .order_by("id").values_list("user_id", flat=True).first()
    )  # fmt: skip
    return None if privacy is None else (casus_id, privacy)


def _planlink(casus_id: int, door: int) -> str:
    token = secrets.token_urlsafe(32)
    PlanLink.objects.create(
        casus_id=casus_id, token_hash=planlink_hash(token), aangemaakt_door_id=door, verloopt_op=timezone.now() + GELDIG
    )
    return token


def code(user: User, stappen_verder: int = 0) -> str:
    device = TOTPDevice.objects.get(user=user)
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift + stappen_verder).token()
    return f"{token:0{device.digits}d}"


def inloggen(client: Client, user_id: int) -> Client:
    """Password, then the authenticator's code (the next one when this one was just used).

    A code works once, and after a refused code the device waits a second before it takes
    another (django-otp's throttling). The replica step signs in people the page step signed
    in, often within the same 30 seconds: then both codes are refused, and the next period's
    code, after waiting for that period, is taken."""
    user = User.objects.get(pk=user_id)
    antwoord = client.post("/inloggen/", {"username": user.email, "password": WACHTWOORD})
    if antwoord.status_code != 302:
        raise RuntimeError(f"Login of {user.email} failed ({antwoord.status_code}).")
    for poging in range(2):
        if poging:
            stap = TOTPDevice.objects.get(user=user).step
            time.sleep(stap - time.time() % stap + 2)
        for stappen in (0, 1):
            if client.post("/account/inlogcode/", {"code": code(user, stappen)}).status_code == 302:
                return client
    raise RuntimeError(f"The second step for {user.email} failed.")
