"""The aggregates of social return: checked against a brute-force recomputation on generated
data; the published-style sentence in every grammatical case; the report page, its exports,
its filters and its bounded query count."""

import csv
import datetime
import io
import random
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samenwerk.rendement.cijfers import Filter, Kosten, cijfers, resultaatzin
from samenwerk.rendement.keuzes import Blok, Eenheid, Periode, Wet
from samenwerk.rendement.models import Kostenpost, Microanalyse
from tests.auth import login
from tests.factories import CasusFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
D = Decimal
FACTOR = {Periode.WEEK: 42, Periode.MAAND: 12, Periode.JAAR: 1, Periode.EENMALIG: 1}


def maak(personas, toeval, n, *, gebied=None):
    """n cases; most get an analysis with random scores and lines (written straight to the tables)."""
    for _ in range(n):
        casus = CasusFactory(
            gebied=gebied or toeval.choice([personas.gebied, personas.ander_gebied]),
            professional=personas.professional,
            organisatie=personas.organisatie,
            aanmelddatum=datetime.date(2026, 1, 1) + datetime.timedelta(days=toeval.randrange(300)),
        )
        if toeval.random() < 0.2:
            continue  # a case without an analysis
        cijfer = lambda: toeval.choice([None, *range(1, 11)])  # noqa: E731
        analyse = Microanalyse.objects.create(
            gemeente=personas.gemeente,
            casus=casus,
            datum=datetime.date(2026, 6, 1),
            weken_per_jaar=42,
            welzijn_voor=cijfer(),
            welzijn_na=cijfer(),
            welzijn_herhaling=cijfer(),
            aangemaakt_door="test",
            gewijzigd_door="test",
        )
        for _ in range(toeval.randrange(6)):
            periode = toeval.choice([Periode.WEEK, Periode.MAAND, Periode.JAAR, Periode.EENMALIG])
            Kostenpost.objects.create(
                analyse=analyse,
                gemeente=personas.gemeente,
                blok=toeval.choice(list(Blok)),
                omschrijving="x",
                prijs=D(toeval.randrange(0, 500000)) / 100,
                eenheid=Eenheid.PER_UUR,
                wet=toeval.choice(list(Wet)),
                aantal=D(toeval.randrange(0, 1000)) / 100,
                frequentie=D(toeval.randrange(0, 500)) / 100,
                periode=periode,
            )


def brute_force(personas, gebied=None):
    """Everything again, the plain way: one analysis at a time, one line at a time."""
    analyses = [a for a in Microanalyse.objects.all() if gebied is None or a.casus.gebied == gebied]
    bedrag = lambda r: r.prijs * r.aantal * r.frequentie * (1 if r.blok == Blok.EENMALIG else FACTOR[r.periode])  # noqa: E731
    totaal, n, per_wet, paren = D(0), 0, {}, []
    for a in analyses:
        regels = list(a.regels.all())
        som = {b: sum((bedrag(r) for r in regels if r.blok == b), D(0)) for b in Blok}
        if any(r.blok == Blok.VOOR for r in regels) and any(r.blok == Blok.NA for r in regels):
            n += 1
            totaal += som[Blok.VOOR] - som[Blok.NA] - som[Blok.EENMALIG]
            for r in regels:
                teken = {Blok.VOOR: 1, Blok.NA: -1, Blok.EENMALIG: -1}.get(r.blok, 0)
                per_wet[r.wet] = per_wet.get(r.wet, D(0)) + teken * bedrag(r)
        if a.welzijn_voor is not None and a.welzijn_na is not None:
            paren.append((a.welzijn_voor, a.welzijn_na))
    return analyses, n, totaal, per_wet, paren


@pytest.mark.parametrize("zaad", [1, 2, 3])
def test_the_aggregates_match_a_brute_force_recomputation(personas, zaad):
    maak(personas, random.Random(zaad), 40)
    for gebied in (None, personas.gebied):
        c = cijfers(personas.gemeente, Filter(gebied=gebied))
        analyses, n, totaal, per_wet, paren = brute_force(personas, gebied)
        alle = [cas for cas in personas.gemeente.casussen.all() if gebied is None or cas.gebied == gebied]
        assert c.aantal_casussen == len(alle)
        assert c.aantal_met_analyse == len(analyses)
        assert c.aantal_zonder_analyse == len(alle) - len(analyses)
        assert (c.kosten_na.n, c.kosten_na.totaal) == (n, totaal)
        assert {w: b for w, b in c.per_wet.items() if b} == {Wet(w): b for w, b in per_wet.items() if b}
        assert c.gepaard[0] == len(paren)
        if paren:
            assert c.gepaard[1] * len(paren) == sum(v for v, _ in paren)
        voor = [a.welzijn_voor for a in analyses if a.welzijn_voor is not None]
        assert c.welzijn[0].n == len(voor) and list(c.welzijn[0].verdeling) == [voor.count(i) for i in range(1, 11)]


