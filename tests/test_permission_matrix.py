"""Every URL and API endpoint × every persona × the methods it accepts, in one table
(issue 7, style.md §11). A URL that is not in the table fails `test_every_url_is_in_the_table`.

Emergency access (break the glass) has two personas: `noodtoegang_zonder_rol`, the
gebiedsaanjager with emergency access and no role on the case — it reads what a participant
reads and writes nothing (issue 17); every row about a case names its outcome explicitly —
and `noodtoegang_met_rol`, the procesregisseur on the case who also holds emergency access
(broken before they were added): their role decides, so they get the procesregisseur's outcome
on every row.

Outcomes: OK means "let through" (200/201/204/302 to a page of the product/400/409/415 — the request
was judged on its content), or an exact status: 403, 404 (the case is not revealed), LOGIN
(redirect to the login page). Unlisted personas get the row's default.
"""

from __future__ import annotations

import datetime
import hashlib

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Correctieverzoek, Noodtoegang
from samenwerk.overleg import links
from samenwerk.overleg import services as overleg_services
from samenwerk.overleg.models import Agendafeed, Weigering
from samenwerk.plannen import services as plannen
from samenwerk.plannen.models import PlanLink
from samenwerk.rendement import services_analyse as rendement
from samenwerk.signalering.models import Signalering
from samenwerk.tafel import services as tafel_services
from tests.auth import login
from tests.factories import casus_met_team
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

JAAR = datetime.date.today().year

pytestmark = pytest.mark.django_db

OK, LOGIN = "ok", "login"
PERSONAS = [
    "casusregisseur",
    "deelnemer_andere_organisatie",
    "niet_betrokken",
    "procesregisseur",
    "gebiedsaanjager",
    "manager",
    "bestuurder",
    "beheerder",
    "privacyfunctionaris",
    "professional_andere_gemeente",
    "zonder_rol",
    "anoniem",
    "noodtoegang_zonder_rol",
    "noodtoegang_met_rol",
    "tafelvoorzitter",
]
NOOD = "noodtoegang_zonder_rol"
# Who the emergency-access personas are, and whose outcome they get where a row does not name them.
NOOD_BASIS = {NOOD: "gebiedsaanjager", "noodtoegang_met_rol": "procesregisseur"}
ALIAS = {"casusregisseur": "professional", "deelnemer_andere_organisatie": "collega_andere_organisatie"} | NOOD_BASIS

# Reusable rows: (default for signed-in people, anonymous, overrides)
IEDEREEN = (OK, LOGIN, {})
API_IEDEREEN = (OK, 403, {})
PROFESSIONAL = (
    403,
    LOGIN,
    {"casusregisseur": OK, "deelnemer_andere_organisatie": OK, "niet_betrokken": OK, "professional_andere_gemeente": OK},
)
CASUS = (404, LOGIN, {"casusregisseur": OK, "deelnemer_andere_organisatie": OK, "procesregisseur": OK, NOOD: OK})
CASUS_STUREN = (404, LOGIN, {"casusregisseur": OK, "deelnemer_andere_organisatie": 403, "procesregisseur": 403, NOOD: 403})
# Reading the resident's data: participants and emergency access; not the procesregisseur.
PLAN = (404, LOGIN, {"casusregisseur": OK, "deelnemer_andere_organisatie": OK, "procesregisseur": 403, NOOD: OK})
# Writing the case's data (casussen.rules.mag_vastleggen): participants; emergency access is read-only.
SCHRIJVEN = (404, LOGIN, {"casusregisseur": OK, "deelnemer_andere_organisatie": OK, "procesregisseur": 403, NOOD: 403})
CASUS_VASTLEGGEN = SCHRIJVEN  # participants who see the resident's details add to the case; not the procesregisseur
CASUS_REGIE = (404, LOGIN, {"casusregisseur": OK, "deelnemer_andere_organisatie": 403, "procesregisseur": OK, NOOD: 403})
PROCESREGIE = (404, LOGIN, {"casusregisseur": 403, "deelnemer_andere_organisatie": 403, "procesregisseur": OK, NOOD: 403})
LEZERS = [
    "casusregisseur",
    "deelnemer_andere_organisatie",
    "niet_betrokken",
    "procesregisseur",
    "gebiedsaanjager",
    "manager",
    "bestuurder",
    "beheerder",
]
PRIJS_LEZEN = (403, LOGIN, dict.fromkeys(LEZERS, OK) | {"professional_andere_gemeente": 404})
PRIJS_BEHEER = (403, LOGIN, {"beheerder": OK})
NIET_LEZERS_API = dict.fromkeys(["professional_andere_gemeente", "zonder_rol", "privacyfunctionaris", "tafelvoorzitter"], 404)
API_PRIJS_LEZEN = (403, 403, dict.fromkeys(LEZERS, OK) | NIET_LEZERS_API)
API_PRIJS_BEHEER = (403, 403, {"beheerder": OK} | NIET_LEZERS_API)
CIJFERS_LEZERS = ["gebiedsaanjager", "manager", "bestuurder", "beheerder"]
CIJFERS = (403, LOGIN, dict.fromkeys(CIJFERS_LEZERS, OK))
API_CIJFERS = (404, 403, dict.fromkeys(CIJFERS_LEZERS, OK))

