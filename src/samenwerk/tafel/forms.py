from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Binnenkomst, Casus
from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie, User
from samenwerk.ui.forms import Form

from .models import Aanmelding, Agendablok, Leefgebied, Triage


class TafelForm(Form):
    naam = forms.CharField(label=_("Naam"), max_length=150)
    gebied = forms.ModelChoiceField(label=_("Gebied"), queryset=Gebied.objects.none(), required=False)
    locatie = forms.CharField(
        label=_("Locatie"), max_length=200, help_text=_("Een neutrale plek zonder stigma, bijvoorbeeld een buurthuis.")
    )
    voorzitter = forms.ModelChoiceField(label=_("Onafhankelijk voorzitter"), queryset=User.objects.none())
    secretaris = forms.ModelChoiceField(label=_("Secretaris"), queryset=User.objects.none(), required=False)

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        mensen = User.objects.filter(rollen__in=gemeente.roltoewijzingen.actief()).distinct().order_by("last_name")
        self.fields["gebied"].queryset = Gebied.objects.filter(gemeente=gemeente)  # type: ignore[attr-defined]
        self.fields["voorzitter"].queryset = mensen  # type: ignore[attr-defined]
        self.fields["secretaris"].queryset = mensen  # type: ignore[attr-defined]


class LidForm(Form):
    user = forms.ModelChoiceField(label=_("Professional"), queryset=User.objects.none())
    organisatie = forms.ModelChoiceField(label=_("Namens organisatie"), queryset=Organisatie.objects.none())
    expertise = forms.CharField(label=_("Expertise"), max_length=300)
    leefgebieden = forms.MultipleChoiceField(
        label=_("Leefgebieden van de expertise"),
        choices=Leefgebied.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Hiermee stelt de voorzitter een duopartner voor die past bij de casus."),
    )
    vanaf = forms.DateField(label=_("Lid vanaf"), initial=timezone.localdate)

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(rollen__in=gemeente.roltoewijzingen.actief().filter(organisatie__isnull=False))
            .distinct()
            .order_by("last_name")
        )
        self.fields["organisatie"].queryset = Organisatie.objects.filter(gemeente=gemeente)  # type: ignore[attr-defined]


class ReeksForm(Form):
    datum = forms.DateField(label=_("Eerste bijeenkomst op"))
    tijd = forms.TimeField(label=_("Begintijd"), initial=datetime.time(10), widget=forms.TimeInput(attrs={"type": "time"}))
    tot = forms.DateField(label=_("Plannen tot en met"))

    def eerste(self) -> datetime.datetime:
        dag, tijd = self.cleaned_data["datum"], self.cleaned_data["tijd"]
        return datetime.datetime.combine(dag, tijd, tzinfo=timezone.get_current_timezone())


