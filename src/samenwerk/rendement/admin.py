"""The price list in the beheer of the functioneel beheerder, scoped to their municipalities."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.admin import GemeenteScopedAdmin, beheer_site

from . import services
from .forms import PrijsitemAdminForm
from .models import Prijsitem, Prijslijst


class PrijsitemInline(admin.TabularInline):
    model = Prijsitem
    form = PrijsitemAdminForm
    extra = 1
    fields = ["code", "omschrijving", "eenheid", "prijs", "wet", "bron"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True  # the parent admin decides who gets here, and for which lists

    has_change_permission = has_view_permission = has_delete_permission = has_add_permission  # type: ignore[assignment]


@admin.register(Prijslijst, site=beheer_site)
class PrijslijstAdmin(GemeenteScopedAdmin):
    list_display = ["__str__", "gemeente", "jaar", "aantal_items", "weken_per_jaar", "bijgewerkt_op", "bijgewerkt_door"]
    list_filter = [("gemeente", admin.RelatedOnlyFieldListFilter), "jaar"]  # no names of other municipalities
    fields = ["gemeente", "jaar", "weken_per_jaar", "toelichting", "bijgewerkt_op", "bijgewerkt_door"]
    readonly_fields = ["bijgewerkt_op", "bijgewerkt_door"]
    inlines = [PrijsitemInline]
    actions = ["kopieer_naar_volgend_jaar"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Prijslijst]:
        return super().get_queryset(request).select_related("gemeente").met_aantal_items()

    @admin.display(description=_("items"), ordering="aantal_items")
    def aantal_items(self, obj: Prijslijst) -> int:
        return obj.aantal_items  # type: ignore[attr-defined, no-any-return]

    def save_model(self, request: HttpRequest, obj: Prijslijst, form: Any, change: bool) -> None:
        obj.bijgewerkt_door = str(request.user)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Begin het volgende jaar met een kopie van deze prijslijst"))
    def kopieer_naar_volgend_jaar(self, request: HttpRequest, queryset: QuerySet[Prijslijst]) -> None:
        for lijst in queryset:
            try:
                nieuw = services.maak_prijslijst(actor=request.user, gemeente=lijst.gemeente, jaar=lijst.jaar + 1)
            except ValidationError as fout:
                self.message_user(request, f"{lijst}: {' '.join(fout.messages)}", messages.ERROR)
            else:
                self.message_user(request, gettext("%(lijst)s is aangemaakt.") % {"lijst": nieuw}, messages.SUCCESS)
