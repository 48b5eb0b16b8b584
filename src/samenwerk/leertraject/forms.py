from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gebied, Gemeente, User
from samenwerk.ui.forms import Form

from .models import Leertraject

MAX_BADGE_UPLOAD = 64 * 1024


def _mensen(gemeente: Gemeente):  # type: ignore[no-untyped-def]
    return User.objects.filter(rollen__in=gemeente.roltoewijzingen.actief()).distinct().order_by("last_name", "first_name")


class TrajectForm(Form):
    naam = forms.CharField(label=_("Naam"), max_length=120)
    vorm = forms.ChoiceField(label=_("Vorm"), choices=Leertraject.Vorm.choices, widget=forms.RadioSelect)
    gebied = forms.ModelChoiceField(label=_("Gebied"), queryset=Gebied.objects.none(), required=False)
    didactisch_trainer = forms.ModelChoiceField(label=_("Didactisch trainer"), queryset=User.objects.none())
    ervaringstrainer = forms.ModelChoiceField(label=_("Trainer-ervaringsdeskundige"), queryset=User.objects.none())
    min_dagen_aanwezig = forms.IntegerField(
        label=_("Minimaal aantal dagen aanwezig voor het certificaat"), min_value=1, max_value=3, required=False,
        help_text=_("Leeg: alle lesdagen. Daarnaast moeten alle verplichte opdrachten akkoord zijn."),
    )  # fmt: skip

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = Gebied.objects.filter(gemeente=gemeente)  # type: ignore[attr-defined]
        self.fields["didactisch_trainer"].queryset = _mensen(gemeente)  # type: ignore[attr-defined]
        self.fields["ervaringstrainer"].queryset = _mensen(gemeente)  # type: ignore[attr-defined]


class DagForm(Form):
    nummer = forms.TypedChoiceField(label=_("Lesdag"), coerce=int, choices=[(1, "1"), (2, "2"), (3, "3")])
    datum = forms.DateField(label=_("Datum"))
    van = forms.TimeField(label=_("Van"), initial=datetime.time(9), widget=forms.TimeInput(attrs={"type": "time"}))
    tot = forms.TimeField(label=_("Tot"), initial=datetime.time(16), widget=forms.TimeInput(attrs={"type": "time"}))
    locatie = forms.CharField(label=_("Plaats"), max_length=200, required=False)
    online = forms.BooleanField(label=_("Online of hybride"), required=False)
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def moment(self, tijd: datetime.time) -> datetime.datetime:
        return datetime.datetime.combine(self.cleaned_data["datum"], tijd, tzinfo=timezone.get_current_timezone())


class DeelnemerForm(Form):
    user = forms.ModelChoiceField(label=_("Deelnemer"), queryset=User.objects.none())
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(rollen__in=gemeente.roltoewijzingen.actief().filter(organisatie__isnull=False))
            .distinct()
            .order_by("last_name", "first_name")
        )


