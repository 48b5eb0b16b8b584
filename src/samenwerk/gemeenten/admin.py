"""Beheer: the functioneel beheerder configures their own municipality (domain.md §1).

Permissions come from role assignments in code, not from Django's permission tables: a
functioneel beheerder sees and edits only what belongs to the municipalities they manage.
What touches a whole account, and who may grant which role, follows `beheer.py`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import beheer
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
        (
            _("De lerende trap"),
            {
                "fields": [
                    ("leersessies_per_maand_min", "leersessies_per_maand_max"),
                    "leersessie_aanmelden_dagen",
                    "leersessie_link_uren",
                    ("actieleren_live_min", "actieleren_live_max"),
                    ("actieleren_online_min", "actieleren_online_max"),
                    "evaluatietafel_max",
                    "netwerkoverleg_weken",
                    ("steungroep_per_jaar_min", "steungroep_per_jaar_max"),
                    ("bundelen_vanaf_maanden", "bundelen_tot_maanden"),
                    "leergeschiedenis_maanden",
                    "intervisie_per_jaar",
                    ("trainingsgroep_min", "trainingsgroep_max"),
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


class RolFormSet(BaseInlineFormSet):
    """Refuses a sensitive role granted to oneself, on the row where it was typed."""

    actor: User

    def clean(self) -> None:
        super().clean()
        for form in self.forms:
            gegevens = getattr(form, "cleaned_data", None)
            if not gegevens or gegevens.get("DELETE") or not form.has_changed() or not gegevens.get("rol"):
                continue
            try:
                beheer.controleer_eigen_rol(
                    actor=self.actor,
                    persoon=self.instance,
                    rol=gegevens["rol"],
                    nieuw=form.instance.pk is None,
                    gewijzigd=form.changed_data,
                    oud_tot=form.initial.get("geldig_tot"),
                    tot=gegevens.get("geldig_tot"),
                )
            except ValidationError as fout:
                form.add_error("rol", fout)


class RoltoewijzingInline(admin.TabularInline):
    model = Roltoewijzing
    fk_name = "user"
    formset = RolFormSet
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
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"actor": request.user})

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

    # Account-wide: these serve every municipality where the person holds a role (beheer.py).
    ACCOUNTVELDEN = ("email", "first_name", "last_name", "telefoon", "is_active")

    def _elders(self, request: HttpRequest, obj: Any) -> list[Gemeente]:
        if obj is None:
            return []
        cache = request.__dict__.setdefault("_gemeenten_elders", {})
        if obj.pk not in cache:
            cache[obj.pk] = beheer.gemeenten_elders(request.user, obj)
        return cache[obj.pk]  # type: ignore[no-any-return]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        velden = list(super().get_readonly_fields(request, obj))
        if self._elders(request, obj):
            velden += [v for v in self.ACCOUNTVELDEN if v not in velden]
        return velden

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and not self._elders(request, obj)

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None) -> HttpResponse:
        obj = self.get_object(request, object_id)
        elders = self._elders(request, obj)
        if elders and request.method == "GET":
            messages.warning(request, beheer.weigering_account(elders))
        return super().change_view(request, object_id, form_url, extra_context)

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        obj = self.get_object(request, id)
        elders = self._elders(request, obj)
        if elders:
            messages.error(request, beheer.weigering_account(elders))
            return HttpResponseRedirect(reverse("beheer:gemeenten_user_change", args=[obj.pk]))
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302 and obj is not None:
            beheer.log_accountwijziging(
                actor=request.user, persoon=obj, gebeurtenis="account.wachtwoord", velden=["password"], request=request
            )
        return response

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        velden = [v for v in form.changed_data if v in self.ACCOUNTVELDEN]
        if change and velden:
            gebeurtenis = "account.gedeactiveerd" if "is_active" in velden and not obj.is_active else "account.gewijzigd"
            beheer.log_accountwijziging(actor=request.user, persoon=obj, gebeurtenis=gebeurtenis, velden=velden, request=request)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Every role granted, changed, ended or removed goes into the access log, in the
        same transaction (the admin saves the whole page in one)."""
        if formset.model is not Roltoewijzing:
            super().save_formset(request, form, formset, change)
            return
        oud_tot = {f.instance.pk: f.initial.get("geldig_tot") for f in formset.initial_forms}
        formset.save(commit=False)
        for rol in formset.deleted_objects:
            beheer.log_rolwijziging(actor=request.user, toewijzing=rol, gebeurtenis="rol.verwijderd", request=request)
            rol.delete()
        for rol in formset.new_objects:
            rol.save()
            beheer.log_rolwijziging(actor=request.user, toewijzing=rol, gebeurtenis="rol.toegekend", request=request)
        for rol, velden in formset.changed_objects:
            rol.save()
            gebeurtenis = beheer.gebeurtenis_voor(velden, oud_tot.get(rol.pk), rol.geldig_tot)
            beheer.log_rolwijziging(actor=request.user, toewijzing=rol, gebeurtenis=gebeurtenis, velden=velden, request=request)
        formset.save_m2m()
