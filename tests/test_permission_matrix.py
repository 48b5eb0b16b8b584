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
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Correctieverzoek, Noodtoegang
from samenwerk.leertraject import services as lt_services
from samenwerk.leertraject import services_certificaat, services_opdrachten
from samenwerk.leren.models import Actieleren, Casusinbreng, Deelname, Leersessie, Leertafel
from samenwerk.leren.trap import documenten as trap_documenten
from samenwerk.leren.trap import services as trap_services
from samenwerk.overleg import links
from samenwerk.overleg import services as overleg_services
from samenwerk.overleg.models import Agendafeed, Weigering
from samenwerk.plannen import services as plannen
from samenwerk.plannen.models import PlanLink
from samenwerk.rendement import services_analyse as rendement
from samenwerk.signalering.models import Signalering
from samenwerk.tafel import services as tafel_services
from samenwerk.tafel.models import Ecogram, Ecogrampersoon, Kennismaking
from tests.auth import login
from tests.conftest import maak_personas
from tests.factories import casus_met_team
from tests.leertraject.cohort import maak_cohort
from tests.leren.inbreng.helpers import maak_sessie
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
    "onderzoeker",
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
    "onderzoeker",  # rendement.rules.PRIJSLIJST_LEZERS
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
         "tafelvoorzitter", "manager", "bestuurder"],
        OK,
    ),
)  # fmt: skip
TAFEL_INRICHTEN = (403, LOGIN, {"beheerder": OK, "tafelvoorzitter": OK})
# The stuurgroep report and the budget: the chair (and secretary), the functioneel beheerder,
# managers and executives of the municipality; others there 403, elsewhere 404.
BUITEN = {"professional_andere_gemeente": 404, "zonder_rol": 404}
TAFEL_RAPPORT = (403, LOGIN, {"tafelvoorzitter": OK, "manager": OK, "bestuurder": OK, "beheerder": OK} | BUITEN)
TAFEL_BUDGET_BEHEER = (403, LOGIN, {"tafelvoorzitter": OK} | BUITEN)
# Learning tables (leren/inbreng): a shared case is seen by its contributor and the people at its table only;
# only the contributor reviews it. The evaluatietafel: the people at the table read, its leader writes.
INBRENG = (404, LOGIN, {"casusregisseur": OK, "niet_betrokken": OK, "gebiedsaanjager": OK})
INBRENG_EIGEN = (404, LOGIN, {"casusregisseur": OK, "niet_betrokken": 403, "gebiedsaanjager": 403})
EVALUATIE = (
    403, LOGIN,
    {"gebiedsaanjager": OK, "deelnemer_andere_organisatie": OK, "professional_andere_gemeente": 404, "zonder_rol": 404},
)  # fmt: skip
EVALUATIE_LEIDING = (403, LOGIN, {"gebiedsaanjager": OK, "professional_andere_gemeente": 404, "zonder_rol": 404})
TAFEL_BESLUIT = (
    404,
    LOGIN,
    {"tafelvoorzitter": OK, "niet_betrokken": 403, "deelnemer_andere_organisatie": 403, "casusregisseur": 403},
)
# ZET (issue 19): the test's round has the onderzoeker as its evaluator; the functioneel
# beheerder reads every round of the municipality and writes nothing; nobody else finds it.
ZET_LIJST = (403, LOGIN, {"beheerder": OK, "onderzoeker": OK})
ZET_LEZEN = (404, LOGIN, {"beheerder": OK, "onderzoeker": OK})
ZET_WERKEN = (404, LOGIN, {"beheerder": 403, "onderzoeker": OK})
API_ZET_MAKEN = (403, 403, {"beheerder": OK, "onderzoeker": OK})

