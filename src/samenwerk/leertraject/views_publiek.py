"""Public badge pages, without an account: verify a badge, the verification link of one
badge, its revocation status, the issuer's profile and published key set. Rate-limited per
address; uploads are limited in size; bad input is answered, never a 500."""

from __future__ import annotations

import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samenwerk.gemeenten.models import Gemeente
from samenwerk.portaal.context import werkcontext
from samenwerk.privacy.network import client_ip

from . import badges, services_certificaat
from .forms import ControleForm
from .models import Badgesleutel, Certificaat

PER_MINUUT = 60  # verifications per address per minute (the public endpoint and page together)


def te_vaak(request: HttpRequest) -> bool:
    """A fixed window per address in the cache (LocMem per process in development; a shared
    cache in production makes it one limit for all app servers)."""
    sleutel = f"leertraject:controle:{client_ip(request) or 'onbekend'}:{int(time.time() // 60)}"
    cache.add(sleutel, 0, timeout=90)
    try:
        aantal = cache.incr(sleutel)
    except ValueError:
        aantal = 1
    return aantal > PER_MINUUT


def _publiek(data: dict, status: int = 200) -> JsonResponse:  # type: ignore[type-arg]
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-cache"
    return response


@require_http_methods(["GET", "POST"])
def controleren(request: HttpRequest) -> HttpResponse:
    form = ControleForm(request.POST or None, request.FILES or None)
    uitslag = None
    status = 200
    if request.method == "POST":
        if te_vaak(request):
            form.add_error(None, _("U heeft te vaak achter elkaar gecontroleerd. Probeer het over een minuut opnieuw."))
            status = 429
        elif form.is_valid():
            uitslag = badges.verifieer(form.cleaned_data["badge"])
        else:
            status = 400
    return render(request, "leertraject/controleren.html", {"form": form, "uitslag": uitslag}, status=status)


@require_GET
def badge(request: HttpRequest, badge_id: str) -> HttpResponse:
    """The verification link of one badge: checks the stored signed badge like any other."""
    certificaat = get_object_or_404(Certificaat, badge_id=badge_id)
    uitslag = badges.verifieer(certificaat.jws)
    return render(request, "leertraject/controleren.html", {"form": None, "uitslag": uitslag, "link": True})


@require_GET
def badge_status(request: HttpRequest, badge_id: str) -> HttpResponse:
    """The credentialStatus URL: whether this badge is revoked, and since when."""
    certificaat = Certificaat.objects.filter(badge_id=badge_id).values("ingetrokken_op").first()
    if certificaat is None:
        return _publiek({"id": badges.status_url(badge_id), "status": "onbekend"}, status=404)
    ingetrokken = certificaat["ingetrokken_op"]
    return _publiek(
        {
            "id": badges.status_url(badge_id),
            "type": "1EdTechRevocationList",
            "revoked": ingetrokken is not None,
            "revokedAt": ingetrokken.isoformat() if ingetrokken else None,
        }
    )


@require_GET
def uitgever(request: HttpRequest, gemeente: str) -> HttpResponse:
    """The issuer profile (OB 3.0 Profile) with the link to its key set."""
    gem = get_object_or_404(Gemeente, slug=gemeente)
    return _publiek(
        {
            "@context": badges.OB_CONTEXT,
            "id": badges.uitgever_id(gem),
            "type": ["Profile"],
            "name": _("Gemeente %(naam)s") % {"naam": gem.naam},
            "jwks_uri": badges.absoluut(request.path.rstrip("/") + "/jwks.json"),
        }
    )


@require_GET
def jwks(request: HttpRequest, gemeente: str) -> HttpResponse:
    gem = get_object_or_404(Gemeente, slug=gemeente)
    response = _publiek(badges.jwks(gem))
    response["Content-Type"] = "application/jwk-set+json"
    return response


@require_http_methods(["GET", "POST"])
@login_required
def sleutels(request: HttpRequest) -> HttpResponse:
    """The functioneel beheerder sees the municipality's badge keys and rotates them."""
    ctx = werkcontext(request)
    if ctx.gemeente is None or not ctx.heeft("functioneel_beheerder"):
        raise PermissionDenied
    if request.method == "POST":
        sleutel = services_certificaat.roteer_sleutel(actor=request.user, gemeente=ctx.gemeente)
        messages.success(request, _("Nieuwe sleutel %(kid)s in gebruik; de vorige blijft gepubliceerd.") % {"kid": sleutel.kid})
        return redirect("leertraject:sleutels")
    lijst = list(Badgesleutel.objects.filter(gemeente=ctx.gemeente).order_by("-aangemaakt_op", "-id"))
    return render(request, "leertraject/sleutels.html", {"sleutels": lijst, "gemeente": ctx.gemeente})
