"""A signal row says whose case and which agreement it is about (issue 16): two signals of
one case no longer read as identical duplicates. The procesregisseur, who does not see the
resident's data, gets the agreement but not the name, and no name is logged for them."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen.models import Betrokkene
from samenwerk.privacy.models import AuditEntry
from samenwerk.signalering.casusregels import AFSPRAAK_TE_LAAT
from samenwerk.signalering.models import Signalering
from samenwerk.signalering.selectors import met_details
from tests.auth import login
from tests.signalering.conftest import afspraak, maak_casus

pytestmark = pytest.mark.django_db


def _signalen(casus, ontvanger, afspraken) -> None:
    for a in afspraken:
        Signalering.objects.create(
            gemeente=casus.gemeente, casus=casus, soort=AFSPRAAK_TE_LAAT, onderwerp_type="plannen.afspraak",
            onderwerp_id=a.pk, ontvanger=ontvanger, vervaldatum=timezone.localdate(),
        )  # fmt: skip


@pytest.fixture
def twee(personas):
    casus = maak_casus(personas)
    afspraken = [
        afspraak(casus, personas.professional, timezone.localdate(), wat=w) for w in ("Schuldhulp aanvragen", "Huurbaas bellen")
    ]
    return casus, afspraken


@pytest.mark.parametrize("pagina", ["signalering:inbox", "signalering:vandaag"])
def test_two_signals_of_one_case_name_their_agreement_and_resident(client, personas, twee, pagina):
    casus, afspraken = twee
    _signalen(casus, personas.professional, afspraken)
    login(client, personas.professional)
    html = client.get(reverse(pagina)).content.decode()
    assert "<q>Schuldhulp aanvragen</q>" in html and "<q>Huurbaas bellen</q>" in html
    assert html.count("Fenna Geheimnaam</span>") == 2


def test_the_procesregisseur_sees_the_agreement_but_not_the_resident(client, personas, twee):
    casus, afspraken = twee
    assert Betrokkene.objects.filter(casus=casus, user=personas.procesregisseur).exists()
    _signalen(casus, personas.procesregisseur, afspraken)
    login(client, personas.procesregisseur)
    html = client.get(reverse("signalering:inbox")).content.decode()
    assert "<q>Huurbaas bellen</q>" in html and "Geheimnaam" not in html
    assert not AuditEntry.objects.filter(gebeurtenis="signalering.inbox", casus_id=casus.pk).exists()


def test_details_take_three_queries_whatever_the_number_of_rows(personas, twee, django_assert_num_queries):
    casus, afspraken = twee
    _signalen(casus, personas.professional, afspraken)
    rijen = list(Signalering.objects.select_related("casus"))
    with django_assert_num_queries(3):
        met_details(personas.professional, rijen)
    assert sorted(r.afspraak_wat for r in rijen) == ["Huurbaas bellen", "Schuldhulp aanvragen"]
