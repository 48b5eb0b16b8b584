"""The API's contract (issue 17 item 10, issue 22 item 5): schemathesis generates requests for
every operation of the OpenAPI schema the app serves, valid and invalid ones, and sends them
in-process through the WSGI application as a signed-in person (password and second factor,
session cookie and CSRF token, as a browser client would). Each answer must be no server
error, have a documented status code and content type, and a body that matches the schema.

The person directs a case in their municipality that has everything: a plan with an agreement,
a planned meeting with an invitee (and their signed link), a micro-analysis with a cost line,
a price list with an item, an AVE level, a care signal and a signal in their inbox. Half the
examples aim the path's ids at those objects, the other half keep the generated ids (mostly
404). Each example runs in a savepoint that is rolled back, so every request meets the same
case. docs/api.md says how to run it longer.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.middleware.csrf import _get_new_csrf_string
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from samenwerk.casussen.models import Betrokkene
from samenwerk.gemeenten.models import Rol
from samenwerk.overleg import links
from samenwerk.overleg import services as overleg_services
from samenwerk.plannen import services as plannen
from samenwerk.regie import services as regie
from samenwerk.rendement import services_analyse as analyses
from samenwerk.signalering.models import Signalering
from samenwerk.tafel import services as tafel_services
from samenwerk.tafel.models import Ecogram, Ecogrampersoon
from tests.auth import login
from tests.factories import CasusFactory, RoltoewijzingFactory
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory
from tests.signalering.test_pages import _te_laat

pytestmark = [pytest.mark.django_db, pytest.mark.contract]

# About 25 examples per operation keep the run near a minute on two cores; API_CONTRACT_EXAMPLES
# raises it, API_CONTRACT_RANDOM=1 draws new examples instead of the same ones each run.
EXAMPLES = int(os.environ.get("API_CONTRACT_EXAMPLES", "25"))
RANDOM = os.environ.get("API_CONTRACT_RANDOM") == "1"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


def _schema() -> schemathesis.schemas.BaseSchema:
    """The schema `make schema` writes, generated from the code (CI checks the file matches it)."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(generated)))
    schema.app = get_wsgi_application()
    return schema


SCHEMA = _schema()


@dataclass
class Wereld:
    ids: dict[str, Any]
    signalering: int
    tafel: int
    versies: dict[str, int]
    niveau: int


