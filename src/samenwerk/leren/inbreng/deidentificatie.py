"""De-identifying a case text for a learning table (domain.md §8): `deduce` plus a small pass
of our own for what it misses (BSN-like numbers with the elfproef, ages written as words,
postcodes, house numbers, more date and phone forms).

`deduce` takes seconds and about a gigabyte to load. It is loaded here, lazily, ONCE per
process, and only the task worker calls `deidentificeer` (leren/inbreng/tasks.py). Nothing a
request runs imports this module's model: `tests/leren/inbreng/test_deidentificatie.py`
proves it.

The result is the new text, with every replaced passage as a placeholder `[SOORT-n]` (the
same original gets the same n within one text), and the list of replacements: the start
and end of the placeholder IN THE NEW TEXT and its kind. The originals are not returned.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

_model: Any = None
_lock = threading.Lock()


def model() -> Any:
    """The deduce model of this process, loaded on first use."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from deduce import Deduce  # heavy: only ever imported here

                _model = Deduce()
    return _model


def is_geladen() -> bool:
    return _model is not None


# deduce's tags → our kinds (the placeholder word and the label read out for a <mark>).
SOORTEN = {
    "persoon": "PERSOON",
    "patient": "PERSOON",
    "locatie": "ADRES",
    "instelling": "INSTELLING",
    "ziekenhuis": "INSTELLING",
    "zorginstelling": "INSTELLING",
    "datum": "DATUM",
    "leeftijd": "LEEFTIJD",
    "telefoonnummer": "TELEFOON",
    "bsn": "BSN",
    "patientnummer": "NUMMER",
    "email": "EMAIL",
    "url": "URL",
    "postcode": "ADRES",
}


@dataclass(frozen=True)
class Vondst:
    begin: int
    eind: int
    soort: str


def _elfproef(cijfers: str) -> bool:
    if len(cijfers) != 9 or not cijfers.isdigit():
        return False
    som = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True)) - int(cijfers[8])
    return som % 11 == 0 and int(cijfers) > 0