EIGEN_SIGNALERING = (404, LOGIN, {"casusregisseur": OK})

# De Tafel: the tafelvoorzitter chairs the test's table; niet_betrokken and the colleague of the
# other organisation sit at it (tables are not cases: 404 for whoever does not sit there).
TAFEL = (404, LOGIN, {"tafelvoorzitter": OK, "niet_betrokken": OK, "deelnemer_andere_organisatie": OK})
TAFEL_LEIDING = (404, LOGIN, {"tafelvoorzitter": OK, "niet_betrokken": 403, "deelnemer_andere_organisatie": 403})
TAFEL_AANMELDEN = (
    404,
    LOGIN,
    {"tafelvoorzitter": OK, "niet_betrokken": OK, "deelnemer_andere_organisatie": OK, "casusregisseur": OK},
)
# A table member who is not on the case sees the registration only (casussen:detail stays 404).
TAFEL_AANMELDING = TAFEL_AANMELDEN
TAFELS = (
    403,
    LOGIN,
    dict.fromkeys(
        ["casusregisseur", "deelnemer_andere_organisatie", "niet_betrokken", "professional_andere_gemeente", "beheerder",
         "tafelvoorzitter"],
        OK,
    ),
)  # fmt: skip
TAFEL_INRICHTEN = (403, LOGIN, {"beheerder": OK, "tafelvoorzitter": OK})
TAFEL_BESLUIT = (
    404,
    LOGIN,
    {"tafelvoorzitter": OK, "niet_betrokken": 403, "deelnemer_andere_organisatie": 403, "casusregisseur": 403},
)

