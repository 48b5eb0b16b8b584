from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gebied, Gemeente, User
from samenwerk.ui.forms import Form

from ..models import Actieleren, Dilemma, Leerdocument, Niveau, Trapoverleg
from . import rules
from .documenten import SECTIES


def _mensen(gemeente: Gemeente):  # type: ignore[no-untyped-def]
    return User.objects.filter(rollen__in=gemeente.roltoewijzingen.actief()).distinct().order_by("last_name", "first_name")


class OverlegForm(Form):
    soort = forms.ChoiceField(label=_("Soort overleg"), choices=Trapoverleg.Soort.choices)
    datum = forms.DateField(label=_("Datum"))
    begintijd = forms.TimeField(label=_("Begintijd"), initial=datetime.time(15), widget=forms.TimeInput(attrs={"type": "time"}))
    eindtijd = forms.TimeField(label=_("Eindtijd"), initial=datetime.time(17), widget=forms.TimeInput(attrs={"type": "time"}))
    locatie = forms.CharField(label=_("Locatie of link"), max_length=200, required=False)
    voorzitter = forms.ModelChoiceField(label=_("Voorzitter"), queryset=User.objects.none(), required=False)
    genodigden = forms.ModelMultipleChoiceField(
        label=_("Genodigden"), queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Iedere genodigde krijgt een uitnodiging voor de agenda per e-mail."),
    )  # fmt: skip

    def __init__(self, *args: Any, gemeente: Gemeente, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        soorten = rules.zichtbare_soorten(user, gemeente)
        self.fields["soort"].choices = [(s, label) for s, label in Trapoverleg.Soort.choices if s in soorten]  # type: ignore[attr-defined]
        self.fields["voorzitter"].queryset = _mensen(gemeente)  # type: ignore[attr-defined]
        self.fields["genodigden"].queryset = _mensen(gemeente)  # type: ignore[attr-defined]

    def tijden(self) -> tuple[datetime.datetime, datetime.datetime]:
        d = self.cleaned_data
        tz = timezone.get_current_timezone()
        return (
            datetime.datetime.combine(d["datum"], d["begintijd"], tzinfo=tz),
            datetime.datetime.combine(d["datum"], d["eindtijd"], tzinfo=tz),
        )


class AgendapuntForm(Form):
    titel = forms.CharField(label=_("Titel"), max_length=200, required=False)
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea, required=False)
    dilemma = forms.ModelChoiceField(label=_("Dilemma om te behandelen"), queryset=Dilemma.objects.none(), required=False)
    document = forms.ModelChoiceField(
        label=_("Bundel of leergeschiedenis om te presenteren"), queryset=Leerdocument.objects.none(), required=False
    )

    def __init__(self, *args: Any, overleg: Trapoverleg, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dilemma"].queryset = Dilemma.objects.filter(  # type: ignore[attr-defined]
            gemeente=overleg.gemeente_id, status=Dilemma.Status.OPEN
        )
        self.fields["document"].queryset = Leerdocument.objects.filter(gemeente=overleg.gemeente_id).select_related("gebied")  # type: ignore[attr-defined]


class BesluitForm(Form):
    tekst = forms.CharField(label=_("Besluit"), widget=forms.Textarea)


class ActieForm(Form):
    wat = forms.CharField(label=_("Wat"), widget=forms.Textarea)
    eigenaar = forms.ModelChoiceField(label=_("Eigenaar"), queryset=User.objects.none())
    uiterlijk = forms.DateField(label=_("Uiterlijk"))

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = _mensen(gemeente)  # type: ignore[attr-defined]


