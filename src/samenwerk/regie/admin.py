"""The AVE table in the beheer of the functioneel beheerder, scoped to their municipalities.
A level without a row uses the defaults of domain.md §4; a new row starts from them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from samenwerk.gemeenten.admin import GemeenteScopedAdmin, beheer_site

from .models import STANDAARD, AveVerantwoordelijkheid


@admin.register(AveVerantwoordelijkheid, site=beheer_site)
class AveVerantwoordelijkheidAdmin(GemeenteScopedAdmin):
    list_display = ["niveau", "gemeente", "casusregie", "procesregie", "operationeel", "bestuurlijk"]
    list_filter = [("gemeente", admin.RelatedOnlyFieldListFilter), "niveau"]
    fields = ["gemeente", "niveau", "situatie", "casusregie", "procesregie", "operationeel", "bestuurlijk"]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        initial = super().get_changeform_initial_data(request)
        try:
            niveau = int(request.GET.get("niveau", "2"))
        except ValueError:
            niveau = 2
        return {**{k: str(v) for k, v in STANDAARD.get(niveau, STANDAARD[2]).items()}, "niveau": niveau, **initial}
