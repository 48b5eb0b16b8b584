"""The AVE table in beheer: the functioneel beheerder edits their own municipality's rows,
starting from the defaults of domain.md §4; other municipalities' rows stay out of reach."""

import pytest
from django.urls import reverse

from samenwerk.regie.models import AveVerantwoordelijkheid
from samenwerk.regie.selectors import ave_tabel
from tests.auth import login

pytestmark = pytest.mark.django_db


def test_beheerder_edits_the_table(client, personas):
    login(client, personas.beheerder)
    html = client.get(reverse("beheer:regie_aveverantwoordelijkheid_add") + "?niveau=4").content.decode()
    assert "Teamleider veiligheid" in html
    response = client.post(
        reverse("beheer:regie_aveverantwoordelijkheid_add"),
        {
            "gemeente": personas.gemeente.pk,
            "niveau": 4,
            "situatie": "Totale escalatie",
            "casusregie": "Adviseur zorg en veiligheid",
            "procesregie": "Regisseur openbare orde",
            "operationeel": "Gemeentesecretaris",
            "bestuurlijk": "Burgemeester",
        },
    )
    assert response.status_code == 302
    assert ave_tabel(personas.gemeente)[3].procesregie == "Regisseur openbare orde"


def test_rows_of_another_municipality_are_out_of_reach(client, personas):
    elders = AveVerantwoordelijkheid.objects.create(
        gemeente=personas.andere_gemeente, niveau=2, situatie="x", operationeel="x", bestuurlijk="x"
    )
    login(client, personas.beheerder)
    assert client.get(reverse("beheer:regie_aveverantwoordelijkheid_change", args=[elders.pk])).status_code == 302
    assert "Elders" not in client.get(reverse("beheer:regie_aveverantwoordelijkheid_changelist")).content.decode()
    login(client, personas.professional)
    response = client.get(reverse("beheer:regie_aveverantwoordelijkheid_changelist"))
    assert response.status_code == 302 and "/beheer/login/" in response["Location"]