# The learning staircase's upper steps (leren/trap): dilemmas and documents carry no resident's
# data, everyone with a role in the municipality reads them. The test's netwerkoverleg is the
# managers' (and the aanjagers'); niet_betrokken is invited to it. The test's dilemma lies with
# the professionals; its bundle is the gebiedsaanjager's.
MET_ROL = (OK, LOGIN, {"zonder_rol": 403})
IN_GEMEENTE = (OK, LOGIN, {"professional_andere_gemeente": 404, "zonder_rol": 404})
OVERLEG_PLANNEN = (403, LOGIN, {"manager": OK, "gebiedsaanjager": OK, "bestuurder": OK})
TRAPOVERLEG = (404, LOGIN, {"manager": OK, "gebiedsaanjager": OK, "niet_betrokken": OK})
TRAPOVERLEG_LEIDING = (404, LOGIN, {"manager": OK, "gebiedsaanjager": OK, "niet_betrokken": 403})
# the onderzoeker (ZET) is not on the staircase: they hand an improvement point over from ZET instead
DILEMMA_INBRENGEN = (
    OK, LOGIN, dict.fromkeys(["beheerder", "privacyfunctionaris", "tafelvoorzitter", "onderzoeker", "zonder_rol"], 403)
)  # fmt: skip
DILEMMA_BEHANDELEN = (
    403,
    LOGIN,
    dict.fromkeys(["casusregisseur", "deelnemer_andere_organisatie", "niet_betrokken", "procesregisseur", "gebiedsaanjager"], OK)
    | {"professional_andere_gemeente": 404, "zonder_rol": 404},
)
DOCUMENT_MAKEN = (403, LOGIN, {"gebiedsaanjager": OK, "manager": OK})
BUNDEL_BEWERKEN = (403, LOGIN, {"gebiedsaanjager": OK, "professional_andere_gemeente": 404, "zonder_rol": 404})
# The Werkwijze Samen aan Zet (steps 3-6): the case's own professionals only — a table member
# who is not on the case (niet_betrokken, the chair) sees the registration, not this (404).
TAFEL_WERKWIJZE = (404, LOGIN, {"casusregisseur": OK, "deelnemer_andere_organisatie": OK})

# Leersessies (issue 18): everyone with a role in the municipality sees them; professionals and
# managers register; the area's gebiedsaanjager (Noord) facilitates. The professional
# (casusregisseur) is registered for the test's session and brought its actieleren question.
LEREN_ZIEN = (OK, LOGIN, {"professional_andere_gemeente": 404, "zonder_rol": 404})
LEREN_LEIDING = (403, LOGIN, {"gebiedsaanjager": OK, "professional_andere_gemeente": 404, "zonder_rol": 404})
LEREN_AANMELDEN = (
    403,
    LOGIN,
    dict.fromkeys(["casusregisseur", "deelnemer_andere_organisatie", "niet_betrokken", "procesregisseur", "gebiedsaanjager",
                   "manager"], OK) | {"professional_andere_gemeente": 404, "zonder_rol": 404},
)  # fmt: skip
LEREN_AANGEMELD = (403, LOGIN, {"casusregisseur": OK, "professional_andere_gemeente": 404, "zonder_rol": 404})
LEREN_ACTIELEREN = (403, LOGIN, {"gebiedsaanjager": OK, "casusregisseur": OK, "professional_andere_gemeente": 404,
                                 "zonder_rol": 404})  # fmt: skip

