from __future__ import annotations

from rest_framework import serializers

from ..models import (
    Dilemma,
    Dilemmanotitie,
    Dilemmastap,
    Documentversie,
    Leerdocument,
    Niveau,
    Trapactie,
    Trapagendapunt,
    Trapbesluit,
    Trapdeelnemer,
    Trapoverleg,
)
from .documenten import SECTIES


class TrapOverlegSerializer(serializers.ModelSerializer[Trapoverleg]):
    voorzitter = serializers.StringRelatedField()

    class Meta:
        model = Trapoverleg
        fields = ["id", "gemeente", "soort", "begint", "eindigt", "locatie", "voorzitter", "geannuleerd_op"]
        read_only_fields = fields


class TrapDeelnemerSerializer(serializers.ModelSerializer[Trapdeelnemer]):
    naam = serializers.CharField(source="user.get_full_name", read_only=True)

    class Meta:
        model = Trapdeelnemer
        fields = ["user", "naam", "aanwezig"]
        read_only_fields = fields


class TrapAgendapuntSerializer(serializers.ModelSerializer[Trapagendapunt]):
    class Meta:
        model = Trapagendapunt
        fields = ["id", "volgorde", "titel", "toelichting", "dilemma", "document"]
        read_only_fields = fields


class TrapBesluitSerializer(serializers.ModelSerializer[Trapbesluit]):
    class Meta:
        model = Trapbesluit
        fields = ["id", "tekst", "vastgelegd_op"]
        read_only_fields = fields


class TrapActieSerializer(serializers.ModelSerializer[Trapactie]):
    class Meta:
        model = Trapactie
        fields = ["id", "wat", "eigenaar", "uiterlijk", "gedaan_op"]
        read_only_fields = fields


class TrapOverlegDetailSerializer(TrapOverlegSerializer):
    agenda = TrapAgendapuntSerializer(many=True, read_only=True)
    deelnemers = TrapDeelnemerSerializer(many=True, read_only=True)
    besluiten = TrapBesluitSerializer(many=True, read_only=True)
    acties = TrapActieSerializer(many=True, read_only=True)

    class Meta(TrapOverlegSerializer.Meta):
        fields = [*TrapOverlegSerializer.Meta.fields, "agenda", "deelnemers", "besluiten", "acties"]
        read_only_fields = fields


class TrapOverlegInvoerSerializer(serializers.Serializer[None]):
    gemeente = serializers.IntegerField()
    soort = serializers.ChoiceField(choices=Trapoverleg.Soort.choices)
    begint = serializers.DateTimeField()
    eindigt = serializers.DateTimeField()
    locatie = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    voorzitter = serializers.IntegerField(required=False, allow_null=True, default=None)
    genodigden = serializers.ListField(child=serializers.IntegerField(), default=list)


class TrapAgendapuntInvoerSerializer(serializers.Serializer[None]):
    titel = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")
    dilemma = serializers.IntegerField(required=False, allow_null=True, default=None)
    document = serializers.IntegerField(required=False, allow_null=True, default=None)


class TrapBesluitInvoerSerializer(serializers.Serializer[None]):
    tekst = serializers.CharField(allow_blank=True)


class TrapActieInvoerSerializer(serializers.Serializer[None]):
    wat = serializers.CharField(allow_blank=True)
    eigenaar = serializers.IntegerField()
    uiterlijk = serializers.DateField()


class TrapAanwezigheidSerializer(serializers.Serializer[None]):
    aanwezig = serializers.ListField(child=serializers.IntegerField(), help_text="De aanwezigen (user-id's)")


class DilemmaSerializer(serializers.ModelSerializer[Dilemma]):
    ingebracht_door = serializers.StringRelatedField()

    class Meta:
        model = Dilemma
        fields = [
            "id", "gemeente", "gebied", "titel", "wat_wil_ik", "wat_kan_ik", "wat_heb_ik_nodig", "ingebracht_door", "bron",
            "niveau", "status", "oplossing", "opgelost_op", "aangemaakt_op", "versie",
        ]  # fmt: skip
        read_only_fields = fields


class NotitieSerializer(serializers.ModelSerializer[Dilemmanotitie]):
    door = serializers.StringRelatedField()

    class Meta:
        model = Dilemmanotitie
        fields = ["soort", "tekst", "door", "op"]
        read_only_fields = fields


