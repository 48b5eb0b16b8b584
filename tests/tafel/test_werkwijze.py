"""The Werkwijze Samen aan Zet, steps 3-6 (issue 23 item 5): the kennismaking with its one
open centrale vraag and the resident's copy, the ecogram (drawn and as a table; two editors
→ 409), the voorbereiding with the MDO+ meeting's own safety checklist, the MDO+ and the
voortgangsgesprek as meetings of the case. Only the case's own professionals get here."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from samenwerk.overleg import services as overleg
from samenwerk.overleg.models import Overleg
from samenwerk.privacy.models import AuditEntry
from samenwerk.tafel import services, werkwijze
from samenwerk.tafel.models import Ecogram, Ecogrampersoon, Kennismaking
from tests.auth import login
from tests.factories import casus_met_team
from tests.pdf import pdf_tekst
from tests.querycount import assert_constant_queries
from tests.tafel.conftest import gegevens

pytestmark = pytest.mark.django_db

VRAAG = "Hoe kan ik weer het gevoel krijgen dat ik de regie over mijn leven heb?"


@pytest.fixture
def geschikt(personas, tafel):
    """A suitable case: the professional directs it, the colleague (a table member) is the duo."""
    casus = casus_met_team(personas, collega=False, proces=False)
    aanmelding = services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus, gegevens=gegevens())
    services.leg_triage_vast(actor=personas.tafelvoorzitter, aanmelding=aanmelding, uitkomst="geschikt", reden="past")
    services.leg_afspraken_vast(
        actor=personas.tafelvoorzitter, aanmelding=aanmelding, regievoerder=personas.professional,
        duo=tafel.leden.get(user=personas.collega_andere_organisatie),
        terug_op=timezone.localdate() + datetime.timedelta(weeks=6),
    )  # fmt: skip
    aanmelding.refresh_from_db()
    return aanmelding


def _kennismaking(**anders: object) -> werkwijze.Kennismakinggegevens:
    basis = {"datum": timezone.localdate(), "plaats": "thuis", "aanwezig": "Inwoner, duo en zus Fleur", "centrale_vraag": VRAAG}
    return werkwijze.Kennismakinggegevens(**(basis | anders))  # type: ignore[arg-type]


def _persoon(**anders: object) -> werkwijze.Persoongegevens:
    basis = {"naam": "Fleur", "relatie": "zus", "kring": "familie", "nabijheid": 1, "steun": "steunend"}
    return werkwijze.Persoongegevens(**(basis | anders))  # type: ignore[arg-type]


# --- the kennismaking ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vraag", "melding"),
    [
        ("", "Schrijf de centrale vraag op"),
        ("Hoe krijg ik rust", "eindigt met een vraagteken"),
        ("Hoe krijg ik rust? En wie helpt?", "één vraag"),
        ("Kan ik een indicatie voor begeleiding krijgen?", "open vraag"),
        ("Moet ik verhuizen?", "open vraag"),
    ],
)
def test_the_centrale_vraag_is_one_open_question(vraag, melding):
    assert melding in werkwijze.controleer_centrale_vraag(vraag)


def test_the_example_of_the_domain_is_a_good_centrale_vraag():
    assert werkwijze.controleer_centrale_vraag(VRAAG) is None
    assert werkwijze.controleer_centrale_vraag(str(werkwijze.VOORBEELD_CENTRALE_VRAAG)) is None


def test_kennismaking_is_recorded_and_a_second_editor_with_an_old_version_gets_a_conflict(personas, geschikt):
    eerste = werkwijze.leg_kennismaking_vast(actor=personas.professional, aanmelding=geschikt, gegevens=_kennismaking(), versie=0)
    assert (eerste.versie, eerste.centrale_vraag) == (1, VRAAG)
    werkwijze.leg_kennismaking_vast(
        actor=personas.collega_andere_organisatie,
        aanmelding=geschikt,
        gegevens=_kennismaking(vertrouwd_netwerklid="Fleur"),
        versie=1,
    )
    with pytest.raises(werkwijze.WerkwijzeConflict) as conflict:
        werkwijze.leg_kennismaking_vast(actor=personas.professional, aanmelding=geschikt, gegevens=_kennismaking(), versie=1)
    assert conflict.value.huidig == 2
    assert Kennismaking.objects.get().vertrouwd_netwerklid == "Fleur"


def test_kennismaking_refuses_a_date_in_the_future_and_a_case_the_table_did_not_find_suitable(personas, tafel, geschikt):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        werkwijze.leg_kennismaking_vast(
            actor=personas.professional, aanmelding=geschikt, gegevens=_kennismaking(datum=morgen), versie=0
        )
    assert "datum" in fout.value.message_dict
    andere = services.meld_aan(
        actor=personas.professional, tafel=tafel, casus=casus_met_team(personas, collega=False, proces=False), gegevens=gegevens()
    )
    with pytest.raises(ValidationError, match="niet geschikt gevonden"):
        werkwijze.leg_kennismaking_vast(actor=personas.professional, aanmelding=andere, gegevens=_kennismaking(), versie=0)


def test_a_table_member_who_is_not_on_the_case_may_not_record_it(personas, geschikt):
    with pytest.raises(PermissionDenied):
        werkwijze.leg_kennismaking_vast(actor=personas.niet_betrokken, aanmelding=geschikt, gegevens=_kennismaking(), versie=0)


def test_kennismaking_page_explains_the_centrale_vraag_keeps_what_was_typed_and_answers_409_on_a_conflict(
    client, personas, tafel, geschikt
):
    login(client, personas.professional)
    url = reverse("tafel:kennismaking", args=[tafel.pk, geschikt.pk])
    html = client.get(url).content.decode()
    assert "Eén open vraag" in html and VRAAG in html  # the example of domain.md §5
    data = {"datum": timezone.localdate().isoformat(), "plaats": "thuis", "aanwezig": "Inwoner en duo",
            "centrale_vraag": "Kan ik hulp krijgen?", "versie": 0}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Stel een open vraag" in response.content.decode() and "Kan ik hulp krijgen?" in response.content.decode()
    assert client.post(url, data | {"centrale_vraag": VRAAG}).status_code == 302
    response = client.post(url, data | {"centrale_vraag": VRAAG, "aanwezig": "Later"})  # still version 0
    assert response.status_code == 409 and "Iemand anders" in response.content.decode()
    assert Kennismaking.objects.get().aanwezig == "Inwoner en duo"


def test_the_residents_copy_prints_and_downloads_as_pdf_in_plain_dutch(client, personas, tafel, geschikt):
    werkwijze.leg_kennismaking_vast(actor=personas.professional, aanmelding=geschikt, gegevens=_kennismaking(), versie=0)
    login(client, personas.professional)
    pagina = client.get(reverse("tafel:kennismaking-kopie", args=[tafel.pk, geschikt.pk]), HTTP_ACCEPT_LANGUAGE="en")
    tekst = pagina.content.decode()
    assert pagina.status_code == 200 and "Uw vraag" in tekst and VRAAG in tekst  # Dutch, whatever the screen's language
    pdf = client.get(reverse("tafel:kennismaking-pdf", args=[tafel.pk, geschikt.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    inhoud = pdf_tekst(pdf.content)
    assert VRAAG in inhoud and "Wat gebeurt er nu?" in inhoud and str(geschikt.casus.inwoner) in inhoud
    assert AuditEntry.objects.filter(gebeurtenis="tafel.kennismaking.pdf", actie="print").count() == 1


# --- the ecogram -----------------------------------------------------------------------------


def test_ecogram_add_change_remove_each_bumps_the_version_and_a_stale_one_is_a_conflict(personas, geschikt):
    fleur = werkwijze.voeg_persoon_toe(actor=personas.professional, aanmelding=geschikt, gegevens=_persoon(), versie=0)
    werkwijze.voeg_persoon_toe(
        actor=personas.collega_andere_organisatie, aanmelding=geschikt,
        gegevens=_persoon(naam="Henk", relatie="buurman", kring="buurt", nabijheid=2, steun="wisselend"), versie=1,
    )  # fmt: skip
    # The professional still has version 1 on screen: their change is refused, nothing overwritten.
    with pytest.raises(werkwijze.WerkwijzeConflict):
        werkwijze.wijzig_persoon(
            actor=personas.professional, aanmelding=geschikt, persoon_id=fleur.pk, gegevens=_persoon(steun="niet"), versie=1
        )
    assert Ecogrampersoon.objects.get(pk=fleur.pk).steun == "steunend"
    werkwijze.wijzig_persoon(
        actor=personas.professional, aanmelding=geschikt, persoon_id=fleur.pk, gegevens=_persoon(nabijheid=3), versie=2
    )
    werkwijze.verwijder_persoon(actor=personas.professional, aanmelding=geschikt, persoon_id=fleur.pk, versie=3)
    assert Ecogram.objects.get().versie == 4
    assert list(Ecogrampersoon.objects.values_list("naam", flat=True)) == ["Henk"]


def test_ecogram_refuses_a_person_without_name_or_choices(personas, geschikt):
    with pytest.raises(ValidationError) as fout:
        werkwijze.voeg_persoon_toe(
            actor=personas.professional, aanmelding=geschikt, gegevens=_persoon(naam=" ", kring="x", nabijheid=7), versie=0
        )
    assert set(fout.value.message_dict) == {"naam", "kring", "nabijheid"}


def test_ecogram_page_draws_an_accessible_svg_with_the_table_beside_it(client, personas, tafel, geschikt):
    werkwijze.voeg_persoon_toe(actor=personas.professional, aanmelding=geschikt, gegevens=_persoon(), versie=0)
    werkwijze.voeg_persoon_toe(
        actor=personas.professional, aanmelding=geschikt, gegevens=_persoon(naam="Henk", steun="niet", kring="buurt"), versie=1
    )
    login(client, personas.professional)
    html = client.get(reverse("tafel:ecogram", args=[tafel.pk, geschikt.pk])).content.decode()
    assert 'role="img"' in html and 'aria-labelledby="eco-titel eco-uitleg"' in html
    assert "2 personen" in html and "gestippeld niet steunend" in html
    assert 'stroke-dasharray="2 4"' in html  # Henk: not supportive, dotted (not by colour alone)
    assert '<td class="utrecht-table__cell">Niet steunend</td>' in html


def test_ecogram_page_second_editor_gets_409_and_keeps_what_was_typed(client, personas, tafel, geschikt):
    url = reverse("tafel:ecogram", args=[tafel.pk, geschikt.pk])
    login(client, personas.professional)
    data = {"naam": "Fleur", "relatie": "zus", "kring": "familie", "nabijheid": 1, "steun": "steunend", "versie": 0}
    assert client.post(url, data).status_code == 302
    response = client.post(url, data | {"naam": "Ali"})  # loaded at version 0 too
    assert response.status_code == 409
    assert 'value="Ali"' in response.content.decode()
    assert list(Ecogrampersoon.objects.values_list("naam", flat=True)) == ["Fleur"]
    response = client.post(url, data | {"naam": "", "versie": 1})
    assert response.status_code == 400 and "Vul een naam in" in response.content.decode()


def test_ecogram_page_has_constant_queries(client, personas, tafel, geschikt):
    login(client, personas.professional)
    ecogram = Ecogram.objects.create(aanmelding=geschikt)
    url = reverse("tafel:ecogram", args=[tafel.pk, geschikt.pk])

    def personen(n: int) -> None:
        Ecogrampersoon.objects.bulk_create(
            Ecogrampersoon(ecogram=ecogram, naam=f"P{i}", relatie="x", kring="vrienden", nabijheid=2, steun="steunend")
            for i in range(n)
        )

    assert_constant_queries(personen, lambda: client.get(url))


def test_ecogram_api_with_versions(client, personas, tafel, geschikt):
    login(client, personas.professional)
    url = reverse("api:tafel-ecogram", args=[tafel.pk, geschikt.pk])
    assert client.get(url).json() == {"versie": 0, "personen": []}
    nieuw = {"naam": "Fleur", "relatie": "zus", "kring": "familie", "nabijheid": 1, "steun": "steunend", "versie": 0}
    antwoord = client.post(url, nieuw, content_type="application/json")
    assert antwoord.status_code == 201 and antwoord.json()["versie"] == 1
    persoon = antwoord.json()["personen"][0]["id"]
    conflict = client.post(url, nieuw, content_type="application/json")
    assert conflict.status_code == 409 and conflict.json()["versie"] == 1
    fout = client.post(url, nieuw | {"kring": "kerk", "versie": 1}, content_type="application/json")
    assert fout.status_code == 400 and "kring" in fout.json()
    url_persoon = reverse("api:tafel-ecogrampersoon", args=[tafel.pk, geschikt.pk, persoon])
    gewijzigd = client.put(url_persoon, nieuw | {"steun": "wisselend", "versie": 1}, content_type="application/json")
    assert gewijzigd.status_code == 200 and gewijzigd.json()["personen"][0]["steun"] == "wisselend"
    assert client.delete(url_persoon + "?versie=1").status_code == 409
    assert client.delete(url_persoon + "?versie=2").json() == {"versie": 3, "personen": []}


# --- the voorbereiding, the MDO+ and the voortgangsgesprek -----------------------------------


def _mdo(personas, casus, dagen: int, **anders: object) -> Overleg:
    begint = timezone.now() + datetime.timedelta(days=dagen)
    gegevens_ = overleg.OverlegGegevens(
        vorm=anders.pop("vorm", Overleg.Vorm.MDO_PLUS), soort=anders.pop("soort", Overleg.Soort.EERSTE), doel="Het plan maken",
        begint=begint, eindigt=begint + datetime.timedelta(hours=2), voorzitter=("inwoner", None), notulist=("inwoner", None),
    )  # fmt: skip
    return overleg.plan_overleg(actor=personas.professional, casus=casus, gegevens=gegevens_)


def test_voorbereiding_shows_the_mdo_plus_meetings_own_safety_checklist(client, personas, tafel, geschikt):
    login(client, personas.professional)
    url = reverse("tafel:voorbereiding", args=[tafel.pk, geschikt.pk])
    assert "Plan eerst het MDO+" in client.get(url).content.decode()
    mdo = _mdo(personas, geschikt.casus, 10)
    punt = mdo.checklist.get(lijst="veiligheid", code="evenwicht")
    overleg.beantwoord_checklist(actor=personas.professional, overleg=mdo, antwoorden={punt.pk: ("Ja, zus en buurman", False)})
    html = client.get(url).content.decode()
    assert "Is de kring in evenwicht?: Ja, zus en buurman" in html
    assert "Zijn er wettelijke kaders" in html  # the legal frameworks: the same list, reused
    assert reverse("overleg:voorbereiding", args=[geschikt.casus.pk, mdo.pk]) in html


def test_voorbereiding_records_who_informs_whom_and_the_professionals(client, personas, tafel, geschikt):
    login(client, personas.professional)
    url = reverse("tafel:voorbereiding", args=[tafel.pk, geschikt.pk])
    data = {"actie": "informeren", "inwoner_informeert": "Zus Fleur", "duo_legt_uit": "Buurman Henk", "versie": 0}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 409  # a second editor with the version they loaded
    prof = {"actie": "professional", "naam": "J. de Wit", "organisatie": "Schuldhulp", "rol": "", "uitgenodigd": "on"}
    response = client.post(url, prof)
    assert response.status_code == 400 and "Schrijf op wat deze professional" in response.content.decode()
    assert client.post(url, prof | {"rol": "Budgetbeheer"}).status_code == 302
    html = client.get(url).content.decode()
    assert "Budgetbeheer" in html and "Zus Fleur" in html


def test_voorbereiding_page_has_constant_queries(client, personas, tafel, geschikt):
    login(client, personas.professional)
    url = reverse("tafel:voorbereiding", args=[tafel.pk, geschikt.pk])
    _mdo(personas, geschikt.casus, 10)

    def professionals(n: int) -> None:
        for i in range(n):
            werkwijze.voeg_professional_toe(
                actor=personas.professional, aanmelding=geschikt, naam=f"P{i}", organisatie="Org", rol="rol", uitgenodigd=True
            )

    assert_constant_queries(professionals, lambda: client.get(url))


def test_overview_lists_the_mdo_plus_and_the_repeatable_voortgangsgesprekken(client, personas, tafel, geschikt):
    mdo = _mdo(personas, geschikt.casus, 7)
    _mdo(personas, geschikt.casus, 30, vorm=Overleg.Vorm.SAMENWERKWIJZE, soort=Overleg.Soort.VOORTGANG)
    _mdo(personas, geschikt.casus, 60, vorm=Overleg.Vorm.SAMENWERKWIJZE, soort=Overleg.Soort.VOORTGANG)
    login(client, personas.professional)
    html = client.get(reverse("tafel:werkwijze", args=[tafel.pk, geschikt.pk])).content.decode()
    assert reverse("overleg:detail", args=[geschikt.casus.pk, mdo.pk]) in html
    assert "0 van 8 punten" in html  # six safety questions and two about legal frameworks
    assert html.count("?soort=voortgang") == 1 and html.count("Gepland") == 3
    # The meeting app offers the MDO+ and the voortgangsgesprek preselected.
    formulier = client.get(reverse("overleg:nieuw", args=[geschikt.casus.pk]) + "?soort=voortgang").content.decode()
    assert 'value="voortgang" selected' in formulier


def test_a_table_member_not_on_the_case_sees_the_registration_but_none_of_the_werkwijze(client, personas, tafel, geschikt):
    login(client, personas.niet_betrokken)
    assert client.get(reverse("tafel:aanmelding", args=[tafel.pk, geschikt.pk])).status_code == 200
    for naam in ("werkwijze", "kennismaking", "ecogram", "voorbereiding"):
        assert client.get(reverse(f"tafel:{naam}", args=[tafel.pk, geschikt.pk])).status_code == 404
    assert client.get(reverse("api:tafel-ecogram", args=[tafel.pk, geschikt.pk])).status_code == 404


def test_every_read_is_logged(client, personas, tafel, geschikt):
    login(client, personas.collega_andere_organisatie)  # the duo
    client.get(reverse("tafel:ecogram", args=[tafel.pk, geschikt.pk]))
    rij = AuditEntry.objects.get(gebeurtenis="tafel.ecogram.bekeken")
    assert (rij.casus_id, rij.actie) == (geschikt.casus_id, "read")


# --- one list of life domains ----------------------------------------------------------------


def test_the_table_uses_the_plans_life_domains():
    from samenwerk.plannen.models import Leefgebied as PlanLeefgebied
    from samenwerk.plannen.models import Samenwerkplan
    from samenwerk.tafel.models import Leefgebied

    assert Leefgebied is PlanLeefgebied
    # Each domain is a field of the plan's notes per domain, with the same label.
    for code, label in Leefgebied.choices:
        assert str(Samenwerkplan._meta.get_field(code).verbose_name) == str(label)


def test_the_data_migration_maps_the_old_codes_onto_the_plans():
    import importlib

    migratie = importlib.import_module("samenwerk.tafel.migrations.0004_leefgebieden_van_het_plan")
    oud = ["psychisch", "verslaving", "werk", "netwerk", "wonen", "zelfzorg"]
    assert migratie.omzetten(oud, migratie.NAAR_PLAN, migratie.VOLGORDE) == ["gezondheid", "dagelijks_leven", "wonen", "meedoen"]
    assert set(migratie.NAAR_PLAN.values()) <= {"gezondheid", "dagelijks_leven", "financien", "wonen", "meedoen"}


def test_a_registration_with_an_old_life_domain_code_is_refused_by_the_api(client, personas, tafel):
    login(client, personas.professional)
    casus = casus_met_team(personas, collega=False, proces=False)
    data = {"casus": casus.pk, "inwoner_weet_hoe": "gesprek", "inwoner_weet_op": timezone.localdate().isoformat(),
            "leefgebieden": ["wonen", "psychisch"], "geprobeerd": "x", "waarom_vast": "y", "vraag": "z"}  # fmt: skip
    response = client.post(reverse("api:tafel-aanmeldingen", args=[tafel.pk]), data, content_type="application/json")
    assert response.status_code == 400 and "leefgebieden" in response.json()


def test_kennismaking_and_voorbereiding_api(client, personas, tafel, geschikt):
    login(client, personas.collega_andere_organisatie)  # the duo
    url = reverse("api:tafel-kennismaking", args=[tafel.pk, geschikt.pk])
    assert client.get(url).status_code == 404
    data = {"datum": timezone.localdate().isoformat(), "plaats": "buurthuis", "aanwezig": "Inwoner en duo",
            "centrale_vraag": "Wat heb ik nodig?", "versie": 0}  # fmt: skip
    assert client.put(url, data, content_type="application/json").json()["versie"] == 1
    fout = client.put(url, data | {"centrale_vraag": "Ik wil een huis.", "versie": 1}, content_type="application/json")
    assert fout.status_code == 400 and "centrale_vraag" in fout.json()
    assert client.put(url, data, content_type="application/json").status_code == 409
    url = reverse("api:tafel-voorbereiding", args=[tafel.pk, geschikt.pk])
    _mdo(personas, geschikt.casus, 10)
    antwoord = client.put(
        url, {"inwoner_informeert": "Zus", "duo_legt_uit": "Buurman", "versie": 0}, content_type="application/json"
    )
    assert antwoord.status_code == 200
    assert antwoord.json()["overleggen"][0] | {"begint": None, "id": None} == {
        "id": None, "vorm": "mdo_plus", "soort": "eerste", "begint": None, "status": "gepland", "checklist_punten": 8,
        "checklist_klaar": 0,
    }  # fmt: skip
    prof = client.post(
        reverse("api:tafel-mdo-professionals", args=[tafel.pk, geschikt.pk]),
        {"naam": "J. de Wit", "organisatie": "Schuldhulp", "rol": "", "uitgenodigd": True},
        content_type="application/json",
    )
    assert prof.status_code == 400 and "rol" in prof.json()


def test_ecogram_and_voorbereiding_api_have_constant_queries(client, personas, tafel, geschikt):
    login(client, personas.professional)
    ecogram = Ecogram.objects.create(aanmelding=geschikt)
    url = reverse("api:tafel-ecogram", args=[tafel.pk, geschikt.pk])

    def personen(n: int) -> None:
        Ecogrampersoon.objects.bulk_create(
            Ecogrampersoon(ecogram=ecogram, naam=f"P{i}", relatie="x", kring="buurt", nabijheid=3, steun="niet") for i in range(n)
        )

    assert_constant_queries(personen, lambda: client.get(url))
    url = reverse("api:tafel-voorbereiding", args=[tafel.pk, geschikt.pk])

    def overleggen(n: int) -> None:
        for i in range(n):
            _mdo(personas, geschikt.casus, 10 + i, vorm=Overleg.Vorm.SAMENWERKWIJZE, soort=Overleg.Soort.VOORTGANG)

    assert_constant_queries(overleggen, lambda: client.get(url), sizes=(1, 10, 30))


def test_the_residents_inzage_shows_the_werkwijze_and_anonymisation_removes_the_network(personas, geschikt):
    from samenwerk.tafel import privacy

    werkwijze.leg_kennismaking_vast(actor=personas.professional, aanmelding=geschikt, gegevens=_kennismaking(), versie=0)
    werkwijze.voeg_persoon_toe(actor=personas.professional, aanmelding=geschikt, gegevens=_persoon(), versie=0)
    [deel] = privacy.inzage_deel(geschikt.casus)["tafelaanmeldingen"]
    assert deel["kennismaking"]["uw_vraag"] == VRAAG and deel["ecogram"][0]["naam"] == "Fleur"
    privacy.anonimiseer(geschikt.casus, datetime.timedelta(days=3))
    kennismaking = Kennismaking.objects.get()
    assert (kennismaking.centrale_vraag, kennismaking.aanwezig) == ("", "")
    assert kennismaking.datum == timezone.localdate() - datetime.timedelta(days=3)
    assert Ecogrampersoon.objects.get().naam == ""
