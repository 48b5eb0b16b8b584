"""Small helpers every list and form page shares."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import BaseForm
from django.http import HttpRequest


def pagineer(request: HttpRequest, rijen: QuerySet, per_pagina: int, *, aantal: int | None = None) -> dict[str, object]:  # type: ignore[type-arg]
    """The page asked for (`?pagina=`) and the other query parameters, for includes/pagination.html.
    `aantal`: the number of rows when the caller already knows it (saves the paginator's COUNT)."""
    paginator = Paginator(rijen, per_pagina)
    if aantal is not None:
        paginator.count = aantal  # a cached_property: the value it would have computed
    pagina: Page = paginator.get_page(request.GET.get("pagina"))  # type: ignore[type-arg]
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return {"pagina": pagina, "querystring": querystring.urlencode()}


def fouten_naar_form(form: BaseForm, fout: ValidationError) -> None:
    """Show a service's ValidationError at the fields it names (or above the form)."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout.messages)


def verwerk_form(request: HttpRequest, form: BaseForm, actie: Callable[[dict], object], succes: str) -> bool:  # type: ignore[type-arg]
    """A form behind one service call: when the form is valid and the service accepts it,
    `succes` is shown on the next page and this returns True (the caller redirects). Otherwise
    the service's Dutch messages stand at the fields they name and it returns False (the caller
    shows the form again, with what was typed). Other exceptions (a conflict) pass through."""
    if not form.is_valid():
        return False
    try:
        actie(form.cleaned_data)
    except ValidationError as fout:
        fouten_naar_form(form, fout)
        return False
    messages.success(request, succes)
    return True


def voer_uit(request: HttpRequest, actie: Callable[[], object], succes: str) -> bool:
    """Run one service call behind a button; its outcome (the service's Dutch messages, or
    `succes`) is shown on the next page. Returns whether it succeeded."""
    try:
        actie()
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
        return False
    messages.success(request, succes)
    return True
