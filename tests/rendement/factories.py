"""Factories of the price list (kept beside the tests of this app; they build on tests/factories.py)."""

from __future__ import annotations

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from samenwerk.rendement.keuzes import Eenheid, Wet
from samenwerk.rendement.models import Prijsitem, Prijslijst
from tests.factories import GemeenteFactory


class PrijslijstFactory(DjangoModelFactory):
    class Meta:
        model = Prijslijst

    gemeente = factory.SubFactory(GemeenteFactory)
    jaar = 2026
    toelichting = "Testprijzen, verzonnen."


class PrijsitemFactory(DjangoModelFactory):
    class Meta:
        model = Prijsitem

    prijslijst = factory.SubFactory(PrijslijstFactory)
    code = factory.Sequence(lambda n: f"ITEM-{n:04d}")
    omschrijving = factory.Sequence(lambda n: f"Uur ondersteuning {n}")
    eenheid = Eenheid.PER_UUR
    prijs = Decimal("82.50")
    bron = "Verzonnen voor de test"
    wet = Wet.WMO