# The leertraject (tests/leertraject/cohort.py): the gebiedsaanjager organises it (the beheerder
# may too), niet_betrokken and the tafelvoorzitter train it, the professional (casusregisseur)
# and the colleague of the other organisation take part. A cohort is no case: 404 for whoever
# is not in it. A participant's own pages are theirs and the trainers'.
LT_LEIDING_WIE = dict.fromkeys(["niet_betrokken", "tafelvoorzitter", "gebiedsaanjager", "beheerder"], OK)
LT_DEELNEMERS = {"casusregisseur": OK, "deelnemer_andere_organisatie": OK}
LT_LIJST = (OK, LOGIN, {"zonder_rol": 403})
LT_NIEUW = (403, LOGIN, {"gebiedsaanjager": OK, "beheerder": OK})
LT_ZIEN = (404, LOGIN, LT_DEELNEMERS | LT_LEIDING_WIE)
LT_LEIDING = (404, LOGIN, {"casusregisseur": 403, "deelnemer_andere_organisatie": 403} | LT_LEIDING_WIE)
LT_EIGEN = (404, LOGIN, {"casusregisseur": OK} | LT_LEIDING_WIE)
LT_ZELF = (404, LOGIN, {"casusregisseur": OK} | dict.fromkeys(LT_LEIDING_WIE, 403))
LT_TRAINER = (404, LOGIN, {"casusregisseur": 403} | LT_LEIDING_WIE)
LT_PUBLIEK = (OK, OK, {})
API_LT_NIEUW = (403, 403, {"gebiedsaanjager": OK, "beheerder": OK})

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
    # Signing in through the municipality's identity provider (issue 22): no provider set up
    # for this municipality, so 404; the return without a running sign-in is a 400 page.
    "oidc:start": ("oidc_gemeente", {"GET": (404, 404, {})}),
    "oidc:terug": ("", {"GET": (OK, OK, {})}),
    # For load balancers and Prometheus (samenwerk.ops): no session; /metrics is protected by
    # its token or, without one, answers only on this machine in development (tests/ops).
    "ops:gezondheid": ("", {"GET": (OK, OK, {})}),
    "ops:metrics": ("", {"GET": (OK, OK, {})}),
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
    "leren:overleg-lijst": ("", {"GET": MET_ROL}),
    "leren:overleg-nieuw": ("", {"GET": OVERLEG_PLANNEN, "POST": OVERLEG_PLANNEN}),
    "leren:overleg-detail": ("trapoverleg", {"GET": TRAPOVERLEG}),
    "leren:overleg-agendapunt": ("trapoverleg", {"POST": TRAPOVERLEG_LEIDING}),
    "leren:overleg-besluit": ("trapoverleg", {"POST": TRAPOVERLEG_LEIDING}),
    "leren:overleg-actie": ("trapoverleg", {"POST": TRAPOVERLEG_LEIDING}),
    "leren:overleg-aanwezigheid": ("trapoverleg", {"POST": TRAPOVERLEG_LEIDING}),
    "leren:dilemma-lijst": ("", {"GET": MET_ROL}),
    "leren:dilemma-nieuw": ("", {"GET": DILEMMA_INBRENGEN, "POST": DILEMMA_INBRENGEN}),
    "leren:dilemma-detail": ("dilemma", {"GET": IN_GEMEENTE}),
    "leren:dilemma-behandelen": ("dilemma", {"POST": DILEMMA_BEHANDELEN}),
    "leren:dilemma-escaleren": ("dilemma", {"POST": DILEMMA_BEHANDELEN}),
    "leren:dilemma-oplossen": ("dilemma", {"POST": DILEMMA_BEHANDELEN}),
    "leren:document-lijst": ("", {"GET": MET_ROL}),
    "leren:document-nieuw": ("", {"GET": DOCUMENT_MAKEN, "POST": DOCUMENT_MAKEN}),
    "leren:document-detail": ("leerdocument", {"GET": IN_GEMEENTE}),
    "leren:document-bewerken": ("leerdocument", {"GET": BUNDEL_BEWERKEN, "POST": BUNDEL_BEWERKEN}),
    "leren:document-publiceren": ("leerdocument", {"POST": BUNDEL_BEWERKEN}),
    "leren:document-pdf": ("leerdocument", {"GET": IN_GEMEENTE}),
    "api:leren-overleggen": ("", {"GET": API_IEDEREEN, "POST": API_IEDEREEN}),
    "api:leren-overleg": ("trapoverleg", {"GET": TRAPOVERLEG}),
    "api:leren-overleg-agenda": ("trapoverleg", {"POST": TRAPOVERLEG_LEIDING}),
    "api:leren-overleg-besluiten": ("trapoverleg", {"POST": TRAPOVERLEG_LEIDING}),
    "api:leren-overleg-acties": ("trapoverleg", {"POST": TRAPOVERLEG_LEIDING}),
    "api:leren-overleg-aanwezigheid": ("trapoverleg", {"PUT": TRAPOVERLEG_LEIDING}),
    "api:leren-dilemmas": ("", {"GET": API_IEDEREEN, "POST": API_IEDEREEN}),
    "api:leren-dilemma-niveaus": ("", {"GET": (OK, 403, {"zonder_rol": 400})}),
    "api:leren-dilemma": ("dilemma", {"GET": IN_GEMEENTE}),
    "api:leren-dilemma-behandelen": ("dilemma", {"POST": DILEMMA_BEHANDELEN}),
    "api:leren-dilemma-escaleren": ("dilemma", {"POST": DILEMMA_BEHANDELEN}),
    "api:leren-dilemma-oplossen": ("dilemma", {"POST": DILEMMA_BEHANDELEN}),
    "api:leren-documenten": ("", {"GET": API_IEDEREEN, "POST": API_IEDEREEN}),
    "api:leren-document": ("leerdocument", {"GET": IN_GEMEENTE, "PUT": BUNDEL_BEWERKEN}),
    # Registrations' triage and afspraken: the case's own professionals see it but do not decide (403).
    "api:tafel-triage": ("tafelaanmelding", {"POST": TAFEL_BESLUIT}),
    "api:tafel-afspraken": ("tafelaanmelding", {"POST": TAFEL_BESLUIT}),
    "api:tafel-casuscheck": ("tafelaanmelding", {"POST": TAFEL_BESLUIT}),
    "api:tafel-procesevaluatie": ("tafelaanmelding", {"POST": TAFEL_BESLUIT}),
    "zet:lijst": ("", {"GET": ZET_LIJST}),
    "zet:nieuw": ("", {"GET": ZET_LIJST, "POST": ZET_LIJST}),
    "zet:vergelijk": ("", {"GET": ZET_LIJST}),
    "zet:detail": ("zetronde", {"GET": ZET_LEZEN}),
    "zet:bewerken": ("zetronde", {"GET": ZET_LEZEN, "POST": ZET_LEZEN}),
    "zet:evaluator": ("zetronde", {"POST": ZET_LEZEN}),
    "zet:casus-kiezen": ("zetronde", {"GET": ZET_WERKEN, "POST": ZET_WERKEN}),
    "zet:casus": ("zetcasus", {"GET": ZET_LEZEN, "POST": ZET_WERKEN}),
    "zet:intrekken": ("zetcasus", {"POST": ZET_WERKEN}),
    "zet:interview-nieuw": ("zetbron", {"GET": ZET_WERKEN, "POST": ZET_WERKEN}),
    "zet:interview": ("zetinterview", {"GET": ZET_LEZEN, "POST": ZET_WERKEN}),
    "zet:terugkoppeling": ("zetinterview", {"POST": ZET_WERKEN}),
    "zet:analyse": ("zetronde", {"GET": ZET_LEZEN, "POST": ZET_WERKEN}),
    "zet:verbeterpunten": ("zetronde", {"GET": ZET_LEZEN, "POST": ZET_WERKEN}),
    "zet:opvolgen": ("zetpunt", {"POST": ZET_WERKEN}),
    "zet:dilemma": ("zetpunt", {"POST": ZET_WERKEN}),
    "zet:afronden": ("zetronde", {"POST": ZET_WERKEN}),
    "zet:rapport": ("zetronde", {"GET": ZET_LEZEN}),
    "zet:rapport-pdf": ("zetronde", {"GET": ZET_LEZEN}),
    "zet:rapport-xlsx": ("zetronde", {"GET": ZET_LEZEN}),
    "api:zet-rondes": ("", {"GET": API_IEDEREEN, "POST": API_ZET_MAKEN}),
    "api:zet-ronde": ("zetronde", {"GET": ZET_LEZEN}),
    "api:zet-interviews": ("zetronde", {"POST": ZET_WERKEN}),
    "api:zet-interview": ("zetinterview", {"GET": ZET_LEZEN, "PUT": ZET_WERKEN}),
    "api:zet-verbeterpunten": ("zetronde", {"GET": ZET_LEZEN, "POST": ZET_WERKEN}),
    "tafel:rapport": ("tafel", {"GET": TAFEL_RAPPORT}),
    "tafel:rapport-pdf": ("tafel", {"GET": TAFEL_RAPPORT}),
    "tafel:rapport-xlsx": ("tafel", {"GET": TAFEL_RAPPORT}),
    "tafel:budget": ("tafel", {"GET": TAFEL_RAPPORT, "POST": TAFEL_BUDGET_BEHEER}),
    "api:tafel-rapport": ("tafel", {"GET": TAFEL_RAPPORT}),
    "api:tafel-budget": ("tafel", {"GET": TAFEL_RAPPORT, "POST": TAFEL_BUDGET_BEHEER}),
    "api:tafel-bestedingen": ("tafel", {"GET": TAFEL_BUDGET_BEHEER, "POST": TAFEL_BUDGET_BEHEER}),
    "tafel:bijeenkomst-nieuw": ("tafel", {"GET": TAFEL_LEIDING, "POST": TAFEL_LEIDING}),
    "tafel:agenda-versturen": ("tafelbijeenkomst", {"POST": TAFEL_LEIDING}),
    "tafel:bijeenkomst-ics": ("tafelbijeenkomst", {"GET": TAFEL}),
    "api:tafel-bloktijd": ("tafelblok", {"PUT": TAFEL_LEIDING}),
    "api:tafel-reflecties": ("tafelbijeenkomst", {"POST": TAFEL_LEIDING}),
    "tafel:werkwijze": ("tafelaanmelding", {"GET": TAFEL_WERKWIJZE}),
    "tafel:kennismaking": ("tafelaanmelding", {"GET": TAFEL_WERKWIJZE, "POST": TAFEL_WERKWIJZE}),
    "tafel:kennismaking-kopie": ("tafelaanmelding", {"GET": TAFEL_WERKWIJZE}),
    "tafel:kennismaking-pdf": ("tafelaanmelding", {"GET": TAFEL_WERKWIJZE}),
    "tafel:ecogram": ("tafelaanmelding", {"GET": TAFEL_WERKWIJZE, "POST": TAFEL_WERKWIJZE}),
    "tafel:voorbereiding": ("tafelaanmelding", {"GET": TAFEL_WERKWIJZE, "POST": TAFEL_WERKWIJZE}),
    "api:tafel-kennismaking": ("tafelaanmelding", {"GET": TAFEL_WERKWIJZE, "PUT": TAFEL_WERKWIJZE}),
    "api:tafel-ecogram": ("tafelaanmelding", {"GET": TAFEL_WERKWIJZE, "POST": TAFEL_WERKWIJZE}),
    "api:tafel-ecogrampersoon": ("tafelecogrampersoon", {"PUT": TAFEL_WERKWIJZE, "DELETE": TAFEL_WERKWIJZE}),
    "api:tafel-voorbereiding": ("tafelaanmelding", {"GET": TAFEL_WERKWIJZE, "PUT": TAFEL_WERKWIJZE}),
    "api:tafel-mdo-professionals": ("tafelaanmelding", {"POST": TAFEL_WERKWIJZE}),
    # Learning tables (leren/inbreng): a case brought in by the professional (casusregisseur), shared with the
    # casustafel where niet_betrokken sits; the evaluatietafel led by the gebiedsaanjager, the colleague seated.
    "leren:inbreng-lijst": ("", {"GET": IEDEREEN}),
    "leren:inbreng-nieuw": ("casus", {"GET": SCHRIJVEN, "POST": SCHRIJVEN}),
    "leren:inbreng-detail": ("inbreng", {"GET": INBRENG}),
    "leren:inbreng-onherkenbaar": ("inbreng", {"POST": INBRENG_EIGEN}),
    "leren:inbreng-delen": ("inbreng", {"POST": INBRENG_EIGEN}),
    "leren:evaluatie": ("evaluatietafel", {"GET": EVALUATIE, "POST": EVALUATIE_LEIDING}),
    "leren:evaluatie-rollen": ("evaluatietafel", {"GET": EVALUATIE_LEIDING, "POST": EVALUATIE_LEIDING}),
    "leren:evaluatie-cel": ("evaluatiecel", {"POST": EVALUATIE_LEIDING}),
    "leren:evaluatie-pdf": ("evaluatietafel", {"GET": EVALUATIE}),
    "leren:evaluatie-xlsx": ("evaluatietafel", {"GET": EVALUATIE}),
    "api:leren-inbrengen": ("", {"GET": API_IEDEREEN, "POST": API_IEDEREEN}),
    "api:leren-inbreng": ("inbreng", {"GET": INBRENG}),
    "api:leren-inbreng-onherkenbaar": ("inbreng", {"POST": INBRENG_EIGEN}),
    "api:leren-inbreng-delen": ("inbreng", {"POST": INBRENG_EIGEN}),
    "api:leren-evaluatie": ("evaluatietafel", {"GET": EVALUATIE, "PUT": EVALUATIE_LEIDING}),
    "api:leren-evaluatie-cel": ("evaluatietafel", {"PUT": EVALUATIE_LEIDING}),
    "leren:overzicht": ("", {"GET": (OK, LOGIN, {"zonder_rol": 403})}),
    "leren:sessies-gebied": ("leergebied", {"GET": LEREN_ZIEN}),
    "leren:sessie-rooster": ("leergebied", {"GET": LEREN_LEIDING, "POST": LEREN_LEIDING}),
    "leren:sessie-detail": ("leersessie", {"GET": LEREN_ZIEN}),
    "leren:sessie-aanmelden": ("leersessie", {"GET": LEREN_AANMELDEN, "POST": LEREN_AANMELDEN}),
    "leren:sessie-afmelden": ("leersessie", {"POST": LEREN_AANGEMELD}),
    "leren:sessie-aanwezigheid": ("leersessie", {"GET": LEREN_LEIDING, "POST": LEREN_LEIDING}),
    "leren:sessie-ics": ("leersessie", {"GET": LEREN_ZIEN}),
    "leren:sessie-feedback": ("leersessie", {"GET": LEREN_AANGEMELD, "POST": LEREN_AANGEMELD}),
    "leren:sessie-verslag": ("leersessie", {"GET": LEREN_ZIEN}),
    "leren:sessie-verslag-bewerken": ("leersessie", {"GET": LEREN_LEIDING, "POST": LEREN_LEIDING}),
    "leren:sessie-verslag-pdf": ("leersessie", {"GET": LEREN_ZIEN}),
    "leren:actieleren-nieuw": ("leertafel", {"GET": LEREN_LEIDING, "POST": LEREN_LEIDING}),
    "leren:actieleren": ("actieleren", {"GET": LEREN_ZIEN, "POST": LEREN_ACTIELEREN}),
    "api:leren-sessies": ("", {"GET": API_IEDEREEN}),
    "api:leren-reeks": ("leergebied", {"POST": LEREN_LEIDING}),
    "api:leren-sessie": ("leersessie", {"GET": LEREN_ZIEN}),
    "api:leren-aanmelding": ("leersessie", {"POST": LEREN_AANMELDEN, "DELETE": LEREN_ZIEN}),
    "api:leren-aanwezigheid": ("leersessie", {"PUT": LEREN_LEIDING}),
    "api:leren-verslag": ("leersessie", {"GET": LEREN_ZIEN, "PUT": LEREN_LEIDING}),
    "api:leren-feedback": ("leersessie", {"POST": LEREN_ZIEN}),
    "api:leren-actieleren-nieuw": ("leertafel", {"POST": LEREN_LEIDING}),
    "api:leren-actieleren": ("actieleren", {"GET": LEREN_ZIEN, "PUT": LEREN_ACTIELEREN}),
    "leertraject:lijst": ("", {"GET": LT_LIJST}),
    "leertraject:nieuw": ("", {"GET": LT_NIEUW, "POST": LT_NIEUW}),
    "leertraject:detail": ("leertraject", {"GET": LT_ZIEN}),
    "leertraject:agenda": ("leertraject", {"GET": LT_ZIEN}),
    "leertraject:dag": ("leertraject", {"GET": LT_LEIDING, "POST": LT_LEIDING}),
    "leertraject:aanwezigheid": ("lesdag", {"GET": LT_LEIDING, "POST": LT_LEIDING}),
    "leertraject:deelnemer-toevoegen": ("leertraject", {"GET": LT_LEIDING, "POST": LT_LEIDING}),
    "leertraject:nieuwkomers": ("leertraject", {"GET": LT_LEIDING, "POST": LT_LEIDING}),
    "leertraject:maatjes-koppelen": ("leertraject", {"GET": LT_LEIDING, "POST": LT_LEIDING}),
    "leertraject:uitnodigen": ("leertraject", {"POST": LT_LEIDING}),
    "leertraject:maatjes": ("maatjes", {"GET": LT_ZIEN, "POST": LT_ZIEN}),
    "leertraject:deelnemer": ("ltdeelnemer", {"GET": LT_EIGEN}),
    "leertraject:leervraag": ("ltdeelnemer", {"GET": LT_ZELF, "POST": LT_ZELF}),
    "leertraject:opdracht": ("ltopdracht", {"GET": LT_EIGEN, "POST": LT_ZELF}),
    "leertraject:feedback": ("ltopdracht", {"POST": LT_TRAINER}),
    "leertraject:bestand": ("ltopdracht", {"GET": LT_EIGEN}),
    "leertraject:certificaat": ("ltdeelnemer", {"POST": LT_TRAINER}),
    "leertraject:intrekken": ("ltdeelnemer", {"POST": LT_TRAINER}),
    "leertraject:certificaat-pdf": ("ltdeelnemer", {"GET": LT_EIGEN}),
    "leertraject:badge-json": ("ltdeelnemer", {"GET": LT_EIGEN}),
    "leertraject:badge-jwt": ("ltdeelnemer", {"GET": LT_EIGEN}),
    "leertraject:sleutels": ("", {"GET": (403, LOGIN, {"beheerder": OK}), "POST": (403, LOGIN, {"beheerder": OK})}),
    # Public, no account: verifying a badge, its link and status, the issuer and its keys.
    "leertraject:controleren": ("", {"GET": LT_PUBLIEK, "POST": LT_PUBLIEK}),
    "leertraject:badge": ("badge", {"GET": LT_PUBLIEK}),
    "leertraject:badge-status": ("badge", {"GET": LT_PUBLIEK}),
    "leertraject:uitgever": ("badge_gemeente", {"GET": LT_PUBLIEK}),
    "leertraject:jwks": ("badge_gemeente", {"GET": LT_PUBLIEK}),
    "api:badge-verifieren": ("", {"POST": LT_PUBLIEK}),
    "api:leertrajecten": ("", {"GET": API_IEDEREEN, "POST": API_LT_NIEUW}),
    "api:leertraject": ("leertraject", {"GET": LT_ZIEN}),
    "api:leertraject-deelnemers": ("leertraject", {"POST": LT_LEIDING}),
    "api:leertraject-aanwezigheid": ("lesdag", {"PUT": LT_LEIDING}),
    "api:leertraject-inlevering": ("ltopdracht", {"GET": LT_EIGEN, "POST": LT_ZELF}),
    "api:leertraject-feedback": ("ltopdracht", {"POST": LT_TRAINER}),
    "api:leertraject-certificaat": ("ltdeelnemer", {"GET": LT_EIGEN, "POST": LT_TRAINER}),
    "api:leertraject-intrekken": ("ltdeelnemer", {"POST": LT_TRAINER}),
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