@pytest.fixture
def wereld(personas) -> Wereld:
    """A case with everything, directed by the professional, who also manages the price list."""
    ik = personas.professional
    RoltoewijzingFactory(user=ik, rol=Rol.FUNCTIONEEL_BEHEERDER, gemeente=personas.gemeente)
    jaar = timezone.localdate().year
    lijst = PrijslijstFactory(gemeente=personas.gemeente, jaar=jaar, weken_per_jaar=42)
    item = PrijsitemFactory(prijslijst=lijst, code="MW-UUR", prijs=Decimal("80.00"))
    casus = CasusFactory(gebied=personas.gebied, met_toestemming=True, professional=ik, organisatie=personas.organisatie)
    collega = Betrokkene.objects.create(
        casus=casus, user=personas.collega_andere_organisatie, organisatie=personas.andere_organisatie
    )
    plan = plannen.wijzig_plan(
        actor=ik, casus=casus, versie=0, inhoud=plannen.PlanInhoud(ik_wil="Rust in mijn geldzaken", welzijnscijfer=4)
    )
    afspraak = plannen.voeg_afspraak_toe(actor=ik, casus=casus, wie="professional", betrokkene=collega, wat="Schuldhulp bellen")
    regie.wijzig_niveau(actor=ik, casus=casus, naar=2, reden="Meerdere domeinen", datum=timezone.localdate())
    regie.leg_signaal_vast(actor=ik, casus=casus, bron="politie", tekst="Melding van burengerucht")
    dag = timezone.localdate() + datetime.timedelta(days=5)
    begint = datetime.datetime.combine(dag, datetime.time(10), tzinfo=timezone.get_current_timezone())
    overleg = overleg_services.plan_overleg(
        actor=ik,
        casus=casus,
        gegevens=overleg_services.OverlegGegevens(
            vorm="samenwerkwijze", soort="eerste", doel="Samen kijken naar de geldzaken", begint=begint,
            eindigt=begint + datetime.timedelta(hours=1), voorzitter=("inwoner", None), notulist=("inwoner", None),
        ),
    )  # fmt: skip
    deelnemer = overleg_services.voeg_deelnemer_toe(
        actor=ik,
        overleg=overleg,
        genodigde=overleg_services.Genodigde(
            soort="professional", naam="Wim Wonen", email="wim@wonen.example", organisatie="Wonen", reden="kennis"
        ),
    )
    overleg_services.leg_lijst_akkoord_vast(actor=ik, overleg=overleg, verstuurd_door="professional")
    overleg_services.nodig_uit(actor=ik, overleg=overleg)
    analyse = analyses.maak_analyse(actor=ik, casus=casus)
    regel = analyses.voeg_regel_toe(
        actor=ik,
        analyse=analyse,
        gegevens=analyses.RegelGegevens(blok="voor", prijsitem=item, aantal=Decimal(2), periode="week"),
    )
    [casus_met_signaal] = _te_laat(personas)
    signalering = Signalering.objects.filter(ontvanger=ik).order_by("pk").first()
    assert casus_met_signaal and signalering is not None
    analyse.refresh_from_db()
    overleg.refresh_from_db()
    # De Tafel: the professional also chairs the municipality's table, with a registered case
    # (not the case above: a registration moves its case onto the Tafel route) and a meeting.
    RoltoewijzingFactory(user=ik, rol=Rol.TAFELVOORZITTER, gemeente=personas.gemeente)
    tafel = tafel_services.maak_tafel(
        actor=ik, gemeente=personas.gemeente, naam="Tafel Testwijde", locatie="Buurthuis", voorzitter=ik
    )
    tafel_services.voeg_lid_toe(
        actor=ik, tafel=tafel, user=personas.collega_andere_organisatie, organisatie=personas.andere_organisatie,
        expertise="Schulden",
    )  # fmt: skip
    aanmelding = tafel_services.meld_aan(
        actor=ik,
        tafel=tafel,
        casus=CasusFactory(gebied=personas.gebied, met_toestemming=True, professional=ik, organisatie=personas.organisatie),
        gegevens=tafel_services.Aanmeldgegevens(
            inwoner_weet_hoe="gesprek", inwoner_weet_op=timezone.localdate(), leefgebieden=["wonen", "financien"],
            geprobeerd="Budgetcoaching", waarom_vast="Niemand heeft regie", vraag="Wie neemt de regie?",
        ),
    )  # fmt: skip
    bijeenkomst = tafel.bijeenkomsten.create(begint=begint, eindigt=begint + datetime.timedelta(hours=2), locatie="Buurthuis")
    bijeenkomst = tafel_services.stel_agenda_op(actor=ik, bijeenkomst=bijeenkomst, versie=0)
    persoon = Ecogrampersoon.objects.create(
        ecogram=Ecogram.objects.create(aanmelding=aanmelding), naam="Tante Ria", relatie="tante", kring="familie",
        nabijheid=1, steun="steunend",
    )  # fmt: skip
    return Wereld(
        ids={
            "id": casus.pk,
            "afspraak_id": afspraak.pk,
            "overleg_id": overleg.pk,
            "regel_id": regel.pk,
            "gemeente": personas.gemeente.slug,
            "jaar": jaar,
            "code": item.code,
            "token": links.token_voor(deelnemer),
            "aanmelding_id": aanmelding.pk,
            "bijeenkomst_id": bijeenkomst.pk,
            "blok_id": bijeenkomst.blokken.order_by("pk").first().pk,
            "persoon_id": persoon.pk,
        },
        tafel=tafel.pk,
        signalering=signalering.pk,
        versies={
            "/plan/": plan.versie,
            "/rendement/": analyse.versie,
            "/overleggen/": overleg.versie,
            "/agenda/": bijeenkomst.agenda_versie,
        },
        niveau=2,
    )


@pytest.fixture
def sessie(client, personas, wereld) -> Iterator[dict[str, dict[str, str]]]:
    """The signed-in person's cookies and CSRF header. Requests go through the WSGI handler
    inside the test's transaction, so the connection must stay open between them (Django's own
    test client disconnects the same signal)."""
    login(client, personas.professional)
    csrf = _get_new_csrf_string()
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield {
            "cookies": {
                django_settings.SESSION_COOKIE_NAME: client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                django_settings.CSRF_COOKIE_NAME: csrf,
            },
            "headers": {"X-CSRFToken": csrf},
        }
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def richt_op_de_wereld(case: Any, wereld: Wereld) -> None:
    """Point the path's ids at the real objects, and a body's `versie` at the version now."""
    pad = case.operation.path
    for naam in case.path_parameters or {}:
        # ids of objects this world does not hold (a ZET interview, a course participant) keep
        # the generated value: those operations are checked on their refusals only
        case.path_parameters[naam] = wereld.ids.get(naam, case.path_parameters[naam])
    if pad.startswith("/api/v1/signaleringen/"):
        case.path_parameters["id"] = wereld.signalering
    if pad.startswith("/api/v1/tafels/"):
        case.path_parameters["id"] = wereld.tafel
    if isinstance(case.body, dict):
        for deel, versie in wereld.versies.items():
            if deel in pad and "versie" in case.body:
                case.body["versie"] = versie
        if "huidig_niveau" in case.body:
            case.body["huidig_niveau"] = wereld.niveau


@SCHEMA.parametrize()
@SCHEMA.given(echt=st.booleans())
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not RANDOM,
    database=None,
    # The world is built once per operation; every example rolls its changes back.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_keeps_its_contract(case, echt, wereld, sessie):
    if echt:
        richt_op_de_wereld(case, wereld)
    with transaction.atomic():
        response = case.call(**sessie)
        transaction.set_rollback(True)
    case.validate_response(response, checks=CHECKS)
