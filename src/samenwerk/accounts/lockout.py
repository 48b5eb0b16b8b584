"""How django-axes identifies an attempt and what a locked-out person sees.

Settings (config/settings.py): AXES_FAILURE_LIMIT wrong passwords for one e-mail address from
one IP address lock that combination for AXES_COOLOFF_TIME, counted from the last attempt. A
successful login clears the count. The same count protects the password check of
"bevestig dat u het bent" (reauth), where a lockout also ends the session.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str | None:
    """The e-mail address, normalised, so that upper case does not start a new count."""
    raw = credentials.get("username") if credentials else request.POST.get("username")
    return str(raw).strip().lower() if raw else None


def response(request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None) -> HttpResponse:
    """The login page with a clear Dutch message (HTTP 429), the e-mail address kept."""
    email = username(request, credentials) or ""
    if request.user.is_authenticated:  # locked while confirming a sensitive action: end the session
        logout(request)
    context = {
        "form": AuthenticationForm(request, initial={"username": email}),
        "geblokkeerd": True,
        "pogingen": settings.AXES_FAILURE_LIMIT,
        "minuten": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "registration/login.html", context, status=429)
