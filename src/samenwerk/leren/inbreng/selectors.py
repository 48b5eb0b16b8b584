"""Reads for case contributions and evaluatietafels: visibility in the querysets."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from samenwerk.gemeenten.models import User

from ..models import Casusinbreng, Deelname, Leertafel


def inbrengen_voor(user: User) -> QuerySet[Casusinbreng]:
    """The person's own contributions and the shared copies at their tables, newest first."""
    return Casusinbreng.objects.for_user(user).select_related("tafel", "tafel__sessie", "tafel__sessie__gebied")


def inbreng_of_404(user: User, pk: int) -> Casusinbreng:
    inbreng = inbrengen_voor(user).filter(pk=pk).first()
    if inbreng is None:
        raise Http404
    return inbreng


def leertafel_of_404(user: User, pk: int) -> Leertafel:
    """A table of a session in a municipality where the person holds a role."""
    tafel = (
        Leertafel.objects.filter(pk=pk, sessie__gemeente__in=user.gemeenten())
        .select_related("sessie", "sessie__gebied", "sessie__gemeente")
        .first()
    )
    if tafel is None:
        raise Http404
    return tafel


def kandidaten(tafel: Leertafel) -> QuerySet[User]:
    """Who can be named for a role or as attendee: the session's registrants (not cancelled),
    the gespreksleider and the gebiedsaanjager."""
    ingeschreven = Deelname.objects.filter(sessie_id=tafel.sessie_id, afgemeld_op__isnull=True).values("user_id")
    extra = [p for p in (tafel.gespreksleider_id, tafel.sessie.aanjager_id) if p]
    return User.objects.filter(Q(pk__in=ingeschreven) | Q(pk__in=extra)).order_by("first_name", "last_name", "email")


def gedeelde_inbrengen(tafel: Leertafel) -> QuerySet[Casusinbreng]:
    return Casusinbreng.objects.filter(tafel=tafel, status=Casusinbreng.Status.GEDEELD).order_by("gedeeld_op", "id")
