"""The rule framework of the signal engine (domain.md §3 steps 5-6, §10).

A rule is a function `(vandaag, normen, gemeente) -> Iterable[Bevinding]`, marked with
`@regel(...)` and listed by dotted path in `settings.SIGNALERING_REGELS`, so other apps add
their own rules (the meetings app adds its meeting rules there). A rule may fetch its
candidates in one query; the decision about each row is a pure function of the row, today
and the municipality's numbers, tested on its own (tests/signalering/test_regels.py).

A finding names *who should know* by case role; the engine turns that into people and only
ever keeps the people who can open the case (`Casus.objects.for_user`). A finding about no
case (a table without a meeting, an overdue improvement point, a dilemma: `casus_id=None`)
goes to exactly the people it names who hold a role in the municipality; its rule gives the
`link` to the page where it is handled.
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
    """One kind of signal. `gebiedsaanjager`: counted per area on the gebiedsaanjager's
    dashboard. `link(onderwerp_id)`: the page of the subject, for signals about no case."""

    code: str
    label: str | Promise
    gebiedsaanjager: bool = False
    link: Callable[[int], str] | None = None


@dataclass(frozen=True)
class Bevinding:
    """What a rule found: about which case and which object, due when, for whom. The text
    is short and holds no personal data (it is shown in lists and counted in e-mails)."""

    soort: str
    casus_id: int | None  # None: about no case; then only `gebruikers` get it
    onderwerp: tuple[str, int]  # ("app_label.model", pk)
    vervaldatum: datetime.date
    tekst: str = ""
    ontvangers: frozenset[str] = REGIE
    gebruikers: frozenset[int] = field(default_factory=frozenset)  # named people, e.g. an agreement's owner


class Regel(Protocol):
    soort: Soort

    def __call__(self, vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterable[Bevinding]: ...


RegelFunctie = Callable[..., Iterable[Bevinding]]


def regel(
    code: str, label: str | Promise, *, gebiedsaanjager: bool = False, link: Callable[[int], str] | None = None
) -> Callable[[RegelFunctie], Regel]:
    """Mark a function as the rule for one kind of signal; `link` for findings about no case."""

    def markeer(functie: RegelFunctie) -> Regel:
        functie.soort = Soort(code=code, label=label, gebiedsaanjager=gebiedsaanjager, link=link)  # type: ignore[attr-defined]
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


def link_van(code: str, onderwerp_id: int) -> str:
    """The page a signal about no case leads to ("" when its rule names none)."""
    soort = soorten().get(code)
    return soort.link(onderwerp_id) if soort and soort.link else ""


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
