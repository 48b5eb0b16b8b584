"""Reads of the organisation model, scoped by who asks."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Gemeente, Organisatie, Rol, Roltoewijzing, User


def beheerde_gemeenten(user: User) -> QuerySet[Gemeente]:
    """The municipalities this user may configure (functioneel beheerder), all for a superuser."""
    if not user.is_active:
        return Gemeente.objects.none()
    if user.is_superuser:
        return Gemeente.objects.all()
    ids = Roltoewijzing.objects.actief().filter(user=user, rol=Rol.FUNCTIONEEL_BEHEERDER).values("gemeente_id")
    return Gemeente.objects.filter(pk__in=ids)


def sociale_kaart(gemeente: Gemeente, *, gebied_id: int | None = None, soort: str = "", zoek: str = "") -> QuerySet[Organisatie]:
    """Organisations of one municipality, for the directory; one query plus one prefetch."""
    qs = Organisatie.objects.filter(gemeente=gemeente).prefetch_related("gebieden")
    if gebied_id:
        qs = qs.filter(gebieden__id=gebied_id)
    if soort:
        qs = qs.filter(soort=soort)
    if zoek:
        qs = qs.filter(naam__icontains=zoek) | qs.filter(expertise__icontains=zoek)
    return qs.distinct().order_by("naam")