# url name: (kwargs, {method: row})
MATRIX: dict[str, tuple[str, dict[str, tuple]]] = {
    "portaal:start": ("", {"GET": IEDEREEN, "HEAD": IEDEREEN}),
    "portaal:gemeente-kiezen": ("", {"POST": IEDEREEN}),
    "portaal:sociale-kaart": ("", {"GET": (OK, LOGIN, {"zonder_rol": 403})}),
    "casussen:lijst": ("", {"GET": (OK, LOGIN, {"zonder_rol": 403})}),
    "casussen:aanmelden": ("", {"GET": PROFESSIONAL, "POST": PROFESSIONAL}),
    "casussen:noodtoegang": ("", {"GET": IEDEREEN, "POST": IEDEREEN}),
    "casussen:detail": ("casus", {"GET": CASUS}),
    "casussen:tijdlijn": ("casus", {"GET": CASUS}),
    "casussen:toestemming": ("casus", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "casussen:netwerklid": ("casus", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "casussen:professional": ("casus", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "casussen:status": ("casus", {"POST": CASUS_STUREN}),
    "plannen:plan": ("casus", {"GET": PLAN}),
    "plannen:bewerken": ("casus", {"GET": SCHRIJVEN, "POST": SCHRIJVEN}),
    "plannen:versies": ("casus", {"GET": PLAN}),
    "plannen:afspraak": ("casus", {"GET": SCHRIJVEN, "POST": SCHRIJVEN}),
    "plannen:afspraak-voltooid": ("afspraak", {"POST": SCHRIJVEN}),
    "plannen:afspraak-wijzigen": ("afspraak", {"GET": SCHRIJVEN, "POST": SCHRIJVEN}),
    "plannen:afspraak-intrekken": ("afspraak", {"GET": SCHRIJVEN, "POST": SCHRIJVEN}),
    "plannen:evaluatie": ("casus", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "portaal:logboek": ("", {"GET": (403, LOGIN, {"privacyfunctionaris": OK})}),
    "portaal:logboek-export": ("", {"GET": (403, LOGIN, {"privacyfunctionaris": OK})}),
    "plannen:inzage": ("casus", {"GET": CASUS_STUREN}),
    "plannen:inzage-pdf": ("casus", {"GET": CASUS_STUREN}),
    "casussen:correctie": ("casus", {"GET": CASUS_VASTLEGGEN, "POST": CASUS_VASTLEGGEN}),
    "casussen:correctie-behandelen": ("correctie", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "regie:ave": ("casus", {"GET": CASUS, "POST": CASUS_REGIE}),
    "regie:procesregie": ("casus", {"GET": CASUS}),
    "regie:opschalen": ("casus", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "regie:bijeenroepen": ("casus", {"GET": PROCESREGIE, "POST": PROCESREGIE}),
    "regie:besluit": ("casus", {"GET": PROCESREGIE, "POST": PROCESREGIE}),
    "regie:escaleren": ("casus", {"GET": PROCESREGIE, "POST": PROCESREGIE}),
    "regie:terugtreden": ("casus", {"GET": PROCESREGIE, "POST": PROCESREGIE}),
    "regie:zorgsignalen": ("casus", {"GET": CASUS}),
    "regie:zorgsignaal": ("casus", {"GET": CASUS_VASTLEGGEN, "POST": CASUS_VASTLEGGEN}),
    "api:casus-ave": ("casus", {"GET": CASUS, "POST": CASUS_REGIE}),
    "api:casus-zorgsignalen": ("casus", {"GET": CASUS, "POST": CASUS_VASTLEGGEN}),
    "rendement:prijslijsten": ("", {"GET": (403, LOGIN, dict.fromkeys(LEZERS, OK) | {"professional_andere_gemeente": OK})}),
    "rendement:nieuw-jaar": ("", {"POST": (403, LOGIN, {"beheerder": OK})}),
    "rendement:prijslijst": ("jaar", {"GET": PRIJS_LEZEN}),
    "rendement:instellingen": ("jaar", {"GET": PRIJS_BEHEER, "POST": PRIJS_BEHEER}),
    "rendement:importeren": ("jaar", {"GET": PRIJS_BEHEER, "POST": PRIJS_BEHEER}),
    "rendement:exporteren": ("formaat", {"GET": PRIJS_LEZEN}),
    "rendement:item-toevoegen": ("jaar", {"GET": PRIJS_BEHEER, "POST": PRIJS_BEHEER}),
    "rendement:item-wijzigen": ("item", {"GET": PRIJS_BEHEER, "POST": PRIJS_BEHEER}),
    "rendement:item-verwijderen": ("item", {"GET": PRIJS_BEHEER, "POST": PRIJS_BEHEER}),
    "api:prijslijsten": ("gemeente", {"GET": API_PRIJS_LEZEN, "POST": API_PRIJS_BEHEER}),
    "api:prijslijst": ("api_jaar", {"GET": API_PRIJS_LEZEN, "PUT": API_PRIJS_BEHEER, "PATCH": API_PRIJS_BEHEER}),
    "api:prijsitems": ("api_jaar", {"GET": API_PRIJS_LEZEN, "POST": API_PRIJS_BEHEER}),
    "api:prijsitem": (
        "api_item",
        {"GET": API_PRIJS_LEZEN, "PUT": API_PRIJS_BEHEER, "PATCH": API_PRIJS_BEHEER, "DELETE": API_PRIJS_BEHEER},
    ),
    "api:prijslijst-importeren": ("api_jaar", {"POST": API_PRIJS_BEHEER}),
    # The micro-analysis is personal data: like the plan (participants; not the procesregisseur;
    # emergency access reads it, does not change it).
    "analyse:analyse": ("casus", {"GET": PLAN}),
    "analyse:starten": ("casus", {"POST": SCHRIJVEN}),
    "analyse:welzijn": ("casus", {"GET": SCHRIJVEN, "POST": SCHRIJVEN}),
    "analyse:regel-toevoegen": ("casus", {"GET": SCHRIJVEN, "POST": SCHRIJVEN}),
    "analyse:vergadertijd": ("casus", {"GET": SCHRIJVEN, "POST": SCHRIJVEN}),
    "analyse:regel-wijzigen": ("kostenpost", {"GET": SCHRIJVEN, "POST": SCHRIJVEN}),
    "analyse:regel-verwijderen": ("kostenpost", {"POST": SCHRIJVEN}),
    "analyse:afdruk": ("casus", {"GET": PLAN}),
    "analyse:pdf": ("casus", {"GET": PLAN}),
    "api:rendement-analyse": ("casus", {"GET": PLAN, "POST": SCHRIJVEN, "PUT": SCHRIJVEN, "PATCH": SCHRIJVEN}),
    "api:rendement-kosten": ("casus", {"GET": PLAN, "POST": SCHRIJVEN}),
    "api:rendement-kostenpost": (
        "kostenpost",
        {"GET": PLAN, "PUT": SCHRIJVEN, "PATCH": SCHRIJVEN, "DELETE": SCHRIJVEN},
    ),
    # The aggregates: figures without names, for managers, executives, area drivers and the beheerder.
    "rapport:rapport": ("", {"GET": CIJFERS}),
    "rapport:exporteren": ("rapport_formaat", {"GET": CIJFERS}),
    "api:rendement-cijfers": ("gemeente", {"GET": API_CIJFERS}),
    "accounts:enrol": ("", {"GET": IEDEREEN, "POST": IEDEREEN}),
    "accounts:verify": ("", {"GET": IEDEREEN, "POST": IEDEREEN}),
    "accounts:confirm": ("", {"GET": IEDEREEN, "POST": IEDEREEN}),
    "accounts:backup-codes": ("", {"GET": IEDEREEN}),
    "accounts:new-backup-codes": ("", {"GET": IEDEREEN, "POST": IEDEREEN}),
    "accounts:sessions": ("", {"GET": IEDEREEN}),
    "accounts:end-other-sessions": ("", {"POST": IEDEREEN}),
    "accounts:qr": ("", {"GET": (404, LOGIN, {})}),
    "accounts:end-session": ("sessie", {"POST": (404, LOGIN, {})}),
    "plannen:afdruk": ("casus", {"GET": PLAN}),
    "plannen:gezondheid": ("casus", {"GET": PLAN, "POST": SCHRIJVEN}),
    "plannen:pdf": ("casus", {"GET": PLAN}),
    "plannen:planlink": ("casus", {"POST": CASUS_STUREN}),
    # The resident's pages answer to whoever holds the secret link (a bearer token), signed
    # in or not; without a valid token they are 404 (tests/plannen/test_inwoner.py).
    "inwoner:plan": ("token", {"GET": (OK, OK, {})}),
    "inwoner:akkoord": ("token", {"POST": (OK, OK, {})}),
    "inwoner:reactie": ("token", {"POST": (OK, OK, {})}),
    "inwoner:pdf": ("token", {"GET": (OK, OK, {})}),
    "inwoner:wie-keek": ("token", {"GET": (OK, OK, {})}),
    "inwoner:correctie": ("token", {"GET": (OK, OK, {}), "POST": (OK, OK, {})}),
    "login": ("", {"GET": (OK, OK, {}), "POST": (OK, OK, {})}),
    "favicon": ("", {"GET": (OK, OK, {})}),
    "logout": ("", {"POST": (OK, OK, {})}),
    "set_language": ("", {"POST": (OK, OK, {})}),
    "api:schema": ("", {"GET": API_IEDEREEN}),
    "api:mij": ("", {"GET": API_IEDEREEN}),
    "api:sociale-kaart": ("gemeente", {"GET": (OK, 403, {"professional_andere_gemeente": 404, "zonder_rol": 404})}),
    "api:casussen": ("", {"GET": API_IEDEREEN, "POST": API_IEDEREEN}),
    "api:casus": ("casus", {"GET": CASUS}),
    "api:casus-toestemmingen": ("casus", {"POST": CASUS_STUREN}),
    "api:casus-netwerk": ("casus", {"POST": CASUS_STUREN}),
    "api:casus-status": ("casus", {"POST": CASUS_STUREN}),
    "api:plan": ("casus", {"GET": PLAN, "PUT": SCHRIJVEN, "PATCH": SCHRIJVEN}),
    "api:plan-afspraken": ("casus", {"POST": SCHRIJVEN}),
    "api:plan-afspraak-voltooid": ("afspraak", {"POST": SCHRIJVEN}),
    "api:plan-afspraak": ("afspraak", {"PATCH": SCHRIJVEN}),
    "api:plan-afspraak-intrekken": ("afspraak", {"POST": SCHRIJVEN}),
    "api:plan-evaluaties": ("casus", {"POST": CASUS_STUREN}),
    "overleg:lijst": ("casus", {"GET": CASUS}),
    "overleg:nieuw": ("casus", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "overleg:detail": ("overleg", {"GET": CASUS}),
    "overleg:bewerken": ("overleg", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "overleg:annuleren": ("overleg", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "overleg:deelnemer": ("overleg", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "overleg:deelnemer-verwijderen": ("deelnemer", {"POST": CASUS_STUREN}),
    "overleg:plantoestemming": ("deelnemer", {"POST": CASUS_STUREN}),
    "overleg:akkoord": ("overleg", {"POST": CASUS_STUREN}),
    "overleg:uitnodigen": ("overleg", {"POST": CASUS_STUREN}),
    "overleg:voorbereiding": ("overleg", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "overleg:voorzitter": ("overleg", {"GET": PLAN}),
    "overleg:notities": ("punt", {"POST": SCHRIJVEN}),
    "overleg:afspraak": ("overleg", {"POST": SCHRIJVEN}),
    "overleg:afsluiten": ("overleg", {"GET": CASUS_STUREN, "POST": CASUS_STUREN}),
    "overleg:ics": ("overleg", {"GET": PLAN}),
    "overleg:agenda": ("", {"GET": IEDEREEN}),
    "overleg:abonnement": ("", {"POST": IEDEREEN}),
    # The calendar feed and the invitee's pages answer to the secret in the URL (a bearer
    # token), signed in or not; a wrong or revoked secret is 404 (tests/overleg/test_pages.py).
    "overleg:feed": ("feed", {"GET": (OK, OK, {})}),
    "overleg:weigeringen": ("", {"GET": (403, LOGIN, {"gebiedsaanjager": OK})}),
    "overleg:weigering": (
        "weigering",
        {"GET": (403, LOGIN, {"gebiedsaanjager": OK}), "POST": (403, LOGIN, {"gebiedsaanjager": OK})},
    ),
    "uitnodiging:antwoord": ("uitnodiging", {"GET": (OK, OK, {}), "POST": (OK, OK, {})}),
    "uitnodiging:doorsturen": ("uitnodiging", {"POST": (OK, OK, {})}),
    # Not accepted, no consent: the plan is refused to the holder of the link, with the reason.
    "uitnodiging:plan": ("uitnodiging", {"GET": (403, 403, {})}),
    "api:overleggen": ("casus", {"GET": PLAN, "POST": CASUS_STUREN}),
    "api:overleg": ("api_overleg", {"GET": PLAN, "PATCH": CASUS_STUREN}),
    "api:overleg-deelnemers": ("api_overleg", {"POST": CASUS_STUREN}),
    "api:overleg-akkoord": ("api_overleg", {"POST": CASUS_STUREN}),
    "api:overleg-uitnodigen": ("api_overleg", {"POST": CASUS_STUREN}),
    "api:overleg-ics": ("api_overleg", {"GET": PLAN}),
    "api:uitnodiging-antwoord": ("uitnodiging", {"POST": (OK, OK, {})}),
    "api:uitnodiging-doorsturen": ("uitnodiging", {"POST": (OK, OK, {})}),
    # Signals: everyone has an inbox of their own; a signal is its recipient's only (404 for others).
    "signalering:inbox": ("", {"GET": (OK, LOGIN, {"zonder_rol": 403})}),
    "signalering:vandaag": ("", {"GET": (OK, LOGIN, {"zonder_rol": 403})}),
    "signalering:gebied": ("", {"GET": (403, LOGIN, {"gebiedsaanjager": OK})}),
    "signalering:organisatie": ("", {"GET": (403, LOGIN, {"manager": OK})}),
    "signalering:afhandelen": ("signalering", {"GET": EIGEN_SIGNALERING, "POST": EIGEN_SIGNALERING}),
    "signalering:uitstellen": ("signalering", {"GET": EIGEN_SIGNALERING, "POST": EIGEN_SIGNALERING}),
    "api:signaleringen": ("", {"GET": API_IEDEREEN}),
    "api:signalering-afhandelen": ("signalering", {"POST": EIGEN_SIGNALERING}),
    "api:signalering-uitstellen": ("signalering", {"POST": EIGEN_SIGNALERING}),
    "tafel:lijst": ("", {"GET": TAFELS}),
    "tafel:nieuw": ("", {"GET": TAFEL_INRICHTEN, "POST": TAFEL_INRICHTEN}),
    "tafel:detail": ("tafel", {"GET": TAFEL}),
    "tafel:lid": ("tafel", {"GET": TAFEL_LEIDING, "POST": TAFEL_LEIDING}),
    "tafel:lid-beeindigen": ("tafellid", {"POST": TAFEL_LEIDING}),
    "tafel:reeks": ("tafel", {"GET": TAFEL_LEIDING, "POST": TAFEL_LEIDING}),
    "tafel:aanmelden": ("tafel", {"GET": TAFEL_AANMELDEN, "POST": TAFEL_AANMELDEN}),
    "tafel:aanmelding": ("tafelaanmelding", {"GET": TAFEL_AANMELDING}),
    "tafel:bijeenkomst": ("tafelbijeenkomst", {"GET": TAFEL, "POST": TAFEL_LEIDING}),
    "tafel:agenda-pdf": ("tafelbijeenkomst", {"GET": TAFEL}),
    "api:tafels": ("", {"GET": API_IEDEREEN}),
    "api:tafel-aanmeldingen": ("tafel", {"POST": TAFEL_AANMELDEN}),
    "api:tafel-aanmelding": ("tafelaanmelding", {"GET": TAFEL_AANMELDING}),
    "api:tafel-agenda": ("tafelbijeenkomst", {"GET": TAFEL, "PUT": TAFEL_LEIDING}),
    "tafel:voorzitter": ("tafelbijeenkomst", {"GET": TAFEL_LEIDING, "POST": TAFEL_LEIDING}),
    # Registrations' triage and afspraken: the case's own professionals see it but do not decide (403).
    "api:tafel-triage": ("tafelaanmelding", {"POST": TAFEL_BESLUIT}),
    "api:tafel-afspraken": ("tafelaanmelding", {"POST": TAFEL_BESLUIT}),
    "api:tafel-casuscheck": ("tafelaanmelding", {"POST": TAFEL_BESLUIT}),
    "api:tafel-procesevaluatie": ("tafelaanmelding", {"POST": TAFEL_BESLUIT}),
}
# The admin has its own permission model (only the functioneel beheerder, see test_beheer.py);
# its index is checked here, its hundreds of generated URLs are not listed one by one.
MATRIX["beheer:index"] = ("", {"GET": (LOGIN, LOGIN, {"beheerder": OK})})
NIET_IN_MATRIX = {"beheer"}  # namespace covered by beheer:index and tests/gemeenten/test_beheer.py


def _url_names() -> set[str]:
    names: set[str] = set()

    def walk(resolver: URLResolver, ns: str | None) -> None:
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                walk(p, p.namespace or ns)
            elif isinstance(p, URLPattern) and p.name:
                names.add(f"{ns}:{p.name}" if ns else p.name)

    walk(get_resolver(), None)
    return {n for n in names if n.split(":")[0] not in NIET_IN_MATRIX}


def test_every_url_is_in_the_table():
    assert _url_names() - set(MATRIX) == set(), "add these URLs to MATRIX with the expected outcome per persona"
    assert set(MATRIX) - _url_names() - {"beheer:index"} == set(), "these rows name URLs that no longer exist"


CASES = [(name, method, persona) for name, (_k, methods) in MATRIX.items() for method in methods for persona in PERSONAS]


# Rows about one case: each names the outcome for emergency access without a role.
CASUS_KWARGS = {"casus", "afspraak", "overleg", "deelnemer", "punt", "api_overleg", "correctie", "kostenpost"}


def test_every_case_row_names_emergency_access():
    zonder = [
        f"{m} {n}" for n, (k, methods) in MATRIX.items() if k in CASUS_KWARGS for m, row in methods.items() if NOOD not in row[2]
    ]
    assert zonder == [], "give these rows the outcome for emergency access (NOOD)"
    assert not [n for n, (_k, methods) in MATRIX.items() for row in methods.values() if "noodtoegang_met_rol" in row[2]], (
        "the role decides for noodtoegang_met_rol: it gets the procesregisseur's outcome, no row overrides it"
    )


def _expected(row: tuple, persona: str, api: bool) -> object:
    default, anoniem, overrides = row
    if persona == "anoniem":
        return 403 if (api and anoniem == LOGIN) else anoniem
    if persona == "noodtoegang_met_rol":
        return _expected(row, "procesregisseur", api)
    if persona in overrides:
        return overrides[persona]
    if persona in NOOD_BASIS:
        return _expected(row, NOOD_BASIS[persona], api)
    if persona == "professional_andere_gemeente" and default == 404:
        return 404
    return default


@pytest.mark.parametrize(("name", "method", "persona"), CASES, ids=[f"{m} {n} {p}" for n, m, p in CASES])
def test_matrix(client, personas, name, method, persona):
    casus = casus_met_team(personas)
    plannen.wijzig_plan(actor=personas.professional, casus=casus, inhoud=plannen.PlanInhoud(ik_wil="x"), versie=0)
    afspraak = plannen.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="x")
    verzoek = Correctieverzoek.objects.create(
        casus=casus, gemeente=personas.gemeente, gegeven="telefoon", gewenst="06-12345678", via="inwoner"
    )
    token = "geheim-token-van-de-inwoner"
    PlanLink.objects.create(
        casus=casus,
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
        verloopt_op=timezone.now() + datetime.timedelta(days=1),
    )
    overleg = overleg_services.plan_overleg(
        actor=personas.professional,
        casus=casus,
        gegevens=overleg_services.OverlegGegevens(
            vorm="samenwerkwijze", soort="eerste", doel="x", voorzitter=("inwoner", None), notulist=("inwoner", None),
            begint=timezone.now() + datetime.timedelta(days=3), eindigt=timezone.now() + datetime.timedelta(days=3, hours=1),
        ),
    )  # fmt: skip
    deelnemer = overleg_services.voeg_deelnemer_toe(
        actor=personas.professional,
        overleg=overleg,
        genodigde=overleg_services.Genodigde(soort="professional", naam="W", email="w@x.example", reden="kennis"),
    )
    weigering = Weigering.objects.create(
        gemeente=personas.gemeente, gebied=personas.gebied, deelnemer=deelnemer, reden="afgewezen"
    )
    Agendafeed.objects.create(user=personas.professional, token_hash=hashlib.sha256(b"geheime-agenda").hexdigest())
    signalering = Signalering.objects.create(
        gemeente=personas.gemeente,
        casus=casus,
        soort="afspraak.te_laat",
        onderwerp_type="plannen.afspraak",
        onderwerp_id=afspraak.pk,
        ontvanger=personas.professional,
        vervaldatum=datetime.date.today(),
    )
    item = PrijsitemFactory(prijslijst=PrijslijstFactory(gemeente=personas.gemeente, jaar=JAAR), code="UUR-MW")
    analyse = rendement.maak_analyse(actor=personas.professional, casus=casus)
    analyse.casus = casus
    kostenpost = rendement.voeg_regel_toe(
        actor=personas.professional, analyse=analyse, gegevens=rendement.RegelGegevens(blok="eenmalig", prijsitem=item)
    )
    if persona == NOOD:
        casussen.breek_het_glas(actor=personas.gebiedsaanjager, casus=casus, reden="Matrix: noodtoegang zonder rol")
    elif persona == "noodtoegang_met_rol":  # broken before the casusregisseur added them; breek_het_glas refuses it now
        Noodtoegang.objects.create(
            casus=casus,
            user=personas.procesregisseur,
            reden="Matrix: noodtoegang met rol",
            tot=timezone.now() + datetime.timedelta(hours=4),
        )
    tafel = tafel_services.maak_tafel(
        actor=personas.tafelvoorzitter, gemeente=personas.gemeente, naam="Tafel", locatie="Buurthuis",
        voorzitter=personas.tafelvoorzitter,
    )  # fmt: skip
    for lid, org in (
        (personas.niet_betrokken, personas.organisatie),
        (personas.collega_andere_organisatie, personas.andere_organisatie),
    ):
        tafellid = tafel_services.voeg_lid_toe(
            actor=personas.tafelvoorzitter, tafel=tafel, user=lid, organisatie=org, expertise="x"
        )
    tafelaanmelding = tafel_services.meld_aan(
        actor=personas.professional, tafel=tafel, casus=casus,
        gegevens=tafel_services.Aanmeldgegevens(
            inwoner_weet_hoe="gesprek", inwoner_weet_op=datetime.date.today(), leefgebieden=["wonen", "werk"],
            geprobeerd="x", waarom_vast="y", vraag="z",
        ),
    )  # fmt: skip
    begint = timezone.now() + datetime.timedelta(days=5)
    tafelbijeenkomst = tafel.bijeenkomsten.create(begint=begint, eindigt=begint + datetime.timedelta(hours=2), locatie="x")
    tafel_services.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=tafelbijeenkomst, versie=0)
    kwargs_key, methods = MATRIX[name]
    jaar = {"jaar": JAAR}
    api_jaar = {"gemeente": "testwijde", "jaar": JAAR}
    kwargs = {
        "": {},
        "casus": {"pk": casus.pk},
        "afspraak": {"pk": casus.pk, "afspraak_id": afspraak.pk},
        "gemeente": {"gemeente": "testwijde"},
        "jaar": jaar,
        "item": jaar | {"pk": item.pk},
        "formaat": jaar | {"formaat": "csv"},
        "api_jaar": api_jaar,
        "api_item": api_jaar | {"code": "UUR-MW"},
        "sessie": {"session_id": 999999},
        "token": {"token": token},
        "overleg": {"pk": casus.pk, "overleg_id": overleg.pk},
        "deelnemer": {"pk": casus.pk, "overleg_id": overleg.pk, "deelnemer_id": deelnemer.pk},
        "punt": {"pk": casus.pk, "overleg_id": overleg.pk, "punt_id": overleg.agenda.first().pk},
        "api_overleg": {"overleg_id": overleg.pk},
        "feed": {"token": "geheime-agenda"},
        "weigering": {"weigering_id": weigering.pk},
        "uitnodiging": {"token": links.token_voor(deelnemer)},
        "correctie": {"pk": casus.pk, "verzoek_id": verzoek.pk},
        "signalering": {"pk": signalering.pk},
        "kostenpost": {"pk": casus.pk, "regel_id": kostenpost.pk},
        "rapport_formaat": {"formaat": "csv"},
        "tafel": {"pk": tafel.pk},
        "tafellid": {"pk": tafel.pk, "lid_id": tafellid.pk},
        "tafelaanmelding": {"pk": tafel.pk, "aanmelding_id": tafelaanmelding.pk},
        "tafelbijeenkomst": {"pk": tafel.pk, "bijeenkomst_id": tafelbijeenkomst.pk},
    }
    url = reverse(name, kwargs=kwargs[kwargs_key])
    if persona != "anoniem":
        login(client, getattr(personas, ALIAS.get(persona, persona)))
    api = url.startswith("/api/")
    response = (
        getattr(client, method.lower())(url, content_type="application/json") if api else getattr(client, method.lower())(url)
    )
    expected = _expected(methods[method], persona, api)
    if expected == OK:
        assert response.status_code in (200, 201, 204, 302, 400, 409, 415), response.status_code
        if response.status_code == 302:
            assert "/inloggen/" not in response["Location"] or name in ("logout",), response["Location"]
    elif expected == LOGIN:
        assert response.status_code == 302, response.status_code
        assert "/inloggen/" in response["Location"] or "/beheer/login/" in response["Location"]
    else:
        assert response.status_code == expected
