"""De-identification of text that leaves the municipality's evaluators (the report for the
netwerkoverleg or for publication). The learning tables' de-identification (deduce, in the
learning staircase) is used when settings.ZET_DEIDENTIFICATIE names it; until then this
rule-based pass replaces what the records know — the residents', network members' and
professionals' names, organisations — and what patterns reveal: dates, phone numbers,
e-mail addresses, postcodes, ages and house numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.conf import settings
from django.utils.module_loading import import_string

PATRONEN = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"(\+31|0)[\s-]?\d([\s-]?\d){8}"), "[telefoon]"),
    (re.compile(r"\b\d{4}\s?[A-Z]{2}\b"), "[postcode]"),
    (re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"), "[datum]"),
    (
        re.compile(
            r"\b\d{1,2}\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(\s+\d{4})?\b",
            re.I,
        ),
        "[datum]",
    ),
    (re.compile(r"\b\d{1,3}\s*(jaar|jarige?)\b", re.I), "[leeftijd]"),
    # A Dutch name with a tussenvoegsel ("Jan de Vries", "Fatima van den Berg").
    (re.compile(r"\b[A-Z][a-z]+\s+(van der|van den|van de|van|de|der|den|ter|ten|te)\s+[A-Z][a-z]+\b"), "[naam]"),
    (re.compile(r"\b([A-Z][a-z]+(straat|laan|weg|plein|gracht|kade|hof|singel))\s+\d+\w?\b"), "[adres]"),
]


def _namen_patroon(namen: Iterable[str]) -> re.Pattern[str] | None:
    delen = sorted({n.strip() for naam in namen for n in [naam, *naam.split()] if len(n.strip()) >= 3}, key=len, reverse=True)
    if not delen:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(d) for d in delen) + r")\b", re.I)


def regelgebaseerd(tekst: str, namen: Iterable[str] = ()) -> str:
    patroon = _namen_patroon(namen)
    if patroon is not None:
        tekst = patroon.sub("[naam]", tekst)
    for regex, vervanging in PATRONEN:
        tekst = regex.sub(vervanging, tekst)
    return tekst


def deidentificeer(tekst: str, namen: Iterable[str] = ()) -> str:
    pad = getattr(settings, "ZET_DEIDENTIFICATIE", None)
    functie = import_string(pad) if pad else regelgebaseerd
    return functie(tekst, namen) if tekst else tekst
