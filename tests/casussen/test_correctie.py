"""AVG correction requests: from the resident's link or a professional on their behalf; the
casusregisseur accepts (the detail changes through wijzig_inwoner, logged with the request
id) or refuses with a reason the resident sees. Dutch form errors keep the input."""

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen import correctie
from samenwerk.casussen.models import Correctieverzoek, Inwoner
from samenwerk.plannen import services as plannen
from samenwerk.plannen.models import PlanLink
from samenwerk.privacy.models import AuditEntry
from tests.auth import login
from tests.factories import CasusFactory, casus_met_team
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
TOKEN = "token-van-fenna"


@pytest.fixture
def casus(personas):
    casus = casus_met_team(personas, inwoner__voornaam="Fenna", inwoner__telefoon="06-11111111")
    plannen.wijzig_plan(actor=personas.professional, casus=casus, inhoud=plannen.PlanInhoud(ik_wil="x"), versie=0)
    PlanLink.objects.create(
        casus=casus,
        token_hash=hashlib.sha256(TOKEN.encode()).hexdigest(),
        verloopt_op=timezone.now() + datetime.timedelta(days=1),
    )
    return casus


def test_resident_asks_and_sees_the_refusal(client, personas, casus):
    url = reverse("inwoner:correctie", args=[TOKEN])
    response = client.post(url, {"gegeven": "telefoon", "omschrijving": "Oud nummer", "gewenst": ""})
    html = response.content.decode()
    assert response.status_code == 400 and "Dit veld is vereist." in html and "Oud nummer" in html
    assert client.post(url, {"gegeven": "telefoon", "omschrijving": "Oud nummer", "gewenst": "06-22222222"}).status_code == 302
    verzoek = Correctieverzoek.objects.get()
    assert verzoek.via == "inwoner" and verzoek.ingediend_door is None and verzoek.gemeente_id == casus.gemeente_id
    entry = AuditEntry.objects.get(gebeurtenis="correctieverzoek.ingediend")
    assert entry.rol == "inwoner" and entry.gebruiker_id is None and entry.velden == ["telefoon"]
    correctie.behandel(
        actor=personas.professional, casus=casus, verzoek_id=verzoek.pk, aanpassen=False, reden="Dit nummer klopt al."
    )
    html = client.get(url).content.decode()
    assert "Niet aangepast: Dit nummer klopt al." in html


def test_accepting_changes_the_detail_and_logs_the_request_id(client, personas, casus):
    verzoek = correctie.dien_in(casus=casus, gegeven="postcode", gewenst="1234ab", actor=personas.collega_andere_organisatie)
    assert verzoek.via == "professional"
    login(client, personas.professional)
    url = reverse("casussen:correctie-behandelen", args=[casus.pk, verzoek.pk])
    assert "1234ab" in client.get(url).content.decode()
    response = client.post(url, {"besluit": "aanpassen", "nieuwe_waarde": "12"})
    assert response.status_code == 200 and "vier cijfers en twee letters" in response.content.decode()
    assert client.post(url, {"besluit": "aanpassen", "nieuwe_waarde": "1234ab"}).status_code == 302
    assert Inwoner.objects.get(pk=casus.inwoner_id).postcode == "1234 AB"
    verzoek.refresh_from_db()
    assert verzoek.status == "aangepast" and verzoek.behandeld_door == personas.professional
    wijziging = AuditEntry.objects.get(gebeurtenis="inwoner.gewijzigd")
    assert wijziging.reden == f"correctieverzoek {verzoek.pk}" and wijziging.velden == ["postcode"]
    assert "1234" not in str(wijziging.velden)  # names, never values
    assert AuditEntry.objects.filter(gebeurtenis="correctieverzoek.bekeken", casus_id=casus.pk).exists()
    response = client.post(url, {"besluit": "weigeren", "reden": "x"})
    assert response.status_code == 200  # handled already: the form is not offered again
    assert Correctieverzoek.objects.get().status == "aangepast"


