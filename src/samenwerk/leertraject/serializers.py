from __future__ import annotations

from rest_framework import serializers

from . import inhoud
from .models import Deelnemer, Inlevering, Leertraject, Lesdag


class LesdagSerializer(serializers.ModelSerializer[Lesdag]):
    class Meta:
        model = Lesdag
        fields = ["id", "nummer", "begin", "eind", "locatie", "online"]
        read_only_fields = fields


class LeertrajectSerializer(serializers.ModelSerializer[Leertraject]):
    didactisch_trainer = serializers.StringRelatedField()
    ervaringstrainer = serializers.StringRelatedField()
    gebied = serializers.CharField(source="gebied.naam", default=None, allow_null=True, read_only=True)
    aantal_deelnemers = serializers.IntegerField(read_only=True, default=None)

    class Meta:
        model = Leertraject
        fields = [
            "id", "naam", "vorm", "gebied", "didactisch_trainer", "ervaringstrainer", "min_dagen_aanwezig", "versie",
            "aantal_deelnemers",
        ]  # fmt: skip
        read_only_fields = fields


class StandSerializer(serializers.Serializer[object]):
    id = serializers.IntegerField(source="deelnemer.pk")
    naam = serializers.CharField(source="deelnemer.user")
    organisatie = serializers.CharField(source="deelnemer.organisatie.naam")
    dagen_aanwezig = serializers.IntegerField()
    opdrachten = serializers.DictField(child=serializers.CharField(), source="status")
    regel_gehaald = serializers.BooleanField()
    certificaat = serializers.SerializerMethodField()

    def get_certificaat(self, stand) -> str | None:  # type: ignore[no-untyped-def]
        c = stand.certificaat
        if c is None:
            return None
        return "ingetrokken" if c.ingetrokken_op else "uitgegeven"


class LeertrajectDetailSerializer(LeertrajectSerializer):
    dagen = LesdagSerializer(many=True, read_only=True)
    deelnemers = serializers.SerializerMethodField()
    waarschuwingen = serializers.SerializerMethodField()

    class Meta(LeertrajectSerializer.Meta):
        fields = [*LeertrajectSerializer.Meta.fields, "dagen", "deelnemers", "waarschuwingen"]
        read_only_fields = fields

    def get_deelnemers(self, traject) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
        return StandSerializer(self.context["standen"], many=True).data  # type: ignore[return-value]

    def get_waarschuwingen(self, traject) -> list[str]:  # type: ignore[no-untyped-def]
        return self.context["waarschuwingen"]


class TrajectInvoerSerializer(serializers.Serializer[None]):
    naam = serializers.CharField(max_length=120)
    vorm = serializers.ChoiceField(choices=Leertraject.Vorm.choices)
    gebied = serializers.IntegerField(required=False, allow_null=True, default=None)
    didactisch_trainer = serializers.IntegerField()
    ervaringstrainer = serializers.IntegerField()
    min_dagen_aanwezig = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1)


class DeelnemerInvoerSerializer(serializers.Serializer[None]):
    user = serializers.IntegerField()
    versie = serializers.IntegerField(required=False, allow_null=True, default=None)


class TrajectdeelnemerSerializer(serializers.ModelSerializer[Deelnemer]):
    user = serializers.StringRelatedField()
    organisatie = serializers.CharField(source="organisatie.naam", read_only=True)

    class Meta:
        model = Deelnemer
        fields = ["id", "user", "organisatie", "ik_wil", "ik_kan", "ik_heb_nodig", "terugblik"]
        read_only_fields = fields


class LesdagAanwezigheidInvoerSerializer(serializers.Serializer[None]):
    aanwezig = serializers.ListField(child=serializers.IntegerField(), max_length=100)


class InleverInvoerSerializer(serializers.Serializer[None]):
    tekst = serializers.CharField(required=False, allow_blank=True, default="", max_length=20000)
    deelname = serializers.IntegerField(required=False, allow_null=True, default=None)
    casus = serializers.IntegerField(required=False, allow_null=True, default=None)
    versie = serializers.IntegerField(required=False, allow_null=True, default=None)


class InleveringSerializer(serializers.ModelSerializer[Inlevering]):
    titel = serializers.SerializerMethodField()

    class Meta:
        model = Inlevering
        fields = [
            "id",
            "opdracht",
            "titel",
            "status",
            "tekst",
            "bestandsnaam",
            "ingeleverd_op",
            "feedback",
            "feedback_op",
            "versie",
        ]
        read_only_fields = fields

    def get_titel(self, inlevering: Inlevering) -> str:
        return str(inhoud.OPDRACHT[inlevering.opdracht].titel)


class OpdrachtFeedbackInvoerSerializer(serializers.Serializer[None]):
    feedback = serializers.CharField(required=False, allow_blank=True, default="", max_length=20000)
    akkoord = serializers.BooleanField()
    versie = serializers.IntegerField(required=False, allow_null=True, default=None)


class CertificaatInvoerSerializer(serializers.Serializer[None]):
    afwijkreden = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class IntrekInvoerSerializer(serializers.Serializer[None]):
    reden = serializers.CharField(max_length=5000)


class CertificaatSerializer(serializers.Serializer[None]):
    badge_id = serializers.UUIDField()
    uitgegeven_op = serializers.DateTimeField()
    regel_gehaald = serializers.BooleanField()
    afwijkreden = serializers.CharField()
    ingetrokken_op = serializers.DateTimeField(allow_null=True)
    jws = serializers.CharField()
    credential = serializers.JSONField()


class VerifieerInvoerSerializer(serializers.Serializer[None]):
    badge = serializers.CharField(max_length=64 * 1024, help_text="De badge: de JSON-download of de compacte JWS.")


class UitslagSerializer(serializers.Serializer[None]):
    status = serializers.ChoiceField(choices=["geldig", "ingetrokken", "verlopen", "ongeldig", "onbekende_sleutel"])
    geldig = serializers.BooleanField()
    melding = serializers.CharField()
    kid = serializers.CharField()
    sleutel_uitgefaseerd = serializers.BooleanField()
    ingetrokken_op = serializers.DateTimeField(allow_null=True)
    credential = serializers.JSONField(allow_null=True)
