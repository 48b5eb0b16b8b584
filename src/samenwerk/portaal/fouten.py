"""Error pages in the product's look (templates/404.html and friends); Django's own handlers
render those. Only a failed CSRF check needs a view of its own (settings.CSRF_FAILURE_VIEW)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_mislukt(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
