from __future__ import annotations

from django.http import HttpRequest

from .context import werkcontext
from .navigation import items_voor


def navigation(request: HttpRequest) -> dict[str, object]:
    if not request.user.is_authenticated:
        return {}
    ctx = werkcontext(request)
    return {
        "werkcontext": ctx,
        "navigatie": items_voor(ctx, is_superuser=request.user.is_superuser, huidig_pad=request.path),
    }
