"""AVG inzage (issue 7 item 6): everything the product holds about the resident of a case,
as JSON. Built here because plannen is the top of the case data (casussen ← plannen);
later apps (meetings, rendement) add their parts through INZAGE_DELEN."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.forms.models import model_to_dict

from samenwerk.casussen.models import Casus

from .models import PLANVELDEN, Samenwerkplan

# Apps above plannen add their part: a function of the case returning {section: data}.
INZAGE_DELEN: list[Callable[[Casus], dict[str, Any]]] = []


def _plain(obj: Any, velden: list[str] | None = None) -> dict[str, Any]:
    data = model_to_dict(obj, fields=velden)
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}


def inzage(casus: Casus) -> dict[str, Any]:
    data = _inzage(casus)
    for deel in INZAGE_DELEN:
        data.update(deel(casus))
    return data


def _inzage(casus: Casus) -> dict[str, Any]:
    inwoner = casus.inwoner
    plan = Samenwerkplan.objects.filter(casus=casus).first()
    return {
        "inwoner": _plain(
            inwoner, ["voornaam", "achternaam", "geboortedatum", "straat", "postcode", "woonplaats", "telefoon", "email"]
        ),
        "casus": _plain(
            casus,
            [
                "route",
                "status",
                "binnengekomen_via",
                "aangemeld_door",
                "aanmelddatum",
                "reeds_betrokken",
                "aanleiding",
                "afsluitreden",
                "afgesloten_op",
            ],
        ),
        "betrokken_professionals": [
            {
                "naam": str(b.user),
                "organisatie": str(b.organisatie),
                "rol": b.rol,
                "sinds": b.sinds.isoformat(),
                "tot": b.tot.isoformat() if b.tot else None,
            }
            for b in casus.betrokkenen.select_related("user", "organisatie")
        ],
        "netwerk": [_plain(n, ["naam", "relatie", "rol", "telefoon", "email"]) for n in casus.netwerk.all()],
        "toestemmingen": [
            _plain(t, ["doel", "gegeven", "geldt_voor", "datum", "wijze", "toelichting"]) for t in casus.toestemmingen.all()
        ],
        "plan": None
        if plan is None
        else {
            **_plain(plan, [*PLANVELDEN, "datum", "erkend_op", "erkend_versie"]),
            "versies": [
                {"nummer": v.nummer, "door": v.door_naam, "op": v.op.isoformat(), "inhoud": v.inhoud}
                for v in plan.versies.order_by("nummer")
            ],
            "rondes": [
                {
                    "nummer": r.nummer,
                    "soort": r.soort,
                    "datum": r.datum.isoformat(),
                    "evaluatie": _plain(
                        r.evaluatie,
                        [
                            "acties_gedaan",
                            "verdere_acties_nodig",
                            "welzijnscijfer",
                            "welzijnscijfer_toelichting",
                            "geleerd",
                            "vorm",
                        ],
                    )
                    if hasattr(r, "evaluatie")
                    else None,
                    "afspraken": [
                        {
                            "wie": a.uitvoerder,
                            "wat": a.wat,
                            "start": a.start.isoformat(),
                            "uiterlijke_datum": a.uiterlijke_datum.isoformat(),
                            "perspectief": a.perspectief,
                            "voltooid_op": a.voltooid_op.isoformat() if a.voltooid_op else None,
                            "ingetrokken_op": a.ingetrokken_op.isoformat() if a.ingetrokken_op else None,
                            "intrekreden": a.intrekreden,
                        }
                        for a in r.afspraken.all()
                    ],
                }
                for r in plan.rondes.order_by("nummer")
            ],
        },
        "gezondheidsmetingen": [_plain(m, ["datum", *m.DIMENSIES]) for m in casus.gezondheidsmetingen.all()],
        "correctieverzoeken": [
            _plain(c, ["gegeven", "omschrijving", "gewenst", "via", "ingediend_op", "status", "reden_weigering", "behandeld_op"])
            for c in casus.correctieverzoeken.order_by("ingediend_op", "id")
        ],
        "tijdlijn": [
            {"tijdstip": g.tijdstip.isoformat(), "omschrijving": g.omschrijving, "door": g.door} for g in casus.tijdlijn.all()
        ],
    }
