from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.models import User
from samenwerk.ui.forms import Form

from ..models import Casusinbreng, Leertafel

# The texts of a case a professional may start from (the plan's texts and the case's reason):
# they are copied into the field to edit; the original stays in the case.
PLANVELDEN = ["ik_wil", "ik_kan_zelf", "ik_kan_gevraagd", "nodig_kort", "nodig_lang", "gezondheid",
              "dagelijks_leven", "financien", "wonen", "meedoen"]  # fmt: skip


def voorstel(casus: Casus) -> str:
    """A first version of the text from the case's reason and its plan."""
    delen = [casus.aanleiding] if casus.aanleiding else []
    plan = getattr(casus, "plan", None)
    if plan is not None:
        for veld in PLANVELDEN:
            waarde = getattr(plan, veld, "")
            if waarde:
                delen.append(f"{plan._meta.get_field(veld).verbose_name}: {waarde}")
    return "\n\n".join(delen)


class TafelKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Leertafel) -> str:
        sessie = obj.sessie
        return f"{obj} – {sessie}"


class InbrengForm(Form):
    tafel = TafelKeuze(label=_("Leertafel"), queryset=Leertafel.objects.none())
    tekst = forms.CharField(
        label=_("De casus zoals u die aan tafel wilt bespreken"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=20000,
        help_text=_(
            "Namen, adressen, data, telefoonnummers, BSN's en leeftijden worden vervangen voordat iemand anders de tekst "
            "ziet. U beoordeelt het resultaat eerst zelf. De casus zelf verandert niet."
        ),
    )

    def __init__(self, *args: Any, tafels: QuerySet[Leertafel], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tafel"].queryset = tafels  # type: ignore[attr-defined]


class OnherkenbaarForm(Form):
    passages = forms.CharField(
        label=_("Ook onherkenbaar maken"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_(
            "Eén stuk tekst per regel, precies zoals het in de tekst staat; elke keer dat het voorkomt wordt het vervangen."
        ),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def regels(self) -> list[str]:
        return [r for r in self.cleaned_data["passages"].splitlines() if r.strip()]


class DelenForm(Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)


class RollenForm(Form):
    gespreksleider = forms.ModelChoiceField(label=_("Gespreksleider"), queryset=User.objects.none(), required=False)
    notulist = forms.ModelChoiceField(label=_("Notulist"), queryset=User.objects.none(), required=False)
    tijdbewaker = forms.ModelChoiceField(label=_("Tijdbewaker"), queryset=User.objects.none(), required=False)
    aanwezigen = forms.ModelMultipleChoiceField(
        label=_("Aanwezig (voor de terugkoppeling)"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    inbreng = forms.ModelChoiceField(
        label=_("Over één casus (zonder namen)"), queryset=Casusinbreng.objects.none(), required=False
    )
    algemeen = forms.BooleanField(label=_("Over algemene successen"), required=False)

    def __init__(self, *args: Any, mensen: QuerySet[User], inbrengen: QuerySet[Casusinbreng], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for veld in ("gespreksleider", "notulist", "tijdbewaker", "aanwezigen"):
            self.fields[veld].queryset = mensen  # type: ignore[attr-defined]
        self.fields["inbreng"].queryset = inbrengen  # type: ignore[attr-defined]
