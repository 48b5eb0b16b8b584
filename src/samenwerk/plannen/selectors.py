"""Reads of the plan, built on casussen.selectors.casus_of_404 (who may see the case)."""

from __future__ import annotations

from django.db.models import Prefetch

from .models import Afspraak, Ronde, Samenwerkplan


def plan_met_rondes(plan: Samenwerkplan) -> list[Ronde]:
    """The rounds of a plan with their agreements and evaluation: three queries in all."""
    if plan.pk is None:
        return []
    afspraken = Afspraak.objects.select_related("betrokkene__user", "netwerklid", "deelnemer").order_by("uiterlijke_datum", "id")
    return list(
        plan.rondes.select_related("evaluatie").prefetch_related(Prefetch("afspraken", queryset=afspraken)).order_by("nummer")
    )


def vergelijk(oud: dict[str, object], nieuw: dict[str, object], velden: list[str]) -> list[tuple[str, object, object]]:
    """The fields that differ between two versions, in the order of the form."""
    return [(veld, oud.get(veld), nieuw.get(veld)) for veld in velden if oud.get(veld) != nieuw.get(veld)]
