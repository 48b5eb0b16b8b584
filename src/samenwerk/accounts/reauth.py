"""Re-authentication before sensitive actions: password + code within the last
RECENT_AUTH_SECONDS (5 minutes). For pages `@recent_auth_required`, for the API the permission
class `RecentAuthRequired`. See the package docstring for how to use them."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework.permissions import BasePermission

from .sessions import confirmed_recently

View = Callable[..., HttpResponse]


def confirm_url(next_path: str) -> str:
    return f"{reverse('accounts:confirm')}?{urlencode({'next': next_path})}"


def bevestiging_nodig(request: HttpRequest) -> HttpResponse | None:
    """For a view that checks its permission first: the redirect to "Bevestig dat u het
    bent" when the person did not confirm in the last five minutes, otherwise None."""
    return None if confirmed_recently(request) else redirect(confirm_url(request.get_full_path()))


def recent_auth_required(view: View) -> View:
    """Send the person to "Bevestig dat u het bent" and back to this URL (as a GET), unless
    they gave their password and a code in the last five minutes."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not confirmed_recently(request):
            return redirect(confirm_url(request.get_full_path()))
        return view(request, *args, **kwargs)

    return wrapper


class RecentAuthRequired(BasePermission):
    """403 with a Dutch message unless the session was confirmed in the last five minutes;
    the client sends the person to the confirm page (its URL is in the message)."""

    code = "recent_auth_required"

    @property
    def message(self) -> str:
        return _("Bevestig eerst dat u het bent, met uw wachtwoord en een code, op %(url)s. Dat geldt 5 minuten.") % {
            "url": reverse("accounts:confirm")
        }

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated and confirmed_recently(request))
