"""Which municipality a signed-in person is working in, and which roles they hold there."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from samenwerk.gemeenten.models import Gemeente, Roltoewijzing

SESSION_KEY = "actieve_gemeente"


@dataclass(frozen=True)
class Werkcontext:
    gemeente: Gemeente | None
    gemeenten: list[Gemeente]
    rollen: list[Roltoewijzing]

    @property
    def rolcodes(self) -> set[str]:
        return {r.rol for r in self.rollen}

    def heeft(self, *rollen: str) -> bool:
        return bool(self.rolcodes.intersection(rollen))


def werkcontext(request: HttpRequest) -> Werkcontext:
    """One query: all active roles of the user; the municipality comes from the session."""
    cached = getattr(request, "_werkcontext", None)
    if cached is not None:
        return cached
    user = request.user
    if not user.is_authenticated:
        ctx = Werkcontext(gemeente=None, gemeenten=[], rollen=[])
    else:
        alle = list(user.actieve_rollen())
        gemeenten = sorted({r.gemeente for r in alle}, key=lambda g: g.naam)
        gekozen = request.session.get(SESSION_KEY)
        gemeente = next((g for g in gemeenten if g.pk == gekozen), gemeenten[0] if gemeenten else None)
        ctx = Werkcontext(gemeente=gemeente, gemeenten=gemeenten, rollen=[r for r in alle if r.gemeente == gemeente])
    request._werkcontext = ctx  # type: ignore[attr-defined]
    return ctx


def kies_gemeente(request: HttpRequest, gemeente_id: int) -> bool:
    """Switch the working municipality; only to one where the user holds a role."""
    ctx = werkcontext(request)
    if not any(g.pk == gemeente_id for g in ctx.gemeenten):
        return False
    request.session[SESSION_KEY] = gemeente_id
    del request._werkcontext  # type: ignore[attr-defined]
    return True
