from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import Agendapunt, Deelnemer, Overleg, Rolkeuze


class PersoonSerializer(serializers.Serializer):
    """One of the people involved in the case: an active professional (`betrokkene`, with its
    id), the resident (`inwoner`, no id) or a network member (`netwerklid`, with its id)."""

    soort = serializers.ChoiceField(choices=Rolkeuze.choices, allow_blank=True)
    id = serializers.IntegerField(required=False, allow_null=True, default=None)
    naam = serializers.CharField(read_only=True, help_text="De naam zoals getoond; leeg `soort`: vóór de keuze getypt.")


@extend_schema_field(PersoonSerializer)
class RolField(serializers.Field):
    """Chair or note-taker: written as {"soort", "id"}, read with the name shown."""

    def __init__(self, rol: str, **kwargs: object) -> None:
        self.rol = rol
        super().__init__(source="*", **kwargs)

    def to_representation(self, overleg: Overleg) -> dict:
        keuze = overleg.keuze(self.rol)
        soort, pk = keuze if keuze else ("", None)
        return {"soort": soort, "id": pk, "naam": getattr(overleg, self.rol)}

    def to_internal_value(self, data: object) -> dict:
        invoer = PersoonSerializer(data=data)
        if not isinstance(data, dict) or not invoer.is_valid() or not invoer.validated_data["soort"]:
            raise serializers.ValidationError(
                'Kies een betrokkene: {"soort": "betrokkene", "id": …}, {"soort": "inwoner"} of {"soort": "netwerklid", "id": …}.'
            )
        d = invoer.validated_data
        if (d["soort"] == Rolkeuze.INWONER) != (d["id"] is None):
            raise serializers.ValidationError("Geef een id bij een betrokkene of netwerklid, en geen id bij de inwoner.")
        return {self.rol: (d["soort"], d["id"])}


class DeelnemerSerializer(serializers.ModelSerializer):
    doorgestuurd_door = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    plan_delen = serializers.BooleanField(write_only=True, required=False, allow_null=True, default=None)

    class Meta:
        model = Deelnemer
        fields = [
            "id", "soort", "naam", "email", "organisatie", "reden", "reden_toelichting", "antwoord", "antwoord_toelichting",
            "uitgenodigd_op", "beantwoord_op", "doorgestuurd_door", "aanwezig", "afsluitronde", "plan_delen",
        ]  # fmt: skip
        read_only_fields = [
            "antwoord", "antwoord_toelichting", "uitgenodigd_op", "beantwoord_op", "aanwezig", "afsluitronde",
        ]  # fmt: skip
        extra_kwargs = {"email": {"error_messages": {"invalid": "Dit is geen geldig e-mailadres."}}}


class AgendapuntSerializer(serializers.ModelSerializer):
    class Meta:
        model = Agendapunt
        fields = ["id", "volgorde", "titel", "besloten", "notities"]


class OverlegSerializer(serializers.ModelSerializer):
    deelnemers = DeelnemerSerializer(many=True, read_only=True)
    agenda = AgendapuntSerializer(many=True, read_only=True)
    voorzitter = RolField("voorzitter")
    notulist = RolField("notulist")
    antwoord_voor = serializers.DateField(required=False, allow_null=True)
    # Empty until the meeting has been held and its follow-up chosen.
    vervolg = serializers.ChoiceField(choices=Overleg.Vervolg.choices, allow_blank=True, read_only=True)

    class Meta:
        model = Overleg
        fields = [
            "id", "casus", "vorm", "soort", "doel", "begint", "eindigt", "bij_inwoner_thuis", "locatie", "locatie_reden",
            "voorzitter", "notulist", "antwoord_voor", "status", "uid", "volgnummer", "versie", "lijst_akkoord_op",
            "verstuurd_door", "procesregisseur_nodig", "vervolg", "vervolg_datum", "gehouden_op", "deelnemers", "agenda",
        ]  # fmt: skip
        read_only_fields = [
            "casus", "status", "uid", "volgnummer", "lijst_akkoord_op", "verstuurd_door", "procesregisseur_nodig",
            "vervolg", "vervolg_datum", "gehouden_op",
        ]  # fmt: skip


class AkkoordSerializer(serializers.Serializer):
    verstuurd_door = serializers.ChoiceField(choices=Overleg.Verstuurder.choices)


class AntwoordSerializer(serializers.Serializer):
    komt = serializers.BooleanField()
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")


class DoorsturenSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=150)
    email = serializers.EmailField(error_messages={"invalid": "Dit is geen geldig e-mailadres."})
    organisatie = serializers.CharField(required=False, allow_blank=True, max_length=150, default="")
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
