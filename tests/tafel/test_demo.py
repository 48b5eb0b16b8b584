"""The demo table in Lindenhoven: members, a year of biweekly meetings, registrations in
several states, the next meeting's agenda fixed with one registration moved on."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenwerk.signalering.models import Signalering
from samenwerk.tafel.models import Aanmelding, Ecogrampersoon, Kennismaking, Tafel

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # each loads the demo (~10 s)


def test_demo_table():
    call_command("load_demo", "--quiet-logins")
    tafel = Tafel.objects.get(gemeente__slug="lindenhoven", naam="Tafel Lindenhoven")
    assert tafel.leden.actief().count() == 5
    assert tafel.bijeenkomsten.count() >= 26
    assert tafel.bijeenkomsten.filter(begint__lt=timezone.now()).exists()
    assert set(Aanmelding.objects.values_list("triage", flat=True)) == {"", "geschikt", "niet_geschikt", "andere_route"}
    volgende = tafel.bijeenkomsten.filter(begint__gte=timezone.now()).order_by("begint").first()
    assert volgende.blokken.filter(soort="inbreng").count() == 3
    assert Aanmelding.objects.filter(triage="", bijeenkomst__isnull=True).count() == 1


def test_demo_stuurgroep_report_is_worth_reading(client):
    """A year of history: every figure of the report has something in it."""
    from django.urls import reverse

    from samenwerk.gemeenten.models import User
    from samenwerk.tafel import rapport
    from tests.auth import login

    call_command("load_demo", "--quiet-logins")
    tafel = Tafel.objects.get(gemeente__slug="lindenhoven", naam="Tafel Lindenhoven")
    assert tafel.bijeenkomsten.filter(begint__lt=timezone.now()).count() >= 26
    van, tot = rapport.standaardperiode()
    r = rapport.bereken(tafel, van, tot)
    assert r.aanmeldingen >= 15 and set(r.triage) == {"", "geschikt", "niet_geschikt", "andere_route"}
    assert r.mdo >= 8 and r.doorlooptijd_mdo.n >= 8 and r.doorlooptijd_afsluiting.n >= 3
    assert 0 < r.samen < r.mdo_casussen and 0 < r.netwerk < r.aanmeldingen
    assert len(r.organisaties) >= 4 and len(r.leefgebieden) == 5
    assert r.budget["casussen"] >= 4 and r.budget["potten"][0].saldo > 0
    assert tafel.aanmeldingen.filter(casuschecks__isnull=False).exists()
    assert tafel.aanmeldingen.filter(procesevaluatie__isnull=False).exists()
    login(client, User.objects.get(email="tafelvoorzitter@lindenhoven.example"))
    assert client.get(reverse("tafel:rapport", args=[tafel.pk])).status_code == 200


def test_demo_werkwijze_and_its_signals():
    call_command("load_demo", "--quiet-logins")
    assert Kennismaking.objects.count() == 2 and Ecogrampersoon.objects.count() == 5
    soorten = set(Signalering.objects.filter(soort__startswith="tafel.").values_list("soort", flat=True))
    assert {"tafel.geen_bijeenkomst", "tafel.mdo_niet_binnen_termijn", "tafel.vervolg_niet_binnen_termijn"} <= soorten
    call_command("load_demo", "--quiet-logins")
    assert Kennismaking.objects.count() == 2 and Tafel.objects.filter(naam="Tafel Heuvelrand").count() == 1