_MAANDEN = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_TELWOORDEN = (
    "een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|"
    "achttien|negentien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
)
_STRAAT = r"(?:straat|laan|weg|plein|singel|gracht|kade|dijk|pad|hof|park|steeg|dreef|baan|erf|ring|wal|markt|dam|veld)"
_PATRONEN: list[tuple[str, re.Pattern[str]]] = [
    ("EMAIL", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("TELEFOON", re.compile(r"(?<!\d)(?:\+31[\s-]?(?:\(0\))?[\s-]?|0031[\s-]?|0)(?:[1-9](?:[\s-]?\d){8})(?!\d)")),
    ("ADRES", re.compile(r"\b\d{4}\s?[A-Z]{2}\b")),  # postcode
    (
        "ADRES",
        re.compile(rf"\b[A-Z][a-zé]+(?:[\s-][A-Za-zé]+)*{_STRAAT}\s+\d+(?:\s?[a-zA-Z]\b|-\d+)?", re.UNICODE),
    ),
    ("DATUM", re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b")),
    ("DATUM", re.compile(rf"\b\d{{1,2}}\s+(?:{_MAANDEN})\.?(?:\s+\d{{4}})?\b", re.IGNORECASE)),
    ("DATUM", re.compile(rf"\b(?:{_MAANDEN})\s+\d{{4}}\b", re.IGNORECASE)),
    ("DATUM", re.compile(r"\b(?:19|20)\d{2}-\d{2}-\d{2}\b")),
    (
        "LEEFTIJD",
        re.compile(rf"\b(?:\d{{1,3}}|(?:{_TELWOORDEN})(?:en(?:{_TELWOORDEN}))?)(?=(?:\s*|-)(?:jaar|jarige?n?)\b)", re.IGNORECASE),
    ),
    ("LEEFTIJD", re.compile(r"(?<=\bleeftijd\s)\d{1,3}\b|(?<=\bleeftijd van\s)\d{1,3}\b", re.IGNORECASE)),
    ("LEEFTIJD", re.compile(r"(?<=[A-Za-zé] \()\d{1,3}(?=\))")),  # "Jan de Vries (45)"
]
_NEGEN_CIJFERS = re.compile(r"(?<![\d.])\d(?:[\s.]?\d){8}(?![\d.]\d)")


def eigen_vondsten(tekst: str) -> list[Vondst]:
    """Our own pass: what deduce misses or only finds in some forms."""
    vondsten = [Vondst(m.start(), m.end(), soort) for soort, patroon in _PATRONEN for m in patroon.finditer(tekst)]
    for m in _NEGEN_CIJFERS.finditer(tekst):
        if _elfproef(re.sub(r"\D", "", m.group())):
            vondsten.append(Vondst(m.start(), m.end(), "BSN"))
    return vondsten


def _deduce_vondsten(tekst: str) -> list[Vondst]:
    document = model().deidentify(tekst)
    return [
        Vondst(a.start_char, a.end_char, SOORTEN.get(a.tag.split("_")[0].lower(), "ANDERS"))
        for a in document.annotations
        if a.end_char > a.start_char
    ]


def _zonder_overlap(vondsten: list[Vondst]) -> list[Vondst]:
    """Overlapping passages become one: the union, with the kind of the longest."""
    uit: list[Vondst] = []
    for v in sorted(vondsten, key=lambda v: (v.begin, -(v.eind - v.begin))):
        if uit and v.begin < uit[-1].eind:
            vorige = uit[-1]
            soort = vorige.soort if (vorige.eind - vorige.begin) >= (v.eind - v.begin) else v.soort
            uit[-1] = Vondst(vorige.begin, max(vorige.eind, v.eind), soort)
        else:
            uit.append(v)
    return uit


def vervang(tekst: str, vondsten: list[Vondst], nummers: dict[tuple[str, str], int] | None = None) -> tuple[str, list[dict]]:
    """Put placeholders in place of the passages; the same original gets the same number.
    Returns the new text and the replacements' places in it (no originals)."""
    nummers = {} if nummers is None else nummers
    per_soort: dict[str, int] = {}
    for soort, _n in nummers:
        per_soort[soort] = per_soort.get(soort, 0) + 1
    delen: list[str] = []
    vervangingen: list[dict] = []
    positie = lengte = 0
    for v in _zonder_overlap(vondsten):
        delen.append(tekst[positie : v.begin])
        lengte += v.begin - positie
        sleutel = (v.soort, tekst[v.begin : v.eind].strip().lower())
        if sleutel not in nummers:
            per_soort[v.soort] = per_soort.get(v.soort, 0) + 1
            nummers[sleutel] = per_soort[v.soort]
        plek = f"[{v.soort}-{nummers[sleutel]}]"
        vervangingen.append({"begin": lengte, "eind": lengte + len(plek), "soort": v.soort})
        delen.append(plek)
        lengte += len(plek)
        positie = v.eind
    delen.append(tekst[positie:])
    return "".join(delen), vervangingen


def deidentificeer(tekst: str) -> tuple[str, list[dict]]:
    """deduce and our own pass over the text: (new text, replacements). Worker only."""
    return vervang(tekst, _deduce_vondsten(tekst) + eigen_vondsten(tekst))


_PLEK = re.compile(r"\[([A-Z]+)-(\d+)\]")


def handmatig(tekst: str, vervangingen: list[dict], passages: list[str]) -> tuple[str, list[dict]]:
    """The professional's own extra passages (every occurrence, case-insensitive), replaced by
    [ANDERS-n]; the earlier replacements keep their kind and move with the text."""
    vondsten = [Vondst(v["begin"], v["eind"], "__" + v["soort"]) for v in vervangingen]
    bezet = [(v.begin, v.eind) for v in vondsten]
    for passage in {p.strip() for p in passages if p.strip()}:
        for m in re.finditer(re.escape(passage), tekst, re.IGNORECASE):
            if not any(b < m.end() and m.start() < e for b, e in bezet):
                vondsten.append(Vondst(m.start(), m.end(), "ANDERS"))
    bestaand = list(_zonder_overlap(vondsten))
    delen: list[str] = []
    nieuw: list[dict] = []
    positie = lengte = 0
    nummers: dict[str, int] = {}
    for m in _PLEK.finditer(tekst):
        if m.group(1) == "ANDERS":
            nummers[m.group()] = int(m.group(2))
    volgende = max(nummers.values(), default=0)
    for v in bestaand:
        delen.append(tekst[positie : v.begin])
        lengte += v.begin - positie
        if v.soort.startswith("__"):
            plek, soort = tekst[v.begin : v.eind], v.soort[2:]
        else:
            volgende += 1
            plek, soort = f"[ANDERS-{volgende}]", "ANDERS"
        nieuw.append({"begin": lengte, "eind": lengte + len(plek), "soort": soort})
        delen.append(plek)
        lengte += len(plek)
        positie = v.eind
    delen.append(tekst[positie:])
    return "".join(delen), nieuw
