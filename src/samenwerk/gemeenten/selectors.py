"""Reads of the organisation model, scoped by who asks."""

from __future__ import annotations

import re

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Gemeente, Organisatie, Rol, Roltoewijzing, User

SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def eigen_gemeente(user: User, slug: str) -> Gemeente | None:
    """The municipality an API list is about (`?gemeente=<slug>`): one of the person's own, else
    404; without a slug their first (None when they have none). Text that is no slug names no
    municipality and never reaches the query (PostgreSQL refuses a NUL byte there: a 500)."""
    gemeenten = user.gemeenten()
    if not slug:
        return gemeenten.first()
    if not SLUG.fullmatch(slug):
        raise Http404
    return get_object_or_404(gemeenten, slug=slug)


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
