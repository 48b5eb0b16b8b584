from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Casusinbreng, Evaluatiecel, Evaluatietafel


class CasusinbrengSerializer(serializers.ModelSerializer):
    """A contribution as its reader may see it: the link to the case only for the contributor,
    the text as written only for the contributor while reviewing."""

    casus = serializers.SerializerMethodField()
    brontekst = serializers.SerializerMethodField()
    doel = serializers.CharField(read_only=True, help_text="casustafel of evaluatietafel")
    status = serializers.CharField(read_only=True, help_text="wacht, te_beoordelen, gedeeld of ingetrokken")

    class Meta:
        model = Casusinbreng
        fields = ["id", "doel", "tafel", "status", "tekst", "vervangingen", "brontekst", "casus",
                  "aangemaakt_op", "gedeeld_op", "ingetrokken_op", "versie"]  # fmt: skip
        read_only_fields = fields

    def _eigen(self, obj: Casusinbreng) -> bool:
        request = self.context.get("request")
        return request is not None and obj.ingebracht_door_id == request.user.pk

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_casus(self, obj: Casusinbreng) -> int | None:
        return obj.casus_id if self._eigen(obj) else None

    @extend_schema_field(serializers.CharField())
    def get_brontekst(self, obj: Casusinbreng) -> str:
        return obj.brontekst if self._eigen(obj) and obj.status == Casusinbreng.Status.TE_BEOORDELEN else ""


class InbrengInvoerSerializer(serializers.Serializer):
    casus = serializers.IntegerField()
    tafel = serializers.IntegerField()
    tekst = serializers.CharField(max_length=20000)


class OnherkenbaarSerializer(serializers.Serializer):
    passages = serializers.ListField(child=serializers.CharField(max_length=500), min_length=1, max_length=50)
    versie = serializers.IntegerField(help_text="De versie die u las; is die intussen gewijzigd, dan 409.")


class VersieSerializer(serializers.Serializer):
    versie = serializers.IntegerField(help_text="De versie die u las; is die intussen gewijzigd, dan 409.")


class EvaluatiecelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evaluatiecel
        fields = ["stap", "vraag", "tekst", "versie", "gewijzigd_op"]
        read_only_fields = fields


class CelInvoerSerializer(serializers.Serializer):
    stap = serializers.IntegerField(min_value=1, max_value=12)
    vraag = serializers.ChoiceField(choices=Evaluatiecel.Vraag.choices)
    tekst = serializers.CharField(allow_blank=True, max_length=5000)
    versie = serializers.IntegerField(help_text="De versie van de cel die u las (0 voor een lege cel); anders 409.")


class EvaluatietafelSerializer(serializers.ModelSerializer):
    cellen = EvaluatiecelSerializer(many=True, read_only=True)
    aanwezigen = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Evaluatietafel
        fields = ["id", "tafel", "inbreng", "algemeen", "gespreksleider", "notulist", "tijdbewaker", "aanwezigen", "cellen"]
        read_only_fields = fields


class RollenInvoerSerializer(serializers.Serializer):
    gespreksleider = serializers.IntegerField(required=False, allow_null=True)
    notulist = serializers.IntegerField(required=False, allow_null=True)
    tijdbewaker = serializers.IntegerField(required=False, allow_null=True)
    aanwezigen = serializers.ListField(child=serializers.IntegerField(), required=False)
    inbreng = serializers.IntegerField(required=False, allow_null=True)
    algemeen = serializers.BooleanField(required=False, default=False)
