"""AVG inzage as a readable PDF (its text read with pypdf): every part of the JSON, including
what regie adds; a fresh password and code first; logged as an export."""

import pytest
from django.urls import reverse

from samenwerk.casussen import correctie
from samenwerk.plannen import services
from samenwerk.privacy.models import AuditEntry
from samenwerk.regie import services as regie
from tests.auth import confirm_recently, login
from tests.factories import CasusFactory
from tests.pdf import pdf_tekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def casus(personas):
    casus = CasusFactory(
        gebied=personas.gebied,
        met_toestemming=True,
        professional=personas.professional,
        organisatie=personas.organisatie,
        inwoner__voornaam="Fenna",
        inwoner__achternaam="Testinwoner",
        inwoner__straat="Kersenlaan 77",
    )
    services.wijzig_plan(
        actor=personas.professional, casus=casus, versie=0, inhoud=services.PlanInhoud(ik_wil="Weer rust in mijn hoofd")
    )
    services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="Zelf de corporatie bellen")
    regie.wijzig_niveau(actor=personas.professional, casus=casus, naar=3, reden="Ontruiming dreigt")
    regie.leg_signaal_vast(actor=personas.professional, casus=casus, bron="woningcorporatie", tekst="Huurachterstand")
    correctie.dien_in(casus=casus, gegeven="telefoon", gewenst="06-22222222")
    return casus


def test_inzage_pdf_needs_a_fresh_confirmation(client, personas, casus):
    login(client, personas.professional)
    response = client.get(reverse("plannen:inzage-pdf", args=[casus.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:confirm"))
    assert not AuditEntry.objects.filter(gebeurtenis="inzage.pdf").exists()


def test_participant_without_direction_gets_403(client, personas, casus):
    casus.betrokkenen.create(user=personas.collega_andere_organisatie, organisatie=personas.andere_organisatie)
    login(client, personas.collega_andere_organisatie)
    confirm_recently(client)
    assert client.get(reverse("plannen:inzage-pdf", args=[casus.pk])).status_code == 403


def test_inzage_pdf_is_readable_and_complete(client, personas, casus):
    login(client, personas.professional)
    confirm_recently(client)
    response = client.get(reverse("plannen:inzage-pdf", args=[casus.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="inzage-casus-{casus.nummer}.pdf"' in response["Content-Disposition"]
    tekst = pdf_tekst(response.content)
    for verwacht in [
        "Alle gegevens van Fenna Testinwoner",
        "Kersenlaan 77",
        "Weer rust in mijn hoofd",
        "Zelf de corporatie bellen",
        "Ontruiming dreigt",
        "Huurachterstand",
        "06-22222222",
        "Correctieverzoeken",
        "AVE-niveau",
        "Tijdlijn",
        "Wil via de Samenwerkwijze geholpen worden",  # choices by their label, not their code
    ]:
        assert verwacht in tekst, verwacht
    entry = AuditEntry.objects.get(gebeurtenis="inzage.pdf")
    assert entry.actie == "export" and entry.casus_id == casus.pk and entry.gegevenssegment == "alles"
