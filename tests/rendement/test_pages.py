"""The price-list pages: professionals read, the functioneel beheerder edits, another
municipality's list does not exist, forms keep what was typed, query counts stay flat."""

import io
import itertools
import re
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from samenwerk.rendement.models import Prijsitem, Prijslijst
from tests.auth import login
from tests.querycount import assert_constant_queries
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lijst(personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente, jaar=2026, toelichting="Verzonnen testprijzen")
    PrijsitemFactory(prijslijst=lijst, code="MW-UUR", omschrijving="Uur maatschappelijk werk", prijs=Decimal("82.50"))
    PrijsitemFactory(prijslijst=lijst, code="BW-WEEK", omschrijving="Week beschermd wonen", prijs=Decimal("1234.56"))
    return lijst


def url(naam, *args):
    return reverse(f"rendement:{naam}", args=args)


def html_van(response) -> str:
    return unescape(response.content.decode())


def bewerk_urls(lijst):
    item = lijst.items.first()
    return [
        ("post", url("nieuw-jaar")),
        ("get", url("item-toevoegen", lijst.jaar)),
        ("post", url("item-toevoegen", lijst.jaar)),
        ("get", url("item-wijzigen", lijst.jaar, item.pk)),
        ("post", url("item-wijzigen", lijst.jaar, item.pk)),
        ("get", url("item-verwijderen", lijst.jaar, item.pk)),
        ("post", url("item-verwijderen", lijst.jaar, item.pk)),
        ("get", url("instellingen", lijst.jaar)),
        ("post", url("instellingen", lijst.jaar)),
        ("get", url("importeren", lijst.jaar)),
        ("post", url("importeren", lijst.jaar)),
    ]


# --- who sees what -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "ziet"),
    [
        ("professional", True),
        ("procesregisseur", True),
        ("gebiedsaanjager", True),
        ("manager", True),
        ("bestuurder", True),
        ("onderzoeker", True),
        ("beheerder", True),
        ("tafelvoorzitter", False),
        ("privacyfunctionaris", False),
        ("zonder_rol", False),
    ],
)
def test_navigation_and_access_per_role(client, personas, lijst, persona, ziet):
    login(client, getattr(personas, persona))
    response = client.get(reverse("portaal:start"))
    assert ("Prijslijst" in [str(i["label"]) for i in response.context["navigatie"]]) is ziet
    assert client.get(url("prijslijsten")).status_code == (200 if ziet else 403)
    assert client.get(url("prijslijst", 2026)).status_code == (200 if ziet else 403)


def test_anonymous_is_sent_to_login(client, lijst):
    response = client.get(url("prijslijst", 2026))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_professional_reads_the_list(client, personas, lijst):
    login(client, personas.professional)
    html = html_van(client.get(url("prijslijst", 2026)))
    assert "Prijslijst 2026 van Testwijde: 2 items" in html
    assert "€ 1.234,56" in html and "€ 82,50" in html
    assert "Een wekelijkse kostenpost telt 42 weken per jaar mee" in html
    assert "Item toevoegen" not in html and "Bestand inlezen" not in html
    assert url("item-wijzigen", 2026, lijst.items.get(code="MW-UUR").pk) not in html
    overzicht = html_van(client.get(url("prijslijsten")))
    assert "Een nieuw jaar beginnen" not in overzicht


@pytest.mark.parametrize("persona", ["professional", "manager", "onderzoeker"])
def test_readers_cannot_edit(client, personas, lijst, persona):
    login(client, getattr(personas, persona))
    voor = list(Prijsitem.objects.values_list("code", "prijs"))
    for methode, adres in bewerk_urls(lijst):
        response = getattr(client, methode)(adres, {"code": "X", "prijs": "1", "jaar": 2030, "weken_per_jaar": 1})
        assert response.status_code == 403, adres
        assert "Alleen de functioneel beheerder" in html_van(response)
    assert list(Prijsitem.objects.values_list("code", "prijs")) == voor
    assert Prijslijst.objects.count() == 1


def test_another_municipality_answers_404(client, personas, lijst):
    elders = PrijslijstFactory(gemeente=personas.andere_gemeente, jaar=2025)
    vreemd = PrijsitemFactory(prijslijst=elders)
    login(client, personas.beheerder)
    assert client.get(url("prijslijst", 2025)).status_code == 404
    assert client.get(url("item-wijzigen", 2026, vreemd.pk)).status_code == 404
    assert client.get(url("item-wijzigen", 2025, vreemd.pk)).status_code == 404
    assert client.post(url("item-verwijderen", 2026, vreemd.pk)).status_code == 404
    assert Prijsitem.objects.filter(pk=vreemd.pk).exists()
    login(client, personas.professional_andere_gemeente)
    assert client.get(url("prijslijst", 2026)).status_code == 404
    assert client.get(url("exporteren", 2026, "csv")).status_code == 404
    assert "Geheim" not in html_van(client.get(url("prijslijsten")))


