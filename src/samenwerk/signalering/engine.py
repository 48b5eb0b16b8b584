"""The periodic signal run (`manage.py signaleer`): run every rule for every municipality and
bring the `Signalering` rows in step with what the rules find. Idempotent: a second run
changes nothing; a signal whose condition ended is closed as "vervallen"; a snoozed signal
whose date has come is open again."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from samenwerk.casussen.models import Betrokkene, Casus
from samenwerk.gemeenten.models import Gemeente, Normen, Roltoewijzing, User

from .models import ACTIEF, Signalering, Status
from .regels import Bevinding, Ontvanger, regels

Sleutel = tuple[str, str, int, int]  # soort, onderwerp_type, onderwerp_id, ontvanger


@dataclass
class Uitkomst:
    nieuw: int = 0
    bijgewerkt: int = 0
    heropend: int = 0
    vervallen: int = 0
    weer_open: int = 0

    def __str__(self) -> str:
        return (
            f"nieuw {self.nieuw}, bijgewerkt {self.bijgewerkt}, heropend {self.heropend}, "
            f"vervallen {self.vervallen}, na uitstel weer open {self.weer_open}"
        )


def signaleer(*, vandaag: datetime.date | None = None) -> Uitkomst:
    vandaag = vandaag or timezone.localdate()
    uitkomst = Uitkomst()
    for gemeente in Gemeente.objects.order_by("pk"):
        with transaction.atomic():
            _signaleer_gemeente(gemeente, vandaag, uitkomst)
    return uitkomst


def ontvangers(bevindingen: Iterable[Bevinding], gemeente: Gemeente) -> dict[Bevinding, set[int]]:
    """Who gets each finding: the named people plus the case roles it names, and then only
    the people who can open the case now (`Casus.objects.for_user`, one query per person).
    A finding about no case goes to the named people who hold a role in the municipality."""
    bevindingen = list(bevindingen)
    rollen: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    casus_ids = {b.casus_id for b in bevindingen if b.casus_id is not None}
    actief = Betrokkene.objects.actief().filter(casus_id__in=casus_ids)
    for casus_id, user_id, rol in actief.values_list("casus_id", "user_id", "rol"):
        rollen[casus_id][rol].add(user_id)
    gewenst: dict[Bevinding, set[int]] = {}
    for b in bevindingen:
        mensen = set(b.gebruikers)
        if b.casus_id is not None:
            r = rollen[b.casus_id]
            deelnemers = r[Betrokkene.Rol.CASUSREGISSEUR] | r[Betrokkene.Rol.DEELNEMER]
            if Ontvanger.CASUSREGISSEUR in b.ontvangers:  # no casusregisseur yet: whoever steers (casussen.rules.mag_beheren)
                mensen |= r[Betrokkene.Rol.CASUSREGISSEUR] or deelnemers
            if Ontvanger.DEELNEMERS in b.ontvangers:
                mensen |= deelnemers
            if Ontvanger.PROCESREGISSEUR in b.ontvangers:
                mensen |= r[Betrokkene.Rol.PROCESREGISSEUR]
        gewenst[b] = mensen
    per_persoon: dict[int, set[int]] = defaultdict(set)
    zonder_casus: set[int] = set()
    for b, mensen in gewenst.items():
        for user_id in mensen:
            if b.casus_id is None:
                zonder_casus.add(user_id)
            else:
                per_persoon[user_id].add(b.casus_id)
    toegang: dict[int, set[int]] = {}
    for user in User.objects.filter(pk__in=per_persoon, is_active=True):
        zichtbaar = Casus.objects.for_user(user).filter(pk__in=per_persoon[user.pk]).values_list("pk", flat=True)
        toegang[user.pk] = set(zichtbaar)
    in_gemeente = (
        set(
            Roltoewijzing.objects.actief()
            .filter(gemeente=gemeente, user_id__in=zonder_casus, user__is_active=True)
            .values_list("user_id", flat=True)
        )
        if zonder_casus
        else set()
    )
    return {
        b: {u for u in mensen if (u in in_gemeente if b.casus_id is None else b.casus_id in toegang.get(u, ()))}
        for b, mensen in gewenst.items()
    }


def _signaleer_gemeente(gemeente: Gemeente, vandaag: datetime.date, uitkomst: Uitkomst) -> None:
    nu = timezone.now()
    uitkomst.weer_open += Signalering.objects.filter(
        gemeente=gemeente, status=Status.UITGESTELD, uitgesteld_tot__lte=vandaag
    ).update(status=Status.OPEN, uitgesteld_tot=None)
    normen = Normen.objects.voor(gemeente)
    bevindingen = [b for regel in regels() for b in regel(vandaag, normen, gemeente)]
    gewenst: dict[Sleutel, Bevinding] = {}
    for b, mensen in ontvangers(bevindingen, gemeente).items():
        for user_id in mensen:
            gewenst[(b.soort, b.onderwerp[0], b.onderwerp[1], user_id)] = b
    onderwerpen = {k[2] for k in gewenst}
    bestaand: dict[Sleutel, Signalering] = {
        (s.soort, s.onderwerp_type, s.onderwerp_id, s.ontvanger_id): s
        for s in Signalering.objects.filter(gemeente=gemeente).filter(Q(status__in=ACTIEF) | Q(onderwerp_id__in=onderwerpen))
    }
    nieuw, gewijzigd = [], []
    for sleutel, b in gewenst.items():
        rij = bestaand.get(sleutel)
        if rij is None:
            nieuw.append(
                Signalering(
                    gemeente=gemeente,
                    casus_id=b.casus_id,
                    soort=b.soort,
                    onderwerp_type=b.onderwerp[0],
                    onderwerp_id=b.onderwerp[1],
                    ontvanger_id=sleutel[3],
                    vervaldatum=b.vervaldatum,
                    tekst=b.tekst[:200],
                    geopend_op=nu,
                )
            )
        elif rij.status in ACTIEF:
            if (rij.vervaldatum, rij.tekst) != (b.vervaldatum, b.tekst[:200]):
                rij.vervaldatum, rij.tekst = b.vervaldatum, b.tekst[:200]
                gewijzigd.append(rij)
                uitkomst.bijgewerkt += 1
        elif rij.status == Status.VERVALLEN or rij.vervaldatum != b.vervaldatum:
            # the condition came back, or a handled signal has a new date: a new signal
            _heropen(rij, b, nu)
            gewijzigd.append(rij)
            uitkomst.heropend += 1
    Signalering.objects.bulk_create(nieuw, ignore_conflicts=True)  # a parallel run may have made them
    uitkomst.nieuw += len(nieuw)
    Signalering.objects.bulk_update(gewijzigd, VELDEN)
    weg = [s.pk for k, s in bestaand.items() if s.status in ACTIEF and k not in gewenst]
    uitkomst.vervallen += Signalering.objects.filter(pk__in=weg, status__in=ACTIEF).update(
        status=Status.VERVALLEN, vervallen_op=nu, uitgesteld_tot=None
    )


VELDEN = [
    "vervaldatum", "tekst", "status", "geopend_op", "uitgesteld_tot", "afgehandeld_op", "afgehandeld_door",
    "notitie", "vervallen_op", "digest",
]  # fmt: skip


def _heropen(rij: Signalering, b: Bevinding, nu: datetime.datetime) -> None:
    rij.vervaldatum, rij.tekst, rij.status, rij.geopend_op = b.vervaldatum, b.tekst[:200], Status.OPEN, nu
    rij.uitgesteld_tot = rij.afgehandeld_op = rij.afgehandeld_door = rij.vervallen_op = rij.digest = None
    rij.notitie = ""
