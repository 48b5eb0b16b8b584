"""Forms of the leersessie pages. Checks that need the database are in the services; the
forms only turn what was typed into values and keep it when a service refuses."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gemeente, Organisatie, Roltoewijzing, User
from samenwerk.ui.forms import Form

from ..models import Casusinbreng, Leerrooster, Leertafel
from . import actieleren as actieleren_services
from . import services


def mensen(gemeente_id: int) -> Any:
    return User.objects.filter(pk__in=Roltoewijzing.objects.actief().filter(gemeente_id=gemeente_id).values("user_id")).order_by(
        "last_name", "first_name", "email"
    )


class PersoonVeld(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        return str(obj.get_full_name() or obj.email)


class RoosterForm(Form):
    weekdag = forms.TypedChoiceField(label=_("Dag"), choices=Leerrooster.Weekdag.choices, coerce=int)
    tijd = forms.TimeField(label=_("Begintijd"), initial=datetime.time(15), widget=forms.TimeInput(attrs={"type": "time"}))
    duur_minuten = forms.IntegerField(label=_("Duur (minuten)"), initial=120, min_value=1)
    interval_weken = forms.IntegerField(label=_("Elke (weken)"), initial=4, min_value=1)
    online = forms.BooleanField(label=_("Online"), required=False)
    locatie = forms.CharField(label=_("Locatie"), max_length=200, required=False)
    link = forms.URLField(label=_("Link naar de online bijeenkomst"), required=False, assume_scheme="https")
    thematafel = forms.CharField(
        label=_("Thema van de thematafel"), max_length=120, required=False, help_text=_("Laat leeg als er geen thematafel is.")
    )
    max_deelnemers = forms.IntegerField(label=_("Hoogstens (aanmeldingen)"), required=False, min_value=1)
    vanaf = forms.DateField(label=_("Plannen vanaf"), widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label=_("Plannen tot en met"), widget=forms.DateInput(attrs={"type": "date"}))

    def gegevens(self) -> services.Roostergegevens:
        d = self.cleaned_data
        return services.Roostergegevens(
            weekdag=d["weekdag"], tijd=d["tijd"], duur_minuten=d["duur_minuten"], interval_weken=d["interval_weken"],
            online=d["online"], locatie=d["locatie"], link=d["link"], thematafel=d["thematafel"],
            max_deelnemers=d["max_deelnemers"],
        )  # fmt: skip


class AanmeldForm(Form):
    tafel = forms.ModelChoiceField(
        label=_("Aan welke tafel wilt u zitten?"), queryset=Leertafel.objects.none(), required=False,
        empty_label=_("Geen voorkeur"), help_text=_("Nieuw bij de Samenwerkwijze? Kies de nieuwkomertafel."),
    )  # fmt: skip

    def __init__(self, *args: Any, sessie: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tafel"].queryset = sessie.tafels.all()


class FeedbackForm(Form):
    CIJFERS = [(i, str(i)) for i in range(1, 6)]
    score_inhoud = forms.TypedChoiceField(
        label=_("Wat had u aan de inhoud? (1 = weinig, 5 = veel)"), choices=CIJFERS, coerce=int, widget=forms.RadioSelect
    )
    score_organisatie = forms.TypedChoiceField(
        label=_("Hoe was de organisatie? (1 = slecht, 5 = goed)"), choices=CIJFERS, coerce=int, widget=forms.RadioSelect
    )
    opmerking = forms.CharField(label=_("Opmerking"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class VerslagForm(Form):
    doelen = forms.CharField(label=_("Doelen van de sessie"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    positief = forms.CharField(
        label=_("Wat ging goed (positieve lessen)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    aandachtspunten = forms.CharField(label=_("Aandachtspunten"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)


class VerslagactieForm(Form):
    actie = forms.CharField(label=_("Actie"), max_length=300, required=False)
    organisatie = forms.ModelChoiceField(label=_("Organisatie"), queryset=Organisatie.objects.none(), required=False)
    kartrekker = PersoonVeld(label=_("Kartrekker"), queryset=User.objects.none(), required=False)

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = Organisatie.objects.filter(gemeente=gemeente).order_by("naam")
        self.fields["kartrekker"].queryset = mensen(gemeente.pk)

    def clean(self) -> dict[str, Any]:
        d = super().clean()
        if d.get("actie") and (not d.get("organisatie") or not d.get("kartrekker")):
            self.add_error(None, _("Kies bij elke actie een organisatie en een kartrekker."))
        return d


VerslagactieFormSet = forms.formset_factory(VerslagactieForm, extra=2)


class ActielerenForm(Form):
    indiener = PersoonVeld(label=_("Inbrenger"), queryset=User.objects.none())
    vraag = forms.CharField(label=_("Concrete vraag van de inbrenger"), widget=forms.Textarea(attrs={"rows": 3}))
    gespreksleider = PersoonVeld(label=_("Gespreksleider"), queryset=User.objects.none(), required=False)
    les_vorige_keer = forms.CharField(
        label=_("Les van de vorige inbrenger"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    inbreng = forms.ModelChoiceField(
        label=_("Gedeelde casus zonder namen"), queryset=Casusinbreng.objects.none(), required=False,
        empty_label=_("Geen casus, een vraag"),
    )  # fmt: skip
    dialoog_adviseur = PersoonVeld(label=_("Adviseur voor de korte dialoog"), queryset=User.objects.none(), required=False)
    vervolgstappen = forms.CharField(label=_("Vervolgstappen"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    volgende_inbrenger = PersoonVeld(
        label=_("Wie brengt de volgende keer een vraag in?"), queryset=User.objects.none(), required=False
    )
    nuttig_bevonden = forms.TypedChoiceField(
        label=_("Vond de inbrenger het nuttig?"),
        choices=[("", _("Nog niet bekend")), ("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda w: {"ja": True, "nee": False}.get(w),
        empty_value=None, required=False, widget=forms.RadioSelect,
    )  # fmt: skip
    wat_nuttig = forms.CharField(label=_("Wat was nuttig?"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, gemeente_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for veld in ("indiener", "gespreksleider", "dialoog_adviseur", "volgende_inbrenger"):
            self.fields[veld].queryset = mensen(gemeente_id)
        self.fields["inbreng"].queryset = Casusinbreng.objects.filter(gemeente_id=gemeente_id, status=Casusinbreng.Status.GEDEELD)


class DeelnemerForm(Form):
    user = PersoonVeld(label=_("Deelnemer"), queryset=User.objects.none(), required=False)
    expertise = forms.CharField(label=_("Expertise"), max_length=200, required=False)

    def __init__(self, *args: Any, gemeente_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = mensen(gemeente_id)


class AdviesForm(Form):
    adviseur = PersoonVeld(label=_("Adviseur"), queryset=User.objects.none(), required=False)
    tekst = forms.CharField(label=_("Advies"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    gekozen = forms.BooleanField(label=_("Gekozen om mee verder te gaan"), required=False)

    def __init__(self, *args: Any, gemeente_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["adviseur"].queryset = mensen(gemeente_id)


DeelnemerFormSet = forms.formset_factory(DeelnemerForm, extra=0)
AdviesFormSet = forms.formset_factory(AdviesForm, extra=0)
RIJEN = 5  # an action-learning group is ~5 (domain.md §7); two empty rows more once some are filled


def formsets(data: Any, gemeente_id: int, actieleren: Any = None) -> tuple[Any, Any]:
    """The participants' and advices' rows: those recorded plus empty ones up to eight."""
    deelnemers, adviezen = [], []
    if actieleren is not None:
        deelnemers = [{"user": d.user, "expertise": d.expertise} for d in actieleren.deelnemers.all()]
        adviezen = [{"adviseur": a.adviseur, "tekst": a.tekst, "gekozen": a.gekozen} for a in actieleren.adviezen.all()]
    kw = {"form_kwargs": {"gemeente_id": gemeente_id}}
    leeg: list[dict[str, Any]] = [{}]
    return (
        DeelnemerFormSet(data, prefix="deelnemers", initial=deelnemers + leeg * max(2, RIJEN - len(deelnemers)), **kw),
        AdviesFormSet(data, prefix="adviezen", initial=adviezen + leeg * max(2, RIJEN - len(adviezen)), **kw),
    )


def actielerengegevens(form: ActielerenForm, deelnemers: Any, adviezen: Any) -> actieleren_services.Actielerengegevens:
    d = form.cleaned_data
    return actieleren_services.Actielerengegevens(
        indiener=d["indiener"], vraag=d["vraag"], gespreksleider=d["gespreksleider"], les_vorige_keer=d["les_vorige_keer"],
        inbreng=d["inbreng"], dialoog_adviseur=d["dialoog_adviseur"], vervolgstappen=d["vervolgstappen"],
        volgende_inbrenger=d["volgende_inbrenger"], nuttig_bevonden=d["nuttig_bevonden"], wat_nuttig=d["wat_nuttig"],
        deelnemers=[(f.cleaned_data["user"], f.cleaned_data["expertise"]) for f in deelnemers if f.cleaned_data.get("user")],
        adviezen=[
            actieleren_services.Adviesregel(
                tekst=f.cleaned_data["tekst"], adviseur=f.cleaned_data["adviseur"], gekozen=f.cleaned_data["gekozen"]
            )
            for f in adviezen
            if f.cleaned_data.get("tekst") or f.cleaned_data.get("gekozen") or f.cleaned_data.get("adviseur")
        ],
    )  # fmt: skip
