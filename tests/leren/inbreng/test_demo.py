"""The demo: a shared de-identified case at a casustafel and an evaluatietafel, and filled
evaluatietafels, without loading deduce."""

import pytest
from django.core.management import call_command

from samenwerk.leren.inbreng import deidentificatie
from samenwerk.leren.inbreng.demo import TEKST
from samenwerk.leren.models import Casusinbreng, Evaluatiecel, Evaluatietafel

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # each loads the demo (~10 s)


def test_demo_cases_at_learning_tables(monkeypatch):
    monkeypatch.setattr(deidentificatie, "model", lambda: pytest.fail("the demo must not load deduce"))
    call_command("load_demo", "--quiet-logins")
    inbrengen = list(Casusinbreng.objects.order_by("id"))
    assert [(i.doel, i.status) for i in inbrengen] == [("casustafel", "gedeeld"), ("evaluatietafel", "gedeeld")]
    for inbreng in inbrengen:
        assert inbreng.brontekst == "" and inbreng.casus_id is not None
        for weg in ("Yara El Amrani", "Milan", "38", "Molenhavenstraat 12", "3 februari 2026", "06-41234567", "123456782"):
            assert weg not in inbreng.tekst
    assert "Waterkant" not in inbrengen[0].tekst and "[ANDERS-1]" in inbrengen[0].tekst
    assert "Mijn vraag aan de tafel" in inbrengen[0].tekst and "Mijn vraag" in TEKST
    assert Evaluatietafel.objects.count() == 3  # two of this demo, one of the staircase's (leren.trap.demo)
    # the general one of this demo (11 cells) and the staircase's (4)
    assert sorted(e.cellen.count() for e in Evaluatietafel.objects.filter(algemeen=True)) == [4, 11]
    assert Evaluatietafel.objects.filter(inbreng=inbrengen[1]).get().aanwezigen.count() == 3
    call_command("load_demo", "--quiet-logins")  # idempotent
    assert Casusinbreng.objects.count() == 2 and Evaluatiecel.objects.count() == 19
