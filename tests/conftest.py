"""Shared fixtures: a cast of personas (style.md §11) in two municipalities.

Later capabilities extend the cast with their relationships (the casusregisseur of a case,
a participant from another organisation, the resident ...), always built on these people.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie, Rol, User
from tests.factories import (
    GebiedFactory,
    GemeenteFactory,
    OrganisatieFactory,
    RoltoewijzingFactory,
    UserFactory,
)

pytest_plugins = ["tests.mail"]  # the `smtp` fixture: a real SMTP server on loopback

CHROMIUM = "/usr/bin/chromium"


@dataclass
class Personas:
    gemeente: Gemeente
    gebied: Gebied
    ander_gebied: Gebied
    organisatie: Organisatie
    andere_organisatie: Organisatie
    professional: User
    collega_andere_organisatie: User
    niet_betrokken: User
    procesregisseur: User
    gebiedsaanjager: User
    manager: User
    bestuurder: User
    tafelvoorzitter: User
    onderzoeker: User
    beheerder: User
    privacyfunctionaris: User
    zonder_rol: User
    andere_gemeente: Gemeente
    professional_andere_gemeente: User

    def staff(self) -> dict[str, User]:
        return {name: value for name, value in vars(self).items() if isinstance(value, User)}


@pytest.fixture
def personas(db: None) -> Personas:
    return maak_personas()


def maak_personas() -> Personas:
    """The cast itself, for fixtures of a wider scope (the permission matrix builds its world
    once per module)."""
    gemeente = GemeenteFactory(naam="Testwijde", slug="testwijde")
    gebied, ander_gebied = GebiedFactory(gemeente=gemeente, naam="Noord"), GebiedFactory(gemeente=gemeente, naam="Zuid")
    organisatie = OrganisatieFactory(
        gemeente=gemeente, naam="Welzijn Testwijde", gebieden=[gebied, ander_gebied], expertise="Buurtcoaches"
    )
    andere = OrganisatieFactory(
        gemeente=gemeente, naam="Zorg Testwijde", soort=Organisatie.Soort.ZORG, gebieden=[gebied], expertise="Wijkverpleging"
    )

    def persoon(email: str, rol: str, *, org: Organisatie | None = None, gebied_: Gebied | None = None) -> User:
        user = UserFactory(email=email)
        RoltoewijzingFactory(user=user, rol=rol, gemeente=gemeente, organisatie=org, gebied=gebied_)
        return user

    andere_gemeente = GemeenteFactory(naam="Elders", slug="elders")
    org_elders = OrganisatieFactory(gemeente=andere_gemeente, naam="Welzijn Elders")
    professional_elders = UserFactory(email="prof@elders.example")
    RoltoewijzingFactory(user=professional_elders, organisatie=org_elders)
    return Personas(
        gemeente=gemeente,
        gebied=gebied,
        ander_gebied=ander_gebied,
        organisatie=organisatie,
        andere_organisatie=andere,
        professional=persoon("prof@testwijde.example", Rol.SOCIAAL_PROFESSIONAL, org=organisatie),
        collega_andere_organisatie=persoon("collega@testwijde.example", Rol.SOCIAAL_PROFESSIONAL, org=andere),
        niet_betrokken=persoon("buiten@testwijde.example", Rol.SOCIAAL_PROFESSIONAL, org=organisatie),
        procesregisseur=persoon("proces@testwijde.example", Rol.PROCESREGISSEUR, org=organisatie),
        gebiedsaanjager=persoon("aanjager@testwijde.example", Rol.GEBIEDSAANJAGER, gebied_=gebied),
        manager=persoon("manager@testwijde.example", Rol.MANAGER, org=organisatie),
        bestuurder=persoon("bestuurder@testwijde.example", Rol.BESTUURDER, org=andere),
        tafelvoorzitter=persoon("tafel@testwijde.example", Rol.TAFELVOORZITTER),
        onderzoeker=persoon("onderzoek@testwijde.example", Rol.ONDERZOEKER),
        beheerder=persoon("beheer@testwijde.example", Rol.FUNCTIONEEL_BEHEERDER),
        privacyfunctionaris=persoon("privacy@testwijde.example", Rol.PRIVACYFUNCTIONARIS),
        zonder_rol=UserFactory(email="geenrol@testwijde.example"),
        andere_gemeente=andere_gemeente,
        professional_andere_gemeente=professional_elders,
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The slow tests (browser, demo loading, marked slow) go first: started early, the other
    worker steals the fast ones meanwhile (scripts/test.sh: --dist worksteal), instead of one
    worker finishing a long test alone at the end of the run.

    Browser tests need Debian's Chromium. Without it they are skipped with the reason,
    unless REQUIRE_BROWSER=1 (set by CI), where a missing browser is a failure."""
    items.sort(key=lambda item: not (item.get_closest_marker("e2e") or item.get_closest_marker("slow")))
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing: apt-get install chromium chromium-driver")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not found; install Debian's chromium and chromium-driver to run browser tests")
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _flush_around_the_append_only_log() -> Iterator[None]:
    """Transactional tests (the browser tests) empty every table afterwards. The access log
    refuses that by design, so its triggers step aside for the flush and return right after."""
    from django.db import connections
    from django.test import TransactionTestCase

    from samenwerk.privacy import triggers

    original = TransactionTestCase._fixture_teardown

    def teardown(self: TransactionTestCase) -> None:
        for alias in connections:
            triggers.remove(connections[alias])
        try:
            original(self)
        finally:
            for alias in connections:
                triggers.install(connections[alias])

    TransactionTestCase._fixture_teardown = teardown  # type: ignore[method-assign]
    yield
    TransactionTestCase._fixture_teardown = original  # type: ignore[method-assign]


@pytest.fixture(scope="session", autouse=True)
def _access_log_months(request: pytest.FixtureRequest) -> None:
    """On PostgreSQL the access log has a table per month, made ahead by a daily job; a test
    database kept from an earlier month (--reuse-db) gets this month's and the next ones'."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    request.getfixturevalue("django_db_setup")
    from samenwerk.privacy import partities

    with request.getfixturevalue("django_db_blocker").unblock():
        partities.maak_vooruit()


@pytest.fixture(autouse=True)
def _audit_anchors_per_test(settings: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test its own directory of access-log anchors: anchors of a developer's own
    database (var/) or of another test would make the chains look cut off."""
    settings.AUDIT_ANCHOR_DIR = tmp_path_factory.mktemp("ankers")  # type: ignore[attr-defined]
