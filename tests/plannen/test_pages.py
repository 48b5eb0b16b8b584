import datetime

import pytest
from django.urls import reverse

from samenwerk.plannen import services
from samenwerk.plannen.models import PLANVELDEN, Samenwerkplan
from samenwerk.privacy.models import AuditEntry
from tests.auth import confirm_recently, login
from tests.factories import CasusFactory, casus_met_team
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

LEEG = dict.fromkeys(PLANVELDEN, "")


@pytest.fixture
def casus(personas):
    casus = casus_met_team(personas, inwoner__voornaam="Fenna", inwoner__achternaam="Testinwoner")
    return casus


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("professional", 200),
        ("collega_andere_organisatie", 200),
        ("procesregisseur", 403),
        ("niet_betrokken", 404),
        ("manager", 404),
        ("professional_andere_gemeente", 404),
    ],
)
def test_who_sees_the_plan(client, personas, casus, persona, status):
    login(client, getattr(personas, persona))
    assert client.get(reverse("plannen:plan", args=[casus.pk])).status_code == status


def test_edit_save_and_read_back(client, personas, casus):
    login(client, personas.professional)
    assert "Dit is het plan van Fenna Testinwoner" in client.get(reverse("plannen:plan", args=[casus.pk])).content.decode()
    data = LEEG | {
        "versie": 0,
        "ik_wil": "Weer rust in mijn hoofd",
        "welzijnscijfer": "4",
        "overleg_nodig": "ja",
        "overleg_reden": "Schulden en wonen",
    }
    response = client.post(reverse("plannen:bewerken", args=[casus.pk]), data, follow=True)
    html = response.content.decode()
    assert "Het plan is opgeslagen." in html and "Weer rust in mijn hoofd" in html and "Versie 1" in html
    assert AuditEntry.objects.filter(gebeurtenis="plan.bekeken", casus_id=casus.pk).exists()


@pytest.mark.parametrize(
    ("cijfer", "melding"), [("0", "minimaal 1"), ("11", "maximaal 10"), ("6,5", "geheel getal"), ("zes", "geheel getal")]
)
def test_bad_wellbeing_keeps_the_text(client, personas, casus, cijfer, melding):
    login(client, personas.professional)
    data = LEEG | {"versie": 0, "ik_wil": "Mijn eigen tekst", "welzijnscijfer": cijfer}
    html = client.post(reverse("plannen:bewerken", args=[casus.pk]), data).content.decode()
    assert melding in html.lower() or melding in html
    assert "Mijn eigen tekst" in html
    assert not Samenwerkplan.objects.exists()


def test_decision_needs_a_reason(client, personas, casus):
    login(client, personas.professional)
    html = client.post(
        reverse("plannen:bewerken", args=[casus.pk]), LEEG | {"versie": 0, "overleg_nodig": "nee"}
    ).content.decode()
    assert "Schrijf kort op waarom wel of geen Samenwerkoverleg nodig is." in html


def test_two_people_editing_the_same_plan(client, personas, casus):
    """The second save is refused, shows what changed and keeps what the second person typed."""
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="Eerste versie"), versie=0)
    login(client, personas.collega_andere_organisatie)
    opened = client.get(reverse("plannen:bewerken", args=[casus.pk])).content.decode()
    assert 'name="versie" value="1"' in opened
    services.wijzig_plan(
        actor=personas.professional,
        casus=casus,
        inhoud=services.PlanInhoud(ik_wil="Eerste versie", nodig_kort="Hulp bij post"),
        versie=1,
    )
    response = client.post(reverse("plannen:bewerken", args=[casus.pk]), LEEG | {"versie": 1, "ik_wil": "Mijn aanvulling"})
    html = response.content.decode()
    assert response.status_code == 409
    assert "Uw wijzigingen zijn niet opgeslagen" in html and "Hulp bij post" in html and "Mijn aanvulling" in html
    assert 'name="versie" value="2"' in html
    assert Samenwerkplan.objects.get().ik_wil == "Eerste versie"
    response = client.post(
        reverse("plannen:bewerken", args=[casus.pk]),
        LEEG | {"versie": 2, "ik_wil": "Mijn aanvulling", "nodig_kort": "Hulp bij post"},
    )
    assert response.status_code == 302
    assert Samenwerkplan.objects.get().versie == 3


def test_compare_versions(client, personas, casus):
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="Oud doel"), versie=0)
    services.wijzig_plan(
        actor=personas.professional,
        casus=casus,
        inhoud=services.PlanInhoud(ik_wil="Nieuw doel", wonen="Huurachterstand"),
        versie=1,
    )
    login(client, personas.professional)
    html = client.get(reverse("plannen:versies", args=[casus.pk]), {"a": 1, "b": 2}).content.decode()
    assert "<del>Oud doel</del>" in html and "<ins>Nieuw doel</ins>" in html and "<ins>Huurachterstand</ins>" in html


def test_agreement_form_and_completion(client, personas, casus):
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="x"), versie=0)
    login(client, personas.collega_andere_organisatie)
    url = reverse("plannen:afspraak", args=[casus.pk])
    vandaag = datetime.date.today()
    html = client.post(
        url,
        {
            "wie": "inwoner",
            "wat": "Verhuizen",
            "start": vandaag.isoformat(),
            "uiterlijke_datum": (vandaag + datetime.timedelta(weeks=9)).isoformat(),
        },
    ).content.decode()
    assert "Dit duurt langer dan 6 weken" in html and "Verhuizen" in html
    response = client.post(
        url, {"wie": "inwoner", "wat": "Bellen met de woningcorporatie", "start": vandaag.isoformat()}, follow=True
    )
    assert "De afspraak is toegevoegd." in response.content.decode()
    afspraak = casus.plan.afspraken.get()
    client.post(reverse("plannen:afspraak-voltooid", args=[casus.pk, afspraak.pk]))
    afspraak.refresh_from_db()
    assert afspraak.voltooid_op == vandaag


