"""Account security for staff accounts (issue 7): two-factor authentication, lockout,
session limits, "Mijn sessies" and re-authentication before sensitive actions.

Why an app of its own: docs/adr/0003-accounts-app.md. The people and their roles stay in
`gemeenten`; the audit log will live in `privacy`.

How it fits together
--------------------
* Logging in is two steps. Django's LoginView checks the password (django-axes first: five
  wrong passwords for one e-mail address from one IP address lock that combination for 30
  minutes; `lockout.py`). Then `RequireOTPMiddleware` lets the person do nothing except the
  second step: a code from an authenticator app (TOTP) or a single-use backup code
  (`views.verify`). Someone without an authenticator first sets one up (`views.enrol`: QR code
  and the key as text, confirmed with a code) and is shown ten backup codes once. Every page
  redirects there; the API answers 403 with a Dutch message. Wrong codes are throttled by
  django-otp (1, 2, 4 ... seconds).
* Sessions end after 30 minutes without activity (SESSION_COOKIE_AGE) and 12 hours after login
  (SESSION_ABSOLUTE_SECONDS, `SessionLimitsMiddleware`). The session id changes at login
  (Django) and again after the second step (`sessions.rekey`). `UserSession` links session
  keys to people for "Mijn sessies", where a person ends one or all other sessions.

Re-authentication before sensitive actions
------------------------------------------
Exports, break-the-glass access and the like must ask for the password and a code again
when the last confirmation is older than five minutes (settings.RECENT_AUTH_SECONDS)::

    from samenwerk.accounts.reauth import recent_auth_required

    @require_GET
    @login_required
    @recent_auth_required
    def export(request): ...

The person is sent to "Bevestig dat u het bent" (`accounts:confirm`) and comes back to the
same URL with a GET, so put the decorator on the view that shows the form or the download,
not only on the POST that acts. In the API use the permission class::

    from samenwerk.accounts.reauth import RecentAuthRequired

    class ExportView(APIView):
        permission_classes = [IsAuthenticated, RecentAuthRequired]

which answers 403 with a Dutch message that names the confirm page. Logging in (password
plus code) counts as a confirmation, from the moment the password was given. Wrong passwords
on the confirm page count towards the lockout, and a lockout there ends the session.

Demo: every demo account has an authenticator with a fixed, public key (`demo.py`);
`python manage.py demo_code <e-mail>` prints its current code.
"""
