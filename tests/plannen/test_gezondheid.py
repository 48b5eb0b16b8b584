import datetime

import pytest
from django.urls import reverse

from samenwerk.plannen import services, spinnenweb
from samenwerk.plannen.models import GezondheidMeting
from samenwerk.privacy.models import AuditEntry
from tests.auth import login
from tests.factories import CasusFactory

pytestmark = pytest.mark.django_db
SCORES = {
    "lichaamsfuncties": 5,
    "mentaal_welbevinden": 3,
    "zingeving": 4,
    "kwaliteit_van_leven": 3,
    "meedoen": 2,
    "dagelijks_functioneren": 6,
}


def test_geometry_puts_ten_on_the_outer_ring_and_zero_in_the_middle():
    [veelhoek] = spinnenweb.veelhoeken([("1-1-2026", [10, 0, 10, 0, 10, 0])])
    punten = veelhoek.punten.split()
    assert punten[0] == "200,60" and punten[1] == "200,200"
    assert len(spinnenweb.ringen(6)) == 5 and len(spinnenweb.assen(["a"] * 6)) == 6


@pytest.fixture
def casus(personas):
    return CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )


def test_measurements_over_time_as_chart_and_table(client, personas, casus):
    services.meet_gezondheid(actor=personas.professional, casus=casus, datum=datetime.date(2026, 3, 1), **SCORES)
    services.meet_gezondheid(
        actor=personas.professional, casus=casus, datum=datetime.date(2026, 9, 1), **(SCORES | {"meedoen": 7})
    )
    login(client, personas.professional)
    html = client.get(reverse("plannen:gezondheid", args=[casus.pk])).content.decode()
    assert html.count('class="sw-meting"') == 2
    assert "01-03-2026" in html and "01-09-2026" in html
    rij = '<th class="utrecht-table__header-cell" scope="row">Meedoen</th><td class="utrecht-table__cell">2</td>'
    assert rij + '<td class="utrecht-table__cell">7</td>' in html
    assert AuditEntry.objects.filter(gebeurtenis="gezondheid.bekeken").exists()


def test_bad_scores_are_dutch_errors_and_kept(client, personas, casus):
    login(client, personas.professional)
    data = SCORES | {"datum": "2026-10-01", "meedoen": 11, "zingeving": "veel"}
    html = client.post(reverse("plannen:gezondheid", args=[casus.pk]), data).content.decode()
    assert "Een score is maximaal 10." in html and "Voer een geheel getal in." in html
    assert 'value="11"' in html
    assert not GezondheidMeting.objects.exists()


def test_a_valid_measurement_is_saved(client, personas, casus):
    login(client, personas.professional)
    response = client.post(reverse("plannen:gezondheid", args=[casus.pk]), SCORES | {"datum": "2026-10-01"}, follow=True)
    assert "De meting is opgeslagen." in response.content.decode()
    assert GezondheidMeting.objects.get().meedoen == 2
