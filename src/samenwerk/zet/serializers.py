"""API shapes of ZET. Input serializers only parse; the services decide (style.md §3)."""

from __future__ import annotations

from rest_framework import serializers

from .models import Antwoord, Evaluatieronde, Interview, Rondecasus, Verbeterpunt


class ZetRondecasusSerializer(serializers.ModelSerializer[Rondecasus]):
    teruggetrokken = serializers.BooleanField(read_only=True)

    class Meta:
        model = Rondecasus
        fields = ["id", "label", "teruggetrokken", "teruggetrokken_op"]


class ZetRondeSerializer(serializers.ModelSerializer[Evaluatieronde]):
    themas = serializers.SerializerMethodField()

    class Meta:
        model = Evaluatieronde
        fields = ["id", "naam", "van", "tot", "status", "themas"]

    def get_themas(self, ronde: Evaluatieronde) -> list[str]:
        return [t.tekst for t in ronde.themas.all()]


class ZetRondeDetailSerializer(ZetRondeSerializer):
    casussen = ZetRondecasusSerializer(many=True, read_only=True)

    class Meta(ZetRondeSerializer.Meta):
        fields = [*ZetRondeSerializer.Meta.fields, "casussen"]


class ZetRondeInvoerSerializer(serializers.Serializer):  # type: ignore[type-arg]
    naam = serializers.CharField(max_length=150)
    van = serializers.DateField()
    tot = serializers.DateField()
    themas = serializers.ListField(child=serializers.CharField(max_length=300), required=False, allow_empty=False)


class ZetAntwoordSerializer(serializers.ModelSerializer[Antwoord]):
    thema = serializers.IntegerField(source="thema_id")
    thema_tekst = serializers.CharField(source="thema.tekst", read_only=True)
    gedekt = serializers.BooleanField(read_only=True)

    class Meta:
        model = Antwoord
        fields = ["thema", "thema_tekst", "tekst", "notities", "oordeel", "gedekt"]


class ZetInterviewSerializer(serializers.ModelSerializer[Interview]):
    antwoorden = ZetAntwoordSerializer(many=True, read_only=True)
    open_themas = serializers.SerializerMethodField()

    class Meta:
        model = Interview
        fields = [
            "id", "rondecasus", "bron", "geinterviewde", "datum", "interviewer", "notulist", "toestemming_vastgelegd",
            "terugkoppeling_gewenst", "terugkoppeling_uiterlijk", "terugkoppeling_gegeven_op", "versie", "antwoorden",
            "open_themas",
        ]  # fmt: skip

    def get_open_themas(self, interview: Interview) -> list[str]:
        return [a.thema.tekst for a in interview.antwoorden.all() if not a.gedekt]


class InterviewInvoerSerializer(serializers.Serializer):  # type: ignore[type-arg]
    rondecasus = serializers.IntegerField()
    bron = serializers.CharField(help_text="inwoner of professional; de dossierstudie berekent het product zelf.")
    datum = serializers.DateField()
    interviewer = serializers.IntegerField()
    notulist = serializers.IntegerField(required=False, allow_null=True)
    professional = serializers.IntegerField(required=False, allow_null=True)
    toestemming_vastgelegd = serializers.BooleanField(default=False)
    terugkoppeling_gewenst = serializers.BooleanField(default=False)


class ZetAntwoordInvoerSerializer(serializers.Serializer):  # type: ignore[type-arg]
    thema = serializers.IntegerField()
    tekst = serializers.CharField(allow_blank=True, required=False, default="")
    notities = serializers.CharField(allow_blank=True, required=False, default="")
    oordeel = serializers.IntegerField(min_value=1, max_value=5, required=False, allow_null=True, default=None)


class InterviewOpslaanSerializer(serializers.Serializer):  # type: ignore[type-arg]
    versie = serializers.IntegerField(help_text="De versie die u las; is het interview intussen opgeslagen, dan 409.")
    antwoorden = ZetAntwoordInvoerSerializer(many=True)


class VerbeterpuntSerializer(serializers.ModelSerializer[Verbeterpunt]):
    class Meta:
        model = Verbeterpunt
        fields = [
            "id",
            "tekst",
            "eigenaar",
            "eigenaar_organisatie",
            "uiterlijk",
            "status",
            "opvolging",
            "afgerond_op",
            "rode_draden",
        ]


class VerbeterpuntInvoerSerializer(serializers.Serializer):  # type: ignore[type-arg]
    tekst = serializers.CharField(max_length=300)
    uiterlijk = serializers.DateField()
    eigenaar = serializers.IntegerField(required=False, allow_null=True)
    eigenaar_organisatie = serializers.IntegerField(required=False, allow_null=True)
    rode_draden = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
