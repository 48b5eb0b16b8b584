"""The two pages of signing in through the municipality's identity provider: the start (a
redirect to the provider) and the return. Refusals get a Dutch page saying what happened and
what to do, with status 400 (403 for an unknown person); the technical detail stays in the log."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samenwerk.accounts.views import next_url

from . import services
from .client import Geweigerd
from .models import Identiteitsprovider

OPNIEUW = _("Ga terug naar de inlogpagina en probeer het opnieuw.")
REDENEN = {
    "status": (
        _("Deze inlogpoging is al gebruikt of verlopen"),
        _("De terugkeer van de identiteitsprovider hoort niet bij een inlogpoging die nu loopt. Dat gebeurt als een "
          "pagina opnieuw wordt geladen of een oude link wordt gebruikt."),
    ),
    "handtekening": (
        _("De handtekening van de identiteitsprovider klopt niet"),
        _("Het bewijs van inloggen is niet ondertekend met een sleutel van de identiteitsprovider van uw gemeente. "
          "Het platform vertrouwt het daarom niet."),
    ),
    "publiek": (
        _("Het bewijs van inloggen is voor een andere toepassing bedoeld"),
        _("De identiteitsprovider heeft het bewijs van inloggen uitgegeven aan een andere toepassing dan dit platform."),
    ),
    "verlopen": (
        _("Het bewijs van inloggen is verlopen"),
        _("Het bewijs van inloggen van de identiteitsprovider is niet meer geldig. Controleer ook of de klok van "
          "uw computer goed staat."),
    ),
    "uitgever": (
        _("Het bewijs van inloggen komt van een andere identiteitsprovider"),
        _("Het bewijs van inloggen is niet uitgegeven door de identiteitsprovider die uw gemeente heeft ingesteld."),
    ),
    "nonce": (
        _("Het bewijs van inloggen hoort niet bij deze inlogpoging"),
        _("Het bewijs van inloggen is voor een andere inlogpoging gemaakt."),
    ),
    "onbekend": (
        _("Uw account is niet bekend in het platform"),
        _("U bent bij de identiteitsprovider ingelogd, maar er is in dit platform geen actief account met een rol "
          "in uw gemeente dat bij u hoort. Vraag de functioneel beheerder van uw gemeente om een account."),
    ),
    "provider": (
        _("De identiteitsprovider heeft het inloggen afgebroken"),
        _("U heeft het inloggen geannuleerd, of de identiteitsprovider heeft het geweigerd."),
    ),
    "onbereikbaar": (
        _("De identiteitsprovider is niet bereikbaar"),
        _("Het platform kan de identiteitsprovider van uw gemeente nu niet bereiken. Log in met uw wachtwoord of "
          "probeer het later opnieuw."),
    ),
}  # fmt: skip
ALGEMEEN = (
    _("Inloggen via de identiteitsprovider is niet gelukt"),
    _("Het antwoord van de identiteitsprovider was niet bruikbaar. Meld dit bij de functioneel beheerder van uw gemeente."),
)


@require_GET
@never_cache
def start(request: HttpRequest, slug: str) -> HttpResponse:
    provider = get_object_or_404(Identiteitsprovider.objects.actief().select_related("gemeente"), gemeente__slug=slug)
    try:
        return redirect(services.begin(request, provider, volgende=next_url(request)))
    except Geweigerd as error:
        return geweigerd(request, error)


@require_GET
@never_cache
def terug(request: HttpRequest) -> HttpResponse:
    try:
        _user, volgende = services.voltooi(
            request, state=request.GET.get("state", ""), code=request.GET.get("code", ""), fout=request.GET.get("error", "")
        )
    except Geweigerd as error:
        return geweigerd(request, error)
    return redirect(volgende)  # RequireOTPMiddleware asks for the code first where needed


def geweigerd(request: HttpRequest, error: Geweigerd) -> HttpResponse:
    titel, uitleg = REDENEN.get(error.reden, ALGEMEEN)
    context = {"titel": titel, "uitleg": uitleg, "opnieuw": OPNIEUW, "reden": error.reden}
    return render(request, "oidc/geweigerd.html", context, status=403 if error.reden == "onbekend" else 400)
