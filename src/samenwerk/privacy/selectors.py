"""Reading the access log: only for the privacy officer of the municipality (the caller
passes the municipalities; privacy does not know about roles)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import AuditEntry


def zoek_in_log(
    gemeente_ids: Iterable[int],
    *,
    casus_id: int | None = None,
    inwoner_id: int | None = None,
    gebruiker: str = "",
    actie: str = "",
    uitkomst: str = "",
    van: datetime.date | None = None,
    tot: datetime.date | None = None,
) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.filter(gemeente_id__in=list(gemeente_ids))
    if casus_id:
        qs = qs.filter(over_casus(casus_id))
    if inwoner_id:
        qs = qs.filter(over_inwoner(inwoner_id))
    if gebruiker:
        qs = qs.filter(gebruiker_naam__icontains=gebruiker)
    if actie:
        qs = qs.filter(actie=actie)
    if uitkomst:
        qs = qs.filter(uitkomst=uitkomst)
    # days in local time, compared as moments: `tijdstip__date` would wrap the column in a
    # conversion, and no index on tijdstip could serve the period
    if van and (begin := _begin_van(van)):
        qs = qs.filter(tijdstip__gte=begin)
    if tot and tot < datetime.date.max and (eind := _begin_van(tot + datetime.timedelta(days=1))):
        qs = qs.filter(tijdstip__lt=eind)
    return qs.order_by("-tijdstip", "-id")


def _begin_van(dag: datetime.date) -> datetime.datetime | None:
    """The start of a Dutch day, in UTC; None for a day at the calendar's very edge (1 January
    of year 1), which bounds nothing."""
    try:
        return timezone.make_aware(datetime.datetime.combine(dag, datetime.time.min)).astimezone(datetime.UTC)
    except OverflowError:
        return None


def over_inwoner(inwoner_id: int) -> Q:
    """The rows about this resident: their own, and the list views that showed them."""
    return Q(inwoner_id=inwoner_id) | Q(inwoner_ids__bevat=inwoner_id)


def over_casus(casus_id: int) -> Q:
    return Q(casus_id=casus_id) | Q(casus_ids__bevat=casus_id)


EXPORT_VELDEN = [
    "tijdstip",
    "actie",
    "uitkomst",
    "gebeurtenis",
    "gebruiker_id",
    "gebruiker_naam",
    "rol",
    "organisatie",
    "gemeente_id",
    "inwoner_id",
    "casus_id",
    "inwoner_ids",
    "casus_ids",
    "object_type",
    "object_id",
    "gegevenssegment",
    "velden",
    "doel",
    "grond_rol",
    "relatie",
    "toestemming",
    "noodtoegang",
    "reden",
    "kanaal",
    "ip_adres",
    "user_agent",
    "systeem",
    "chain",
    "id",
    "seq",
    "hash",
]  # id: a row's place for the seals (issue 21); seq: only on rows from before them


def wie_keek(gemeente_id: int, inwoner_id: int) -> QuerySet[AuditEntry]:
    """What staff did with one resident's data, newest first (the resident's own view)."""
    return (
        AuditEntry.objects.filter(over_inwoner(inwoner_id), gemeente_id=gemeente_id, uitkomst="success")
        .exclude(rol="inwoner")
        .exclude(gebruiker_id__isnull=True)
        .order_by("-tijdstip", "-id")
    )