def _zet_ronde(personas, casus):  # type: ignore[no-untyped-def]
    """A ZET round of the onderzoeker with the test's case (ZET consent given), the
    resident's interview and an improvement point."""
    from samenwerk.zet import services as zet

    casussen.leg_toestemming_vast(actor=personas.professional, casus=casus, doel="zet", gegeven=True, wijze="schriftelijk")
    vandaag = datetime.date.today()
    ronde = zet.maak_ronde(actor=personas.onderzoeker, gemeente=personas.gemeente, naam="ZET", van=vandaag, tot=vandaag)
    rc = zet.kies_casus(actor=personas.onderzoeker, ronde=ronde, casus=casus)
    gegevens = zet.Interviewgegevens(bron="inwoner", datum=vandaag, interviewer=personas.onderzoeker, toestemming_vastgelegd=True)
    interview = zet.start_interview(actor=personas.onderzoeker, rondecasus=rc, gegevens=gegevens)
    punt = zet.maak_verbeterpunt(actor=personas.onderzoeker, ronde=ronde, tekst="x", uiterlijk=vandaag, eigenaar=personas.manager)
    return SimpleNamespace(ronde=ronde, rc=rc, interview=interview, punt=punt)


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


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """The world every row is tried against, built once per module (per xdist worker) inside a
    transaction that is rolled back at the end: building it per case cost half a second × 7,000
    cases. Each case runs in its own savepoint inside it (pytest-django's `django_db`), so what a
    request writes is gone before the next case."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _bouw_wereld(maak_personas())
        transaction.set_rollback(True)


def _bouw_wereld(personas):  # type: ignore[no-untyped-def]
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
            inwoner_weet_hoe="gesprek", inwoner_weet_op=datetime.date.today(), leefgebieden=["wonen", "meedoen"],
            geprobeerd="x", waarom_vast="y", vraag="z",
        ),
    )  # fmt: skip
    begint = timezone.now() + datetime.timedelta(days=5)
    tafelbijeenkomst = tafel.bijeenkomsten.create(begint=begint, eindigt=begint + datetime.timedelta(hours=2), locatie="x")
    tafel_services.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=tafelbijeenkomst, versie=0)
    zet = _zet_ronde(personas, casus)
    trapoverleg = trap_services.plan_overleg(
        actor=personas.manager, gemeente=personas.gemeente, soort="netwerkoverleg", begint=begint,
        eindigt=begint + datetime.timedelta(hours=2), genodigden=[personas.niet_betrokken],
    )  # fmt: skip
    dilemma = trap_services.breng_dilemma_in(
        actor=personas.niet_betrokken, gemeente=personas.gemeente, titel="x", wat_wil_ik="x", wat_kan_ik="x",
        wat_heb_ik_nodig="x",
    )  # fmt: skip
    leerdocument = trap_documenten.maak_document(
        actor=personas.gebiedsaanjager, gemeente=personas.gemeente, soort="bundel", van=datetime.date.today(),
        tot=datetime.date.today(), gebied=personas.gebied,
    )  # fmt: skip
    Kennismaking.objects.create(
        aanmelding=tafelaanmelding, datum=datetime.date.today(), aanwezig="x", centrale_vraag="Hoe?",
        vastgelegd_door=personas.professional,
    )  # fmt: skip
    ecogrampersoon = Ecogrampersoon.objects.create(
        ecogram=Ecogram.objects.create(aanmelding=tafelaanmelding), naam="x", relatie="y", kring="familie", nabijheid=1,
        steun="steunend",
    )  # fmt: skip
    leren = maak_sessie(personas)
    casussen.leg_toestemming_vast(
        actor=personas.professional, casus=casus, doel="leertafel", gegeven=True, wijze="mondeling"
    )  # fmt: skip
    inbreng = Casusinbreng.objects.create(
        gemeente=personas.gemeente, casus=casus, ingebracht_door=personas.professional, doel="casustafel",
        tafel=leren.casustafel, status="gedeeld", tekst="[PERSOON-1] wil weer werken.", gedeeld_op=timezone.now(),
    )  # fmt: skip
    leersessie = Leersessie.objects.create(
        gemeente=personas.gemeente, gebied=personas.gebied, begin=begint + datetime.timedelta(days=5),
        eind=begint + datetime.timedelta(days=5, hours=2), locatie="Buurthuis", aanjager=personas.gebiedsaanjager,
    )  # fmt: skip
    leertafel = Leertafel.objects.create(sessie=leersessie, soort=Leertafel.Soort.CASUS)
    Deelname.objects.create(sessie=leersessie, user=personas.professional)
    actieleren = Actieleren.objects.create(tafel=leertafel, indiener=personas.professional, vraag="x")
    cohort = maak_cohort(personas)
    services_opdrachten.lever_in(
        actor=personas.professional, deelnemer=cohort.deelnemer, opdracht="E", bestand=("reflectie.pdf", b"%PDF-1.4")
    )
    certificaat = services_certificaat.geef_certificaat_uit(
        actor=personas.niet_betrokken, deelnemer=cohort.deelnemer, afwijkreden="Matrix"
    )
    paar, _waarschuwing = lt_services.koppel_maatjes(
        actor=personas.gebiedsaanjager, eerste=cohort.deelnemer, tweede=cohort.deelnemer2
    )
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
        "oidc_gemeente": {"slug": "testwijde"},
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
        "zetronde": {"pk": zet.ronde.pk},
        "zetcasus": {"pk": zet.ronde.pk, "rc_id": zet.rc.pk},
        "zetbron": {"pk": zet.ronde.pk, "rc_id": zet.rc.pk, "bron": "inwoner"},
        "zetinterview": {"pk": zet.ronde.pk, "interview_id": zet.interview.pk},
        "zetpunt": {"pk": zet.ronde.pk, "punt_id": zet.punt.pk},
        "trapoverleg": {"pk": trapoverleg.pk},
        "dilemma": {"pk": dilemma.pk},
        "leerdocument": {"pk": leerdocument.pk},
        "tafelblok": {"pk": tafel.pk, "bijeenkomst_id": tafelbijeenkomst.pk, "blok_id": tafelbijeenkomst.blokken.first().pk},
        "tafelecogrampersoon": {"pk": tafel.pk, "aanmelding_id": tafelaanmelding.pk, "persoon_id": ecogrampersoon.pk},
        "inbreng": {"pk": inbreng.pk},
        "evaluatietafel": {"pk": leren.evaluatietafel.pk},
        "evaluatiecel": {"pk": leren.evaluatietafel.pk, "stap": 1, "vraag": "wat_doe_je"},
        "leergebied": {"pk": personas.gebied.pk},
        "leersessie": {"pk": leersessie.pk},
        "leertafel": {"pk": leertafel.pk},
        "actieleren": {"pk": actieleren.pk},
        "leertraject": {"pk": cohort.traject.pk},
        "lesdag": {"pk": cohort.traject.pk, "dag_id": cohort.dagen[0].pk},
        "ltdeelnemer": {"pk": cohort.traject.pk, "deelnemer_id": cohort.deelnemer.pk},
        "ltopdracht": {"pk": cohort.traject.pk, "deelnemer_id": cohort.deelnemer.pk, "code": "E"},
        "maatjes": {"paar_id": paar.pk},
        "badge": {"badge_id": certificaat.badge_id},
        "badge_gemeente": {"gemeente": "testwijde"},
    }
    return SimpleNamespace(personas=personas, casus=casus, kwargs=kwargs)


@pytest.mark.parametrize(("name", "method", "persona"), CASES, ids=[f"{m} {n} {p}" for n, m, p in CASES])
def test_matrix(client, wereld, name, method, persona):
    personas, casus = wereld.personas, wereld.casus
    # the shared world starts every case as built: an earlier case's emergency access (or any
    # other write) was rolled back with its savepoint
    assert not Noodtoegang.objects.filter(casus=casus).exists()
    if persona == NOOD:
        casussen.breek_het_glas(actor=personas.gebiedsaanjager, casus=casus, reden="Matrix: noodtoegang zonder rol")
    elif persona == "noodtoegang_met_rol":  # broken before the casusregisseur added them; breek_het_glas refuses it now
        Noodtoegang.objects.create(
            casus=casus,
            user=personas.procesregisseur,
            reden="Matrix: noodtoegang met rol",
            tot=timezone.now() + datetime.timedelta(hours=4),
        )
    kwargs_key, methods = MATRIX[name]
    url = reverse(name, kwargs=wereld.kwargs[kwargs_key])
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
