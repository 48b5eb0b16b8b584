"""ZET in a real browser (issue 19): a round of three consented cases (a fourth without consent
is refused with the reason) → the resident interview with the coverage check → two
professional interviews → the computed dossier facts match the case's records (dates) →
a rode draad across cases → an improvement point (refused without an owner, then saved) →
the report as PDF and XLSX. axe on every page; the main pages also at 360 and 768 px.
With ZET_SCREENSHOTS=<dir> the main pages are photographed at the three widths."""

import io
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from samenwerk.zet.models import Evaluatieronde, Thema
from tests.e2e.conftest import assert_accessible, browser_login
from tests.e2e.test_layout import controleer
from tests.factories import TEST_PASSWORD, CasusFactory
from tests.pdf import pdf_tekst
from tests.zet.helpers import BEGIN, dag, dossiercasus, tweede_onderzoeker

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
FOTO = os.environ.get("ZET_SCREENSHOTS")


def _breedtes(page, naam: str) -> None:  # type: ignore[no-untyped-def]
    for breedte in (360, 768, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (naam, breedte)
        if FOTO:
            page.screenshot(path=str(Path(FOTO) / f"zet-{naam}-{breedte}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_whole_round(live_server, page, personas):
    notulist = tweede_onderzoeker(personas)
    casussen = [dossiercasus(personas) for _ in range(3)]
    zonder = CasusFactory(gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie)

    browser_login(page, live_server.url, personas.onderzoeker.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/zet/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe ronde").click()
    page.get_by_label("Naam van de ronde").fill("ZET voorjaar")
    page.get_by_label("Periode van").fill("2026-03-01")
    page.get_by_label("Periode tot en met").fill("2026-06-30")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", level=1, name="ZET voorjaar").wait_for()
    ronde = Evaluatieronde.objects.get(naam="ZET voorjaar")
    assert ronde.themas.count() == 5

    page.get_by_label("Onderzoeker").select_option(str(notulist.pk))
    page.get_by_label("Taak").select_option("notulist")
    page.get_by_role("button", name="Evaluator toevoegen").click()
    page.get_by_text("De evaluator is toegevoegd.").wait_for()

    # A case without ZET consent: the page says why and keeps the number typed.
    page.get_by_label("Casusnummer").fill(zonder.nummer)
    page.get_by_role("button", name="Casus kiezen").click()
    page.get_by_text("geen toestemming gegeven voor een ZET-evaluatie").wait_for()
    assert page.get_by_label("Casusnummer").input_value() == zonder.nummer
    assert_accessible(page)
    for casus in casussen:
        page.goto(f"{live_server.url}/zet/{ronde.pk}/casussen/kiezen/")
        page.get_by_label("Casusnummer").fill(casus.nummer)
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_text("doet mee in de ronde").wait_for()
    assert ronde.casussen.count() == 3
    _breedtes(page, "ronde")

    # Case A: the computed dossier study matches the case's records.
    page.get_by_role("link", name="Casus A").click()
    page.get_by_role("heading", level=2, name="Dossierstudie (berekend)").wait_for()
    assert page.locator("svg.sw-tijdlijn[role=img]").count() == 1
    datums = page.locator("td[data-datum]").evaluate_all("els => els.map(e => e.dataset.datum)")
    verwacht = [BEGIN, dag(3), dag(10), dag(20), dag(20), dag(30), dag(50), dag(60), dag(70)]
    assert datums == [d.isoformat() for d in verwacht]
    _breedtes(page, "casus")

    # The resident interview with the coverage check.
    page.get_by_role("link", name="Interview met de inwoner starten").click()
    page.get_by_label("Datum van het interview").fill("2026-06-10")
    page.get_by_label("Tweede persoon (notulist)").select_option(str(notulist.pk))
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Leg vast dat de inwoner toestemming gaf voor dit interview.").wait_for()  # nothing typed is lost:
    assert page.get_by_label("Datum van het interview").input_value() == "2026-06-10"
    page.get_by_label("De inwoner gaf toestemming voor dit interview").check()
    page.get_by_label("De inwoner wil achteraf terugkoppeling").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", level=2, name="Dekkingscheck").wait_for()
    assert page.locator(".sw-aandacht__punt").count() == 5
    themas = list(Thema.objects.filter(ronde=ronde).order_by("volgorde"))
    page.locator(f"#id_tekst_{themas[0].pk}").fill("Ik wist niet waar ik moest zijn.")
    page.locator(f"#id_notities_{themas[0].pk}").fill("Inwoner werd emotioneel.")
    page.locator(f"#id_oordeel_{themas[0].pk}").select_option("1")
    page.get_by_role("button", name="Interview opslaan").click()
    page.get_by_text("Het interview blijft open").first.wait_for()
    assert page.locator(".sw-aandacht__punt").count() == 4
    assert page.locator(f"#id_tekst_{themas[0].pk}").input_value() == "Ik wist niet waar ik moest zijn."
    _breedtes(page, "interview")

    # Two professional interviews.
    for professional in (personas.professional, personas.collega_andere_organisatie):
        page.goto(f"{live_server.url}/zet/{ronde.pk}/casussen/{ronde.casussen.get(label='Casus A').pk}/interviews/professional/")
        page.get_by_label("Datum van het interview").fill("2026-06-11")
        page.get_by_label("Professional").select_option(str(professional.pk))
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_role("heading", level=2, name="Dekkingscheck").wait_for()
        for thema in themas:
            page.locator(f"#id_tekst_{thema.pk}").fill("Goed verlopen.")
            page.locator(f"#id_oordeel_{thema.pk}").select_option("4")
        page.get_by_role("button", name="Interview opslaan").click()
        page.get_by_text("Alle thema's zijn besproken.").first.wait_for()
    assert_accessible(page)

    # Analysis: the difference is computed; a rode draad across cases.
    page.goto(f"{live_server.url}/zet/{ronde.pk}/analyse/")
    assert page.get_by_text("wijkt af", exact=True).count() >= 1
    page.get_by_label("Naam van de rode draad").fill("Het loket is onbekend")
    page.get_by_label("Casus A · inwoner", exact=False).first.check()
    page.get_by_label("Casus B: dossierstudie").check()
    page.get_by_role("button", name="Rode draad opslaan").click()
    page.get_by_text("De rode draad is vastgelegd.").wait_for()
    _breedtes(page, "analyse")

    # Improvement point: refused without an owner, nothing typed lost; then saved.
    page.goto(f"{live_server.url}/zet/{ronde.pk}/verbeterpunten/")
    page.get_by_label("Verbeterpunt", exact=True).fill("Eén voordeur voor vragen")
    page.get_by_label("Uiterlijk").fill("2026-12-01")
    page.get_by_label("Het loket is onbekend").check()
    page.get_by_role("button", name="Verbeterpunt opslaan").click()
    page.get_by_text("Een verbeterpunt heeft een eigenaar").first.wait_for()
    assert page.get_by_label("Verbeterpunt", exact=True).input_value() == "Eén voordeur voor vragen"
    page.get_by_label("of eigenaar: organisatie").select_option(str(personas.organisatie.pk))
    page.get_by_role("button", name="Verbeterpunt opslaan").click()
    page.get_by_text("Het verbeterpunt is vastgelegd.").wait_for()
    assert_accessible(page)

    # The report: page, PDF and XLSX.
    page.goto(f"{live_server.url}/zet/{ronde.pk}/rapport/")
    _breedtes(page, "rapport")
    pdf = page.request.get(f"{live_server.url}/zet/{ronde.pk}/rapport.pdf")
    tekst = pdf_tekst(pdf.body())
    for verwacht_tekst in ("Het loket is onbekend", "Eén voordeur voor vragen", "Casus A", "wijkt af", "Eerste Samenwerkoverleg"):
        assert verwacht_tekst in tekst
    boek = load_workbook(io.BytesIO(page.request.get(f"{live_server.url}/zet/{ronde.pk}/rapport.xlsx").body()))
    assert [r[0] for r in boek["Rode draden"].iter_rows(min_row=2, values_only=True)] == ["Het loket is onbekend"]
    bronnen = [r for r in boek["Bronnen per casus"].iter_rows(min_row=2, values_only=True) if r[0] == "Casus A"]
    assert bronnen[0][2:6] == (1, 4, -3, "ja")
    page.goto(f"{live_server.url}/zet/{ronde.pk}/rapport/?versie=extern")
    assert_accessible(page)
    page.goto(f"{live_server.url}/zet/vergelijken/")
    assert_accessible(page)


@pytest.fixture
def zet_demo(live_server):  # type: ignore[no-untyped-def]
    from django.core.management import call_command

    call_command("load_demo", quiet_logins=True)
    return live_server


def test_the_demo_rounds_fit_every_width(zet_demo, page):
    """Every ZET page of the demo round, for its onderzoeker: 360/768/1280 px, touch targets, axe
    (the checks of test_layout.py, on the demo's real texts)."""
    from django.conf import settings
    from django.urls import reverse

    from samenwerk.zet.models import Interview

    ronde = Evaluatieronde.objects.get(naam="ZET voorjaar")
    rc = ronde.casussen.order_by("label").first()
    interview = Interview.objects.filter(rondecasus=rc, bron="inwoner").get()
    paden = [reverse("zet:lijst"), reverse("zet:vergelijk"), reverse("zet:nieuw")]
    paden += [reverse(n, args=[ronde.pk]) for n in ("zet:detail", "zet:bewerken", "zet:casus-kiezen", "zet:analyse")]
    paden += [reverse(n, args=[ronde.pk]) for n in ("zet:verbeterpunten", "zet:rapport")]
    paden += [reverse("zet:casus", args=[ronde.pk, rc.pk]), reverse("zet:interview", args=[ronde.pk, interview.pk])]
    paden += [reverse("zet:interview-nieuw", args=[ronde.pk, rc.pk, "professional"])]
    browser_login(page, zet_demo.url, "onderzoeker@lindenhoven.example", settings.DEMO_PASSWORD)
    fouten = controleer(page, paden, zet_demo.url)
    assert fouten == [], "\n".join(fouten)
