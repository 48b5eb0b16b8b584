"""Two middlewares (config/settings.py lists them after the security headers):

SessionLimitsMiddleware logs a person out 12 hours after login (SESSION_ABSOLUTE_SECONDS) and
keeps "last active" in "Mijn sessies" up to date. RequireOTPMiddleware lets a signed-in person
do nothing but the second step until they have given a code: pages redirect to it, the API
answers 403 with a Dutch message. Static files never reach Django's views (runserver and
WhiteNoise serve them before any middleware), so they need no exemption.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import otp, sessions

# What a signed-in but not yet verified person may reach (URL names).
OTP_EXEMPT = {
    "login",
    "logout",
    "set_language",
    "accounts:verify",
    "accounts:enrol",
    "accounts:qr",
    "ops:gezondheid",
    "ops:metrics",
}


class SessionLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            if sessions.past_absolute_limit(request):
                logout(request)
                uren = settings.SESSION_ABSOLUTE_SECONDS // 3600
                messages.info(
                    request, _("U bent automatisch uitgelogd: u was %(uren)s uur ingelogd. Log opnieuw in.") % {"uren": uren}
                )
            else:
                sessions.touch(request)
        return self.get_response(request)


class RequireOTPMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: Any) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():  # type: ignore[union-attr]
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OTP_EXEMPT:
            return None
        if match is not None and "api" in match.namespaces:
            message = _("Bevestig eerst uw inlog met de code uit uw authenticator-app.")
            return JsonResponse({"detail": message}, status=403)
        step = "accounts:verify" if otp.has_authenticator(user) else "accounts:enrol"  # type: ignore[arg-type]
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
