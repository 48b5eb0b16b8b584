from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samenwerk.casussen.models import Betrokkene, Casus, Netwerklid
from samenwerk.overleg.models import Deelnemer

from .models import PLANVELDEN, Afspraak, Evaluatie, Ronde, Samenwerkplan

GEEN_GENODIGDE = _("Kies wie dit doet uit de mensen die voor een overleg over deze casus zijn uitgenodigd.")


class AfspraakSerializer(serializers.ModelSerializer[Afspraak]):
    ronde = serializers.IntegerField(source="ronde.nummer", read_only=True)
    uitvoerder = serializers.CharField(read_only=True)
    uiterlijke_datum = serializers.DateField(required=False)

    class Meta:
        model = Afspraak
        fields = [
            "id",
            "ronde",
            "wie",
            "uitvoerder",
            "betrokkene",
            "netwerklid",
            "deelnemer",
            "wat",
            "start",
            "uiterlijke_datum",
            "perspectief",
            "voltooid_op",
            "ingetrokken_op",
            "intrekreden",
            "versie",
        ]
        read_only_fields = ["voltooid_op", "ingetrokken_op", "intrekreden", "versie"]
        extra_kwargs = {"deelnemer": {"error_messages": {"does_not_exist": GEEN_GENODIGDE}}}

    def __init__(self, *args: Any, casus: Casus | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if casus is not None:
            _beperk(self, casus)


def _beperk(serializer: serializers.Serializer[Any], casus: Casus) -> None:
    """Who does it is chosen among the people of this case only (another case's → 400)."""
    serializer.fields["betrokkene"].queryset = Betrokkene.objects.filter(casus=casus)  # type: ignore[attr-defined]
    serializer.fields["netwerklid"].queryset = Netwerklid.objects.filter(casus=casus)  # type: ignore[attr-defined]
    serializer.fields["deelnemer"].queryset = Deelnemer.objects.filter(overleg__casus=casus)  # type: ignore[attr-defined]


VERSIE_AFSPRAAK = "De versie van de afspraak waarvan u uitging; is de afspraak intussen gewijzigd, dan 409."


class AfspraakWijzigSerializer(serializers.ModelSerializer[Afspraak]):
    """PATCH: only the fields sent change; `versie` is required."""

    versie = serializers.IntegerField(min_value=0, help_text=VERSIE_AFSPRAAK)

    class Meta:
        model = Afspraak
        fields = ["versie", "wie", "betrokkene", "netwerklid", "deelnemer", "wat", "uiterlijke_datum", "perspectief"]
        extra_kwargs = {
            "deelnemer": {"error_messages": {"does_not_exist": GEEN_GENODIGDE}},
            **{veld: {"required": False} for veld in ["wie", "wat", "uiterlijke_datum"]},
        }

    def __init__(self, *args: Any, casus: Casus | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if casus is not None:  # None only when the schema is generated
            _beperk(self, casus)


class IntrekSerializer(serializers.Serializer[Afspraak]):
    versie = serializers.IntegerField(min_value=0, help_text=VERSIE_AFSPRAAK)
    reden = serializers.CharField(
        max_length=300,
        error_messages={
            "required": _("Schrijf kort op waarom de afspraak wordt ingetrokken."),
            "blank": _("Schrijf kort op waarom de afspraak wordt ingetrokken."),
        },
    )


class EvaluatieSerializer(serializers.ModelSerializer[Evaluatie]):
    tussentijds = serializers.BooleanField(default=False, write_only=True)
    datum = serializers.DateField(required=False, write_only=True)

    class Meta:
        model = Evaluatie
        fields = [
            "acties_gedaan",
            "verdere_acties_nodig",
            "welzijnscijfer",
            "welzijnscijfer_toelichting",
            "geleerd",
            "vorm",
            "tussentijds",
            "datum",
        ]


class RondeSerializer(serializers.ModelSerializer[Ronde]):
    evaluatie = EvaluatieSerializer(read_only=True, allow_null=True)  # null until the round is evaluated
    afspraken = AfspraakSerializer(many=True, read_only=True)

    class Meta:
        model = Ronde
        fields = ["nummer", "soort", "datum", "evaluatie", "afspraken"]


VERSIE_HULP = "De versie waarvan u uitging (ook bij PATCH verplicht); is het plan intussen opgeslagen, dan 409."


class PlanSerializer(serializers.ModelSerializer[Samenwerkplan]):
    """Read: the whole plan with its rounds. Write (PUT): the whole paper form, every field of
    it, plus `versie`, the version the client started from (a stale version answers 409). A
    field left out would otherwise be saved empty; PUT answers 400 naming the missing fields,
    and PATCH (the same serializer, partial) changes only the fields sent."""

    rondes = RondeSerializer(many=True, read_only=True)
    versie = serializers.IntegerField(min_value=0, help_text=VERSIE_HULP)

    class Meta:
        model = Samenwerkplan
        fields = [*PLANVELDEN, "versie", "datum", "overleg_besloten_op", "erkend_op", "erkend_versie", "rondes"]
        read_only_fields = ["datum", "overleg_besloten_op", "erkend_op", "erkend_versie"]
        extra_kwargs = {veld: {"required": True} for veld in PLANVELDEN}
