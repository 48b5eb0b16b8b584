"""What a professional needs to read on the case page (issue 16): the reason for the
registration (the *aanleiding*), only for those who may see the resident's data."""

import pytest
from django.urls import reverse

from tests.auth import login
from tests.factories import casus_met_team

pytestmark = pytest.mark.django_db
AANLEIDING = "Huurachterstand van vier maanden;\nde dochter belde de wijkcoach."


@pytest.mark.parametrize(
    ("persona", "ziet"), [("professional", True), ("collega_andere_organisatie", True), ("procesregisseur", False)]
)
def test_the_case_page_shows_the_aanleiding(client, personas, persona, ziet):
    casus = casus_met_team(personas, aanleiding=AANLEIDING)
    login(client, getattr(personas, persona))
    html = client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    assert ("Huurachterstand van vier maanden;\nde dochter belde de wijkcoach." in html) == ziet
