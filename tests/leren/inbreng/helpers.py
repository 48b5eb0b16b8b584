"""A leersessie with a casustafel and an evaluatietafel for the tests of leren/inbreng."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Toestemming
from samenwerk.leren.models import Deelname, Leersessie, Leertafel


@dataclass
class Sessie:
    sessie: Leersessie
    casustafel: Leertafel
    evaluatietafel: Leertafel


def maak_sessie(personas, *, dagen: int = 7) -> Sessie:  # type: ignore[no-untyped-def]
    """Next week in the personas' area, facilitated by the gebiedsaanjager. The professional
    and the niet_betrokken colleague sit at the casustafel; the colleague of the other
    organisation at the evaluatietafel, which the gebiedsaanjager leads."""
    begin = timezone.now().replace(microsecond=0) + datetime.timedelta(days=dagen)
    sessie = Leersessie.objects.create(
        gemeente=personas.gemeente, gebied=personas.gebied, begin=begin, eind=begin + datetime.timedelta(hours=2),
        locatie="Buurthuis De Linde", aanjager=personas.gebiedsaanjager,
    )  # fmt: skip
    casustafel = Leertafel.objects.create(sessie=sessie, soort=Leertafel.Soort.CASUS, volgorde=1)
    evaluatietafel = Leertafel.objects.create(
        sessie=sessie, soort=Leertafel.Soort.EVALUATIE, volgorde=2, gespreksleider=personas.gebiedsaanjager
    )
    for user, tafel in (
        (personas.professional, casustafel),
        (personas.niet_betrokken, casustafel),
        (personas.collega_andere_organisatie, evaluatietafel),
    ):
        Deelname.objects.create(sessie=sessie, user=user, tafel=tafel)
    return Sessie(sessie, casustafel, evaluatietafel)


def geef_toestemming(personas, casus, *, gegeven: bool = True) -> Toestemming:  # type: ignore[no-untyped-def]
    return casussen.leg_toestemming_vast(
        actor=personas.professional, casus=casus, doel=Toestemming.Doel.LEERTAFEL, gegeven=gegeven, wijze="mondeling"
    )


TEKST = (
    "Mevrouw Fatima el Amrani (41 jaar) woont aan de Lindelaan 14. Zij belde op 3 maart 2025 met 06-12345678. "
    "Haar BSN is 123456782. Zij wil weer werken."
)


def nep_deidentificeer(tekst: str):  # type: ignore[no-untyped-def]
    """A stand-in for deduce where the test is about the flow, not the model: our own pass
    plus the one name of TEKST (the real model is tested in test_deidentificatie.py)."""
    import re

    from samenwerk.leren.inbreng import deidentificatie

    vondsten = deidentificatie.eigen_vondsten(tekst)
    vondsten += [deidentificatie.Vondst(m.start(), m.end(), "PERSOON") for m in re.finditer("Fatima el Amrani", tekst)]
    return deidentificatie.vervang(tekst, vondsten)