class NieuwkomersForm(Form):
    deelnames = forms.MultipleChoiceField(label=_("Nieuwkomers"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, kandidaten: list, **kwargs: Any) -> None:  # type: ignore[type-arg]
        super().__init__(*args, **kwargs)
        self.fields["deelnames"].choices = [  # type: ignore[attr-defined]
            (str(d.pk), f"{d.user} ({d.sessie.gebied}, {timezone.localtime(d.sessie.begin):%d-%m-%Y})") for d in kandidaten
        ]


class MaatjesForm(Form):
    eerste = forms.TypedChoiceField(label=_("Maatje"), coerce=int)
    tweede = forms.TypedChoiceField(label=_("en maatje"), coerce=int)

    def __init__(self, *args: Any, deelnemers: list, **kwargs: Any) -> None:  # type: ignore[type-arg]
        super().__init__(*args, **kwargs)
        keuzes = [(d.pk, f"{d.user} ({d.organisatie})") for d in deelnemers]
        self.fields["eerste"].choices = keuzes  # type: ignore[attr-defined]
        self.fields["tweede"].choices = keuzes  # type: ignore[attr-defined]


class LeervraagForm(Form):
    ik_wil = forms.CharField(label=_("Ik wil"), widget=forms.Textarea, required=False)
    ik_kan = forms.CharField(label=_("Ik kan"), widget=forms.Textarea, required=False)
    ik_heb_nodig = forms.CharField(label=_("Ik heb nodig"), widget=forms.Textarea, required=False)
    terugblik = forms.CharField(
        label=_("Terugblik aan het eind"), widget=forms.Textarea, required=False,
        help_text=_("Op of na de laatste lesdag: wat is er van je leervraag geworden?"),
    )  # fmt: skip


class InleverForm(Form):
    tekst = forms.CharField(label=_("Uw uitwerking"), widget=forms.Textarea(attrs={"rows": 6}), required=False)
    bestand = forms.FileField(
        label=_("Bestand"), required=False,
        help_text=_("Pdf, Word, OpenDocument, tekst, jpg of png; hoogstens 5 MB."),
    )  # fmt: skip
    deelname = forms.TypedChoiceField(label=_("Bezochte leersessie"), coerce=int, required=False, empty_value=None)
    casus = forms.TypedChoiceField(label=_("Casus met uw eerste Samenwerkplan"), coerce=int, required=False, empty_value=None)
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, koppeling: str, sessies: list, casussen: list, **kwargs: Any) -> None:  # type: ignore[type-arg]
        super().__init__(*args, **kwargs)
        if koppeling == "leersessie":
            self.fields["deelname"].choices = [("", "—")] + [  # type: ignore[attr-defined]
                (d.pk, f"{d.sessie.gebied}, {timezone.localtime(d.sessie.begin):%d-%m-%Y}") for d in sessies
            ]
        else:
            del self.fields["deelname"]
        if koppeling == "casusplan":
            self.fields["casus"].choices = [("", "—")] + [(c.pk, str(c.nummer)) for c in casussen]  # type: ignore[attr-defined]
        else:
            del self.fields["casus"]


class FeedbackForm(Form):
    feedback = forms.CharField(label=_("Feedback"), widget=forms.Textarea, required=False)
    akkoord = forms.TypedChoiceField(
        label=_("Oordeel"), widget=forms.RadioSelect, coerce=lambda v: v == "ja",
        choices=[("ja", _("Akkoord")), ("nee", _("Graag aanvullen"))],
    )  # fmt: skip
    versie = forms.IntegerField(widget=forms.HiddenInput)


class CertificaatForm(Form):
    afwijkreden = forms.CharField(
        label=_("Reden om van de regel af te wijken"), widget=forms.Textarea, required=False,
        help_text=_("Alleen nodig als de deelnemer de regel niet haalt. De reden wordt vastgelegd."),
    )  # fmt: skip


class IntrekForm(Form):
    reden = forms.CharField(label=_("Reden van intrekken"), widget=forms.Textarea)


class AfspraakForm(Form):
    gehouden_op = forms.DateField(label=_("De afspraak was op"), initial=timezone.localdate)


class ControleForm(Form):
    """The public verification form: paste the badge or upload its file."""

    badge = forms.CharField(
        label=_("Badge (JSON of de ondertekende tekenreeks)"), widget=forms.Textarea(attrs={"rows": 6}), required=False,
        max_length=MAX_BADGE_UPLOAD,
    )  # fmt: skip
    bestand = forms.FileField(label=_("Of upload het badgebestand"), required=False, help_text=_("Hoogstens 64 kB."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        bestand = data.get("bestand")
        if bestand is not None:
            if bestand.size > MAX_BADGE_UPLOAD:
                self.add_error("bestand", _("Het bestand is te groot voor een badge (hoogstens 64 kB)."))
                return data
            try:
                data["badge"] = bestand.read().decode("utf-8")
            except UnicodeDecodeError:
                self.add_error("bestand", _("Dit bestand is geen badge (geen tekst)."))
                return data
        if not data.get("badge", "").strip():
            self.add_error("badge", _("Plak de badge of kies een bestand."))
        return data
