"""Import and export of the price list as real CSV and XLSX files: round trips, Dutch
notation, an error per row and column, all or nothing, and the same file twice is a no-op."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from samenwerk.rendement import services
from samenwerk.rendement.keuzes import Eenheid, Wet
from samenwerk.rendement.models import Prijsitem
from samenwerk.rendement.uitwisseling import ImportMislukt, exporteer_csv, exporteer_xlsx, lees_items
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

pytestmark = pytest.mark.django_db

KOP = ["code", "omschrijving", "eenheid", "prijs", "bron", "wet"]


def xlsx(rijen: list[list[object]]) -> bytes:
    """A real spreadsheet, written by openpyxl as Excel would store it."""
    boek = Workbook()
    for rij in rijen:
        boek.active.append(rij)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def csv_bestand(regels: list[str], encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(regels) + "\r\n").encode(encoding)


def fouten(inhoud: bytes) -> list[str]:
    with pytest.raises(ImportMislukt) as info:
        lees_items(inhoud)
    return [str(f) for f in info.value.fouten]


def stand(lijst) -> list[tuple]:
    return list(lijst.items.order_by("code").values_list("code", "omschrijving", "eenheid", "prijs", "bron", "wet"))


@pytest.fixture
def lijst(personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente, jaar=2026)
    PrijsitemFactory(prijslijst=lijst, code="MW-UUR", omschrijving="Uur maatschappelijk werk", prijs=Decimal("82.50"))
    PrijsitemFactory(
        prijslijst=lijst,
        code="BW-WEEK",
        omschrijving="Week beschermd wonen",
        eenheid=Eenheid.PER_WEEK,
        prijs=Decimal("1234.56"),
        wet=Wet.WMO,
    )
    PrijsitemFactory(
        prijslijst=lijst,
        code="UITZETTING",
        omschrijving='=HYPERLINK("http://kwaad.example")',  # must stay text, never a formula
        eenheid=Eenheid.EENMALIG,
        prijs=Decimal("6000"),
        wet=Wet.ANDERS,
        bron="-schatting",
    )
    return lijst


# --- export and round trip -----------------------------------------------------------------


def test_csv_export_is_what_dutch_excel_opens(lijst):
    tekst = exporteer_csv(lijst.items.all()).decode("utf-8")
    assert tekst.startswith("\ufeffcode;omschrijving;eenheid;prijs;bron;wet\r\n")
    assert "BW-WEEK;Week beschermd wonen;per week;1234,56;Verzonnen voor de test;Wmo\r\n" in tekst
    assert 'UITZETTING;"\'=HYPERLINK(""http://kwaad.example"")";' in tekst  # a spreadsheet will not run it
    assert ";'-schatting;" in tekst


def test_csv_round_trip_changes_nothing(lijst, personas):
    voor = stand(lijst)
    resultaat = services.importeer_prijslijst(actor=personas.beheerder, prijslijst=lijst, inhoud=exporteer_csv(lijst.items.all()))
    assert (resultaat.toegevoegd, resultaat.gewijzigd, resultaat.ongewijzigd) == (0, 0, 3)
    assert stand(lijst) == voor


def test_xlsx_export_is_a_real_workbook_with_numbers_and_text(lijst):
    boek = load_workbook(io.BytesIO(exporteer_xlsx(lijst, lijst.items.all())))
    blad = boek.active
    assert blad.title == "Prijslijst 2026"
    rijen = list(blad.iter_rows(values_only=True))
    assert list(rijen[0]) == KOP
    assert rijen[1] == ("BW-WEEK", "Week beschermd wonen", "per week", 1234.56, "Verzonnen voor de test", "Wmo")
    assert blad["B4"].data_type == "s"  # the formula-looking description is a string cell
    assert blad["D2"].number_format == "#,##0.00"


def test_xlsx_round_trip_into_another_year(lijst, personas):
    leeg = PrijslijstFactory(gemeente=personas.gemeente, jaar=2027)
    services.importeer_prijslijst(actor=personas.beheerder, prijslijst=leeg, inhoud=exporteer_xlsx(lijst, lijst.items.all()))
    assert stand(leeg) == stand(lijst)


def test_export_writes_dutch_whatever_the_screen_language(lijst, settings):
    from django.utils import translation

    with translation.override("en"):
        tekst = exporteer_csv(lijst.items.all()).decode("utf-8")
    assert ";per week;" in tekst and ";anders\r\n" in tekst


# --- import --------------------------------------------------------------------------------


def test_import_reads_dutch_amounts_and_labels():
    inhoud = csv_bestand(
        [
            "code;omschrijving;eenheid;prijs;bron;wet",
            "mw-uur;Uur maatschappelijk werk;per uur;82,50;Demo;Wmo",
            "BW-WEEK;Week beschermd wonen;week;€ 1.234,56;;wmo",
            "HA-CONSULT;Consult huisarts;per consult;€\u00a012,5;NZa;Zvw",
            "BIJSTAND;Maand bijstand;maand;1.300;;Participatiewet",
        ]
    )
    items = lees_items(inhoud)
    assert [(i.code, i.eenheid, i.prijs, i.wet) for i in items] == [
        ("MW-UUR", "uur", Decimal("82.50"), "wmo"),
        ("BW-WEEK", "week", Decimal("1234.56"), "wmo"),
        ("HA-CONSULT", "consult", Decimal("12.5"), "zvw"),
        ("BIJSTAND", "maand", Decimal("1300"), "participatiewet"),
    ]


def test_import_reads_comma_separated_windows_files():
    inhoud = csv_bestand(["Code,Omschrijving,Eenheid,Prijs,Wet", 'X1,"Uur hulp, thuis",uur,"12,50",Wmo'], "cp1252")
    assert [(i.omschrijving, i.prijs) for i in lees_items(inhoud)] == [("Uur hulp, thuis", Decimal("12.50"))]


def test_import_reads_quoted_comma_separated_files():
    inhoud = csv_bestand(['"Code","Omschrijving","Eenheid","Prijs","Wet"', '"X1","Uur hulp","uur","12.50","Wmo"'])
    assert [(i.code, i.prijs) for i in lees_items(inhoud)] == [("X1", Decimal("12.50"))]


def test_import_of_an_xlsx_with_numbers_and_text_prices():
    inhoud = xlsx([KOP, ["A", "Uur", "per uur", 82.5, None, "Wmo"], ["B", "Week", "per week", "€ 1.234,56", "", "Wlz"], [], []])
    assert [(i.code, i.prijs) for i in lees_items(inhoud)] == [("A", Decimal("82.5")), ("B", Decimal("1234.56"))]


def test_every_wrong_row_is_reported_with_row_and_column():
    inhoud = csv_bestand(
        [
            "code;omschrijving;eenheid;prijs;bron;wet",
            "OK-1;Goed;per uur;10;;Wmo",
            "OK-2;Goed;per uur;10;;Wmo",
            "FOUT-1;Prijs onleesbaar;per uur;12,5x;;Wmo",
            "FOUT-2;;per dag;0;;Wet op de ruimtevaart",
            "OK-1;Dubbel;per uur;10;;Wmo",
            "met spatie;Te veel decimalen;per uur;1,234;;Wmo",
        ]
    )
    assert fouten(inhoud) == [
        "Rij 4, kolom prijs: '12,5x' is geen bedrag",
        "Rij 5, kolom omschrijving: Dit veld is vereist",
        "Rij 5, kolom eenheid: 'per dag' is geen eenheid; kies uit per uur, per consult, per week, per maand, per jaar, eenmalig",
        "Rij 5, kolom prijs: De prijs moet hoger zijn dan € 0,00",
        "Rij 5, kolom wet: 'Wet op de ruimtevaart' is geen wet of budget; "
        "kies uit Wmo, Zvw, Wlz, Participatiewet, Jeugdwet, anders",
        "Rij 6, kolom code: 'OK-1' staat ook al in rij 2",
        "Rij 7, kolom code: Een code bestaat uit letters, cijfers, punten, streepjes en liggende streepjes",
        "Rij 7, kolom prijs: Zorg dat er niet meer dan 2 cijfers achter de komma staan",
    ]


def test_a_price_must_be_more_than_zero():
    inhoud = csv_bestand(["code;omschrijving;eenheid;prijs;wet", "A;Gratis;per uur;0,00;Wmo", "B;Negatief;per uur;-5;Wmo"])
    assert fouten(inhoud) == [
        "Rij 2, kolom prijs: De prijs moet hoger zijn dan € 0,00",
        "Rij 3, kolom prijs: De prijs moet hoger zijn dan € 0,00",
    ]


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"", "Rij 1: Het bestand is leeg."),
        (b"code;omschrijving;prijs\r\nA;B;1\r\n", "Rij 1: de kolom eenheid ontbreekt in de eerste rij"),
        (csv_bestand(["code;omschrijving;eenheid;prijs;wet", ";;;;"]), "Rij 2: Het bestand bevat geen items."),
        (b"\xd0\xcf\x11\xe0oud", "Rij 1: Oude Excel-bestanden (.xls) kunnen niet; sla het op als .xlsx of .csv."),
        (b"PK\x03\x04kapot", "Rij 1: Dit is geen geldig Excel-bestand (.xlsx)."),
        (
            b"code;omschrijving;eenheid;prijs;wet\r\nA;\x00;uur;1;wmo\r\n",
            "Rij 2, kolom omschrijving: Null-tekens zijn niet toegestaan",
        ),
    ],
)
def test_files_that_cannot_be_read(inhoud, melding):
    assert melding in fouten(inhoud)


def test_one_wrong_row_saves_nothing(lijst, personas):
    voor = stand(lijst)
    inhoud = csv_bestand(
        ["code;omschrijving;eenheid;prijs;bron;wet", "MW-UUR;Nieuw;per uur;99;;Wmo", "NIEUW;Nieuw item;per uur;12,5x;;Wmo"]
    )
    with pytest.raises(ImportMislukt):
        services.importeer_prijslijst(actor=personas.beheerder, prijslijst=lijst, inhoud=inhoud)
    assert stand(lijst) == voor


def test_import_upserts_by_code_and_twice_changes_nothing(lijst, personas):
    inhoud = csv_bestand(
        [
            "code;omschrijving;eenheid;prijs;bron;wet",
            "mw-uur;Uur maatschappelijk werk;per uur;85,00;Verzonnen voor de test;Wmo",
            "HA-CONSULT;Consult huisarts;per consult;36;;Zvw",
        ]
    )
    eerste = services.importeer_prijslijst(actor=personas.beheerder, prijslijst=lijst, inhoud=inhoud)
    assert (eerste.toegevoegd, eerste.gewijzigd, eerste.ongewijzigd, eerste.niet_in_bestand) == (1, 1, 0, 2)
    assert str(eerste) == (
        "1 toegevoegd, 1 gewijzigd, 0 ongewijzigd. "
        "2 items van de prijslijst stonden niet in het bestand; die zijn niet veranderd."
    )
    assert Prijsitem.objects.get(prijslijst=lijst, code="MW-UUR").prijs == Decimal("85.00")
    na_eerste = stand(lijst)
    bijgewerkt = type(lijst).objects.get(pk=lijst.pk).bijgewerkt_op
    tweede = services.importeer_prijslijst(actor=personas.beheerder, prijslijst=lijst, inhoud=inhoud)
    assert (tweede.toegevoegd, tweede.gewijzigd, tweede.ongewijzigd) == (0, 0, 2)
    assert stand(lijst) == na_eerste
    assert type(lijst).objects.get(pk=lijst.pk).bijgewerkt_op == bijgewerkt


def test_import_accepts_the_english_labels_too():
    inhoud = csv_bestand(
        ["code;omschrijving;eenheid;prijs;wet", "B;Maand bijstand;per month;1300;other", "C;Uur;Per Hour;80;Wmo"]
    )
    assert [(i.eenheid, i.wet) for i in lees_items(inhoud)] == [("maand", "anders"), ("uur", "wmo")]


# --- files made to tie up a worker (issue 17 item 8) -----------------------------------------


def xlsx_met_blad(blad_xml: str) -> bytes:
    """A real workbook whose first sheet is replaced by the given XML (what a crafted file
    holds; Excel itself writes empty formatted rows the same way)."""
    import zipfile

    origineel = zipfile.ZipFile(io.BytesIO(xlsx([KOP])))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as nieuw:
        for info in origineel.infolist():
            data = blad_xml.encode() if info.filename == "xl/worksheets/sheet1.xml" else origineel.read(info)
            nieuw.writestr(info.filename, data)
    return uit.getvalue()


def _blad(rijen: str, dimensie: str = "A1:F1") -> str:
    kop = "".join(f'<c r="{k}1" t="inlineStr"><is><t>{n}</t></is></c>' for k, n in zip("ABCDEF", KOP, strict=True))
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimensie}"/><sheetData><row r="1">{kop}</row>{rijen}</sheetData></worksheet>'
    )


def _lees_geteld(monkeypatch, inhoud: bytes) -> tuple[list[str], int, float]:
    """The errors, how many rows were taken from the file, and the seconds it took."""
    import time

    from samenwerk.rendement import uitwisseling

    gelezen = 0
    echte = uitwisseling._lees_xlsx

    def tellend(data):
        nonlocal gelezen
        for rij in echte(data):
            gelezen += 1
            yield rij

    monkeypatch.setattr(uitwisseling, "_lees_xlsx", tellend)
    begin = time.monotonic()
    meldingen = fouten(inhoud)
    return meldingen, gelezen, time.monotonic() - begin


def test_an_xlsx_of_empty_rows_stops_at_the_row_limit(monkeypatch):
    """200,000 empty formatted rows (under 1 MB as a file): every row counts, reading stops
    at the limit instead of walking (and holding) all of them."""
    from samenwerk.rendement.uitwisseling import MAX_RIJEN

    rijen = "".join(f'<row r="{n}"><c r="A{n}" s="0"/></row>' for n in range(2, 200_002))
    inhoud = xlsx_met_blad(_blad(rijen, dimensie="A1:F200001"))
    assert len(inhoud) < 1024 * 1024
    meldingen, gelezen, seconden = _lees_geteld(monkeypatch, inhoud)
    assert meldingen == [f"Rij {MAX_RIJEN + 2}: Meer dan {MAX_RIJEN} rijen (lege rijen tellen mee); splits het bestand."]
    assert gelezen <= MAX_RIJEN + 2
    assert seconden < 5  # generous for a loaded CI machine; alone it takes well under a second


def test_rows_the_file_skips_count_too(monkeypatch):
    """A sheet with only row 1 and row 1,000,000: the reader fills the gap with empty rows."""
    meldingen, gelezen, seconden = _lees_geteld(
        monkeypatch, xlsx_met_blad(_blad('<row r="1000000"><c r="A1000000"/></row>', "A1:F1000000"))
    )
    assert meldingen[0].endswith("rijen (lege rijen tellen mee); splits het bestand.")
    assert gelezen <= 5_002 and seconden < 5


def test_a_sheet_claiming_every_column_is_read_narrow(monkeypatch):
    """The dimension says A1:XFD5000 (16,384 columns): only the first columns are read,
    instead of 16,384 values per row."""
    from samenwerk.rendement import uitwisseling

    rijen = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>C{n}</t></is></c><c r="B{n}" t="inlineStr"><is><t>Uur</t></is></c>'
        f'<c r="C{n}" t="inlineStr"><is><t>uur</t></is></c><c r="D{n}"><v>10</v></c>'
        f'<c r="F{n}" t="inlineStr"><is><t>Wmo</t></is></c></row>'
        for n in range(2, 502)
    )
    breedtes = []
    echte = uitwisseling._lees_xlsx
    monkeypatch.setattr(uitwisseling, "_lees_xlsx", lambda data: (breedtes.append(len(r)) or r for r in echte(data)))
    items = lees_items(xlsx_met_blad(_blad(rijen, dimensie="A1:XFD5000")))
    assert len(items) == 500 and [i.code for i in items[:2]] == ["C2", "C3"]
    assert max(breedtes) <= uitwisseling.MAX_KOLOMMEN


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    """Some 60 kilobytes that unpack to a 60 MB sheet the reader would have to walk."""
    inhoud = xlsx_met_blad(_blad(" " * 60 * 1024 * 1024))
    assert len(inhoud) < 200 * 1024
    assert fouten(inhoud) == ["Rij 1: Uitgepakt is dit bestand groter dan 20 MB; dat kan geen prijslijst zijn."]