class AanwezigheidForm(Form):
    aanwezig = forms.MultipleChoiceField(label=_("Aanwezig"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, deelnemers: list, **kwargs: Any) -> None:  # type: ignore[type-arg]
        super().__init__(*args, **kwargs)
        self.fields["aanwezig"].choices = [(str(d.user_id), str(d.user)) for d in deelnemers]  # type: ignore[attr-defined]
        self.fields["aanwezig"].initial = [str(d.user_id) for d in deelnemers if d.aanwezig]


class DilemmaForm(Form):
    titel = forms.CharField(label=_("Titel"), max_length=200)
    wat_wil_ik = forms.CharField(label=_("Wat wil ik?"), widget=forms.Textarea)
    wat_kan_ik = forms.CharField(label=_("Wat kan ik?"), widget=forms.Textarea)
    wat_heb_ik_nodig = forms.CharField(label=_("Wat heb ik nodig?"), widget=forms.Textarea)
    niveau = forms.ChoiceField(label=_("Niveau"), choices=Niveau.choices, widget=forms.RadioSelect)
    gebied = forms.ModelChoiceField(label=_("Gebied"), queryset=Gebied.objects.none(), required=False)

    def __init__(self, *args: Any, gemeente: Gemeente, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        eigen = rules.niveaus_van(user, gemeente)
        self.fields["niveau"].choices = [(n, label) for n, label in Niveau.choices if n in eigen]  # type: ignore[attr-defined]
        if eigen:
            self.fields["niveau"].initial = eigen[0]
        self.fields["gebied"].queryset = Gebied.objects.filter(gemeente=gemeente)  # type: ignore[attr-defined]


class BehandelForm(Form):
    tekst = forms.CharField(label=_("Wat leverde de behandeling op?"), widget=forms.Textarea)
    actieleren = forms.ModelChoiceField(
        label=_("Behandeld met actieleren aan tafel"), queryset=Actieleren.objects.none(), required=False
    )
    overleg = forms.ModelChoiceField(label=_("Behandeld in het overleg"), queryset=Trapoverleg.objects.none(), required=False)
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, dilemma: Dilemma, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # what happened since the dilemma was raised (a ModelChoiceField cannot take a slice)
        sinds = dilemma.aangemaakt_op - datetime.timedelta(days=31)
        self.fields["actieleren"].queryset = (  # type: ignore[attr-defined]
            Actieleren.objects.filter(tafel__sessie__gemeente=dilemma.gemeente_id, tafel__sessie__begin__gte=sinds)
            .select_related("tafel__sessie__gebied")
            .order_by("-tafel__sessie__begin")
        )
        self.fields["overleg"].queryset = Trapoverleg.objects.filter(  # type: ignore[attr-defined]
            gemeente=dilemma.gemeente_id, begint__gte=sinds
        ).order_by("-begint")
        if dilemma.niveau != Niveau.PROFESSIONAL:
            del self.fields["actieleren"]


class EscaleerForm(Form):
    toelichting = forms.CharField(label=_("Waarom is het hier niet op te lossen?"), widget=forms.Textarea)
    versie = forms.IntegerField(widget=forms.HiddenInput)


class OplossingForm(Form):
    oplossing = forms.CharField(label=_("Oplossing"), widget=forms.Textarea)
    versie = forms.IntegerField(widget=forms.HiddenInput)


class DocumentForm(Form):
    soort = forms.ChoiceField(label=_("Soort"), choices=Leerdocument.Soort.choices, widget=forms.RadioSelect)
    gebied = forms.ModelChoiceField(
        label=_("Gebied"), queryset=Gebied.objects.none(), required=False,
        help_text=_("Een bundel is altijd van één gebied; een leergeschiedenis mag over de hele gemeente gaan."),
    )  # fmt: skip
    methode = forms.ChoiceField(
        label=_("Methode (alleen voor de leergeschiedenis)"),
        choices=[("", _("Beide methoden")), *Leerdocument.Methode.choices],
        required=False,
    )
    van = forms.DateField(label=_("Periode vanaf"))
    tot = forms.DateField(label=_("Periode tot en met"))

    def __init__(self, *args: Any, gemeente: Gemeente, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = Gebied.objects.filter(gemeente=gemeente)  # type: ignore[attr-defined]
        self.fields["soort"].choices = [  # type: ignore[attr-defined]
            (s, label) for s, label in Leerdocument.Soort.choices if rules.mag_document_maken(user, gemeente, s)
        ]


class BewerkForm(Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, document: Leerdocument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, kop in SECTIES[document.soort]:
            self.fields[code] = forms.CharField(
                label=kop,
                required=False,
                widget=forms.Textarea(attrs={"rows": 12, "class": "utrecht-textarea utrecht-textarea--html-textarea"}),
            )

    def inhoud(self) -> dict[str, str]:
        return {k: v for k, v in self.cleaned_data.items() if k != "versie"}