def test_the_filters(personas):
    maak(personas, random.Random(7), 12, gebied=personas.ander_gebied)
    assert cijfers(personas.gemeente, Filter(gebied=personas.gebied)).aantal_casussen == 0
    assert cijfers(personas.gemeente, Filter(van=datetime.date(2027, 1, 1))).aantal_casussen == 0
    assert cijfers(personas.gemeente, Filter(organisatie=personas.andere_organisatie)).aantal_casussen == 0
    assert cijfers(personas.gemeente, Filter(organisatie=personas.organisatie)).aantal_casussen == 12
    assert cijfers(personas.gemeente, Filter(route="tafel")).aantal_casussen == 0
    assert cijfers(personas.andere_gemeente, Filter()).aantal_casussen == 0


def _k(n, totaal):
    return Kosten(n=n, totaal=D(totaal))


@pytest.mark.parametrize(
    ("gepaard", "kosten", "zin"),
    [
        (
            (21, D("3.5"), D("8.3")),
            _k(32, "130000.40"),
            "Het ervaren welbevinden steeg gemiddeld van 3,5 naar 8,3 (21 casussen); "
            "de maatschappelijke kosten daalden met € 130.000 per jaar (32 casussen).",
        ),
        (
            (1, D(6), D(4)),
            _k(1, "-2500.50"),
            "Het ervaren welbevinden daalde van 6 naar 4 (1 casus); "
            "de maatschappelijke kosten stegen met € 2.501 per jaar (1 casus).",
        ),
        (
            (3, D(5), D(5)),
            _k(2, "0.20"),
            "Het ervaren welbevinden bleef gemiddeld gelijk op 5 (3 casussen); "
            "de maatschappelijke kosten bleven gelijk (2 casussen).",
        ),
        (
            (0, None, None),
            _k(0, "0"),
            "Er is nog geen casus met een welzijnscijfer vooraf én achteraf; "
            "er is nog geen casus met maatschappelijke kosten vooraf én achteraf.",
        ),
        (
            (2, D(7) / 3, D("4.25")),
            _k(1, "99.5"),
            "Het ervaren welbevinden steeg gemiddeld van 2,3 naar 4,3 (2 casussen); "
            "de maatschappelijke kosten daalden met € 100 per jaar (1 casus).",
        ),
    ],
)
def test_the_sentence_in_the_style_of_a_published_result(gepaard, kosten, zin):
    assert resultaatzin(gepaard, kosten) == zin


def test_the_report_page_exports_and_counts(client, personas):
    maak(personas, random.Random(11), 15)
    login(client, personas.manager)
    pagina = client.get(reverse("rapport:rapport")).content.decode()
    c = cijfers(personas.gemeente, Filter())
    assert c.zin in pagina.replace("&#x27;", "'")
    assert "<svg" in pagina and "<desc" in pagina and "Verdeling van de welzijnscijfers" in pagina
    assert f"{c.aantal_zonder_analyse} zonder" in pagina
    for bekend in ("Testinwoner", personas.professional.email):
        assert bekend not in pagina
    rijen = list(
        csv.reader(
            io.StringIO(client.get(reverse("rapport:exporteren", args=["csv"])).content.decode("utf-8-sig")), delimiter=";"
        )
    )
    assert rijen[0] == ["onderdeel", "omschrijving", "n", "waarde"]
    totaal = c.kosten_na.totaal.quantize(D("0.01"), rounding=ROUND_HALF_UP)
    assert next(r[3] for r in rijen if r[1].startswith("verschil per jaar (vooraf")) == format(totaal, "f").replace(".", ",")
    boek = load_workbook(io.BytesIO(client.get(reverse("rapport:exporteren", args=["xlsx"])).content))
    waarden = [[c.value for c in rij] for rij in boek.active.iter_rows()]
    assert ["Casussen", "zonder micro-analyse", None, c.aantal_zonder_analyse] in waarden
    response = client.get(reverse("rapport:rapport"), {"van": "2026-05-01", "tot": "2026-01-01"})
    assert "Deze datum ligt vóór de begindatum." in response.content.decode()


def test_the_report_has_a_bounded_number_of_queries(client, personas):
    login(client, personas.bestuurder)
    toeval = random.Random(5)
    assert_constant_queries(lambda n: maak(personas, toeval, n), lambda: client.get(reverse("rapport:rapport")))


def test_the_aggregates_api(client, personas):
    maak(personas, random.Random(3), 10)
    login(client, personas.gebiedsaanjager)
    url = reverse("api:rendement-cijfers", args=["testwijde"])
    data = client.get(url, {"gebied": personas.gebied.pk}).json()
    c = cijfers(personas.gemeente, Filter(gebied=personas.gebied))
    assert data["aantal_casussen"] == c.aantal_casussen and Decimal(data["kosten_na"]["verschil_totaal"]) == c.kosten_na.totaal
    assert data["zin"] == c.zin
    assert client.get(url, {"van": "geen datum"}).status_code == 400
    login(client, personas.professional)
    assert client.get(url).status_code == 404
