from __future__ import annotations

from rest_framework import serializers

from .models import Agendapunt, Deelnemer, Overleg


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
