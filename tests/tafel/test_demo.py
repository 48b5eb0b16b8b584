"""The demo table in Lindenhoven: members, a year of biweekly meetings, registrations in
several states, the next meeting's agenda fixed with one registration moved on."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenwerk.tafel.models import Aanmelding, Tafel

pytestmark = pytest.mark.django_db


def test_demo_table():
    call_command("load_demo", "--quiet-logins")
    tafel = Tafel.objects.get(gemeente__slug="lindenhoven")
    assert tafel.leden.actief().count() == 5
    assert tafel.bijeenkomsten.count() >= 26
    assert tafel.bijeenkomsten.filter(begint__lt=timezone.now()).exists()
    assert set(Aanmelding.objects.values_list("triage", flat=True)) == {"", "geschikt", "andere_route"}
    volgende = tafel.bijeenkomsten.filter(begint__gte=timezone.now()).order_by("begint").first()
    assert volgende.blokken.filter(soort="inbreng").count() == 3
    assert Aanmelding.objects.filter(triage="", bijeenkomst__isnull=True).count() == 1
