from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie, User
from samenwerk.ui.forms import Form, ModelForm

from .models import (
    CORRIGEERBAAR,
    Betrokkene,
    Binnenkomst,
    Casus,
    Casusnummer,
    Correctieverzoek,
    Inwoner,
    Netwerklid,
    Route,
    Toestemming,
)
from .workflow import Status

AANMELDING_TERUG_DAGEN = 90  # how far back a registration date may lie (the form's help text says so)


class CasusnummerField(forms.CharField):
    """A case number as users see it ("2026-00017"), never the internal id. Cleans to a
    `Casusnummer`; look the case up with `Casus.objects.met_nummer`."""

    default_error_messages = {"invalid": _("Vul het casusnummer in zoals het op de casus staat, bijvoorbeeld 2026-00017.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", _("Zoals het op de casus staat, bijvoorbeeld 2026-00017."))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Casusnummer | None:  # type: ignore[override]
        tekst = super().to_python(value)
        if tekst in self.empty_values:
            return None
        nummer = Casusnummer.lees(tekst)
        if nummer is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return nummer


class CasusFilter(Form):
    gebied = forms.ModelChoiceField(
        label=_("Gebied"), queryset=Gebied.objects.none(), required=False, empty_label=_("Alle gebieden")
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Alle statussen")), *Status.choices])

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = Gebied.objects.filter(gemeente=gemeente)  # type: ignore[attr-defined]


class InwonerForm(ModelForm):
    class Meta:
        model = Inwoner
        fields = ["voornaam", "achternaam", "geboortedatum", "straat", "postcode", "woonplaats", "telefoon", "email"]

    def clean_geboortedatum(self) -> Any:
        datum = self.cleaned_data.get("geboortedatum")
        if datum and datum > timezone.localdate():
            raise forms.ValidationError(_("De geboortedatum ligt in de toekomst."))
        return datum

    def clean_postcode(self) -> str:
        return normaliseer_postcode(self.cleaned_data.get("postcode", ""))


def normaliseer_postcode(waarde: str) -> str:
    postcode = (waarde or "").replace(" ", "").upper()
    if postcode and not (len(postcode) == 6 and postcode[:4].isdigit() and postcode[4:].isalpha()):
        raise forms.ValidationError(_("Een postcode is vier cijfers en twee letters, bijvoorbeeld 1234 AB."))
    return f"{postcode[:4]} {postcode[4:]}" if postcode else ""


class AanmeldForm(ModelForm):
    """Step 1: how the question came in. The resident's details come from InwonerForm."""

    organisatie = forms.ModelChoiceField(label=_("Ik meld aan namens"), queryset=Organisatie.objects.none())
    casusregisseur = forms.BooleanField(label=_("Ik ben de casusregisseur"), required=False, initial=True)

    class Meta:
        model = Casus
        fields = ["gebied", "route", "binnengekomen_via", "aangemeld_door", "aanmelddatum", "reeds_betrokken", "aanleiding"]

    def __init__(self, *args: Any, user: User, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = Gebied.objects.filter(gemeente=gemeente)  # type: ignore[attr-defined]
        organisaties = Organisatie.objects.filter(gemeente=gemeente, roltoewijzingen__in=user.actieve_rollen(gemeente)).distinct()
        self.fields["organisatie"].queryset = organisaties  # type: ignore[attr-defined]
        if organisaties.count() == 1:
            self.fields["organisatie"].initial = organisaties.first()
        self.fields["binnengekomen_via"].choices = [("", "---------"), *Binnenkomst.choices]  # type: ignore[attr-defined]
        self.fields["route"].choices = Route.choices  # type: ignore[attr-defined]
        self.fields["aanmelddatum"].help_text = _(
            "De dag waarop de vraag binnenkwam: vandaag of in de afgelopen %(dagen)s dagen. Een oudere vraag "
            "meldt u aan met de datum van vandaag en de eerdere datum in de aanleiding."
        ) % {"dagen": AANMELDING_TERUG_DAGEN}

    def clean_aanmelddatum(self) -> Any:
        """Refused beyond the window rather than asked to confirm: the date starts the case's
        deadlines, and a year typed wrongly (2016 for 2026) would make every one of them overdue."""
        datum = self.cleaned_data.get("aanmelddatum")
        vandaag = timezone.localdate()
        if datum and datum > vandaag:
            raise forms.ValidationError(_("De aanmelddatum ligt in de toekomst."))
        if datum and (vandaag - datum).days > AANMELDING_TERUG_DAGEN:
            raise forms.ValidationError(
                _("De aanmelddatum ligt meer dan %(dagen)s dagen terug. Kies een recentere datum.")
                % {"dagen": AANMELDING_TERUG_DAGEN}
            )
        return datum


class ToestemmingForm(ModelForm):
    gegeven = forms.TypedChoiceField(
        label=_("Antwoord van de inwoner"),
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
        choices=[("ja", _("Ja, geeft toestemming")), ("nee", _("Nee, geeft geen toestemming"))],
    )

    class Meta:
        model = Toestemming
        fields = ["doel", "gegeven", "geldt_voor", "wijze", "datum", "toelichting"]
        widgets = {"wijze": forms.RadioSelect}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("doel") == Toestemming.Doel.PLAN_DELEN and not data.get("geldt_voor"):
            self.add_error("geldt_voor", _("Met wie mag het plan gedeeld worden? Vul de naam in."))
        if data.get("datum") and data["datum"] > timezone.localdate():
            self.add_error("datum", _("De datum ligt in de toekomst."))
        return data


class NetwerklidForm(ModelForm):
    class Meta:
        model = Netwerklid
        fields = ["naam", "relatie", "rol", "telefoon", "email"]


class ProfessionalForm(Form):
    user = forms.ModelChoiceField(label=_("Professional"), queryset=User.objects.none())
    organisatie = forms.ModelChoiceField(label=_("Organisatie"), queryset=Organisatie.objects.none())
    rol = forms.ChoiceField(label=_("Rol in de casus"), choices=Betrokkene.Rol.choices, initial=Betrokkene.Rol.DEELNEMER)

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(
            rollen__in=gemeente.roltoewijzingen.actief(), is_active=True
        ).distinct()  # type: ignore[attr-defined]
        self.fields["organisatie"].queryset = Organisatie.objects.filter(gemeente=gemeente)  # type: ignore[attr-defined]


class StatusForm(Form):
    naar = forms.ChoiceField(label=_("Nieuwe status"), choices=Status.choices)
    reden = forms.CharField(
        label=_("Reden of toelichting"),
        required=False,
        max_length=200,
        help_text=_("Verplicht als u de casus afsluit: waarom wordt de casus afgesloten?"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reden"].verplicht_als = True  # type: ignore[attr-defined]


class NoodtoegangForm(Form):
    casus = CasusnummerField(label=_("Casusnummer"))
    reden = forms.CharField(
        label=_("Waarom moet u deze casus nu inzien?"),
        widget=forms.Textarea,
        min_length=10,  # checked before the case is looked up, so the answer does not depend on it
        max_length=1000,
        error_messages={"min_length": _("Schrijf waarom u deze casus nu moet inzien (minstens 10 tekens).")},
        help_text=_("Uw reden komt in het toegangslog en op de tijdlijn van de casus; de casusregisseur en de inwoner zien dat."),
    )


class CorrectieForm(ModelForm):
    """A correction request, by a professional on the resident's behalf."""

    class Meta:
        model = Correctieverzoek
        fields = ["gegeven", "omschrijving", "gewenst"]


class BehandelBasis(Form):
    field_order = ["besluit", "nieuwe_waarde", "reden", "toelichting"]
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        widget=forms.RadioSelect,
        choices=[("aanpassen", _("Aanpassen")), ("weigeren", _("Niet aanpassen"))],
    )
    reden = forms.CharField(
        label=_("Waarom niet aanpassen?"),
        widget=forms.Textarea,
        required=False,
        max_length=1000,
        help_text=_("De inwoner ziet deze reden. Schrijf kort en duidelijk."),
    )
    toelichting = forms.CharField(
        label=_("Wat heeft u aangepast, en waar?"), widget=forms.Textarea, required=False, max_length=1000
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("besluit") == "weigeren" and not data.get("reden", "").strip():
            self.add_error("reden", _("Schrijf op waarom het niet wordt aangepast. De inwoner ziet deze reden."))
        if data.get("besluit") == "aanpassen" and "nieuwe_waarde" in self.fields:
            waarde = data.get("nieuwe_waarde")
            if waarde in (None, "") and "nieuwe_waarde" not in self.errors:
                self.add_error("nieuwe_waarde", _("Vul de nieuwe waarde in."))
        return data


def behandel_form(verzoek: Correctieverzoek) -> type[BehandelBasis]:
    """The handling form; for a detail of the resident it asks the new value with that
    field's own input and checks (a date for the date of birth, the postcode's shape)."""
    if verzoek.gegeven not in CORRIGEERBAAR:
        return BehandelBasis
    veld = copy.deepcopy(InwonerForm.base_fields[verzoek.gegeven])
    veld.required, veld.label = False, _("Nieuwe waarde")
    attrs: dict[str, Any] = {"nieuwe_waarde": veld}
    if verzoek.gegeven == "postcode":
        attrs["clean_nieuwe_waarde"] = lambda self: normaliseer_postcode(self.cleaned_data.get("nieuwe_waarde", ""))
    if verzoek.gegeven == "geboortedatum":

        def clean_datum(self: Form) -> Any:
            datum = self.cleaned_data.get("nieuwe_waarde")
            if datum and datum > timezone.localdate():
                raise forms.ValidationError(_("De geboortedatum ligt in de toekomst."))
            return datum

        attrs["clean_nieuwe_waarde"] = clean_datum
    return type("BehandelForm", (BehandelBasis,), attrs)
