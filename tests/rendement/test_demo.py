from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenwerk.rendement.keuzes import Eenheid, Wet
from samenwerk.rendement.models import Prijsitem, Prijslijst

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # each loads the demo (~10 s)


def test_lindenhoven_has_an_invented_price_list_for_this_year_and_last():
    call_command("load_demo", "--quiet-logins")
    jaar = timezone.localdate().year
    lijsten = Prijslijst.objects.filter(gemeente__slug="lindenhoven").order_by("jaar")
    assert [lijst.jaar for lijst in lijsten] == [jaar - 1, jaar]
    for lijst in lijsten:
        assert lijst.toelichting.startswith("Demo:")
        assert lijst.items.count() >= 15
        assert all(bron.startswith("Demo") for bron in lijst.items.values_list("bron", flat=True))
        assert set(lijst.items.values_list("eenheid", flat=True)) == set(Eenheid.values)
        assert set(lijst.items.values_list("wet", flat=True)) == set(Wet.values)
    oud, nieuw = (lijst.items.get(code="MW-UUR").prijs for lijst in lijsten)
    assert (oud, nieuw) == (Decimal("81.16"), Decimal("84.00"))  # 84.00 / 1.035, to the cent
    assert not Prijslijst.objects.filter(gemeente__slug="bergwijde").exists()


def test_the_demo_price_list_loads_idempotently_and_keeps_changes():
    call_command("load_demo", "--quiet-logins")
    item = Prijsitem.objects.filter(code="MW-UUR").first()
    item.prijs = Decimal("99.99")
    item.save()
    aantallen = (Prijslijst.objects.count(), Prijsitem.objects.count())
    call_command("load_demo", "--quiet-logins")
    assert (Prijslijst.objects.count(), Prijsitem.objects.count()) == aantallen
    item.refresh_from_db()
    assert item.prijs == Decimal("99.99")


def test_the_demo_has_micro_analyses_so_the_report_is_alive():
    from samenwerk.gemeenten.models import Gemeente
    from samenwerk.rendement.cijfers import Filter, cijfers
    from samenwerk.rendement.models import Microanalyse

    call_command("load_demo", "--quiet-logins")
    call_command("load_demo", "--quiet-logins")  # idempotent
    assert Microanalyse.objects.filter(gemeente__slug="lindenhoven").count() == 4
    c = cijfers(Gemeente.objects.get(slug="lindenhoven"), Filter())
    assert c.aantal_met_analyse == 4 and c.aantal_zonder_analyse == c.aantal_casussen - 4
    assert c.gepaard[0] == 2 and c.kosten_na.n == 2 and c.kosten_herhaling.n == 1
    assert c.kosten_na.totaal > 0
    assert c.zin.startswith(
        "Het ervaren welbevinden steeg gemiddeld van 4 naar 8 (2 casussen); de maatschappelijke kosten daalden"
    )
