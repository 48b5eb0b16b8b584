"""Forms of the ZET pages. They parse and validate input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Casusnummer
from samenwerk.gemeenten.models import Gemeente, Organisatie, Rol, User

from .models import OORDEEL_KEUZES, STANDAARDTHEMAS, Interview, Rondelid, Verbeterpunt

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RondeForm(forms.Form):
    naam = forms.CharField(label=_("Naam van de ronde"), max_length=150)
    van = forms.DateField(label=_("Periode van"), widget=DATUM)
    tot = forms.DateField(label=_("Periode tot en met"), widget=DATUM)
    themas = forms.CharField(
        label=_("Thema's"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Eén thema per regel. Minder thema's maakt een compacte ronde; alle drie de bronnen blijven."),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial.get("themas"):
            self.initial["themas"] = "\n".join(str(t) for t in STANDAARDTHEMAS)

    def clean_themas(self) -> list[str]:
        regels = [r.strip() for r in self.cleaned_data["themas"].splitlines() if r.strip()]
        if not regels:
            raise forms.ValidationError(_("Een ronde heeft minstens één thema."))
        return regels


def onderzoekers(gemeente: Gemeente):  # type: ignore[no-untyped-def]
    return User.objects.filter(rollen__in=gemeente.roltoewijzingen.actief().filter(rol=Rol.ONDERZOEKER)).distinct()


class EvaluatorForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Onderzoeker"), queryset=User.objects.none())
    taak = forms.ChoiceField(label=_("Taak"), choices=Rondelid.Taak.choices)

    def __init__(self, *args, gemeente: Gemeente, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = onderzoekers(gemeente)


class CasusKiezenForm(forms.Form):
    casusnummer = forms.CharField(
        label=_("Casusnummer"),
        max_length=20,
        help_text=_("Bijvoorbeeld 2026-00012. De inwoner moet toestemming hebben gegeven voor ZET."),
    )

    def clean_casusnummer(self) -> Casusnummer:
        nummer = Casusnummer.lees(self.cleaned_data["casusnummer"])
        if nummer is None:
            raise forms.ValidationError(_("Een casusnummer ziet eruit als 2026-00012."))
        return nummer


class InterviewStartForm(forms.Form):
    datum = forms.DateField(label=_("Datum van het interview"), widget=DATUM)
    interviewer = forms.ModelChoiceField(label=_("Interviewer"), queryset=User.objects.none())
    notulist = forms.ModelChoiceField(label=_("Tweede persoon (notulist)"), queryset=User.objects.none(), required=False)
    professional = forms.ModelChoiceField(label=_("Professional"), queryset=User.objects.none(), required=False)
    toestemming_vastgelegd = forms.BooleanField(label=_("De inwoner gaf toestemming voor dit interview"), required=False)
    terugkoppeling_gewenst = forms.BooleanField(label=_("De inwoner wil achteraf terugkoppeling"), required=False)

    def __init__(self, *args, bron: str, leden, professionals, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["interviewer"].queryset = leden
        self.fields["notulist"].queryset = leden
        if bron == Interview.Bron.INWONER:
            del self.fields["professional"]
        else:
            self.fields["professional"].queryset = professionals
            self.fields["professional"].required = True
            del self.fields["toestemming_vastgelegd"]
            del self.fields["terugkoppeling_gewenst"]


class InterviewForm(forms.Form):
    """Per theme: the interviewer's text, the second person's notes, a judgement."""

    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, antwoorden, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.themas = []
        for a in antwoorden:
            t = a.thema
            self.fields[f"tekst_{t.pk}"] = forms.CharField(
                label=_("Aantekeningen van de interviewer"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=a.tekst,
            )
            self.fields[f"notities_{t.pk}"] = forms.CharField(
                label=_("Aantekeningen van de tweede persoon"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                initial=a.notities,
            )  # fmt: skip
            self.fields[f"oordeel_{t.pk}"] = forms.TypedChoiceField(
                label=_("Oordeel"), required=False, coerce=int, empty_value=None,
                choices=[("", _("geen oordeel")), *list(OORDEEL_KEUZES)], initial=a.oordeel,
            )  # fmt: skip
            self.themas.append((t, a))

    def per_thema(self):  # type: ignore[no-untyped-def]
        return [(t, a, self[f"tekst_{t.pk}"], self[f"notities_{t.pk}"], self[f"oordeel_{t.pk}"]) for t, a in self.themas]


class AanvullingForm(forms.Form):
    aanvulling = forms.CharField(
        label=_("Wat de registratie niet zegt"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Aanvulling van de evaluator op de berekende dossierstudie."),
    )  # fmt: skip


class IntrekkenForm(forms.Form):
    wijze = forms.ChoiceField(
        label=_("Hoe trok de inwoner de toestemming in?"),
        choices=[("mondeling", _("Mondeling")), ("schriftelijk", _("Schriftelijk"))],
    )
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=300)


class RodeDraadForm(forms.Form):
    naam = forms.CharField(label=_("Naam van de rode draad"), max_length=200)
    beschrijving = forms.CharField(label=_("Beschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    antwoorden = forms.MultipleChoiceField(
        label=_("Waarnemingen uit de interviews"), required=False, widget=forms.CheckboxSelectMultiple
    )
    dossiers = forms.MultipleChoiceField(
        label=_("Waarnemingen uit de dossierstudie"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, antwoorden, dossiers, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["antwoorden"].choices = antwoorden
        self.fields["dossiers"].choices = dossiers


class VerbeterpuntForm(forms.Form):
    tekst = forms.CharField(label=_("Verbeterpunt"), max_length=300)
    eigenaar = forms.ModelChoiceField(label=_("Eigenaar: persoon"), queryset=User.objects.none(), required=False)
    eigenaar_organisatie = forms.ModelChoiceField(
        label=_("of eigenaar: organisatie"), queryset=Organisatie.objects.none(), required=False
    )
    uiterlijk = forms.DateField(label=_("Uiterlijk"), widget=DATUM)
    rode_draden = forms.MultipleChoiceField(
        label=_("Onderbouwd door de rode draden"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, gemeente: Gemeente, draden, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = User.objects.filter(rollen__in=gemeente.roltoewijzingen.actief()).distinct()
        self.fields["eigenaar_organisatie"].queryset = Organisatie.objects.filter(gemeente=gemeente)
        self.fields["rode_draden"].choices = draden

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if not data.get("eigenaar") and not data.get("eigenaar_organisatie"):
            self.add_error("eigenaar", _("Een verbeterpunt heeft een eigenaar: kies een persoon of een organisatie."))
        return data


class OpvolgingForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Verbeterpunt.Status.choices)
    opvolging = forms.CharField(label=_("Opvolging"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