# --- the beheerder edits -------------------------------------------------------------------


def test_beheerder_starts_a_new_year_as_a_copy(client, personas, lijst):
    login(client, personas.beheerder)
    overzicht = html_van(client.get(url("prijslijsten")))
    assert 'name="jaar" value="2027"' in overzicht  # the year after the newest list
    response = client.post(url("nieuw-jaar"), {"jaar": 2027, "kopieer": "on"}, follow=True)
    assert response.redirect_chain[-1][0] == url("prijslijst", 2027)
    assert "De prijslijst voor 2027 is aangemaakt." in html_van(response)
    assert Prijslijst.objects.get(jaar=2027).items.count() == 2


def test_a_year_that_exists_is_a_form_error(client, personas, lijst):
    login(client, personas.beheerder)
    response = client.post(url("nieuw-jaar"), {"jaar": 2026})
    assert response.status_code == 200
    html = html_van(response)
    assert "Er is al een prijslijst voor 2026." in html
    assert 'name="jaar" value="2026"' in html


def test_beheerder_adds_an_item_in_dutch_notation(client, personas, lijst):
    login(client, personas.beheerder)
    data = {"code": "ha-consult", "omschrijving": "Consult huisarts", "eenheid": "consult", "prijs": "€ 1.234,5", "wet": "zvw"}
    response = client.post(url("item-toevoegen", 2026), data)
    assert response.status_code == 302
    item = lijst.items.get(code="HA-CONSULT")
    assert (item.prijs, item.eenheid, item.wet, item.bron) == (Decimal("1234.50"), "consult", "zvw", "")


def test_a_wrong_item_keeps_what_was_typed(client, personas, lijst):
    login(client, personas.beheerder)
    data = {"code": "mw-uur", "omschrijving": "Mijn omschrijving", "eenheid": "uur", "prijs": "12,5x", "wet": "wmo"}
    html = html_van(client.post(url("item-toevoegen", 2026), data))
    assert "'12,5x' is geen bedrag" in html
    assert 'value="12,5x"' in html and 'value="Mijn omschrijving"' in html
    assert "Niet alles is goed ingevuld" in html
    data["prijs"] = "12,50"
    html = html_van(client.post(url("item-toevoegen", 2026), data))
    assert "Deze code komt al voor in de prijslijst." in html
    assert lijst.items.count() == 2


def test_beheerder_changes_and_deletes_an_item(client, personas, lijst):
    item = lijst.items.get(code="MW-UUR")
    login(client, personas.beheerder)
    html = html_van(client.get(url("item-wijzigen", 2026, item.pk)))
    assert 'value="82,50"' in html  # shown as people type it
    data = {
        "code": "MW-UUR",
        "omschrijving": "Uur maatschappelijk werk",
        "eenheid": "uur",
        "prijs": "85",
        "wet": "wmo",
        "bron": "CBS",
    }
    assert client.post(url("item-wijzigen", 2026, item.pk), data).status_code == 302
    item.refresh_from_db()
    assert (item.prijs, item.bron) == (Decimal("85.00"), "CBS")
    assert "U verwijdert „Uur maatschappelijk werk” (€ 85,00 per uur)" in html_van(
        client.get(url("item-verwijderen", 2026, item.pk))
    )
    response = client.post(url("item-verwijderen", 2026, item.pk), follow=True)
    assert "MW-UUR – Uur maatschappelijk werk is verwijderd." in html_van(response)
    assert not Prijsitem.objects.filter(pk=item.pk).exists()


def test_beheerder_changes_the_weeks_per_year(client, personas, lijst):
    login(client, personas.beheerder)
    response = client.post(url("instellingen", 2026), {"weken_per_jaar": 0, "toelichting": "Nieuw"})
    assert response.status_code == 200 and 'value="0"' in html_van(response)
    assert client.post(url("instellingen", 2026), {"weken_per_jaar": 46, "toelichting": "Nieuw"}).status_code == 302
    lijst.refresh_from_db()
    assert (lijst.weken_per_jaar, lijst.toelichting, lijst.bijgewerkt_door) == (46, "Nieuw", str(personas.beheerder))


