"""Beheer: the functioneel beheerder configures their own municipality (domain.md §1).

Permissions come from role assignments in code, not from Django's permission tables: a
functioneel beheerder sees and edits only what belongs to the municipalities they manage.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import Gebied, Gemeente, Normen, Organisatie, Roltoewijzing, User, Wijk
from .selectors import beheerde_gemeenten


class BeheerSite(admin.AdminSite):
    site_header = _("Beheer Samenwerkplatform")
    site_title = _("Beheer")
    index_title = _("Inrichting van de gemeente")

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_authenticated and beheerde_gemeenten(user).exists())


beheer_site = BeheerSite(name="beheer")


class GemeenteScopedAdmin(admin.ModelAdmin):
    """Rows are visible and editable when they belong to a municipality the user manages."""

    gemeente_path = "gemeente"

    def _gemeenten(self, request: HttpRequest) -> QuerySet[Gemeente]:
        if not hasattr(request, "_beheerde_gemeenten"):
            request._beheerde_gemeenten = list(beheerde_gemeenten(request.user))  # type: ignore[attr-defined]
        return request._beheerde_gemeenten  # type: ignore[attr-defined, no-any-return]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(**{f"{self.gemeente_path}__in": self._gemeenten(request)}).distinct()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(self._gemeenten(request))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(self._gemeenten(request))

    has_change_permission = has_view_permission
    has_add_permission = has_view_permission  # type: ignore[assignment]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(self._gemeenten(request))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if not request.user.is_superuser:
            gemeenten = self._gemeenten(request)
            model = db_field.related_model
            if model is Gemeente:
                kwargs["queryset"] = Gemeente.objects.filter(pk__in=[g.pk for g in gemeenten])
            elif model in (Gebied, Organisatie):
                kwargs["queryset"] = model.objects.filter(gemeente__in=gemeenten)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if not request.user.is_superuser and db_field.related_model is Gebied:
            kwargs["queryset"] = Gebied.objects.filter(gemeente__in=self._gemeenten(request))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class NormenInline(admin.StackedInline):
    """The numbers of domain.md §10 for this municipality; shown with their defaults until
    the beheerder saves other values (Normen.objects.voor makes the row on first use)."""

    model = Normen
    can_delete = False
    max_num = 1
    min_num = 1
    fieldsets = [
        (
            _("Samenwerkwijze"),
            {
                "fields": [
                    "afspraak_weken",
                    "afspraak_waarschuwing_dagen",
                    "overleg_binnen_weken",
                    ("herhaalmeting_vanaf_maanden", "herhaalmeting_tot_maanden"),
                    "antwoord_werkdagen",
                ]
            },
        ),
        (
            _("De Tafel Samen aan Zet"),
            {
                "fields": [
                    "tafel_interval_weken",
                    ("tafel_mdo_vanaf_weken", "tafel_mdo_tot_weken"),
                    ("tafel_vervolg_vanaf_weken", "tafel_vervolg_tot_weken"),
                    "tafel_casuscheck_weken",
                    "tafel_procesevaluatie_maanden",
                ]
            },
        ),
    ]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    has_change_permission = has_view_permission = has_add_permission  # type: ignore[assignment]


@admin.register(Gemeente, site=beheer_site)
class GemeenteAdmin(GemeenteScopedAdmin):
    gemeente_path = "pk"
    list_display = ["naam", "fase"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [NormenInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Gemeente]:
        if request.user.is_superuser:
            return Gemeente.objects.all()
        return Gemeente.objects.filter(pk__in=[g.pk for g in self._gemeenten(request)])

    def has_add_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)


class WijkInline(admin.TabularInline):
    model = Wijk
    extra = 1

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    has_change_permission = has_view_permission = has_delete_permission = has_add_permission  # type: ignore[assignment]


@admin.register(Gebied, site=beheer_site)
class GebiedAdmin(GemeenteScopedAdmin):
    list_display = ["naam", "gemeente", "aantal_inwoners"]
    list_filter = ["gemeente"]
    inlines = [WijkInline]


@admin.register(Organisatie, site=beheer_site)
class OrganisatieAdmin(GemeenteScopedAdmin):
    list_display = ["naam", "soort", "relatie", "gemeente"]
    list_filter = ["soort", "relatie", "gemeente"]
    search_fields = ["naam", "expertise"]
    # Check boxes, not Django's two-list filter (its search icon carries a prohibited
    # aria-label, axe 'aria-prohibited-attr'); a municipality has a handful of areas.
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}


class RoltoewijzingInline(admin.TabularInline):
    model = Roltoewijzing
    fk_name = "user"
    extra = 1
    fields = ["rol", "gemeente", "gebied", "organisatie", "geldig_vanaf", "geldig_tot"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Roltoewijzing]:
        qs = super().get_queryset(request).select_related("gemeente", "gebied", "organisatie")
        if request.user.is_superuser:
            return qs
        return qs.filter(gemeente__in=beheerde_gemeenten(request.user))

    def get_min_num(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> int:
        # A new account must get a role in one of the beheerder's own municipalities,
        # otherwise it would vanish from their list the moment it is saved.
        return 0 if request.user.is_superuser or obj is not None else 1

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        kwargs.setdefault("validate_min", True)  # the admin shows min_num forms but does not enforce them
        return super().get_formset(request, obj, **kwargs)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    has_change_permission = has_view_permission = has_delete_permission = has_add_permission  # type: ignore[assignment]

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if not request.user.is_superuser:
            gemeenten = beheerde_gemeenten(request.user)
            if db_field.related_model is Gemeente:
                kwargs["queryset"] = gemeenten
            elif db_field.related_model in (Gebied, Organisatie):
                kwargs["queryset"] = db_field.related_model.objects.filter(gemeente__in=gemeenten)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class GebruikerCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "first_name", "last_name"]


@admin.register(User, site=beheer_site)
class UserAdmin(GemeenteScopedAdmin, DjangoUserAdmin):
    gemeente_path = "rollen__gemeente"
    add_form = GebruikerCreationForm
    inlines = [RoltoewijzingInline]
    ordering = ["last_name", "first_name"]
    list_display = ["email", "first_name", "last_name", "is_active"]
    list_filter = ["is_active", "rollen__rol"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Persoonlijke gegevens"), {"fields": ["first_name", "last_name", "telefoon"]}),
        (_("Status"), {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    superuser_fieldsets = [*fieldsets, (_("Platform"), {"fields": ["is_staff", "is_superuser"]})]
    readonly_fields = ["last_login", "date_joined"]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "first_name", "last_name", "password1", "password2"]}),
    ]

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return self.add_fieldsets
        return self.superuser_fieldsets if request.user.is_superuser else self.fieldsets