class AanmeldingForm(Form):
    """The registration form (domain.md §5 step 1). The resident's knowledge comes first: the
    service refuses without it, and the page keeps everything typed."""

    inwoner_weet_hoe = forms.ChoiceField(
        label=_("Hoe is de inwoner verteld dat u de casus aanmeldt?"),
        choices=[("", "---------"), *Aanmelding.Wijze.choices],
        required=False,
        help_text=_("U meldt alleen aan als de inwoner ervan weet."),
    )
    inwoner_weet_op = forms.DateField(label=_("Wanneer is de inwoner het verteld?"), required=False)
    leefgebieden = forms.MultipleChoiceField(
        label=_("Leefgebieden"),
        choices=Leefgebied.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies minstens twee."),
    )
    geprobeerd = forms.CharField(label=_("Wat is al geprobeerd?"), widget=forms.Textarea, required=False)
    waarom_vast = forms.CharField(label=_("Waarom lopen de professionals vast?"), widget=forms.Textarea, required=False)
    vraag = forms.CharField(label=_("Wat vraagt u de Tafel?"), widget=forms.Textarea, required=False)
    namens = forms.CharField(
        label=_("Aangemeld namens"),
        max_length=200,
        required=False,
        help_text=_("Als u aanmeldt voor bijvoorbeeld politie, woningcorporatie of huisarts"),
    )
    casus = forms.ModelChoiceField(
        label=_("Een casus waarbij u betrokken bent"),
        queryset=Casus.objects.none(),
        required=False,
        help_text=_("Of laat leeg en vul hieronder de gegevens van de inwoner in."),
    )
    organisatie = forms.ModelChoiceField(label=_("Ik meld aan namens"), queryset=Organisatie.objects.none(), required=False)
    gebied = forms.ModelChoiceField(label=_("Gebied"), queryset=Gebied.objects.none(), required=False)
    binnengekomen_via = forms.ChoiceField(
        label=_("Binnengekomen via"), choices=[("", "---------"), *Binnenkomst.choices], required=False
    )

    def __init__(self, *args: Any, user: User, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["casus"].queryset = (  # type: ignore[attr-defined]
            Casus.objects.for_user(user).filter(gemeente=gemeente).exclude(status="afgesloten").order_by("-aanmelddatum")
        )
        self.fields["casus"].label_from_instance = lambda c: c.nummer  # type: ignore[attr-defined]
        self.fields["organisatie"].queryset = Organisatie.objects.filter(  # type: ignore[attr-defined]
            gemeente=gemeente, roltoewijzingen__in=user.actieve_rollen(gemeente)
        ).distinct()
        self.fields["gebied"].queryset = Gebied.objects.filter(gemeente=gemeente)  # type: ignore[attr-defined]

    def nieuwe_casus_velden_ontbreken(self) -> dict[str, str]:
        ontbreekt = {}
        for veld, tekst in (
            ("organisatie", _("Kies de organisatie waarvoor u aanmeldt.")),
            ("gebied", _("Kies het gebied van de inwoner.")),
            ("binnengekomen_via", _("Kies hoe de vraag binnenkwam.")),
        ):
            if not self.cleaned_data.get(veld):
                ontbreekt[veld] = str(tekst)
        return ontbreekt


class BlokForm(Form):
    """One row of the agenda editor: its place and minutes."""

    blok = forms.IntegerField(widget=forms.HiddenInput)
    volgorde = forms.IntegerField(label=_("Volgorde"), min_value=1, max_value=99)
    minuten = forms.IntegerField(label=_("Minuten"), min_value=1, max_value=120)


BlokFormSet = forms.formset_factory(BlokForm, extra=0)


class _BijeenkomstForm(Form):
    """The chair's view's forms: the choices are this meeting's blocks, registrations and members."""

    def __init__(self, *args: Any, bijeenkomst: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from .models import Tafellid

        self.bijeenkomst = bijeenkomst
        leden = Tafellid.objects.actief().filter(tafel=bijeenkomst.tafel).select_related("user", "organisatie")
        for naam in ("van", "lid", "duo", "bezwaar_1_door", "bezwaar_2_door"):
            if naam in self.fields:
                self.fields[naam].queryset = leden  # type: ignore[attr-defined]
        if "aanmelding" in self.fields:
            self.fields["aanmelding"].queryset = Aanmelding.objects.filter(blokken__bijeenkomst=bijeenkomst).distinct()  # type: ignore[attr-defined]
            self.fields["aanmelding"].label_from_instance = lambda a: a.casus.nummer  # type: ignore[attr-defined]
        if "blok" in self.fields:
            self.fields["blok"].queryset = bijeenkomst.blokken.all()  # type: ignore[attr-defined]
        if "regievoerder" in self.fields:
            gemeente = bijeenkomst.tafel.gemeente
            self.fields["regievoerder"].queryset = (  # type: ignore[attr-defined]
                User.objects.filter(rollen__in=gemeente.roltoewijzingen.actief().filter(organisatie__isnull=False))
                .distinct()
                .order_by("last_name")
            )


class KlokForm(_BijeenkomstForm):
    blok = forms.ModelChoiceField(queryset=Agendablok.objects.none(), widget=forms.HiddenInput)


class BloktijdForm(_BijeenkomstForm):
    blok = forms.ModelChoiceField(queryset=Agendablok.objects.none(), widget=forms.HiddenInput)
    van = forms.TimeField(label=_("Gestart om"), widget=forms.TimeInput(attrs={"type": "time"}))
    tot = forms.TimeField(label=_("Gestopt om"), widget=forms.TimeInput(attrs={"type": "time"}))


class NotitiesForm(_BijeenkomstForm):
    blok = forms.ModelChoiceField(queryset=Agendablok.objects.none(), widget=forms.HiddenInput)
    notities = forms.CharField(label=_("Aantekeningen"), widget=forms.Textarea, required=False)


class TipForm(_BijeenkomstForm):
    aanmelding = forms.ModelChoiceField(label=_("Casus"), queryset=Aanmelding.objects.none(), widget=forms.HiddenInput)
    van = forms.ModelChoiceField(label=_("Tip van"), queryset=Aanmelding.objects.none())
    tekst = forms.CharField(label=_("Tip"), widget=forms.Textarea, help_text=_("Tips worden gegeven zonder reactie."))


class TriageForm(_BijeenkomstForm):
    aanmelding = forms.ModelChoiceField(label=_("Casus"), queryset=Aanmelding.objects.none(), widget=forms.HiddenInput)
    triage = forms.ChoiceField(label=_("Besluit van de Tafel"), choices=Triage.choices, widget=forms.RadioSelect)
    triage_reden = forms.CharField(label=_("Waarom?"), widget=forms.Textarea, required=False)


class BesluitForm(_BijeenkomstForm):
    aanmelding = forms.ModelChoiceField(label=_("Over casus"), queryset=Aanmelding.objects.none(), required=False)
    tekst = forms.CharField(label=_("Gedragen besluit"), widget=forms.Textarea, required=False)
    bezwaar_1_door = forms.ModelChoiceField(label=_("Bezwaar gehoord van"), queryset=Aanmelding.objects.none(), required=False)
    bezwaar_1_tekst = forms.CharField(label=_("Wat is het bezwaar?"), widget=forms.Textarea, required=False)
    bezwaar_2_door = forms.ModelChoiceField(
        label=_("Nog een bezwaar gehoord van"), queryset=Aanmelding.objects.none(), required=False
    )
    bezwaar_2_tekst = forms.CharField(label=_("Wat is dat bezwaar?"), widget=forms.Textarea, required=False)

    def bezwaren(self) -> list[Any]:
        from .services import Gehoord

        d = self.cleaned_data
        return [Gehoord(door=d[f"bezwaar_{i}_door"], tekst=d[f"bezwaar_{i}_tekst"]) for i in (1, 2)
                if d[f"bezwaar_{i}_door"] or d[f"bezwaar_{i}_tekst"]]  # fmt: skip


class AfsprakenForm(_BijeenkomstForm):
    aanmelding = forms.ModelChoiceField(label=_("Casus"), queryset=Aanmelding.objects.none(), widget=forms.HiddenInput)
    regievoerder = forms.ModelChoiceField(label=_("Regievoerder"), queryset=User.objects.none())
    duo = forms.ModelChoiceField(label=_("Duopartner (lid van de Tafel)"), queryset=Aanmelding.objects.none(), required=False)
    regievoerder_bekend = forms.BooleanField(label=_("De inwoner kent de regievoerder"), required=False)
    duo_bekend = forms.BooleanField(label=_("De inwoner kent de duopartner"), required=False)
    terug_op = forms.DateField(label=_("De casus komt terug op"))


class ReflectieForm(_BijeenkomstForm):
    lid = forms.ModelChoiceField(label=_("Lid"), queryset=Aanmelding.objects.none())
    tekst = forms.CharField(label=_("Persoonlijke reflectie"), widget=forms.Textarea, required=False)


JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]


class CasuscheckForm(_BijeenkomstForm):
    aanmelding = forms.ModelChoiceField(label=_("Casus"), queryset=Aanmelding.objects.none(), widget=forms.HiddenInput)
    partij_1 = forms.CharField(label=_("Partij"), max_length=200, required=False)
    volgens_plan_1 = forms.ChoiceField(
        label=_("Betrokken volgens plan?"), choices=JA_NEE, widget=forms.RadioSelect, required=False
    )
    partij_2 = forms.CharField(label=_("Nog een partij"), max_length=200, required=False)
    volgens_plan_2 = forms.ChoiceField(
        label=_("Betrokken volgens plan?"), choices=JA_NEE, widget=forms.RadioSelect, required=False
    )
    partij_3 = forms.CharField(label=_("Nog een partij"), max_length=200, required=False)
    volgens_plan_3 = forms.ChoiceField(
        label=_("Betrokken volgens plan?"), choices=JA_NEE, widget=forms.RadioSelect, required=False
    )
    notities = forms.CharField(label=_("Aantekeningen"), widget=forms.Textarea, required=False)

    def partijen(self) -> list[Any]:
        from .services import Partij

        d = self.cleaned_data
        keuze = {"ja": True, "nee": False}
        return [Partij(partij=d[f"partij_{i}"], volgens_plan=keuze.get(d[f"volgens_plan_{i}"])) for i in (1, 2, 3)]


class ProcesevaluatieForm(_BijeenkomstForm):
    aanmelding = forms.ModelChoiceField(label=_("Casus"), queryset=Aanmelding.objects.none(), widget=forms.HiddenInput)
    samenwerking = forms.CharField(label=_("Hoe werkten de partijen samen?"), widget=forms.Textarea, required=False)
    leerzaam = forms.CharField(label=_("Wat was inhoudelijk leerzaam?"), widget=forms.Textarea, required=False)
    perspectief_inwoner = forms.CharField(
        label=_("Het perspectief van de inwoner"), widget=forms.Textarea, required=False,
        help_text=_("Altijd nodig: hoe ziet de inwoner zelf wat er gebeurd is?"),
    )  # fmt: skip
