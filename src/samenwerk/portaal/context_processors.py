from __future__ import annotations

from django.http import HttpRequest

from .context import werkcontext
from .navigation import items_voor


def navigation(request: HttpRequest) -> dict[str, object]:
    if not request.user.is_authenticated or not request.user.is_verified():  # type: ignore[union-attr]
        return {}  # not yet past the second step of logging in: no menu (samenwerk.accounts)
    ctx = werkcontext(request)
    return {
        "werkcontext": ctx,
        "navigatie": items_voor(ctx, is_superuser=request.user.is_superuser, huidig_pad=request.path, user=request.user),
    }
