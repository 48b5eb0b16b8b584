from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Betrokkene, Casus, Netwerklid
from samenwerk.plannen.forms import AfspraakForm
from samenwerk.ui.forms import Form

from .models import Deelnemer, Overleg, Weigering
from .services import Keuze, OverlegGegevens, betrokken_mensen
from .services import _controleer as controleer_gegevens

JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]
NIET_BETROKKEN = _("Kies iemand die bij deze casus betrokken is: een professional, de inwoner of iemand uit het netwerk.")
GEEN_EMAIL = {"invalid": _("Dit is geen geldig e-mailadres, bijvoorbeeld naam@organisatie.nl.")}


def ja_nee(label: str, **kwargs: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, coerce=lambda v: v == "ja", widget=forms.RadioSelect, choices=kwargs.pop("choices", JA_NEE), **kwargs
    )


def keuze_waarde(keuze: Keuze) -> str:
    """A person involved as the value of an option: "betrokkene:12", "inwoner", "netwerklid:5"."""
    soort, pk = keuze
    return soort if pk is None else f"{soort}:{pk}"


def keuze_uit(waarde: str) -> Keuze:
    soort, _sep, pk = waarde.partition(":")
    return soort, int(pk) if pk else None


class OverlegForm(Form):
    vorm = forms.ChoiceField(
        label=_("Vorm"), choices=Overleg.Vorm.choices, widget=forms.RadioSelect, initial=Overleg.Vorm.SAMENWERKWIJZE
    )
    soort = forms.ChoiceField(label=_("Soort overleg"), choices=Overleg.Soort.choices, initial=Overleg.Soort.EERSTE)
    doel = forms.CharField(
        label=_("Doel van het overleg"), widget=forms.Textarea, help_text=_("Een korte samenvatting van het plan van de inwoner.")
    )
    datum = forms.DateField(label=_("Datum"))
    begintijd = forms.TimeField(label=_("Begintijd"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    eindtijd = forms.TimeField(label=_("Eindtijd"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    bij_inwoner_thuis = ja_nee(
        _("Waar is het overleg?"),
        choices=[("ja", _("Bij de inwoner thuis")), ("nee", _("Ergens anders, omdat de inwoner dat liever wil"))],
        initial="ja",
    )
    locatie = forms.CharField(label=_("Andere plaats"), required=False, max_length=200)
    locatie_reden = forms.CharField(label=_("Waarom niet thuis?"), required=False, max_length=300)
    voorzitter = forms.ChoiceField(
        label=_("Voorzitter"),
        help_text=_("Een betrokken professional, de inwoner of iemand uit het netwerk."),
        error_messages={"invalid_choice": NIET_BETROKKEN},
    )
    notulist = forms.ChoiceField(label=_("Notulist"), error_messages={"invalid_choice": NIET_BETROKKEN})
    antwoord_voor = forms.DateField(
        label=_("Antwoord graag vóór"), required=False, help_text=_("Leeg laten: twee dagen voor het overleg.")
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, casus: Casus, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        mensen = [(keuze_waarde(keuze), naam) for keuze, naam in betrokken_mensen(casus)]
        for veld in ("voorzitter", "notulist"):
            self.fields[veld].choices = [("", _("Kies iemand")), *mensen]  # type: ignore[attr-defined]

    @classmethod
    def voor(cls, overleg: Overleg, data: Any = None) -> OverlegForm:
        begint, eindigt = timezone.localtime(overleg.begint), timezone.localtime(overleg.eindigt)
        initial = (
            {
                veld: getattr(overleg, veld)
                for veld in ("vorm", "soort", "doel", "locatie", "locatie_reden", "antwoord_voor", "versie")
            }
            | {rol: keuze_waarde(keuze) if (keuze := overleg.keuze(rol)) else "" for rol in ("voorzitter", "notulist")}
            | {
                "datum": begint.date(),
                "begintijd": begint.time(),
                "eindtijd": eindigt.time(),
                "bij_inwoner_thuis": "ja" if overleg.bij_inwoner_thuis else "nee",
            }
        )
        form = cls(data, initial=initial, casus=overleg.casus)
        for rol in ("voorzitter", "notulist"):
            if overleg.keuze(rol) is None and getattr(overleg, rol):
                form.fields[rol].help_text = _("Eerder ingevuld: %(naam)s. Kies wie dat is.") % {"naam": getattr(overleg, rol)}
        form.fields["vorm"].disabled = form.fields["soort"].disabled = True
        return form

    def clean(self) -> dict[str, Any]:
        """The service's checks of the date and times run here too, so a meeting in the past
        or ending before it starts is reported together with every other error (one round)."""
        d = super().clean() or {}
        if all(d.get(veld) is not None for veld in ("datum", "begintijd", "eindtijd")):
            begint, eindigt = self._tijden(d)
            proef = OverlegGegevens(
                vorm=d.get("vorm", ""),
                soort=d.get("soort", ""),
                doel=d.get("doel") or "-",
                begint=begint,
                eindigt=eindigt,
                voorzitter=None,
                notulist=None,
                bij_inwoner_thuis=d.get("bij_inwoner_thuis", True),
                locatie=d.get("locatie", ""),
                locatie_reden=d.get("locatie_reden", ""),
                antwoord_voor=d.get("antwoord_voor"),
            )  # fmt: skip  (a field left empty has its own error already; "-" keeps it from a second)
            for veld, fout in controleer_gegevens(proef, nu=timezone.now()).items():
                formulierveld = {"begint": "datum", "eindigt": "eindtijd"}.get(veld, veld)
                if formulierveld in self.fields and formulierveld not in self.errors:
                    self.add_error(formulierveld, fout)
        return d

    @staticmethod
    def _tijden(d: dict[str, Any]) -> tuple[datetime.datetime, datetime.datetime]:
        tz = timezone.get_current_timezone()
        return (
            datetime.datetime.combine(d["datum"], d["begintijd"], tzinfo=tz),
            datetime.datetime.combine(d["datum"], d["eindtijd"], tzinfo=tz),
        )

    def gegevens(self) -> OverlegGegevens:
        d = self.cleaned_data
        begint, eindigt = self._tijden(d)
        return OverlegGegevens(
            vorm=d["vorm"], soort=d["soort"], doel=d["doel"], begint=begint, eindigt=eindigt,
            voorzitter=keuze_uit(d["voorzitter"]), notulist=keuze_uit(d["notulist"]), bij_inwoner_thuis=d["bij_inwoner_thuis"],
            locatie=d["locatie"], locatie_reden=d["locatie_reden"], antwoord_voor=d["antwoord_voor"],
        )  # fmt: skip


class DeelnemerForm(Form):
    """Choose from the case (network, professionals) or type anyone: name + e-mail."""

    netwerklid = forms.ModelChoiceField(label=_("Iemand uit het netwerk"), queryset=Netwerklid.objects.none(), required=False)
    betrokkene = forms.ModelChoiceField(label=_("Een betrokken professional"), queryset=Betrokkene.objects.none(), required=False)
    soort = forms.ChoiceField(
        label=_("Of iemand anders: soort"), choices=Deelnemer.Soort.choices, initial=Deelnemer.Soort.PROFESSIONAL
    )
    naam = forms.CharField(label=_("Naam"), required=False, max_length=150)
    email = forms.EmailField(label=_("E-mailadres"), required=False, max_length=254, error_messages=GEEN_EMAIL)
    organisatie = forms.CharField(label=_("Organisatie"), required=False, max_length=150)
    reden = forms.ChoiceField(
        label=_("Waarom nodigen we deze persoon uit?"), choices=Deelnemer.Reden.choices, widget=forms.RadioSelect
    )
    reden_toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=300)
    plan_delen = forms.TypedChoiceField(
        label=_("Mag het plan met deze persoon gedeeld worden? (vraag het de inwoner)"),
        coerce=lambda v: {"ja": True, "nee": False}.get(v),
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        choices=[("ja", _("Ja, de inwoner geeft toestemming")), ("nee", _("Nee")), ("", _("Nog niet gevraagd"))],
        initial="",
    )

    def __init__(self, *args: Any, casus: Casus, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["netwerklid"].queryset = Netwerklid.objects.filter(casus=casus)
        self.fields["betrokkene"].queryset = Betrokkene.objects.actief().filter(casus=casus).select_related("user", "organisatie")

    def clean(self) -> dict[str, Any]:
        d = super().clean() or {}
        lid, betrokkene = d.get("netwerklid"), d.get("betrokkene")
        if lid and betrokkene:
            raise forms.ValidationError(_("Kies één persoon: iemand uit het netwerk óf een professional."))
        if lid:
            d.update(soort=Deelnemer.Soort.NETWERKLID, naam=d.get("naam") or lid.naam, email=d.get("email") or lid.email)
            if not d["email"]:
                self.add_error("email", _("Van dit netwerklid is geen e-mailadres bekend. Vul het hier in."))
        elif betrokkene:
            d.update(
                soort=Deelnemer.Soort.PROFESSIONAL,
                naam=d.get("naam") or str(betrokkene.user),
                email=d.get("email") or betrokkene.user.email,
                organisatie=d.get("organisatie") or str(betrokkene.organisatie or ""),
            )
        else:
            for veld in ("naam", "email"):
                if not d.get(veld):
                    self.add_error(veld, _("Vul dit in, of kies hierboven iemand die al bij de casus hoort."))
        return d


class AkkoordForm(Form):
    verstuurd_door = forms.ChoiceField(
        label=_("Wie verstuurt de uitnodigingen?"), choices=Overleg.Verstuurder.choices, widget=forms.RadioSelect
    )


class AnnuleerForm(Form):
    reden = forms.CharField(label=_("Waarom gaat het overleg niet door?"), max_length=300)


class ChecklistForm(Form):
    """Per item: an answer, or explicitly skipped."""

    def __init__(self, *args: Any, punten: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.punten = punten
        for punt in punten:
            self.fields[f"antwoord_{punt.pk}"] = forms.CharField(
                label=punt.vraag, required=False, widget=forms.Textarea(attrs={"rows": 2}), initial=punt.antwoord
            )
            self.fields[f"overslaan_{punt.pk}"] = forms.BooleanField(
                label=_("Bewust overslaan"), required=False, initial=punt.overgeslagen
            )

    def antwoorden(self) -> dict[int, tuple[str, bool]]:
        d = self.cleaned_data
        return {p.pk: (d[f"antwoord_{p.pk}"], d[f"overslaan_{p.pk}"]) for p in self.punten}

    def rijen(self) -> list[tuple[Any, Any, Any]]:
        return [(p, self[f"antwoord_{p.pk}"], self[f"overslaan_{p.pk}"]) for p in self.punten]


class NotitieForm(Form):
    notities = forms.CharField(label=_("Aantekeningen"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class OverlegAfspraakForm(AfspraakForm):
    """An agreement at the table: it starts on the meeting day."""

    class Meta(AfspraakForm.Meta):
        fields = ["wie", "betrokkene", "netwerklid", "deelnemer", "wat", "uiterlijke_datum", "perspectief"]

    def __init__(self, *args: Any, overleg: Overleg, **kwargs: Any) -> None:
        super().__init__(*args, casus=overleg.casus, **kwargs)
        self.fields["uiterlijke_datum"].help_text = _("Leeg laten: %(weken)s weken na het overleg.") % {"weken": self.weken}


class AfsluitForm(Form):
    casusregisseur = forms.ModelChoiceField(label=_("Wie is casusregisseur?"), queryset=Betrokkene.objects.none())
    procesregisseur_nodig = ja_nee(_("Is een procesregisseur nodig?"))
    procesregisseur_toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=300)
    vervolg = forms.ChoiceField(label=_("Evaluatie of vervolg"), choices=Overleg.Vervolg.choices, widget=forms.RadioSelect)
    vervolg_datum = forms.DateField(label=_("Datum van de evaluatie of het vervolg"))

    def __init__(self, *args: Any, overleg: Overleg, deelnemers: list[Deelnemer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regisseurs = Betrokkene.objects.actief().filter(casus=overleg.casus).select_related("user", "organisatie")
        self.fields["casusregisseur"].queryset = regisseurs
        self.fields["casusregisseur"].initial = next((b.pk for b in regisseurs if b.rol == Betrokkene.Rol.CASUSREGISSEUR), None)
        self.fields["vervolg_datum"].initial = timezone.localdate() + datetime.timedelta(weeks=6)
        self.deelnemers = deelnemers
        for d in deelnemers:
            self.fields[f"aanwezig_{d.pk}"] = forms.BooleanField(
                label=_("%(naam)s was aanwezig") % {"naam": d.naam},
                required=False,
                initial=d.antwoord == Deelnemer.Antwoord.GEACCEPTEERD,
            )
            self.fields[f"ronde_{d.pk}"] = forms.CharField(
                label=_("%(naam)s: hoe was dit overleg voor jou?") % {"naam": d.naam},
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rijen(self) -> list[tuple[Any, Any]]:
        return [(self[f"aanwezig_{d.pk}"], self[f"ronde_{d.pk}"]) for d in self.deelnemers]

    def afsluitronde(self) -> dict[int, str]:
        return {d.pk: self.cleaned_data[f"ronde_{d.pk}"] for d in self.deelnemers}

    def aanwezig(self) -> frozenset[int]:
        return frozenset(d.pk for d in self.deelnemers if self.cleaned_data[f"aanwezig_{d.pk}"])


class AntwoordForm(Form):
    """`toelichting_nodig`: a professional who does not come says why (antwoorden.beantwoord
    checks it too); a member of the resident's network need not."""

    komt = ja_nee(_("Komt u naar het overleg?"), choices=[("ja", _("Ja, ik kom")), ("nee", _("Nee, ik kan niet komen"))])
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=300)

    def __init__(self, *args: Any, toelichting_nodig: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.toelichting_nodig = toelichting_nodig
        if toelichting_nodig:
            self.fields["toelichting"].verplicht_als = True  # type: ignore[attr-defined]
            self.fields["toelichting"].help_text = _("Verplicht als u niet komt: schrijf kort waarom.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.toelichting_nodig and data.get("komt") is False and not (data.get("toelichting") or "").strip():
            self.add_error("toelichting", _("Schrijf kort waarom u niet komt. De inwoner rekent op uw deskundigheid."))
        return data


class DoorstuurForm(Form):
    naam = forms.CharField(label=_("Naam van uw collega"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres van uw collega"), max_length=254, error_messages=GEEN_EMAIL)
    organisatie = forms.CharField(label=_("Organisatie"), required=False, max_length=150)
    toelichting = forms.CharField(label=_("Waarom past deze collega beter?"), required=False, max_length=300)


class WeigeringForm(Form):
    uitkomst = forms.ChoiceField(
        label=_("Wat is ermee gedaan?"),
        choices=[c for c in Weigering.Uitkomst.choices if c[0] != Weigering.Uitkomst.OPEN],
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea)
