"""The chart in the analysis PDF as WeasyPrint draws it, in Dutch and in English: the PDF's
drawing instructions hold a filled rectangle of a size for every bar. (WeasyPrint, like a
browser, skips a `width="205,0"`: the chart was an empty frame in the Dutch PDF.) The SVG
numbers themselves: one locale-independent helper, `samenwerk.ui.svg.getal`."""

import datetime
import re
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from samenwerk.rendement.keuzes import Blok, Eenheid, Periode, Wet
from samenwerk.rendement.models import Kostenpost, Microanalyse
from samenwerk.ui.svg import getal, punten
from tests.auth import login
from tests.factories import casus_met_team

pytestmark = pytest.mark.django_db

GROEN, ROOD = "0.043137 0.431373 0.309804", "0.639216 0.211765 0.058824"  # #0b6e4f, #a3360f
STAAF = re.compile(
    rb"(?P<kleur>[\d.]+ [\d.]+ [\d.]+) rg\n(?:[^\n]*\n){0,8}?(?P<x>[-\d.]+) (?P<y>[-\d.]+) (?P<w>[-\d.]+) (?P<h>[-\d.]+) re\nf\n"
)


def staven(pdf: bytes) -> list[tuple[str, float, float]]:
    """(colour, width, height) of every filled rectangle in the chart colours of the PDF."""
    result = []
    for stroom in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            tekst = zlib.decompress(stroom)
        except zlib.error:
            continue
        for m in STAAF.finditer(tekst):
            kleur = m["kleur"].decode()
            if kleur in (GROEN, ROOD):
                result.append((kleur, float(m["w"]), float(m["h"])))
    return result


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_the_pdf_draws_every_bar_of_the_chart(client, personas, taal):
    casus = casus_met_team(personas)
    analyse = Microanalyse.objects.create(
        gemeente=personas.gemeente,
        casus=casus,
        datum=datetime.date(2026, 6, 1),
        weken_per_jaar=42,
        aangemaakt_door="t",
        gewijzigd_door="t",
    )
    for blok, prijs in ((Blok.VOOR, "1234.50"), (Blok.NA, "205.25"), (Blok.EENMALIG, "99.99")):
        Kostenpost.objects.create(
            analyse=analyse,
            gemeente=personas.gemeente,
            blok=blok,
            omschrijving="x",
            prijs=Decimal(prijs),
            eenheid=Eenheid.PER_UUR,
            wet=Wet.WMO,
            aantal=Decimal("3.5"),
            frequentie=Decimal("1.5"),
            periode=Periode.MAAND,
        )
    login(client, personas.professional)
    client.cookies["django_language"] = taal
    response = client.get(reverse("analyse:pdf", args=[casus.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    (Path(__file__).resolve().parents[2] / "var").mkdir(exist_ok=True)
    (Path(__file__).resolve().parents[2] / "var" / f"analyse-{taal}.pdf").write_bytes(response.content)  # to look at
    getekend = staven(response.content)
    assert len(getekend) == 3, getekend  # vooraf, eenmalig, achteraf; the two others are not filled in
    assert all(w > 0 and h > 0 for _k, w, h in getekend), getekend


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [(205.0, "205"), (12.345, "12.35"), (Decimal("-0.001"), "0"), (0, "0"), (None, "0"), (1234567.5, "1234567.5")],
)
def test_svg_numbers_have_a_point_and_no_thousands_separator(waarde, tekst, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    from django.utils import translation

    with translation.override("nl"):
        assert getal(waarde) == tekst
    assert punten([(1.5, 2.0), (3.25, 4.5)]) == "1.5,2 3.25,4.5"
