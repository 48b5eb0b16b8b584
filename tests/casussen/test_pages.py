"""The case pages: who sees what, what is logged, bad input, and query counts."""

import pytest
from django.urls import reverse

from samenwerk.casussen.models import Casus
from samenwerk.privacy.models import AuditEntry
from tests.auth import login
from tests.factories import CasusFactory, casus_met_team
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def casus(personas):
    casus = casus_met_team(personas, inwoner__voornaam="Fenna", inwoner__achternaam="Testinwoner")
    return casus


@pytest.mark.parametrize(
    ("persona", "status", "ziet_naam"),
    [
        ("professional", 200, True),
        ("collega_andere_organisatie", 200, True),
        ("procesregisseur", 200, False),
        ("niet_betrokken", 404, False),
        ("gebiedsaanjager", 404, False),
        ("manager", 404, False),
        ("bestuurder", 404, False),
        ("beheerder", 404, False),
        ("privacyfunctionaris", 404, False),
        ("professional_andere_gemeente", 404, False),
        ("zonder_rol", 404, False),
    ],
)
def test_who_sees_the_case(client, personas, casus, persona, status, ziet_naam):
    login(client, getattr(personas, persona))
    response = client.get(reverse("casussen:detail", args=[casus.pk]))
    assert response.status_code == status
    assert ("Testinwoner" in response.content.decode()) == ziet_naam
    log = AuditEntry.objects.filter(casus_id=casus.pk, gebeurtenis="casus.bekeken").latest("id")
    assert log.uitkomst == ("success" if status == 200 else "denied")
    assert log.gebruiker_id == getattr(personas, persona).pk


def test_anonymous_goes_to_login(client, casus):
    response = client.get(reverse("casussen:detail", args=[casus.pk]))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_a_case_that_does_not_exist_is_a_plain_404(client, personas):
    login(client, personas.professional)
    assert client.get(reverse("casussen:detail", args=[99999])).status_code == 404


def test_read_is_logged_with_relationship_and_segment(client, personas, casus):
    login(client, personas.procesregisseur)
    client.get(reverse("casussen:detail", args=[casus.pk]), HTTP_USER_AGENT="Testbrowser")
    log = AuditEntry.objects.filter(gebeurtenis="casus.bekeken").latest("id")
    assert (log.relatie, log.gegevenssegment, log.kanaal, log.user_agent) == (
        "procesregisseur",
        "samenwerking",
        "web",
        "Testbrowser",
    )
    assert log.toestemming is True


def test_only_the_casusregisseur_steers(client, personas, casus):
    login(client, personas.collega_andere_organisatie)
    assert client.get(reverse("casussen:toestemming", args=[casus.pk])).status_code == 403
    assert client.post(reverse("casussen:status", args=[casus.pk]), {"naar": "plan"}).status_code == 403
    login(client, personas.professional)
    assert client.get(reverse("casussen:toestemming", args=[casus.pk])).status_code == 200


