from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Betrokkene, Casus, Netwerklid
from samenwerk.gemeenten.models import Normen
from samenwerk.overleg.models import Deelnemer
from samenwerk.ui.forms import Form, ModelForm

from .models import PLANVELDEN, Afspraak, Evaluatie, Samenwerkplan
from .regels import EVALUATIEDATUM_IN_VERLEDEN, evaluatiedatum_in_verleden


class PlanForm(ModelForm):
    """The paper form. `versie` is the version the person started from (optimistic locking)."""

    versie = forms.IntegerField(widget=forms.HiddenInput)
    overleg_nodig = forms.TypedChoiceField(
        label=_("Is een Samenwerkoverleg nodig?"),
        required=False,
        coerce=lambda v: {"ja": True, "nee": False}.get(v),
        empty_value=None,
        widget=forms.RadioSelect,
        choices=[
            ("ja", _("Ja, er is meer expertise nodig")),
            ("nee", _("Nee, het kan met een telefoontje of één actie")),
            ("", _("Nog niet besloten")),
        ],
    )

    class Meta:
        model = Samenwerkplan
        fields = PLANVELDEN
        widgets = {"welzijnscijfer": forms.NumberInput(attrs={"min": 1, "max": 10, "step": 1})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance is not None:
            waarde = self.instance.overleg_nodig
            self.initial["overleg_nodig"] = {True: "ja", False: "nee"}.get(waarde, "")
            self.initial["versie"] = self.instance.versie

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("overleg_nodig") is not None and not (data.get("overleg_reden") or "").strip():
            self.add_error("overleg_reden", _("Schrijf kort op waarom wel of geen Samenwerkoverleg nodig is."))
        oud = self.instance.evaluatie_datum if self.instance is not None else None
        if evaluatiedatum_in_verleden(data.get("evaluatie_datum"), oud, timezone.localdate()):
            self.add_error("evaluatie_datum", EVALUATIEDATUM_IN_VERLEDEN)
        return data


class AfspraakForm(ModelForm):
    class Meta:
        model = Afspraak
        fields = ["wie", "betrokkene", "netwerklid", "deelnemer", "wat", "start", "uiterlijke_datum", "perspectief"]

    def __init__(self, *args: Any, casus: Casus, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["betrokkene"].queryset = Betrokkene.objects.actief().filter(casus=casus).select_related("user", "organisatie")  # type: ignore[attr-defined]
        self.fields["netwerklid"].queryset = Netwerklid.objects.filter(casus=casus)  # type: ignore[attr-defined]
        self.fields["deelnemer"].queryset = genodigden(casus)  # type: ignore[attr-defined]
        self.fields["deelnemer"].help_text = _("Als “wie” iemand is die voor een overleg is uitgenodigd.")
        self.fields["uiterlijke_datum"].required = False
        weken = Normen.objects.voor(casus.gemeente_id).afspraak_weken
        self.fields["uiterlijke_datum"].help_text = _("Leeg laten: %(weken)s weken na de start.") % {"weken": weken}
        self.fields["perspectief"].help_text = _(
            "Nodig als het langer duurt dan %(weken)s weken: wat kan de inwoner verwachten?"
        ) % {"weken": weken}
        self.weken = weken
        if "start" in self.fields:
            self.fields["start"].initial = timezone.localdate()


def genodigden(casus: Casus) -> Any:
    """The people invited to any of the case's meetings, as owner choices."""
    return Deelnemer.objects.filter(overleg__casus=casus).order_by("naam", "id")


class AfspraakWijzigForm(AfspraakForm):
    """Edit who, what and the latest date. `versie` is the version the person started from."""

    versie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta(AfspraakForm.Meta):
        fields = ["wie", "betrokkene", "netwerklid", "deelnemer", "wat", "uiterlijke_datum", "perspectief"]

    def __init__(self, *args: Any, casus: Casus, **kwargs: Any) -> None:
        super().__init__(*args, casus=casus, **kwargs)
        self.fields["uiterlijke_datum"].required = True
        self.fields["uiterlijke_datum"].help_text = ""
        if not self.is_bound and self.instance is not None:
            self.initial["versie"] = self.instance.versie


class IntrekForm(Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    reden = forms.CharField(
        label=_("Waarom wordt de afspraak ingetrokken?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf kort op waarom de afspraak wordt ingetrokken.")},
    )


class EvaluatieForm(ModelForm):
    tussentijds = forms.BooleanField(label=_("Dit is een tussentijdse evaluatie"), required=False)
    datum = forms.DateField(label=_("Datum"), initial=timezone.localdate)
    verdere_acties_nodig = forms.TypedChoiceField(
        label=_("Zijn er verdere acties nodig?"),
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
    )

    class Meta:
        model = Evaluatie
        fields = ["acties_gedaan", "verdere_acties_nodig", "welzijnscijfer", "welzijnscijfer_toelichting", "geleerd", "vorm"]
        widgets = {
            "acties_gedaan": forms.RadioSelect,
            "vorm": forms.RadioSelect,
            "welzijnscijfer": forms.NumberInput(attrs={"min": 1, "max": 10, "step": 1}),
        }

    def clean_datum(self) -> Any:
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("De datum ligt in de toekomst."))
        return datum


class VersieKeuze(Form):
    a = forms.IntegerField(min_value=1)
    b = forms.IntegerField(min_value=1)
