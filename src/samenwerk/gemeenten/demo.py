"""Demo municipality Lindenhoven: fictional place, people and organisations.

Later apps add their own loaders (settings.DEMO_LOADERS) that build on the people and
organisations created here through the shared DemoContext. Idempotent: running it twice
changes nothing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import make_password

from .models import Gebied, Gemeente, Organisatie, Rol, Roltoewijzing, User, Wijk


@dataclass
class DemoContext:
    gemeente: Gemeente | None = None
    gebieden: dict[str, Gebied] = field(default_factory=dict)
    organisaties: dict[str, Organisatie] = field(default_factory=dict)
    mensen: dict[str, User] = field(default_factory=dict)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (e-mail, name, roles)
    # Lines load_demo prints after the logins (Dutch, like the rest of the demo's console);
    # "{site}" becomes settings.SITE_URL.
    meldingen: list[str] = field(default_factory=list)


GEBIEDEN = {
    "centrum": ("Lindenhoven-Centrum", 8_400, "wijk", ["Stationskwartier"]),
    "heuvelrand": ("De Heuvelrand", 6_900, "dorp", ["Ekelhorst", "Veldrode", "Bremmerveen", "Schaapsdrift"]),
    "waterkant": ("Waterkant", 11_200, "wijk", ["Molenhaven", "Rietlanden"]),
}

S = Organisatie.Soort
ORGANISATIES = {
    "gem_zw": (
        "Gemeente Lindenhoven – Zorg en Welzijn",
        S.GEMEENTE_ZORG_WELZIJN,
        True,
        ["centrum", "heuvelrand", "waterkant"],
        "Wmo-voorzieningen, sociaal wijkteam, mantelzorgondersteuning.",
    ),
    "gem_wi": (
        "Gemeente Lindenhoven – Werk en Inkomen",
        S.GEMEENTE_WERK_INKOMEN,
        True,
        ["centrum", "heuvelrand", "waterkant"],
        "Bijstand, re-integratie, bijzondere bijstand.",
    ),
    "welzijn": (
        "Stichting Welzijn De Brug",
        S.WELZIJN,
        True,
        ["centrum", "waterkant"],
        "Maatschappelijk werk, buurtcoaches, ontmoetingsplekken.",
    ),
    "thuiszorg": (
        "Thuiszorg Lindeloof",
        S.ZORG,
        True,
        ["centrum", "heuvelrand", "waterkant"],
        "Wijkverpleging, persoonlijke verzorging, huishoudelijke hulp.",
    ),
    "ggz": ("GGZ Rivierduin", S.GGZ, True, ["centrum", "waterkant"], "Ambulante ggz, FACT-team, crisisdienst."),
    "wonen": (
        "Woonstichting Heuvelhof",
        S.WONINGCORPORATIE,
        True,
        ["heuvelrand", "waterkant"],
        "Huurachterstanden, woonoverlast, urgentie en herhuisvesting.",
    ),
    "schuld": (
        "Schuldhulp Op Orde",
        S.SCHULDHULP,
        False,
        ["centrum", "heuvelrand", "waterkant"],
        "Budgetcoaching, schuldregeling, formulierenhulp.",
    ),
    "vrijwilligers": (
        "Vrijwilligerscentrale Handen Ineen",
        S.VRIJWILLIGERS,
        False,
        ["centrum", "heuvelrand"],
        "Maatjes, vervoer, klussen, ervaringsdeskundigen.",
    ),
    "sport": ("Sportbedrijf Lindenhoven", S.SPORT, False, ["centrum", "waterkant"], "Beweegcoaches, sport voor minima."),
}

# key: (first name, last name, [(role, gebied key | None, organisatie key | None)])
R = Rol
MENSEN = {
    "professional": ("Sanne", "de Vries", [(R.SOCIAAL_PROFESSIONAL, None, "welzijn"), (R.AMBASSADEUR, None, "welzijn")]),
    "professional2": ("Ahmed", "Bakker", [(R.SOCIAAL_PROFESSIONAL, None, "thuiszorg")]),
    "professional3": ("Femke", "Jansen", [(R.SOCIAAL_PROFESSIONAL, None, "ggz")]),
    "professional4": ("Joris", "Smit", [(R.SOCIAAL_PROFESSIONAL, None, "wonen")]),
    "procesregisseur": ("Ilse", "Mulder", [(R.PROCESREGISSEUR, None, "gem_zw")]),
    "aanjager": ("Bram", "Visser", [(R.GEBIEDSAANJAGER, "heuvelrand", None)]),
    "aanjager2": ("Noor", "Hendriks", [(R.GEBIEDSAANJAGER, "centrum", None), (R.KWARTIERMAKER, "waterkant", None)]),
    "manager": ("Pieter", "van Dijk", [(R.MANAGER, None, "welzijn")]),
    "bestuurder": ("Marieke", "de Boer", [(R.BESTUURDER, None, "wonen")]),
    "tafelvoorzitter": ("Karin", "Vermeulen", [(R.TAFELVOORZITTER, None, None)]),
    "onderzoeker": ("Tim", "Koster", [(R.ONDERZOEKER, None, None)]),
    "beheerder": ("Eva", "Dekker", [(R.FUNCTIONEEL_BEHEERDER, None, None)]),
    "privacy": ("Rutger", "Brouwer", [(R.PRIVACYFUNCTIONARIS, None, None)]),
}


def email_voor(key: str) -> str:
    return f"{key}@lindenhoven.example"


def load(ctx: DemoContext) -> None:
    gemeente, _ = Gemeente.objects.get_or_create(
        slug="lindenhoven", defaults={"naam": "Lindenhoven", "fase": Gemeente.Fase.UITVOERING}
    )
    ctx.gemeente = gemeente
    for key, (naam, inwoners, soort, wijken) in GEBIEDEN.items():
        gebied, _ = Gebied.objects.get_or_create(gemeente=gemeente, naam=naam, defaults={"aantal_inwoners": inwoners})
        for wijk in wijken:
            Wijk.objects.get_or_create(gebied=gebied, naam=wijk, defaults={"soort": soort})
        ctx.gebieden[key] = gebied
    for key, (naam, soort, deelnemer, gebieden, expertise) in ORGANISATIES.items():
        relatie = Organisatie.Relatie.DEELNEMER if deelnemer else Organisatie.Relatie.PARTNER
        org, created = Organisatie.objects.get_or_create(
            gemeente=gemeente,
            naam=naam,
            defaults={"soort": soort, "relatie": relatie, "expertise": expertise, "email": f"info@{key}.example"},
        )
        if created:
            org.gebieden.set([ctx.gebieden[g] for g in gebieden])
        ctx.organisaties[key] = org
    for key, (voornaam, achternaam, rollen) in MENSEN.items():
        user = _demo_user(email_voor(key), voornaam, achternaam)
        for rol, gebied, organisatie in rollen:
            Roltoewijzing.objects.get_or_create(
                user=user,
                rol=rol,
                gemeente=gemeente,
                gebied=ctx.gebieden[gebied] if gebied else None,
                organisatie=ctx.organisaties[organisatie] if organisatie else None,
            )
        ctx.mensen[key] = user
        ctx.logins.append((user.email, str(user), ", ".join(str(Rol(r).label) for r, _g, _o in rollen)))
    _load_second_municipality(ctx)


def _demo_user(email: str, voornaam: str, achternaam: str) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"first_name": voornaam, "last_name": achternaam})
    if created:
        user.password = _demo_wachtwoord_hash(settings.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


@functools.cache
def _demo_wachtwoord_hash(wachtwoord: str) -> str:
    """Hashing a password costs ~0.15 s by design (Argon2), and every demo account has the same
    published password: hashed once, the demo loads ~4 s faster."""
    return make_password(wachtwoord)


def _load_second_municipality(ctx: DemoContext) -> None:
    """A small neighbour municipality, so the demo shows that nothing crosses municipalities."""
    gemeente, _ = Gemeente.objects.get_or_create(slug="bergwijde", defaults={"naam": "Bergwijde"})
    gebied, _ = Gebied.objects.get_or_create(gemeente=gemeente, naam="Bergwijde-Noord")
    org, created = Organisatie.objects.get_or_create(
        gemeente=gemeente, naam="Welzijn Bergwijde", defaults={"soort": S.WELZIJN, "relatie": Organisatie.Relatie.DEELNEMER}
    )
    if created:
        org.gebieden.set([gebied])
    user = _demo_user("professional@bergwijde.example", "Lotte", "Willems")
    Roltoewijzing.objects.get_or_create(user=user, rol=Rol.SOCIAAL_PROFESSIONAL, gemeente=gemeente, organisatie=org)
    ctx.logins.append((user.email, str(user), f"{Rol.SOCIAAL_PROFESSIONAL.label} (Bergwijde)"))
