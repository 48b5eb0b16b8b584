"""A professional's own meetings and calendar subscription, and the gebiedsaanjager's list
of refusals to follow up."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenwerk.gemeenten.models import Rol
from samenwerk.portaal.context import werkcontext
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie
from samenwerk.ui.views import fouten_naar_form, pagineer

from . import antwoorden, ics, selectors
from .berichten import absolute
from .forms import WeigeringForm
from .models import Agendafeed


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@require_GET
@login_required
def agenda(request: HttpRequest) -> HttpResponse:
    komend = selectors.mijn_overleggen(request.user).filter(eindigt__gte=timezone.now()).order_by("begint")
    feed = Agendafeed.objects.filter(user=request.user, ingetrokken_op__isnull=True).first()
    context = {"feed": feed, "feed_url": request.session.pop("agendafeed_url", None)} | pagineer(request, komend, 25)
    return render(request, "overleg/agenda.html", context)


@require_POST
@login_required
def agendafeed(request: HttpRequest) -> HttpResponse:
    """Create a new secret feed address (revoking the old one), or only revoke it."""
    Agendafeed.objects.filter(user=request.user, ingetrokken_op__isnull=True).update(ingetrokken_op=timezone.now())
    if request.POST.get("actie") == "intrekken":
        messages.success(request, _("Het agenda-abonnement is ingetrokken. Het oude adres werkt niet meer."))
    else:
        token = secrets.token_urlsafe(32)
        Agendafeed.objects.create(user=request.user, token_hash=_hash(token))
        request.session["agendafeed_url"] = absolute(reverse("overleg:feed", args=[token]))
        messages.success(request, _("Er is een nieuw, geheim adres voor uw agenda. Een eerder adres werkt niet meer."))
    return redirect("overleg:agenda")


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscription itself: no session (calendar apps fetch it), the secret is the key."""
    abonnement = Agendafeed.objects.select_related("user").filter(token_hash=_hash(token), ingetrokken_op__isnull=True).first()
    if abonnement is None or not abonnement.user.is_active:
        raise Http404
    Agendafeed.objects.filter(pk=abonnement.pk).update(laatst_opgehaald=timezone.now())
    overleggen = list(selectors.mijn_overleggen(abonnement.user)[:500])
    for gemeente_id in {o.gemeente_id for o in overleggen}:
        record(
            actor=abonnement.user,
            actie=Actie.READ,
            gebeurtenis="overleg.agendafeed",
            kanaal="api",
            onderwerp=Onderwerp(
                gemeente_id=gemeente_id, object_type="agendafeed", object_id=abonnement.pk, gegevenssegment="overleg"
            ),
        )

    def link_van(overleg) -> str:
        return absolute(reverse("overleg:detail", args=[overleg.casus_id, overleg.pk]))

    extra = [event for bron in ics.FEEDBRONNEN for event in bron(abonnement.user)]
    return HttpResponse(ics.feed(overleggen, link_van, extra), content_type="text/calendar; charset=utf-8")


def _aanjager(request: HttpRequest):
    context = werkcontext(request)
    if context.gemeente is None or not context.heeft(Rol.GEBIEDSAANJAGER):
        raise PermissionDenied
    return context.gemeente


@require_GET
@login_required
def weigeringen(request: HttpRequest) -> HttpResponse:
    gemeente = _aanjager(request)
    rijen = selectors.weigeringen_voor(request.user, gemeente)
    return render(request, "overleg/weigeringen.html", pagineer(request, rijen, 25))


@require_http_methods(["GET", "POST"])
@login_required
def weigering(request: HttpRequest, weigering_id: int) -> HttpResponse:
    gemeente = _aanjager(request)
    gekozen = get_object_or_404(selectors.weigeringen_voor(request.user, gemeente), pk=weigering_id)
    form = WeigeringForm(request.POST or None, initial={"toelichting": gekozen.toelichting})
    if request.method == "POST" and form.is_valid():
        try:
            antwoorden.handel_weigering_af(actor=request.user, weigering=gekozen, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De opvolging is vastgelegd."))
            return redirect("overleg:weigeringen")
    return render(request, "overleg/weigering.html", {"weigering": gekozen, "form": form}, status=400 if form.errors else 200)