# --- import and export on the page ---------------------------------------------------------


def test_import_with_errors_shows_them_per_row_and_saves_nothing(client, personas, lijst):
    login(client, personas.beheerder)
    bestand = io.BytesIO(b"code;omschrijving;eenheid;prijs;wet\r\nA;Goed;uur;10;wmo\r\nB;Fout;uur;12,5x;wmo\r\n")
    bestand.name = "prijzen.csv"
    response = client.post(url("importeren", 2026), {"bestand": bestand})
    html = html_van(response)
    assert response.status_code == 200
    assert "Er is niets opgeslagen: 1 fout in het bestand." in html
    assert "Rij 3, kolom prijs: &#x27;12,5x&#x27; is geen bedrag" in response.content.decode()
    assert lijst.items.count() == 2


def test_import_of_an_xlsx_upserts(client, personas, lijst):
    boek = Workbook()
    boek.active.append(["code", "omschrijving", "eenheid", "prijs", "bron", "wet"])
    boek.active.append(["MW-UUR", "Uur maatschappelijk werk", "per uur", 90, "Verzonnen voor de test", "Wmo"])
    boek.active.append(["NIEUW", "Maand bijstand", "per maand", "€ 1.300,00", "", "Participatiewet"])
    bestand = io.BytesIO()
    boek.save(bestand)
    bestand.seek(0)
    bestand.name = "prijzen.xlsx"
    login(client, personas.beheerder)
    response = client.post(url("importeren", 2026), {"bestand": bestand}, follow=True)
    assert "Het bestand is ingelezen: 1 toegevoegd, 1 gewijzigd, 0 ongewijzigd." in html_van(response)
    assert lijst.items.get(code="MW-UUR").prijs == Decimal("90.00")
    assert lijst.items.get(code="NIEUW").prijs == Decimal("1300.00")


def test_anyone_who_reads_can_download(client, personas, lijst):
    login(client, personas.professional)
    response = client.get(url("exporteren", 2026, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="prijslijst-testwijde-2026.csv"'
    assert "MW-UUR;Uur maatschappelijk werk;per uur;82,50" in response.content.decode("utf-8-sig")
    response = client.get(url("exporteren", 2026, "xlsx"))
    rijen = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rijen[2][:4] == ("MW-UUR", "Uur maatschappelijk werk", "per uur", 82.5)
    assert client.get(url("exporteren", 2026, "pdf")).status_code == 404


# --- quality -------------------------------------------------------------------------------


def test_pages_have_no_inline_styles_or_scripts(client, personas, lijst):
    login(client, personas.beheerder)
    item = lijst.items.first()
    for adres in [
        url("prijslijsten"),
        url("prijslijst", 2026),
        url("item-toevoegen", 2026),
        url("item-wijzigen", 2026, item.pk),
        url("item-verwijderen", 2026, item.pk),
        url("instellingen", 2026),
        url("importeren", 2026),
    ]:
        html = client.get(adres).content.decode()
        assert not re.search(r"\sstyle=|<style|<script>|\son[a-z]+=", html), adres
        for tabel in re.findall(r"<table.*?</table>", html, re.S):
            assert "<caption" in tabel, adres


def test_price_list_page_query_count_is_constant(client, personas, lijst):
    login(client, personas.beheerder)
    leeg = PrijslijstFactory(gemeente=personas.gemeente, jaar=2025)
    assert_constant_queries(
        lambda n: PrijsitemFactory.create_batch(n, prijslijst=leeg), lambda: client.get(url("prijslijst", 2025))
    )
    jaren = itertools.count(1900)  # 100 lists, clear of the years the test already has
    assert_constant_queries(
        lambda n: [PrijsitemFactory(prijslijst__gemeente=personas.gemeente, prijslijst__jaar=next(jaren)) for _ in range(n)],
        lambda: client.get(url("prijslijsten")),
    )


def test_the_pages_speak_english_too(client, personas, lijst):
    login(client, personas.beheerder)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = html_van(client.get(url("prijslijst", 2026)))
    assert "Price list 2026 of Testwijde: 2 items" in html
    assert "A weekly cost counts 42 weeks a year" in html
    assert "per hour" in html and "Add item" in html
    data = {"code": "X", "omschrijving": "Y", "eenheid": "uur", "prijs": "12,5x", "wet": "wmo"}
    assert "'12,5x' is not an amount" in html_van(client.post(url("item-toevoegen", 2026), data))
