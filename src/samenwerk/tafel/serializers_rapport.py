"""Serializers of the stuurgroep report and the flexible budget (figures, no names)."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from .models import Besteding, Budgetpot


class SpreidingSerializer(serializers.Serializer[None]):
    n = serializers.IntegerField()
    mediaan = serializers.FloatField(allow_null=True)
    kwartiel1 = serializers.FloatField(allow_null=True)
    kwartiel3 = serializers.FloatField(allow_null=True)
    kortst = serializers.IntegerField(allow_null=True)
    langst = serializers.IntegerField(allow_null=True)


class AantalSerializer(serializers.Serializer[None]):
    naam = serializers.CharField()
    aantal = serializers.IntegerField()


class BudgetpotSerializer(serializers.ModelSerializer[Budgetpot]):
    besteed = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    saldo = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    aantal_bestedingen = serializers.IntegerField(read_only=True)

    class Meta:
        model = Budgetpot
        fields = ["id", "naam", "bedrag", "van", "tot", "besteed", "saldo", "aantal_bestedingen"]


class BudgetInRapportSerializer(serializers.Serializer[None]):
    potten = BudgetpotSerializer(many=True)
    besteed_in_periode = serializers.DecimalField(max_digits=12, decimal_places=2)
    casussen_met_besteding = serializers.IntegerField()
    overschrijdingen = serializers.IntegerField()


class RapportSerializer(serializers.Serializer[None]):
    tafel = serializers.IntegerField()
    van = serializers.DateField()
    tot = serializers.DateField()
    aanmeldingen = serializers.IntegerField()
    triage = AantalSerializer(many=True)
    mdo = serializers.IntegerField()
    mdo_casussen = serializers.IntegerField()
    organisaties = AantalSerializer(many=True)
    doorlooptijd_mdo = SpreidingSerializer()
    doorlooptijd_afsluiting = SpreidingSerializer()
    netwerk = serializers.IntegerField()
    samen = serializers.IntegerField()
    leefgebieden = AantalSerializer(many=True)
    budget = BudgetInRapportSerializer()
    uitleg = serializers.DictField(child=serializers.CharField())


class PotInvoerSerializer(serializers.Serializer[None]):
    naam = serializers.CharField(max_length=150)
    bedrag = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=Decimal("0.01"))
    van = serializers.DateField()
    tot = serializers.DateField()


class BestedingSerializer(serializers.ModelSerializer[Besteding]):
    casus = serializers.CharField(source="aanmelding.casus.nummer", read_only=True)

    class Meta:
        model = Besteding
        fields = [
            "id", "pot", "aanmelding", "casus", "overleg", "bedrag", "doel", "besluit", "besloten_op", "overschrijding_reden",
        ]  # fmt: skip
        read_only_fields = fields


class BestedingInvoerSerializer(serializers.Serializer[None]):
    pot = serializers.IntegerField()
    aanmelding = serializers.IntegerField()
    overleg = serializers.IntegerField()
    bedrag = serializers.DecimalField(max_digits=10, decimal_places=2)
    doel = serializers.CharField(max_length=300, allow_blank=True)
    besluit = serializers.CharField(max_length=2000, allow_blank=True)
    overschrijding_reden = serializers.CharField(required=False, allow_blank=True, default="")
