from __future__ import annotations

from rest_framework import serializers

from samenwerk.casussen.models import Binnenkomst
from samenwerk.casussen.serializers import InwonerSerializer

from .models import Aanmelding, Agendablok, Leefgebied, Tafel, Triage


class TafelSerializer(serializers.ModelSerializer[Tafel]):
    gebied = serializers.CharField(source="gebied.naam", default=None, allow_null=True, read_only=True)

    class Meta:
        model = Tafel
        fields = ["id", "naam", "gebied", "locatie"]


class AanmeldingSerializer(serializers.ModelSerializer[Aanmelding]):
    casus = serializers.CharField(source="casus.nummer", read_only=True)
    casus_id = serializers.IntegerField(read_only=True)
    inwoner = serializers.CharField(source="casus.inwoner", read_only=True)
    aangemeld_door = serializers.StringRelatedField()
    triage = serializers.ChoiceField(choices=Triage.choices, allow_blank=True, read_only=True)

    class Meta:
        model = Aanmelding
        fields = [
            "id", "casus", "casus_id", "inwoner", "aangemeld_door", "namens", "aangemeld_op", "inwoner_weet_hoe",
            "inwoner_weet_op", "leefgebieden", "geprobeerd", "waarom_vast", "vraag", "bijeenkomst", "triage", "triage_reden",
        ]  # fmt: skip
        read_only_fields = fields


class NieuweCasusSerializer(serializers.Serializer[None]):
    organisatie = serializers.IntegerField()
    gebied = serializers.IntegerField()
    binnengekomen_via = serializers.ChoiceField(choices=Binnenkomst.choices)
    inwoner = InwonerSerializer()


class AanmeldInvoerSerializer(serializers.Serializer[None]):
    """Without `inwoner_weet_hoe` and `inwoner_weet_op` the registration is refused (400)."""

    inwoner_weet_hoe = serializers.ChoiceField(choices=Aanmelding.Wijze.choices, required=False, default="")
    inwoner_weet_op = serializers.DateField(required=False, allow_null=True, default=None)
    leefgebieden = serializers.ListField(child=serializers.ChoiceField(choices=Leefgebied.choices), default=list)
    geprobeerd = serializers.CharField(required=False, allow_blank=True, default="")
    waarom_vast = serializers.CharField(required=False, allow_blank=True, default="")
    vraag = serializers.CharField(required=False, allow_blank=True, default="")
    namens = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    casus = serializers.IntegerField(required=False, allow_null=True, default=None, help_text="Een bestaande casus")
    nieuwe_casus = NieuweCasusSerializer(required=False, allow_null=True, default=None)


class AgendablokSerializer(serializers.ModelSerializer[Agendablok]):
    casus = serializers.CharField(source="aanmelding.casus.nummer", default=None, allow_null=True, read_only=True)

    class Meta:
        model = Agendablok
        fields = ["id", "volgorde", "soort", "aanmelding", "casus", "minuten"]
        read_only_fields = ["volgorde", "soort", "aanmelding", "casus"]


class AgendablokInvoerSerializer(serializers.Serializer[None]):
    id = serializers.IntegerField()
    minuten = serializers.IntegerField(min_value=0)


class AgendaSerializer(serializers.Serializer[None]):
    """What the chair sends: the blocks in their new order, each with its minutes."""

    versie = serializers.IntegerField(help_text="De versie die u las; is die intussen gewijzigd, dan 409.")
    blokken = AgendablokInvoerSerializer(many=True, help_text="In de nieuwe volgorde")


class AgendaAntwoordSerializer(serializers.Serializer[None]):
    """The agenda as it stands: its version and its blocks."""

    versie = serializers.IntegerField()
    blokken = AgendablokSerializer(many=True)


class TriageInvoerSerializer(serializers.Serializer[None]):
    triage = serializers.ChoiceField(choices=Triage.choices)
    triage_reden = serializers.CharField(allow_blank=True, default="")


class AfsprakenInvoerSerializer(serializers.Serializer[None]):
    regievoerder = serializers.IntegerField(help_text="De gebruiker die regievoerder wordt")
    duo = serializers.IntegerField(allow_null=True, help_text="Het lid van de Tafel dat het duo vormt")
    terug_op = serializers.DateField()
    regievoerder_bekend = serializers.BooleanField(default=False)
    duo_bekend = serializers.BooleanField(default=False)


class AfsprakenSerializer(serializers.Serializer[None]):
    regievoerder = serializers.CharField()
    duo = serializers.CharField()
    terug_op = serializers.DateField()
    waarschuwingen = serializers.ListField(child=serializers.CharField())


class PartijSerializer(serializers.Serializer[None]):
    partij = serializers.CharField(max_length=200)
    volgens_plan = serializers.BooleanField(allow_null=True)
    notities = serializers.CharField(max_length=500, allow_blank=True, default="")


class CasuscheckInvoerSerializer(serializers.Serializer[None]):
    bijeenkomst = serializers.IntegerField()
    partijen = PartijSerializer(many=True)
    notities = serializers.CharField(allow_blank=True, default="")


class ProcesevaluatieInvoerSerializer(serializers.Serializer[None]):
    """Without `perspectief_inwoner` the evaluation is refused (400)."""

    bijeenkomst = serializers.IntegerField()
    samenwerking = serializers.CharField(allow_blank=True, default="")
    leerzaam = serializers.CharField(allow_blank=True, default="")
    perspectief_inwoner = serializers.CharField(allow_blank=True, default="")
