"""Pages of account security: set up two-factor authentication, the second step of logging
in, "bevestig dat u het bent" before sensitive actions, and "Mijn sessies"."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import otp, services, sessions
from .forms import ConfirmForm, EnrolForm, VerifyForm
from .reauth import recent_auth_required
from .selectors import active_sessions


def next_url(request: HttpRequest) -> str:
    """Where to go afterwards: the `next` parameter when it stays on this site, else the start page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return target if safe else reverse("portaal:start")


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"


@require_http_methods(["GET", "POST"])
@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    if otp.has_authenticator(request.user):
        return redirect(_with_next("accounts:verify", request))
    form = EnrolForm(request.POST or None)
    if form.is_valid():
        try:
            services.confirm_enrolment(request, code=form.cleaned_data["code"])
        except otp.CodeRejected as error:
            form.add_error("code", error.message)
        else:
            return redirect(_with_next("accounts:backup-codes", request))
    device = otp.pending_device(request.user)
    context = {"form": form, "secret": otp.secret_text(device), "next": next_url(request)}
    return render(request, "accounts/enrol.html", context)


@require_GET
@login_required
def qr(request: HttpRequest) -> HttpResponse:
    if otp.has_authenticator(request.user):
        raise Http404
    return HttpResponse(otp.qr_svg(otp.pending_device(request.user)), content_type="image/svg+xml")


@require_GET
@login_required
def backup_codes(request: HttpRequest) -> HttpResponse:
    codes = request.session.pop(sessions.BACKUP_CODES, None)
    renewed = request.session.pop(sessions.BACKUP_CODES_RENEWED, False)
    if not codes:
        return redirect(next_url(request))
    return render(request, "accounts/backup_codes.html", {"codes": codes, "next": next_url(request), "vernieuwd": renewed})


@require_http_methods(["GET", "POST"])
@login_required
@recent_auth_required
def new_backup_codes(request: HttpRequest) -> HttpResponse:
    """Make ten new backup codes (the old ones stop working), after a fresh password and code."""
    if request.method == "POST":
        services.regenerate_backup_codes(request)
        return redirect(f"{reverse('accounts:backup-codes')}?{urlencode({'next': reverse('accounts:sessions')})}")
    return render(request, "accounts/new_backup_codes.html")


@require_http_methods(["GET", "POST"])
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    if request.user.is_verified():
        return redirect(next_url(request))
    if not otp.has_authenticator(request.user):
        return redirect(_with_next("accounts:enrol", request))
    form = VerifyForm(request.POST or None)
    if form.is_valid():
        try:
            services.verify_login(request, code=form.cleaned_data["code"])
        except otp.CodeRejected as error:
            form.add_error("code", error.message)
        else:
            return redirect(next_url(request))
    return render(request, "accounts/verify.html", {"form": form, "next": next_url(request)})


@require_http_methods(["GET", "POST"])
@login_required
def confirm(request: HttpRequest) -> HttpResponse:
    form = ConfirmForm(request.POST or None)
    if form.is_valid():
        try:
            services.confirm_identity(request, password=form.cleaned_data["password"], code=form.cleaned_data["code"])
        except services.PasswordRejected as error:
            form.add_error("password", error.message)
        except otp.CodeRejected as error:
            form.add_error("code", error.message)
        else:
            return redirect(next_url(request))
    return render(request, "accounts/confirm.html", {"form": form, "next": next_url(request)})


@require_GET
@login_required
def session_list(request: HttpRequest) -> HttpResponse:
    context = {"sessies": active_sessions(request.user), "huidige": request.session.session_key}
    return render(request, "accounts/sessions.html", context)


@require_POST
@login_required
def end_session(request: HttpRequest, session_id: int) -> HttpResponse:
    if services.end_session(request, session_id=session_id):
        return redirect("login")
    messages.success(request, _("De sessie is beëindigd. Op dat apparaat moet opnieuw worden ingelogd."))
    return redirect("accounts:sessions")


@require_POST
@login_required
def end_other_sessions(request: HttpRequest) -> HttpResponse:
    count = services.end_other_sessions(request)
    messages.success(
        request,
        ngettext("%(aantal)s andere sessie is beëindigd.", "%(aantal)s andere sessies zijn beëindigd.", count)
        % {"aantal": count},
    )
    return redirect("accounts:sessions")
