from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST, require_safe

from samenwerk.gemeenten.forms import SocialeKaartFilter
from samenwerk.gemeenten.selectors import sociale_kaart as sociale_kaart_selector
from samenwerk.ui.views import pagineer

from .context import kies_gemeente, werkcontext
from .startpagina import blokken


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links (base.html links the SVG)."""
    return redirect(static("samenwerk/favicon.ico"))


@require_safe  # HEAD too: monitoring and link checkers ask HEAD /
@login_required
def start(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    return render(request, "portaal/start.html", {"blokken": blokken(ctx, request.user)})


@require_POST
@login_required
def gemeente_kiezen(request: HttpRequest) -> HttpResponse:
    gekozen = request.POST.get("gemeente", "")
    if gekozen.isdigit() and kies_gemeente(request, int(gekozen)):
        messages.success(request, _("U werkt nu in gemeente %(naam)s.") % {"naam": werkcontext(request).gemeente})
    else:
        messages.error(request, _("U heeft geen rol in die gemeente."))
    return redirect("portaal:start")


@require_GET
@login_required
def sociale_kaart(request: HttpRequest) -> HttpResponse:
    ctx = werkcontext(request)
    if ctx.gemeente is None:
        return render(request, "portaal/geen_rol.html", status=403)
    form = SocialeKaartFilter(request.GET or None, gemeente=ctx.gemeente)
    filters = form.cleaned_data if form.is_valid() else {}
    gebied = filters.get("gebied")
    organisaties = sociale_kaart_selector(
        ctx.gemeente, gebied_id=gebied.pk if gebied else None, soort=filters.get("soort", ""), zoek=filters.get("zoek", "")
    )
    return render(request, "portaal/sociale_kaart.html", {"form": form, **pagineer(request, organisaties, 25)})
