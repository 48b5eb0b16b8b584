"""The ZET pages: who sees what, the report as PDF and XLSX, constant query counts."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samenwerk.casussen.models import Betrokkene
from samenwerk.gemeenten.models import Rol
from samenwerk.privacy.models import AuditEntry
from samenwerk.zet import services
from samenwerk.zet.models import Evaluatieronde, Rondecasus
from tests.auth import login
from tests.factories import CasusFactory, RoltoewijzingFactory, UserFactory
from tests.pdf import pdf_tekst
from tests.querycount import assert_constant_queries

from .helpers import BEGIN, dag, geef_zet_toestemming, interview, vul_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def gevuld(personas, z):  # type: ignore[no-untyped-def]
    rc = z.rcs[0]
    inwoner = interview(personas, z, rc)
    naam = rc.casus.inwoner.achternaam
    vul_in(personas, inwoner, [1, 4, 4, 4, 4], tekst=f"Ik wist niet waar ik moest zijn; Jan de Vries belde 06-12345678. {naam}")
    prof = interview(personas, z, rc, bron="professional", professional=personas.professional)
    vul_in(personas, prof, [4, 4, 4, 4, 4], tekst="Zij kwam via de huisarts")
    antwoord = inwoner.antwoorden.get(thema__volgorde=1)
    draad = services.maak_rode_draad(
        actor=personas.onderzoeker, ronde=z.ronde, naam="Het loket is onbekend", antwoorden=[antwoord.pk]
    )
    punt = services.maak_verbeterpunt(
        actor=personas.onderzoeker, ronde=z.ronde, tekst="Eén voordeur voor vragen", uiterlijk=dag(200),
        eigenaar_organisatie=personas.organisatie, rode_draden=[draad.pk],
    )  # fmt: skip
    z.inwoner, z.prof, z.punt = inwoner, prof, punt
    return z


def pagina_urls(z):  # type: ignore[no-untyped-def]
    r = z.ronde.pk
    return [
        reverse("zet:lijst"),
        reverse("zet:vergelijk"),
        reverse("zet:detail", args=[r]),
        reverse("zet:casus", args=[r, z.rcs[0].pk]),
        reverse("zet:interview", args=[r, z.inwoner.pk]),
        reverse("zet:interview", args=[r, z.prof.pk]),
        reverse("zet:analyse", args=[r]),
        reverse("zet:verbeterpunten", args=[r]),
        reverse("zet:rapport", args=[r]),
        reverse("zet:rapport", args=[r]) + "?versie=extern",
    ]


def test_every_page_for_the_evaluator_and_the_beheerder(client, personas, gevuld):
    for user in (personas.onderzoeker, gevuld.notulist, personas.beheerder):
        login(client, user)
        for url in pagina_urls(gevuld):
            assert client.get(url).status_code == 200, (user, url)


@pytest.mark.parametrize(
    "persona", ["professional", "collega_andere_organisatie", "gebiedsaanjager", "manager", "tafelvoorzitter"]
)
def test_nobody_else_sees_a_round(client, personas, gevuld, persona):
    login(client, getattr(personas, persona))
    for url in pagina_urls(gevuld)[2:]:
        assert client.get(url).status_code == 404, url


def test_an_interviewed_professional_who_evaluates_cannot_read_that_case(client, personas, gevuld):
    """An onderzoeker who also took part in the case (or was interviewed about it) is shown the
    round, never the interviews about that case (issue 19 privacy)."""
    RoltoewijzingFactory(user=personas.collega_andere_organisatie, rol=Rol.ONDERZOEKER, gemeente=personas.gemeente)
    gevuld.ronde.leden.create(user=personas.collega_andere_organisatie, taak="notulist")
    Betrokkene.objects.filter(casus=gevuld.casussen[1], user=personas.collega_andere_organisatie).delete()
    login(client, personas.collega_andere_organisatie)
    r = gevuld.ronde.pk
    assert client.get(reverse("zet:detail", args=[r])).status_code == 200
    assert client.get(reverse("zet:interview", args=[r, gevuld.inwoner.pk])).status_code == 404
    assert client.get(reverse("zet:casus", args=[r, gevuld.rcs[0].pk])).status_code == 403
    assert client.get(reverse("zet:casus", args=[r, gevuld.rcs[1].pk])).status_code == 200  # a case they had no part in


def test_the_analysis_flags_the_difference_and_counts_observations(client, personas, gevuld):
    login(client, personas.onderzoeker)
    tekst = client.get(reverse("zet:analyse", args=[gevuld.ronde.pk])).content.decode()
    assert "wijkt af</strong> (-3,0)" in tekst
    assert "Het loket is onbekend</strong> – 1 waarneming<" in tekst


def test_reading_an_interview_is_logged(client, personas, gevuld):
    login(client, personas.beheerder)
    client.get(reverse("zet:interview", args=[gevuld.ronde.pk, gevuld.inwoner.pk]))
    rij = AuditEntry.objects.filter(gebeurtenis="zet.interview.bekeken").order_by("-id").first()
    assert (rij.inwoner_id, rij.gebruiker_id, rij.relatie) == (
        gevuld.casussen[0].inwoner_id,
        personas.beheerder.pk,
        "functioneel_beheerder",
    )


def test_the_beheerder_cannot_write(client, personas, gevuld):
    login(client, personas.beheerder)
    url = reverse("zet:interview", args=[gevuld.ronde.pk, gevuld.inwoner.pk])
    assert client.post(url, {"versie": 2}).status_code == 403


def test_saving_an_interview_with_themes_open_keeps_the_text(client, personas, z):
    gesprek = interview(personas, z, z.rcs[0])
    login(client, personas.onderzoeker)
    url = reverse("zet:interview", args=[z.ronde.pk, gesprek.pk])
    eerste = z.ronde.themas.first()
    response = client.post(
        url, {"versie": 0, f"tekst_{eerste.pk}": "Alleen het eerste", f"oordeel_{eerste.pk}": "3"}, follow=True
    )
    assert "Nog niet besproken" in response.content.decode()
    assert "Alleen het eerste" in response.content.decode()
    conflict = client.post(url, {"versie": 0, f"tekst_{eerste.pk}": "Mijn versie"})
    assert conflict.status_code == 409
    assert "Mijn versie" in conflict.content.decode()


def test_choosing_a_case_without_consent_says_why(client, personas, z):
    casus = CasusFactory(gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie)
    login(client, personas.onderzoeker)
    response = client.post(reverse("zet:casus-kiezen", args=[z.ronde.pk]), {"casusnummer": casus.nummer})
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "geen toestemming gegeven voor een ZET-evaluatie" in tekst and casus.nummer in tekst


def test_the_report_as_pdf_and_xlsx(client, personas, gevuld):
    login(client, personas.onderzoeker)
    r = gevuld.ronde.pk
    pdf = client.get(reverse("zet:rapport-pdf", args=[r]))
    assert pdf["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(pdf.content)
    for verwacht in (
        "Het loket is onbekend",
        "Eén voordeur voor vragen",
        "Casus A",
        "wijkt af",
        "Eerste Samenwerkoverleg",
        "Jan de Vries",
    ):
        assert verwacht in tekst, verwacht
    boek = load_workbook(io.BytesIO(client.get(reverse("zet:rapport-xlsx", args=[r])).content))
    assert boek.sheetnames == ["Rode draden", "Verbeterpunten", "Bronnen per casus", "Dossierfeiten"]
    bronnen = list(boek["Bronnen per casus"].iter_rows(min_row=2, values_only=True))
    eerste = next(rij for rij in bronnen if rij[0] == "Casus A")
    assert eerste[2:6] == (1, 4, -3, "ja")
    feiten = list(boek["Dossierfeiten"].iter_rows(min_row=2, values_only=True))
    assert ("Casus A", "Signaal: aangemeld", BEGIN, 0) in [(a, b, c.date() if c else c, d) for a, b, c, d in feiten]
    assert AuditEntry.objects.filter(gebeurtenis="zet.rapport.bekeken", actie="export").exists()


def test_the_external_report_is_deidentified(client, personas, gevuld):
    login(client, personas.onderzoeker)
    r = gevuld.ronde.pk
    pagina = client.get(reverse("zet:rapport", args=[r]) + "?versie=extern").content.decode()
    assert "Jan de Vries" not in pagina and "06-12345678" not in pagina
    assert "[naam]" in pagina and "[telefoon]" in pagina
    tekst = pdf_tekst(client.get(reverse("zet:rapport-pdf", args=[r]) + "?versie=extern").content)
    assert "Jan de Vries" not in tekst and "06-12345678" not in tekst
    assert "Welzijn Testwijde" in tekst  # an organisation owning an improvement point is no personal data
    inwoner = gevuld.casussen[0].inwoner
    assert inwoner.achternaam not in tekst


def test_comparing_rounds_shows_recurring_points(client, personas, gevuld):
    tweede = services.maak_ronde(
        actor=personas.onderzoeker, gemeente=personas.gemeente, naam="ZET najaar", van=dag(200), tot=dag(290)
    )
    services.maak_verbeterpunt(
        actor=personas.onderzoeker, ronde=tweede, tekst="eén voordeur  voor vragen", uiterlijk=dag(300), eigenaar=personas.manager
    )
    login(client, personas.onderzoeker)
    tekst = client.get(reverse("zet:vergelijk")).content.decode()
    assert "komt terug" in tekst and "ZET najaar" in tekst and "ZET voorjaar" in tekst


def test_the_list_has_constant_queries(client, personas):
    login(client, personas.onderzoeker)

    def maak(n: int) -> None:
        for _ in range(n):
            services.maak_ronde(actor=personas.onderzoeker, gemeente=personas.gemeente, naam="R", van=dag(0), tot=dag(9))

    assert_constant_queries(maak, lambda: client.get(reverse("zet:lijst")))


def test_round_page_and_analysis_have_constant_queries(client, personas):
    ronde = services.maak_ronde(actor=personas.onderzoeker, gemeente=personas.gemeente, naam="R", van=dag(0), tot=dag(9))
    login(client, personas.onderzoeker)

    def maak(n: int) -> None:
        for _ in range(n):
            casus = CasusFactory(gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie)
            geef_zet_toestemming(casus, personas.professional)
            rc = Rondecasus.objects.create(ronde=ronde, gemeente=personas.gemeente, casus=casus, label="C")
            services.start_interview(
                actor=personas.onderzoeker, rondecasus=rc,
                gegevens=services.Interviewgegevens(
                    bron="inwoner", datum=dag(1), interviewer=personas.onderzoeker, toestemming_vastgelegd=True
                ),
            )  # fmt: skip

    assert_constant_queries(maak, lambda: client.get(reverse("zet:detail", args=[ronde.pk])))
    assert_constant_queries(lambda n: maak(0), lambda: client.get(reverse("zet:analyse", args=[ronde.pk])))


def test_the_analysis_has_constant_queries_over_cases(client, personas):
    ronde = services.maak_ronde(actor=personas.onderzoeker, gemeente=personas.gemeente, naam="R", van=dag(0), tot=dag(9))
    login(client, personas.onderzoeker)

    def maak(n: int) -> None:
        for _ in range(n):
            casus = CasusFactory(gebied=personas.gebied)
            geef_zet_toestemming(casus, personas.professional)
            Rondecasus.objects.create(ronde=ronde, gemeente=personas.gemeente, casus=casus, label="C")

    assert_constant_queries(maak, lambda: client.get(reverse("zet:analyse", args=[ronde.pk])))


def test_an_evaluator_who_is_involved_is_not_offered_as_interviewee(client, personas, z):
    Betrokkene.objects.filter(casus=z.casussen[0]).count()
    login(client, personas.onderzoeker)
    tekst = client.get(reverse("zet:interview-nieuw", args=[z.ronde.pk, z.rcs[0].pk, "professional"])).content.decode()
    assert str(personas.professional) in tekst
    assert client.get(reverse("zet:interview-nieuw", args=[z.ronde.pk, z.rcs[0].pk, "dossier"])).status_code == 302


def test_closed_round_is_read_only(client, personas, z):
    services.rond_af(actor=personas.onderzoeker, ronde=z.ronde)
    assert Evaluatieronde.objects.get(pk=z.ronde.pk).status == "afgerond"
    login(client, personas.onderzoeker)
    assert client.post(reverse("zet:casus-kiezen", args=[z.ronde.pk]), {"casusnummer": "2026-1"}).status_code == 403
    _ = UserFactory
