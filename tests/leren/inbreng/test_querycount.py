"""Lists of contributions answer in a fixed number of queries for 1, 10 and 100 rows."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerk.leren.models import Casusinbreng
from tests.auth import login
from tests.querycount import assert_constant_queries

from .helpers import maak_sessie

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("naam", ["leren:inbreng-lijst", "api:leren-inbrengen"])
def test_contribution_lists(client, personas, naam):
    s = maak_sessie(personas)
    login(client, personas.niet_betrokken)

    def rijen(n):
        Casusinbreng.objects.bulk_create(
            Casusinbreng(
                gemeente=personas.gemeente, ingebracht_door=personas.professional, doel="casustafel", tafel=s.casustafel,
                status="gedeeld", tekst="[PERSOON-1] wil weer werken.", gedeeld_op=timezone.now(),
            )
            for _ in range(n)
        )  # fmt: skip

    url = reverse(naam)
    assert_constant_queries(rijen, lambda: client.get(url))
    assert client.get(url).status_code == 200