def test_rounds_are_shown_apart(client, personas, casus):
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="x"), versie=0)
    services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="Afspraak eerste ronde")
    services.evalueer(
        actor=personas.professional,
        casus=casus,
        inhoud=services.EvaluatieInhoud(acties_gedaan="deels", verdere_acties_nodig=True, welzijnscijfer=6),
    )
    services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="Afspraak tweede ronde")
    login(client, personas.professional)
    html = client.get(reverse("plannen:plan", args=[casus.pk])).content.decode()
    eerste, tweede = html.index("Afspraak eerste ronde"), html.index("Afspraak tweede ronde")
    assert html.index("sw-ronde--0") < eerste < html.index("sw-ronde--1") < tweede


def test_only_the_casusregisseur_evaluates(client, personas, casus):
    login(client, personas.collega_andere_organisatie)
    assert client.get(reverse("plannen:evaluatie", args=[casus.pk])).status_code == 403


def test_plan_page_query_count_is_constant(client, personas, casus):
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="x"), versie=0)
    login(client, personas.professional)
    betrokkene = casus.betrokkenen.get(user=personas.collega_andere_organisatie)
    lid = casus.netwerk.create(naam="Buurvrouw", relatie="buurvrouw", rol="buur")

    def make(n):
        for i in range(n):
            wie = ["inwoner", "professional", "netwerklid"][i % 3]
            services.voeg_afspraak_toe(
                actor=personas.professional, casus=casus, wie=wie, wat=f"Afspraak {i}", betrokkene=betrokkene, netwerklid=lid
            )

    assert_constant_queries(make, lambda: client.get(reverse("plannen:plan", args=[casus.pk])))


def test_my_cases_shows_next_deadline_and_overdue_agreements(client, personas, casus):
    vandaag = datetime.date.today()
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="x"), versie=0)
    start = vandaag - datetime.timedelta(days=30)
    for dagen in (-10, -3):  # two overdue
        services.voeg_afspraak_toe(
            actor=personas.professional,
            casus=casus,
            wie="inwoner",
            wat="te laat",
            start=start,
            uiterlijke_datum=vandaag + datetime.timedelta(days=dagen),
        )
    klaar = services.voeg_afspraak_toe(
        actor=personas.professional,
        casus=casus,
        wie="inwoner",
        wat="klaar",
        start=start,
        uiterlijke_datum=vandaag - datetime.timedelta(days=20),
    )
    services.voltooi_afspraak(actor=personas.professional, afspraak=klaar)
    login(client, personas.professional)
    response = client.get(reverse("casussen:lijst"))
    [rij] = response.context["pagina"].object_list
    assert rij.over_tijd == 2
    assert rij.volgende_deadline == vandaag - datetime.timedelta(days=10)
    assert "2 afspraken over tijd" in response.content.decode()


def test_start_page_counts_my_open_cases_and_overdue_agreements(client, personas, casus, django_assert_max_num_queries):
    vandaag = datetime.date.today()
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="x"), versie=0)
    start = vandaag - datetime.timedelta(days=30)
    services.voeg_afspraak_toe(
        actor=personas.professional,
        casus=casus,
        wie="inwoner",
        wat="te laat",
        start=start,
        uiterlijke_datum=vandaag - datetime.timedelta(days=1),
    )
    CasusFactory(gebied=personas.gebied, afgesloten=True, professional=personas.professional, organisatie=personas.organisatie)
    login(client, personas.professional)
    with django_assert_max_num_queries(10):  # + the signal count in the menu and in the block (signalering)
        response = client.get(reverse("portaal:start"))
    [blok] = [b for b in response.context["blokken"] if b.rol.rol == "sociaal_professional"]
    assert [(str(label), n) for label, n in blok.cijfers][:3] == [
        ("open casussen", 1),
        ("waarvan u casusregisseur bent", 1),
        ("afspraken over tijd", 1),
    ]


def test_inzage_json_holds_everything_and_is_logged_as_export(client, personas, casus):
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="Weer rust"), versie=0)
    services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="Bellen")
    casus.netwerk.create(naam="Buurvrouw Els", relatie="buurvrouw", rol="buur")
    login(client, personas.professional)
    assert "/account/bevestigen/" in client.get(reverse("plannen:inzage", args=[casus.pk]))["Location"]  # re-authenticate first
    confirm_recently(client)
    response = client.get(reverse("plannen:inzage", args=[casus.pk]))
    data = response.json()
    assert data["inwoner"]["achternaam"] == "Testinwoner"
    assert data["plan"]["ik_wil"] == "Weer rust" and data["plan"]["rondes"][0]["afspraken"][0]["wat"] == "Bellen"
    assert data["netwerk"][0]["naam"] == "Buurvrouw Els" and data["toestemmingen"][0]["doel"] == "samenwerkwijze"
    assert AuditEntry.objects.filter(gebeurtenis="inzage.json", actie="export", casus_id=casus.pk).exists()
