"""Reads of the price list, scoped by who asks (style.md §4)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from samenwerk.gemeenten.models import Gemeente, Roltoewijzing, User

from .models import Prijsitem, Prijslijst
from .rules import PRIJSLIJST_LEZERS


def leesbare_gemeenten(user: User) -> QuerySet[Gemeente]:
    """Municipalities whose price lists this user may read: where they hold a role that uses
    the list. Everything else answers 404, as if it did not exist."""
    if not user.is_active:
        return Gemeente.objects.none()
    if user.is_superuser:
        return Gemeente.objects.all()
    ids = Roltoewijzing.objects.actief().filter(user=user, rol__in=PRIJSLIJST_LEZERS).values("gemeente_id")
    return Gemeente.objects.filter(pk__in=ids)


def prijslijsten(gemeente: Gemeente) -> QuerySet[Prijslijst]:
    """The years of one municipality, newest first, with their number of items (one query)."""
    return Prijslijst.objects.filter(gemeente=gemeente).met_aantal_items().order_by("-jaar")


def jaren(gemeente: Gemeente) -> list[int]:
    return list(Prijslijst.objects.filter(gemeente=gemeente).order_by("-jaar").values_list("jaar", flat=True))


def prijslijst_of_404(gemeente: Gemeente, jaar: int) -> Prijslijst:
    return get_object_or_404(Prijslijst.objects.select_related("gemeente"), gemeente=gemeente, jaar=jaar)


def items(prijslijst: Prijslijst) -> QuerySet[Prijsitem]:
    return Prijsitem.objects.filter(prijslijst=prijslijst).order_by("code")


def item_of_404(prijslijst: Prijslijst, pk: int) -> Prijsitem:
    return get_object_or_404(Prijsitem.objects.select_related("prijslijst__gemeente"), prijslijst=prijslijst, pk=pk)


def vorige_prijslijst(gemeente: Gemeente, jaar: int) -> Prijslijst | None:
    """The most recent list before this year: where a new year starts from."""
    return Prijslijst.objects.filter(gemeente=gemeente, jaar__lt=jaar).order_by("-jaar").first()
