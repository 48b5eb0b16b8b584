"""Reads of the micro-analysis of a case. The case itself is always fetched first through
`casussen.selectors.casus_of_404` (who may see it, and the log of the read)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from samenwerk.casussen.models import Casus
from samenwerk.casussen.services import log_casus
from samenwerk.gemeenten.models import User

from .models import Kostenpost, Microanalyse, Prijsitem


def analyse_van(casus: Casus) -> Microanalyse | None:
    """The analysis with its price list and lines (three queries), or None."""
    analyse = Microanalyse.objects.met_regels().select_related("prijslijst").filter(casus=casus).first()
    if analyse is not None:
        analyse.casus = casus  # the one fetched with its participants, for the rules and the log
    return analyse


def regel_of_404(analyse: Microanalyse, pk: int) -> Kostenpost:
    regel = get_object_or_404(Kostenpost, analyse=analyse, pk=pk)
    regel.analyse = analyse
    return regel


def prijsitems(analyse: Microanalyse) -> QuerySet[Prijsitem]:
    """The items a line of this analysis may use: those of its own price list."""
    if analyse.prijslijst_id is None:
        return Prijsitem.objects.none()
    return Prijsitem.objects.filter(prijslijst_id=analyse.prijslijst_id).order_by("code")


def log_lezen(actor: User, casus: Casus, analyse: Microanalyse | None, actie: str, gebeurtenis: str) -> None:
    """One access-log row for reading (or printing) a case's micro-analysis."""
    log_casus(
        actor=actor,
        casus=casus,
        actie=actie,
        gebeurtenis=gebeurtenis,
        segment="rendement",
        object_type="microanalyse",
        object_id=analyse.pk if analyse else "",
    )
