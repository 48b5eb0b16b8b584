"""The demo leersessies: a year in two areas with every kind of table filled in."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenwerk.leren.models import Actieleren, Deelname, Leersessie, Leertafel, Sessiefeedback, Sessieverslag

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # each loads the demo (~10 s)


def test_demo_leersessies():
    call_command("load_demo", "--quiet-logins")
    sessies = Leersessie.objects.filter(gemeente__slug="lindenhoven")
    assert len(set(sessies.values_list("gebied_id", flat=True))) == 2
    assert sessies.filter(begin__lt=timezone.now()).count() >= 18
    assert sessies.filter(begin__gt=timezone.now()).count() >= 4
    assert set(Leertafel.objects.values_list("soort", flat=True)) == set(Leertafel.Soort.values)
    assert Deelname.objects.filter(laat=True, zonder_link=False).exists()
    assert Deelname.objects.filter(zonder_link=True).exists()
    assert Deelname.objects.filter(aanwezig=True, tafel__soort="nieuwkomer").exists()
    assert set(Actieleren.objects.values_list("nuttig_bevonden", flat=True)) == {True, False, None}
    assert Sessieverslag.objects.count() >= 18 and Sessiefeedback.objects.exists()
    # Loading again changes nothing.
    aantal = sessies.count()
    call_command("load_demo", "--quiet-logins")
    assert Leersessie.objects.filter(gemeente__slug="lindenhoven").count() == aantal
