"""The rule framework of the signal engine (domain.md §3 steps 5-6, §10).

A rule is a function `(vandaag, normen, gemeente) -> Iterable[Bevinding]`, marked with
`@regel(...)` and listed by dotted path in `settings.SIGNALERING_REGELS`, so other apps add
their own rules (the meetings app adds its meeting rules there). A rule may fetch its
candidates in one query; the decision about each row is a pure function of the row, today
and the municipality's numbers, tested on its own (tests/signalering/test_regels.py).

A finding names *who should know* by case role; the engine turns that into people and only
ever keeps the people who can open the case (`Casus.objects.for_user`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings
from django.utils.functional import Promise
from django.utils.module_loading import import_string

from samenwerk.gemeenten.models import Gemeente, Normen


class Ontvanger:
    """Case roles a finding can be addressed to (besides named people)."""

    CASUSREGISSEUR = "casusregisseur"  # while a case has none: every active participant
    PROCESREGISSEUR = "procesregisseur"
    DEELNEMERS = "deelnemers"  # every active participant (casusregisseur included)


REGIE = frozenset({Ontvanger.CASUSREGISSEUR, Ontvanger.PROCESREGISSEUR})


@dataclass(frozen=True)
class Soort:
    """One kind of signal. `gebiedsaanjager`: counted per area on the gebiedsaanjager's dashboard."""

    code: str
    label: str | Promise
    gebiedsaanjager: bool = False


@dataclass(frozen=True)
class Bevinding:
    """What a rule found: about which case and which object, due when, for whom. The text
    is short and holds no personal data (it is shown in lists and counted in e-mails)."""

    soort: str
    casus_id: int
    onderwerp: tuple[str, int]  # ("app_label.model", pk)
    vervaldatum: datetime.date
    tekst: str = ""
    ontvangers: frozenset[str] = REGIE
    gebruikers: frozenset[int] = field(default_factory=frozenset)  # named people, e.g. an agreement's owner


class Regel(Protocol):
    soort: Soort

    def __call__(self, vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterable[Bevinding]: ...


RegelFunctie = Callable[..., Iterable[Bevinding]]


def regel(code: str, label: str | Promise, *, gebiedsaanjager: bool = False) -> Callable[[RegelFunctie], Regel]:
    """Mark a function as the rule for one kind of signal."""

    def markeer(functie: RegelFunctie) -> Regel:
        functie.soort = Soort(code=code, label=label, gebiedsaanjager=gebiedsaanjager)  # type: ignore[attr-defined]
        return functie  # type: ignore[return-value]

    return markeer


def regels() -> list[Regel]:
    """The rules in `settings.SIGNALERING_REGELS`, in that order."""
    return [import_string(pad) for pad in settings.SIGNALERING_REGELS]


def soorten() -> dict[str, Soort]:
    return {r.soort.code: r.soort for r in regels()}


def label_van(code: str) -> str:
    soort = soorten().get(code)
    return str(soort.label) if soort else code


class Urgentie:
    TE_LAAT = "te_laat"
    DEZE_WEEK = "deze_week"
    LATER = "later"


def urgentie(vervaldatum: datetime.date, vandaag: datetime.date) -> str:
    """Past due; due today or within seven days; later."""
    if vervaldatum < vandaag:
        return Urgentie.TE_LAAT
    if vervaldatum <= vandaag + datetime.timedelta(days=7):
        return Urgentie.DEZE_WEEK
    return Urgentie.LATER