def test_aanmelden_keeps_what_was_typed_on_error(client, personas):
    login(client, personas.professional)
    data = {
        "inwoner-voornaam": "Fenna",
        "inwoner-achternaam": "",
        "inwoner-postcode": "12AB",
        "inwoner-geboortedatum": "2999-01-01",
        "gebied": personas.gebied.pk,
        "route": "samenwerkwijze",
        "binnengekomen_via": "huisarts",
        "organisatie": personas.organisatie.pk,
        "aanmelddatum": "2026-11-01",
        "reeds_betrokken": "Thuiszorg Noord",
    }
    response = client.post(reverse("casussen:aanmelden"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is vereist." in html
    assert "Een postcode is vier cijfers en twee letters" in html
    assert "De geboortedatum ligt in de toekomst." in html
    assert 'value="Fenna"' in html and "Thuiszorg Noord" in html
    assert not Casus.objects.exists()


def test_aanmelden_then_consent_then_timeline(client, personas):
    login(client, personas.professional)
    data = {
        "inwoner-voornaam": "Fenna",
        "inwoner-achternaam": "Testinwoner",
        "inwoner-postcode": "1234ab",
        "gebied": personas.gebied.pk,
        "route": "samenwerkwijze",
        "binnengekomen_via": "huisarts",
        "organisatie": personas.organisatie.pk,
        "aanmelddatum": "2026-11-01",
        "casusregisseur": "on",
    }
    response = client.post(reverse("casussen:aanmelden"), data, follow=True)
    casus = Casus.objects.get()
    assert casus.inwoner.postcode == "1234 AB"
    assert "De casus is aangemeld." in response.content.decode()
    response = client.post(
        reverse("casussen:toestemming", args=[casus.pk]),
        {"doel": "samenwerkwijze", "gegeven": "ja", "wijze": "mondeling", "datum": "2026-11-02"},
        follow=True,
    )
    assert "De toestemming is vastgelegd." in response.content.decode()
    casus.refresh_from_db()
    assert casus.status == "vraagverheldering"
    html = client.get(reverse("casussen:tijdlijn", args=[casus.pk])).content.decode()
    assert "Aangemeld via: Huisarts of praktijkondersteuner" in html
    assert "Toestemming gegeven: Wil via de Samenwerkwijze geholpen worden" in html
    assert "Aangemeld → Vraagverheldering" in html


def test_plan_sharing_consent_needs_a_name(client, personas, casus):
    login(client, personas.professional)
    response = client.post(
        reverse("casussen:toestemming", args=[casus.pk]),
        {"doel": "plan_delen", "gegeven": "ja", "wijze": "mondeling", "datum": "2026-11-02"},
    )
    assert "Met wie mag het plan gedeeld worden?" in response.content.decode()


def test_refused_status_change_says_why(client, personas):
    casus = CasusFactory(gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie)
    login(client, personas.professional)
    response = client.post(reverse("casussen:status", args=[casus.pk]), {"naar": "uitvoering"}, follow=True)
    assert "kan de casus niet naar" in response.content.decode()


def test_list_shows_only_my_cases_and_filters(client, personas, casus):
    CasusFactory(
        gebied=personas.gebied,
        professional=personas.niet_betrokken,
        organisatie=personas.organisatie,
        inwoner__achternaam="Anderszins",
    )
    login(client, personas.professional)
    html = client.get(reverse("casussen:lijst")).content.decode()
    assert "Testinwoner" in html and "Anderszins" not in html
    html = client.get(reverse("casussen:lijst"), {"gebied": personas.ander_gebied.pk}).content.decode()
    assert "Testinwoner" not in html
    login(client, personas.procesregisseur)
    html = client.get(reverse("casussen:lijst")).content.decode()
    assert "Testinwoner" not in html and "afgeschermd" in html


def test_the_list_logs_each_resident_it_shows(client, personas, casus):
    """Mijn casussen shows residents' names: a read row per basis naming the cases shown, so
    the resident's "who looked at my data" shows it. The API list logs the same."""
    from samenwerk.casussen import services
    from samenwerk.casussen.models import Toestemming
    from samenwerk.privacy.zegels import verify

    zonder = casus_met_team(personas, inwoner__achternaam="Ingetrokken")
    Toestemming.objects.create(
        casus=zonder, doel="samenwerkwijze", gegeven=False, wijze="mondeling", vastgelegd_door=personas.professional
    )
    login(client, personas.professional)
    client.get(reverse("casussen:lijst"))
    # two bases (consent or not): two rows, each naming its case
    rijen = {
        tuple(r.casus_ids): r for r in AuditEntry.objects.filter(gebeurtenis="casus.lijst", gebruiker_id=personas.professional.pk)
    }
    assert set(rijen) == {(casus.pk,), (zonder.pk,)}
    rij = rijen[(casus.pk,)]
    assert (rij.actie, rij.inwoner_ids, rij.inwoner_id, rij.gegevenssegment, rij.velden, rij.kanaal) == (
        "read", [casus.inwoner_id], None, "persoonsgegevens", ["achternaam", "voornaam"], "web",
    )  # fmt: skip
    assert (rij.relatie, rij.rol, rij.organisatie, rij.grond_rol, rij.noodtoegang) == (
        "casusregisseur", "casusregisseur", str(personas.organisatie), True, False,
    )  # fmt: skip
    assert (rij.toestemming, rijen[(zonder.pk,)].toestemming) == (True, False)  # the latest consent counts
    client.get(reverse("api:casussen"))
    assert AuditEntry.objects.filter(gebeurtenis="casus.lijst", kanaal="api").count() == 2
    # emergency access puts the case on the list, and says so in the log
    login(client, personas.gebiedsaanjager)
    services.breek_het_glas(actor=personas.gebiedsaanjager, casus=casus, reden="Zorgen over de veiligheid")
    client.get(reverse("casussen:lijst"))
    nood = AuditEntry.objects.get(gebeurtenis="casus.lijst", gebruiker_id=personas.gebiedsaanjager.pk)
    assert (nood.casus_ids, nood.noodtoegang, nood.reden, nood.grond_rol) == (
        [casus.pk],
        True,
        "Zorgen over de veiligheid",
        False,
    )
    assert not list(verify())


def test_the_procesregisseurs_list_logs_no_resident(client, personas, casus):
    login(client, personas.procesregisseur)
    assert "afgeschermd" in client.get(reverse("casussen:lijst")).content.decode()
    client.get(reverse("api:casussen"))
    assert not AuditEntry.objects.filter(gebeurtenis="casus.lijst").exists()


def test_list_query_count_is_constant(client, personas):
    login(client, personas.professional)

    def make(n):
        for casus in CasusFactory.create_batch(
            n, gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie
        ):
            casus.betrokkenen.create(user=personas.collega_andere_organisatie, organisatie=personas.andere_organisatie)

    assert_constant_queries(make, lambda: client.get(reverse("casussen:lijst")))


def test_detail_query_count_does_not_grow_with_network_and_consents(client, personas, casus):
    from samenwerk.casussen import services

    login(client, personas.professional)

    def make(n):
        for i in range(n):
            services.voeg_netwerklid_toe(actor=personas.professional, casus=casus, naam=f"Lid {i}", relatie="buur", rol="buur")
            services.leg_toestemming_vast(actor=personas.professional, casus=casus, doel="zet", gegeven=True, wijze="mondeling")

    assert_constant_queries(make, lambda: client.get(reverse("casussen:detail", args=[casus.pk])))
