"""API shapes of the Werkwijze Samen aan Zet, steps 3-6."""

from __future__ import annotations

from rest_framework import serializers

from .models import Ecogrampersoon, Kennismaking, MdoProfessional


class KennismakingSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Kennismaking
        fields = ["datum", "plaats", "aanwezig", "vertrouwd_netwerklid", "centrale_vraag", "wie_kan_helpen", "versie"]
        read_only_fields = fields


class KennismakingInvoerSerializer(serializers.Serializer):  # type: ignore[type-arg]
    datum = serializers.DateField()
    plaats = serializers.ChoiceField(choices=Kennismaking.Plaats.choices)
    aanwezig = serializers.CharField(max_length=1000)
    vertrouwd_netwerklid = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    centrale_vraag = serializers.CharField(max_length=300)
    wie_kan_helpen = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    versie = serializers.IntegerField(help_text="The version loaded; 0 for the first. An older one answers 409.")


class EcogrampersoonSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Ecogrampersoon
        fields = ["id", "naam", "relatie", "kring", "nabijheid", "steun"]
        read_only_fields = ["id"]


class EcogramInvoerSerializer(EcogrampersoonSerializer):
    versie = serializers.IntegerField(write_only=True, help_text="The ecogram's version loaded. An older one answers 409.")

    class Meta(EcogrampersoonSerializer.Meta):
        fields = [*EcogrampersoonSerializer.Meta.fields, "versie"]


class EcogramSerializer(serializers.Serializer):  # type: ignore[type-arg]
    versie = serializers.IntegerField()
    personen = EcogrampersoonSerializer(many=True)


class VersieSerializer(serializers.Serializer):  # type: ignore[type-arg]
    versie = serializers.IntegerField()


class MdoProfessionalSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = MdoProfessional
        fields = ["id", "naam", "organisatie", "rol", "uitgenodigd"]
        read_only_fields = ["id"]


class OverlegVerwijzingSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField()
    vorm = serializers.CharField()
    soort = serializers.CharField()
    begint = serializers.DateTimeField()
    status = serializers.CharField()
    checklist_punten = serializers.IntegerField(source="punten")
    checklist_klaar = serializers.IntegerField(source="klaar")


class VoorbereidingSerializer(serializers.Serializer):  # type: ignore[type-arg]
    versie = serializers.IntegerField()
    inwoner_informeert = serializers.CharField()
    duo_legt_uit = serializers.CharField()
    professionals = MdoProfessionalSerializer(many=True, source="lijst")
    overleggen = OverlegVerwijzingSerializer(many=True, help_text="The case's MDO+ meetings and voortgangsgesprekken.")


class VoorbereidingInvoerSerializer(serializers.Serializer):  # type: ignore[type-arg]
    inwoner_informeert = serializers.CharField(max_length=1000, allow_blank=True)
    duo_legt_uit = serializers.CharField(max_length=1000, allow_blank=True)
    versie = serializers.IntegerField()