def test_date_of_birth_is_asked_as_a_date(client, personas, casus):
    verzoek = correctie.dien_in(casus=casus, gegeven="geboortedatum", gewenst="3 februari 1950")
    login(client, personas.professional)
    url = reverse("casussen:correctie-behandelen", args=[casus.pk, verzoek.pk])
    assert 'type="date"' in client.get(url).content.decode()
    response = client.post(url, {"besluit": "aanpassen", "nieuwe_waarde": "2999-01-01"})
    assert "De geboortedatum ligt in de toekomst." in response.content.decode()
    client.post(url, {"besluit": "aanpassen", "nieuwe_waarde": "1950-02-03"})
    assert Inwoner.objects.get(pk=casus.inwoner_id).geboortedatum == datetime.date(1950, 2, 3)


def test_refusal_needs_a_reason_and_other_data_a_note(client, personas, casus):
    verzoek = correctie.dien_in(casus=casus, gegeven="anders", gewenst="In het plan staat de verkeerde school")
    login(client, personas.professional)
    url = reverse("casussen:correctie-behandelen", args=[casus.pk, verzoek.pk])
    response = client.post(url, {"besluit": "weigeren", "toelichting": "bewaard"})
    html = response.content.decode()
    assert "De inwoner ziet deze reden." in html and "bewaard" in html
    response = client.post(url, {"besluit": "aanpassen"})
    assert "Schrijf op wat u heeft aangepast, en waar." in response.content.decode()
    assert client.post(url, {"besluit": "aanpassen", "toelichting": "Schoolnaam in het plan verbeterd"}).status_code == 302
    assert Correctieverzoek.objects.get().status == "aangepast"


def test_who_may_record_and_handle(client, personas, casus):
    verzoek = correctie.dien_in(casus=casus, gegeven="telefoon", gewenst="06-3")
    login(client, personas.collega_andere_organisatie)
    assert client.get(reverse("casussen:correctie", args=[casus.pk])).status_code == 200
    assert client.get(reverse("casussen:correctie-behandelen", args=[casus.pk, verzoek.pk])).status_code == 403
    login(client, personas.procesregisseur)
    assert client.get(reverse("casussen:correctie", args=[casus.pk])).status_code == 403
    assert "Correctieverzoek" not in client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()


def test_professional_records_on_behalf_with_dutch_errors(client, personas, casus):
    login(client, personas.collega_andere_organisatie)
    url = reverse("casussen:correctie", args=[casus.pk])
    response = client.post(url, {"gegeven": "email", "omschrijving": "Typfout"})
    assert "Dit veld is vereist." in response.content.decode() and "Typfout" in response.content.decode()
    assert client.post(url, {"gegeven": "email", "gewenst": "fenna@inwoner.example"}).status_code == 302
    assert Correctieverzoek.objects.get().ingediend_door == personas.collega_andere_organisatie


def test_service_guards(personas, casus):
    with pytest.raises(ValidationError):
        correctie.dien_in(casus=casus, gegeven="bsn", gewenst="x")
    verzoek = correctie.dien_in(casus=casus, gegeven="email", gewenst="geen-adres")
    with pytest.raises(ValidationError) as fout:
        correctie.behandel(actor=personas.professional, casus=casus, verzoek_id=verzoek.pk, aanpassen=True, nieuwe_waarde="x")
    assert "email" in fout.value.message_dict  # the model's own checks apply
    andere = CasusFactory(gebied=personas.gebied)
    with pytest.raises(ValidationError):
        correctie.behandel(actor=personas.professional, casus=andere, verzoek_id=verzoek.pk, aanpassen=False, reden="x")


def test_case_page_list_of_requests_has_constant_queries(client, personas, casus):
    login(client, personas.professional)
    assert_constant_queries(
        lambda n: [correctie.dien_in(casus=casus, gegeven="telefoon", gewenst="06") for _ in range(n)],
        lambda: client.get(reverse("casussen:detail", args=[casus.pk])),
    )
    assert_constant_queries(
        lambda n: [correctie.dien_in(casus=casus, gegeven="telefoon", gewenst="06") for _ in range(n)],
        lambda: client.get(reverse("inwoner:correctie", args=[TOKEN])),
    )