class StapSerializer(serializers.ModelSerializer[Dilemmastap]):
    notities = NotitieSerializer(many=True, read_only=True)
    doorlooptijd_dagen = serializers.SerializerMethodField()

    class Meta:
        model = Dilemmastap
        fields = ["niveau", "begonnen_op", "geeindigd_op", "uitkomst", "actieleren", "overleg", "doorlooptijd_dagen", "notities"]
        read_only_fields = fields

    def get_doorlooptijd_dagen(self, stap: Dilemmastap) -> int:
        return stap.doorlooptijd.days


class DilemmaDetailSerializer(DilemmaSerializer):
    stappen = StapSerializer(many=True, read_only=True)

    class Meta(DilemmaSerializer.Meta):
        fields = [*DilemmaSerializer.Meta.fields, "stappen"]
        read_only_fields = fields


class DilemmaInvoerSerializer(serializers.Serializer[None]):
    gemeente = serializers.IntegerField()
    titel = serializers.CharField(allow_blank=True, max_length=200)
    wat_wil_ik = serializers.CharField(allow_blank=True)
    wat_kan_ik = serializers.CharField(allow_blank=True)
    wat_heb_ik_nodig = serializers.CharField(allow_blank=True)
    niveau = serializers.ChoiceField(choices=Niveau.choices, required=False, allow_blank=True, default="")
    gebied = serializers.IntegerField(required=False, allow_null=True, default=None)


class BehandelInvoerSerializer(serializers.Serializer[None]):
    tekst = serializers.CharField(allow_blank=True)
    actieleren = serializers.IntegerField(required=False, allow_null=True, default=None)
    overleg = serializers.IntegerField(required=False, allow_null=True, default=None)
    versie = serializers.IntegerField(required=False, allow_null=True, default=None)


class EscaleerInvoerSerializer(serializers.Serializer[None]):
    toelichting = serializers.CharField(allow_blank=True)
    versie = serializers.IntegerField(required=False, allow_null=True, default=None)


class OplossingInvoerSerializer(serializers.Serializer[None]):
    oplossing = serializers.CharField(allow_blank=True)
    versie = serializers.IntegerField(required=False, allow_null=True, default=None)


class NiveaucijfersSerializer(serializers.Serializer[None]):
    niveau = serializers.CharField()
    label = serializers.CharField()
    open = serializers.IntegerField()
    opgelost = serializers.IntegerField()
    geescaleerd = serializers.IntegerField()
    gemiddelde_dagen = serializers.FloatField(allow_null=True)


class DocumentSerializer(serializers.ModelSerializer[Leerdocument]):
    class Meta:
        model = Leerdocument
        fields = ["id", "gemeente", "gebied", "soort", "methode", "van", "tot", "versie", "gepubliceerd_op"]
        read_only_fields = fields


class VersieSerializer(serializers.ModelSerializer[Documentversie]):
    door = serializers.StringRelatedField()

    class Meta:
        model = Documentversie
        fields = ["nummer", "inhoud", "door", "op", "concept"]
        read_only_fields = fields


class DocumentDetailSerializer(DocumentSerializer):
    huidig = serializers.SerializerMethodField()
    secties = serializers.SerializerMethodField()

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "secties", "huidig"]
        read_only_fields = fields

    def get_secties(self, document: Leerdocument) -> list[str]:
        return [code for code, _kop in SECTIES[document.soort]]

    def get_huidig(self, document: Leerdocument) -> dict:  # type: ignore[type-arg]
        return VersieSerializer(document.versies.select_related("door").get(nummer=document.versie)).data


class DocumentInvoerSerializer(serializers.Serializer[None]):
    gemeente = serializers.IntegerField()
    soort = serializers.ChoiceField(choices=Leerdocument.Soort.choices)
    van = serializers.DateField()
    tot = serializers.DateField()
    gebied = serializers.IntegerField(required=False, allow_null=True, default=None)
    methode = serializers.ChoiceField(choices=Leerdocument.Methode.choices, required=False, allow_blank=True, default="")


class BewerkInvoerSerializer(serializers.Serializer[None]):
    versie = serializers.IntegerField(help_text="De versie die u bewerkte; een oudere geeft 409.")
    inhoud = serializers.DictField(child=serializers.CharField(allow_blank=True))
