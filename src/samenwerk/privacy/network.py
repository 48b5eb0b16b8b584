"""The client's IP address, also behind our own reverse proxies (SAMENWERK_TRUSTED_PROXY_COUNT).

With N trusted proxies, each appends the address it saw to X-Forwarded-For, so the client is
the N-th address from the right; anything further left was written by the client and is not
trusted. The one answer to "which address did this come from" for the lockout (django-axes),
"Mijn sessies" and the access log (issue 17 item 9).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    address = request.META.get("REMOTE_ADDR") or None
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    if address is None:
        return None
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
