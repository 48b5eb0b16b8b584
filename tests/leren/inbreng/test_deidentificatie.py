"""De-identification: our own pass (fast), deduce on the fixture of Dutch case sentences
(slow: the model loads once per test process), and proof that no request loads deduce."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from samenwerk.leren.inbreng import deidentificatie, weergave
from samenwerk.leren.models import Casusinbreng
from tests.auth import login
from tests.factories import casus_met_team

from .helpers import TEKST, geef_toestemming, maak_sessie
from .zinnen import ZINNEN

ROOT = Path(__file__).resolve().parents[3]


def _overleeft(passage: str, tekst: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(passage) + r"(?!\w)", tekst) is not None


@pytest.mark.parametrize(
    ("tekst", "bsn"),
    [("BSN 123456782.", True), ("nummer 123 456 782", True), ("BSN 123456789", False), ("IBAN-deel 111111111", False)],
)
def test_bsn_needs_the_elfproef(tekst, bsn):
    assert any(v.soort == "BSN" for v in deidentificatie.eigen_vondsten(tekst)) is bsn


@pytest.mark.parametrize(
    "tekst",
    ["Hij is 45 jaar.", "een 82-jarige man", "Lotte is negentien jaar", "Jan (91) woont alleen", "op de leeftijd van 7 kwam"],
)
def test_ages(tekst):
    assert [v.soort for v in deidentificatie.eigen_vondsten(tekst)] == ["LEEFTIJD"]


def test_own_pass_finds_phone_postcode_address_dates_email():
    tekst = "Bel 06-12345678 of +31 6 23456789, post naar Kerkstraat 3a, 1234 AB; sinds 12-04-2024 en 5 januari; a@b.nl"
    uit, vervangingen = deidentificatie.vervang(tekst, deidentificatie.eigen_vondsten(tekst))
    for weg in ("06-12345678", "+31 6 23456789", "Kerkstraat 3a", "1234 AB", "12-04-2024", "5 januari", "a@b.nl"):
        assert weg not in uit
    assert [v["soort"] for v in vervangingen] == ["TELEFOON", "TELEFOON", "ADRES", "ADRES", "DATUM", "DATUM", "EMAIL"]


def test_the_same_original_gets_the_same_number():
    tekst = "Bel 0612345678. Nogmaals: 0612345678, of 0687654321."
    uit, _v = deidentificatie.vervang(tekst, deidentificatie.eigen_vondsten(tekst))
    assert uit == "Bel [TELEFOON-1]. Nogmaals: [TELEFOON-1], of [TELEFOON-2]."


def test_manual_passages_keep_earlier_replacements():
    uit, v = deidentificatie.vervang("Kees belt 0612345678 over de bakkerij.", [deidentificatie.Vondst(0, 4, "PERSOON")])
    uit, v = deidentificatie.handmatig(uit, v, ["bakkerij", "0612345678", "niet aanwezig"])
    assert uit == "[PERSOON-1] belt [ANDERS-1] over de [ANDERS-2]."
    assert [(uit[x["begin"] : x["eind"]], x["soort"]) for x in v] == [
        ("[PERSOON-1]", "PERSOON"), ("[ANDERS-1]", "ANDERS"), ("[ANDERS-2]", "ANDERS"),
    ]  # fmt: skip


def test_highlighting_escapes_and_labels_each_replacement():
    uit, v = deidentificatie.vervang("<b>Kees</b> & co", [deidentificatie.Vondst(3, 7, "PERSOON")])
    html = str(weergave.gemarkeerd(uit, v))
    assert html.startswith("&lt;b&gt;<mark") and "&amp; co" in html
    assert '<span class="sw-visueel-verborgen">Vervangen: naam. </span>[PERSOON-1]</mark>' in html


def test_no_page_or_api_module_imports_deduce():
    """Import the whole URL configuration (every view and API module) in a fresh process."""
    code = (
        "import os, sys, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'samenwerk.config.settings'); "
        "django.setup(); from django.urls import get_resolver; get_resolver().url_patterns; "
        "import samenwerk.leren.inbreng.views, samenwerk.leren.inbreng.api, samenwerk.leren.inbreng.tasks; "
        "print('deduce' in sys.modules, 'docdeid' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == "False False"


@pytest.mark.django_db
def test_a_request_only_enqueues(client, personas, monkeypatch):
    """Bringing a case in runs no de-identification in the request: the model loader is
    booby-trapped, and the contribution is still waiting afterwards."""
    monkeypatch.setattr(deidentificatie, "model", lambda: pytest.fail("deduce loaded in a request"))
    monkeypatch.setattr(deidentificatie, "deidentificeer", lambda t: pytest.fail("de-identified in a request"))
    casus, s = casus_met_team(personas), maak_sessie(personas)
    geef_toestemming(personas, casus)
    login(client, personas.professional)
    antwoord = client.post(reverse("leren:inbreng-nieuw", args=[casus.pk]), {"tafel": s.casustafel.pk, "tekst": TEKST})
    assert antwoord.status_code == 302
    assert Casusinbreng.objects.get().status == "wacht"


@pytest.mark.slow
def test_deduce_on_the_fixture_nothing_survives_and_recall_is_measured(capsys):
    """The real model, loaded once for this process. Recall = passages removed / passages
    in the fixture; docs/leren.md reports the numbers printed here."""
    assert len(ZINNEN) >= 30
    totaal = sum(len(p) for _z, p in ZINNEN)
    alleen_deduce = gemist = 0
    for zin, passages in ZINNEN:
        uit, vervangingen = deidentificatie.deidentificeer(zin)
        kaal, _v = deidentificatie.vervang(zin, deidentificatie._deduce_vondsten(zin))
        alleen_deduce += sum(not _overleeft(p, kaal) for p in passages)
        overleefd = [p for p in passages if _overleeft(p, uit)]
        gemist += len(overleefd)
        assert overleefd == [], f"{zin!r} → {uit!r}"
        assert all(uit[v["begin"] : v["eind"]].startswith("[") for v in vervangingen)
    assert deidentificatie.is_geladen()
    with capsys.disabled():
        print(f"\nrecall deduce alone {alleen_deduce}/{totaal} = {alleen_deduce / totaal:.1%}; "
              f"with our pass {totaal - gemist}/{totaal} = {(totaal - gemist) / totaal:.1%}")  # fmt: skip
    assert alleen_deduce / totaal >= 0.85  # what deduce 3.0.6 does alone: 60/67 at the time of writing
