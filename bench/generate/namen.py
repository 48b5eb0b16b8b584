"""Fictional names and texts. Municipalities are invented compounds; people, streets and
places come from a seeded Faker (nl_NL) drawn once into pools, so that a million rows do not
each wait for Faker. Free texts are short fixed phrases: no real person or case is in them."""

from __future__ import annotations

import random
from dataclasses import dataclass

from faker import Faker

VOOR = [
    "Kwartel",
    "Lijster",
    "Morel",
    "Zilver",
    "Hazel",
    "Wilgen",
    "Vlinder",
    "Egel",
    "Kievit",
    "Mispel",
    "Hommel",
    "Braam",
    "Vlier",
    "Lavendel",
    "Kastanje",
    "Otter",
    "Reiger",
    "Spreeuw",
    "Tijm",
    "Wolfs",
]
ACHTER = ["wolde", "rade", "hoven", "daal", "broek", "veen", "horst", "loo", "wijde", "ijk"]

GEBIEDEN = ["Noord", "Oost", "Zuid", "West", "Centrum", "Buitengebied", "Haven", "Dorpen"]
ORGANISATIES = [
    ("Wijkteam", "gemeente_zorg_welzijn", "deelnemer"),
    ("Werk en Inkomen", "gemeente_werk_inkomen", "deelnemer"),
    ("Schuldhulp", "schuldhulp", "deelnemer"),
    ("Wonen", "gemeente_wonen", "deelnemer"),
    ("Welzijn", "welzijn", "deelnemer"),
    ("Thuiszorg", "zorg", "deelnemer"),
    ("GGZ", "ggz", "deelnemer"),
    ("Woonstichting", "woningcorporatie", "deelnemer"),
    ("Vrijwilligerscentrale", "vrijwilligers", "samenwerkingspartner"),
    ("Sportservice", "sport", "samenwerkingspartner"),
    ("Bibliotheek", "cultuur", "samenwerkingspartner"),
    ("Huisartsenpraktijk", "huisarts", "samenwerkingspartner"),
    ("Wijkverpleging", "zorg", "deelnemer"),
    ("Jeugd en Gezin", "gemeente_zorg_welzijn", "deelnemer"),
    ("Politie basisteam", "politie", "samenwerkingspartner"),
]

IK_WIL = [
    "Weer rust in huis",
    "Mijn schulden op een rij",
    "Een baan of vrijwilligerswerk",
    "Minder alleen zijn",
    "Een woning die bij mij past",
    "Beter voor mezelf zorgen",
    "Dat mijn kinderen naar school gaan",
]
WAT = [
    "Samen de post doorlopen",
    "Aanvraag bijzondere bijstand indienen",
    "Kennismaken met de buurtcoach",
    "Afspraak bij de huisarts maken",
    "Aanmelden bij de schuldhulp",
    "Bezoek aan de dagbesteding",
    "Gesprek met de woningcorporatie",
    "Vrijwilligerswerk zoeken",
    "Budgetplan opstellen",
    "Boodschappen samen doen",
    "Inschrijven bij de sportclub",
    "Contact met school opnemen",
]
LEERPUNT = ["Korte lijnen werken", "De inwoner had zelf het beste idee", "Eerder het netwerk betrekken"]
RELATIES = ["dochter", "zoon", "buurvrouw", "buurman", "vriendin", "broer", "zus", "vrijwilliger"]


def gemeentenamen(aantal: int) -> list[str]:
    namen = [v + a for a in ACHTER for v in VOOR]
    if aantal > len(namen):
        raise ValueError(f"At most {len(namen)} municipalities.")
    return namen[:aantal]


@dataclass
class Pools:
    voornamen: list[str]
    achternamen: list[str]
    straten: list[str]

    @classmethod
    def maak(cls, seed: int) -> Pools:
        fake = Faker("nl_NL")
        fake.seed_instance(seed)
        return cls(
            voornamen=sorted({fake.first_name() for _ in range(1500)}),
            achternamen=sorted({fake.last_name() for _ in range(3000)}),
            straten=sorted({fake.street_name() for _ in range(1500)}),
        )

    def naam(self, rng: random.Random) -> tuple[str, str]:
        return rng.choice(self.voornamen), rng.choice(self.achternamen)

    def adres(self, rng: random.Random) -> str:
        return f"{rng.choice(self.straten)} {rng.randint(1, 250)}"


def postcode(rng: random.Random) -> str:
    return f"{rng.randint(1000, 9999)} {rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}"


def telefoon(rng: random.Random) -> str:
    return f"06-00{rng.randint(0, 999999):06d}"  # 06-00 numbers are not handed out
