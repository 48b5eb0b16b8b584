"""The benchmark's budget lines (bench/report.py): each says FAIL when its figure is over the
line, at the default scale and at ten times it. The run itself needs PostgreSQL and a quarter
of an hour (`make bench`); the arithmetic that judges it is checked here."""

from __future__ import annotations

from typing import Any

from bench import report


def _uitkomst(**over: Any) -> dict[str, Any]:
    uitkomst: dict[str, Any] = {
        "schaal": 1,
        "dataset": {"seconden": 320.0},
        "paginas": [{"naam": "Mijn casussen", "p95_ms": 51.1, "verhouding": 15.0, "queries": 15, "queries_klein": 15}],
        "vloer": {"html": {"p50_ms": 5.0}, "api": {"p50_ms": 4.0}, "niets": {"p50_ms": 3.0}},
        "jobs": [
            {"naam": "signaleer (alle regels, alle gemeenten)", "seconden": 24.7},
            {"naam": "dagelijkse e-mail voor iedereen (klaarzetten + versturen)", "seconden": 31.2},
            {"naam": "verify_audit_log --dagen 1 (20 zegels, 100000 rijen)", "seconden": 4.2},
        ],
        "load": {"gebruikers": 50, "seconden": 60, "fouten": 0, "per_seconde": 120.0, "p95_ms": 140.0},
        "logregel": {"leeg": {"p50_ms": 0.1}, "vol": {"p50_ms": 0.12}, "rijen": 100_000_000},
    }
    uitkomst.update(over)
    return uitkomst


def _oordeel(uitkomst: dict[str, Any]) -> dict[str, bool]:
    return {b["regel"]: b["pass"] for b in report.budgetten(uitkomst)}


def test_every_line_passes_within_its_budget_and_the_sql_ratio_is_no_longer_a_budget():
    oordeel = _oordeel(_uitkomst())
    assert all(oordeel.values()), oordeel
    assert set(oordeel) == {
        "dataset genereren",
        "Mijn casussen: p95",
        "Mijn casussen: queries (groot / klein)",
        "vloer: lege pagina ÷ verzoek zonder inhoud (p50)",
        "signaleer (alle regels, alle gemeenten)",
        "dagelijkse e-mail voor iedereen (klaarzetten + versturen)",
        "verify_audit_log --dagen 1 (20 zegels, 100000 rijen)",
        "load: fouten (50 gebruikers, 60 s)",
        "load: verzoeken per seconde (50 gebruikers, 60 s)",
        "load: p95 (50 gebruikers, 60 s)",
        "toegangslog: een regel schrijven in het volle log (100000000 rijen) ÷ in een leeg log (p50)",
    }


def test_each_line_fails_just_over_its_budget():
    pagina = {"naam": "Mijn casussen", "p95_ms": 100.01, "verhouding": 1.0, "queries": 15, "queries_klein": 16}
    uitkomst = _uitkomst(
        dataset={"seconden": 600.1},
        paginas=[pagina],
        vloer={"html": {"p50_ms": 12.0}, "api": {"p50_ms": 7.0}, "niets": {"p50_ms": 5.9}},
        jobs=[
            {"naam": "signaleer (alle regels, alle gemeenten)", "seconden": 300.1},
            {"naam": "dagelijkse e-mail voor iedereen (klaarzetten + versturen)", "seconden": 60.1},
            {"naam": "verify_audit_log --dagen 1 (20 zegels, 100000 rijen)", "seconden": 10.01},
        ],
        load={"gebruikers": 50, "seconden": 60, "fouten": 1, "per_seconde": 99.9, "p95_ms": 150.1},
        logregel={"leeg": {"p50_ms": 0.1}, "vol": {"p50_ms": 0.126}, "rijen": 100_000_000},
    )
    oordeel = _oordeel(uitkomst)
    assert not any(oordeel.values()), oordeel


def test_a_million_cases_may_take_an_hour_to_generate():
    assert _oordeel(_uitkomst(schaal=10, dataset={"seconden": 3599.0}))["dataset genereren"]
    assert not _oordeel(_uitkomst(schaal=10, dataset={"seconden": 3601.0}))["dataset genereren"]
    assert not _oordeel(_uitkomst(schaal=1, dataset={"seconden": 601.0}))["dataset genereren"]


def test_a_run_without_the_empty_request_has_no_floor_line():
    """Reports of earlier runs (before the floor was measured) are read without a made-up figure."""
    oordeel = _oordeel(_uitkomst(vloer={"html": {"p50_ms": 12.0}, "api": {"p50_ms": 7.0}}))
    assert "vloer: lege pagina ÷ verzoek zonder inhoud (p50)" not in oordeel
