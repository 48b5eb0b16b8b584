from __future__ import annotations

from rest_framework import serializers

from .models import Niveau, Niveauwijziging, Zorgsignaal


class NiveauwijzigingSerializer(serializers.ModelSerializer[Niveauwijziging]):
    besloten_door = serializers.CharField(source="besloten_door_naam", read_only=True)
    richting = serializers.CharField(read_only=True)

    class Meta:
        model = Niveauwijziging
        fields = ["id", "van", "naar", "richting", "reden", "datum", "besloten_door", "rol", "vastgelegd_op"]


class NiveauInvoerSerializer(serializers.Serializer[None]):
    naar = serializers.ChoiceField(choices=Niveau.choices)
    reden = serializers.CharField(max_length=2000)
    datum = serializers.DateField(required=False, allow_null=True, default=None)
    huidig_niveau = serializers.IntegerField(
        allow_null=True, help_text="Het niveau dat u zag (null als er nog geen was); anders 409."
    )


class ZorgsignaalSerializer(serializers.ModelSerializer[Zorgsignaal]):
    class Meta:
        model = Zorgsignaal
        fields = ["id", "bron", "afzender", "datum", "tekst", "vastgelegd_op"]
        read_only_fields = ["vastgelegd_op"]
        extra_kwargs = {"datum": {"required": False}}
