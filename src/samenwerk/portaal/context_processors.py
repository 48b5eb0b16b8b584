from __future__ import annotations

from django.http import HttpRequest

from .context import werkcontext
from .navigation import items_voor


def navigation(request: HttpRequest) -> dict[str, object]:
    """The menu with its counters, worked out once per request however many templates a page
    renders (the case page renders a block per app)."""
    if not request.user.is_authenticated or not request.user.is_verified():  # type: ignore[union-attr]
        return {}  # not yet past the second step of logging in: no menu (samenwerk.accounts)
    if not hasattr(request, "_navigatie"):
        ctx = werkcontext(request)
        request._navigatie = {  # type: ignore[attr-defined]
            "werkcontext": ctx,
            "navigatie": items_voor(ctx, is_superuser=request.user.is_superuser, huidig_pad=request.path, user=request.user),
        }
    return request._navigatie  # type: ignore[attr-defined,no-any-return]
