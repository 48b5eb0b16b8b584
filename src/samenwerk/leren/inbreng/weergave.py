"""The de-identified text as HTML: every replacement in a <mark> with, for screen readers, what
kind of passage was replaced (and a tooltip for sighted readers)."""

from __future__ import annotations

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

LABELS = {
    "PERSOON": _("naam"),
    "ADRES": _("adres of plaats"),
    "INSTELLING": _("instelling"),
    "DATUM": _("datum"),
    "LEEFTIJD": _("leeftijd"),
    "TELEFOON": _("telefoonnummer"),
    "BSN": _("BSN"),
    "NUMMER": _("nummer"),
    "EMAIL": _("e-mailadres"),
    "URL": _("webadres"),
    "ANDERS": _("door de inbrenger onherkenbaar gemaakt"),
}


def label(soort: str) -> str:
    return str(LABELS.get(soort, _("gegeven")))


def gemarkeerd(tekst: str, vervangingen: list[dict]) -> SafeString:
    delen: list[str] = []
    positie = 0
    for v in sorted(vervangingen, key=lambda v: v["begin"]):
        if v["begin"] < positie or v["eind"] > len(tekst):
            continue
        delen.append(escape(tekst[positie : v["begin"]]))
        naam = label(v["soort"])
        delen.append(
            format_html(
                '<mark class="sw-vervangen" title="{}"><span class="sw-visueel-verborgen">{} </span>{}</mark>',
                _("Vervangen: %(soort)s") % {"soort": naam},
                _("Vervangen: %(soort)s.") % {"soort": naam},
                tekst[v["begin"] : v["eind"]],
            )
        )
        positie = v["eind"]
    delen.append(escape(tekst[positie:]))
    return mark_safe("".join(delen).replace("\n", "<br>"))  # noqa: S308 - every part is escaped above


def telling(vervangingen: list[dict]) -> list[tuple[str, int]]:
    """How many passages of each kind were replaced, for the summary above the text."""
    aantallen: dict[str, int] = {}
    for v in vervangingen:
        aantallen[v["soort"]] = aantallen.get(v["soort"], 0) + 1
    return [(label(soort), n) for soort, n in sorted(aantallen.items())]
