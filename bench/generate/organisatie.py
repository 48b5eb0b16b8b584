"""The organisation model of the benchmark: municipalities with their areas, neighbourhoods
and organisations, the professionals with their roles and authenticators, and a price list
per municipality. Small tables go through the ORM; the people through COPY."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenwerk.gemeenten.models import Gebied, Gemeente, Normen, Organisatie, Rol, Roltoewijzing, User, Wijk
from samenwerk.rendement.demo import ITEMS
from samenwerk.rendement.models import Prijsitem, Prijslijst

from .namen import GEBIEDEN, ORGANISATIES, Pools, gemeentenamen, telefoon
from .tabel import Ids, Tabel

WACHTWOORD = "Bench-wachtwoord-2026"  # every generated account; printed in docs/performance.md

# Roles per municipality besides the social professionals, as a share of its people.
ANDERE_ROLLEN = [
    (Rol.PROCESREGISSEUR, 0.04),
    (Rol.MANAGER, 0.05),
    (Rol.BESTUURDER, 0.02),
    (Rol.TAFELVOORZITTER, 0.008),
    (Rol.ONDERZOEKER, 0.008),
    (Rol.FUNCTIONEEL_BEHEERDER, 0.008),
    (Rol.PRIVACYFUNCTIONARIS, 0.008),
]


@dataclass(frozen=True)
class Persoon:
    id: int
    naam: str
    email: str
    organisatie_id: int
    organisatie: str

    @property
    def audit_naam(self) -> str:
        return f"{self.naam} <{self.email}>"[:200]


@dataclass
class GemeenteData:
    id: int
    naam: str
    slug: str
    gebieden: list[int]
    wijken: dict[int, list[str]]
    professionals: list[Persoon] = field(default_factory=list)  # ordered: the busiest first
    procesregisseurs: list[Persoon] = field(default_factory=list)
    aanjagers: dict[int, Persoon] = field(default_factory=dict)


class _Mensen:
    """Makes people: a user row, one role, and what the rest of the generator needs of them."""

    def __init__(self, rng: random.Random, pools: Pools) -> None:
        self.rng, self.pools, self.ids = rng, pools, Ids()
        self.wachtwoord = make_password(WACHTWOORD)
        self.users = Tabel(
            User,
            [
                "id",
                "password",
                "is_superuser",
                "first_name",
                "last_name",
                "email",
                "telefoon",
                "is_staff",
                "is_active",
                "date_joined",
            ],
        )
        self.rollen = Tabel(Roltoewijzing, ["id", "user", "rol", "gemeente", "gebied", "organisatie", "geldig_vanaf"])
        self.vanaf = timezone.localdate() - datetime.timedelta(days=6 * 365)
        self.nu = timezone.now()

    def persoon(self, data: GemeenteData, rol: str, *, org: Organisatie | None, gebied_id: int | None = None) -> Persoon:
        user_id = self.ids.nieuw(User)
        voornaam, achternaam = self.pools.naam(self.rng)
        email = f"p{user_id}@{data.slug}.example"
        self.users.add(user_id, self.wachtwoord, False, voornaam, achternaam, email, telefoon(self.rng), False, True, self.nu)
        org_id = org.pk if org else None
        self.rollen.add(self.ids.nieuw(Roltoewijzing), user_id, rol, data.id, gebied_id, org_id, self.vanaf)
        return Persoon(user_id, f"{voornaam} {achternaam}", email, org_id or 0, org.naam if org else "")


def maak_organisatie(*, aantal_gemeenten: int, mensen_per_gemeente: int, seed: int, pools: Pools) -> list[GemeenteData]:
    rng = random.Random(seed)
    mensen = _Mensen(rng, pools)
    uitkomst = []
    for naam in gemeentenamen(aantal_gemeenten):
        slug = naam.lower()
        gemeente = Gemeente.objects.create(naam=naam, slug=slug, fase=Gemeente.Fase.UITVOERING)
        Normen.objects.voor(gemeente)
        gebieden = Gebied.objects.bulk_create(
            [Gebied(gemeente=gemeente, naam=g, aantal_inwoners=rng.randint(4000, 40000)) for g in GEBIEDEN[:5]]
        )
        wijken = {g.pk: [f"{g.naam}-{n}" for n in ("Akker", "Beek", "Hof")] for g in gebieden}
        Wijk.objects.bulk_create([Wijk(gebied_id=g, naam=w) for g, namen in wijken.items() for w in namen])
        orgs = Organisatie.objects.bulk_create(
            [
                Organisatie(gemeente=gemeente, naam=f"{o} {naam}", soort=s, relatie=r, email=f"info@{s}.{slug}.example")
                for o, s, r in ORGANISATIES
            ]
        )
        door = Organisatie.gebieden.through
        door.objects.bulk_create([door(organisatie_id=o.pk, gebied_id=g.pk) for o in orgs for g in gebieden])
        data = GemeenteData(id=gemeente.pk, naam=naam, slug=slug, gebieden=[g.pk for g in gebieden], wijken=wijken)
        for gebied in gebieden:
            data.aanjagers[gebied.pk] = mensen.persoon(data, Rol.GEBIEDSAANJAGER, org=None, gebied_id=gebied.pk)
        overig = len(gebieden)
        for rol, aandeel in ANDERE_ROLLEN:
            for _ in range(max(1, round(aandeel * mensen_per_gemeente))):
                p = mensen.persoon(data, rol, org=None if rol in _PER_GEMEENTE else rng.choice(orgs))
                overig += 1
                if rol == Rol.PROCESREGISSEUR:
                    data.procesregisseurs.append(p)
        deelnemers = [o for o in orgs if o.relatie == Organisatie.Relatie.DEELNEMER]
        for _ in range(max(5, mensen_per_gemeente - overig)):
            data.professionals.append(mensen.persoon(data, Rol.SOCIAAL_PROFESSIONAL, org=rng.choice(deelnemers)))
        _prijslijst(gemeente)
        uitkomst.append(data)
    mensen.users.schrijf()
    mensen.rollen.schrijf()
    TOTPDevice.objects.bulk_create(
        [
            TOTPDevice(user_id=uid, name="Bench-authenticator", confirmed=True, key=rng.randbytes(20).hex())
            for uid in User.objects.order_by("pk").values_list("pk", flat=True)
        ],
        batch_size=2000,
    )
    return uitkomst


_PER_GEMEENTE = {Rol.TAFELVOORZITTER, Rol.ONDERZOEKER, Rol.FUNCTIONEEL_BEHEERDER, Rol.PRIVACYFUNCTIONARIS}


def _prijslijst(gemeente: Gemeente) -> None:
    jaar = timezone.localdate().year
    lijst = Prijslijst.objects.create(gemeente=gemeente, jaar=jaar, toelichting="Benchmark: verzonnen prijzen.")
    Prijsitem.objects.bulk_create(
        [
            Prijsitem(prijslijst=lijst, code=code, omschrijving=oms, eenheid=eenheid, prijs=Decimal(prijs), wet=wet, bron="Bench")
            for code, oms, eenheid, prijs, wet in ITEMS
        ]
    )
