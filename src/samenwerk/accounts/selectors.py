"""Reads for "Mijn sessies"."""

from __future__ import annotations

from django.db.models import QuerySet

from samenwerk.gemeenten.models import User

from .models import UserSession


def active_sessions(user: User) -> QuerySet[UserSession]:
    return UserSession.objects.filter(user=user).active().order_by("-last_seen_at")
