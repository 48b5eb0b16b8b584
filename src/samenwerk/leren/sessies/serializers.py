from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Actieleren, Deelname, Leerrooster, Leersessie, Leertafel, Sessieverslag


class LeertafelSerializer(serializers.ModelSerializer[Leertafel]):
    gespreksleider = serializers.StringRelatedField()

    class Meta:
        model = Leertafel
        fields = ["id", "soort", "naam", "gespreksleider"]


class LeersessieSerializer(serializers.ModelSerializer[Leersessie]):
    gebied = serializers.CharField(source="gebied.naam", read_only=True)
    aanjager = serializers.StringRelatedField()
    aantal_aanmeldingen = serializers.IntegerField(read_only=True)

    class Meta:
        model = Leersessie
        fields = [
            "id", "gebied", "gebied_id", "begin", "eind", "online", "locatie", "aanjager", "max_deelnemers",
            "agenda_verstuurd_op", "geannuleerd_op", "aantal_aanmeldingen",
        ]  # fmt: skip
        read_only_fields = fields


class DeelnameSerializer(serializers.ModelSerializer[Deelname]):
    user = serializers.StringRelatedField()

    class Meta:
        model = Deelname
        fields = ["id", "user", "aangemeld_op", "laat", "zonder_link", "tafel", "aanwezig"]
        read_only_fields = fields


class LeersessieDetailSerializer(LeersessieSerializer):
    tafels = LeertafelSerializer(many=True, read_only=True)
    plenair = serializers.CharField(read_only=True)
    link = serializers.CharField(read_only=True, help_text="Alleen voor wie op tijd aangemeld is, en de gebiedsaanjager.")
    mijn_aanmelding = DeelnameSerializer(read_only=True, allow_null=True)
    aanmeldingen = DeelnameSerializer(many=True, read_only=True, allow_null=True, help_text="Alleen voor de gebiedsaanjager.")
    waarschuwingen = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta(LeersessieSerializer.Meta):
        fields = [*LeersessieSerializer.Meta.fields, "plenair", "link", "tafels", "mijn_aanmelding", "aanmeldingen",
                  "waarschuwingen"]  # fmt: skip
        read_only_fields = fields


class ReeksInvoerSerializer(serializers.ModelSerializer[Leerrooster]):
    vanaf = serializers.DateField()
    tot = serializers.DateField()
    link = serializers.URLField(required=False, allow_blank=True, default="")

    class Meta:
        model = Leerrooster
        fields = ["weekdag", "tijd", "duur_minuten", "interval_weken", "online", "locatie", "link", "thematafel",
                  "max_deelnemers", "vanaf", "tot"]  # fmt: skip
        extra_kwargs = {"gebied": {"required": False}}


class LeersessieAanmeldInvoerSerializer(serializers.Serializer[None]):
    tafel = serializers.IntegerField(required=False, allow_null=True, default=None)


class AanwezigheidRegelSerializer(serializers.Serializer[None]):
    deelname = serializers.IntegerField()
    tafel = serializers.IntegerField(allow_null=True, required=False, default=None)
    aanwezig = serializers.BooleanField(allow_null=True, required=False, default=None)


class AanwezigheidInvoerSerializer(serializers.Serializer[None]):
    regels = AanwezigheidRegelSerializer(many=True)


class VerslagactieSerializer(serializers.Serializer[None]):
    actie = serializers.CharField(max_length=300)
    organisatie = serializers.IntegerField()
    kartrekker = serializers.IntegerField()


class VerslagSerializer(serializers.ModelSerializer[Sessieverslag]):
    acties = serializers.SerializerMethodField()
    versie = serializers.IntegerField(required=False, allow_null=True, default=None)

    class Meta:
        model = Sessieverslag
        fields = ["doelen", "positief", "aandachtspunten", "acties", "versie"]

    @extend_schema_field(VerslagactieSerializer(many=True))
    def get_acties(self, verslag: Sessieverslag) -> list[dict[str, object]]:
        return [{"actie": a.actie, "organisatie": a.organisatie_id, "kartrekker": a.kartrekker_id} for a in verslag.acties.all()]


class VerslagInvoerSerializer(serializers.Serializer[None]):
    doelen = serializers.CharField(allow_blank=True, required=False, default="")
    positief = serializers.CharField(allow_blank=True, required=False, default="")
    aandachtspunten = serializers.CharField(allow_blank=True, required=False, default="")
    acties = VerslagactieSerializer(many=True, required=False, default=list)
    versie = serializers.IntegerField(required=False, allow_null=True, default=None)


class FeedbackInvoerSerializer(serializers.Serializer[None]):
    score_inhoud = serializers.IntegerField(min_value=1, max_value=5)
    score_organisatie = serializers.IntegerField(min_value=1, max_value=5)
    opmerking = serializers.CharField(allow_blank=True, required=False, default="")


class AdviesSerializer(serializers.Serializer[None]):
    tekst = serializers.CharField()
    adviseur = serializers.IntegerField(allow_null=True, required=False, default=None)
    gekozen = serializers.BooleanField(required=False, default=False)


class ActielerenDeelnemerSerializer(serializers.Serializer[None]):
    user = serializers.IntegerField()
    expertise = serializers.CharField(allow_blank=True, required=False, default="")


class ActielerenSerializer(serializers.ModelSerializer[Actieleren]):
    """The record of one question; there is no discussion field, on purpose."""

    deelnemers = serializers.SerializerMethodField()
    adviezen = serializers.SerializerMethodField()
    inbreng_tekst = serializers.CharField(source="inbreng.tekst", default=None, read_only=True, allow_null=True)

    class Meta:
        model = Actieleren
        fields = [
            "id", "tafel", "indiener", "vraag", "gespreksleider", "les_vorige_keer", "inbreng", "inbreng_tekst",
            "deelnemers", "adviezen", "dialoog_adviseur", "vervolgstappen", "volgende_inbrenger", "nuttig_bevonden",
            "wat_nuttig", "versie",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(ActielerenDeelnemerSerializer(many=True))
    def get_deelnemers(self, rij: Actieleren) -> list[dict[str, object]]:
        return [{"user": d.user_id, "expertise": d.expertise} for d in rij.deelnemers.all()]

    @extend_schema_field(AdviesSerializer(many=True))
    def get_adviezen(self, rij: Actieleren) -> list[dict[str, object]]:
        return [{"tekst": a.tekst, "adviseur": a.adviseur_id, "gekozen": a.gekozen} for a in rij.adviezen.all()]


class ActielerenInvoerSerializer(serializers.Serializer[None]):
    indiener = serializers.IntegerField()
    vraag = serializers.CharField(allow_blank=True)
    gespreksleider = serializers.IntegerField(allow_null=True, required=False, default=None)
    les_vorige_keer = serializers.CharField(allow_blank=True, required=False, default="")
    inbreng = serializers.IntegerField(allow_null=True, required=False, default=None)
    deelnemers = ActielerenDeelnemerSerializer(many=True, required=False, default=list)
    adviezen = AdviesSerializer(many=True, required=False, default=list)
    dialoog_adviseur = serializers.IntegerField(allow_null=True, required=False, default=None)
    vervolgstappen = serializers.CharField(allow_blank=True, required=False, default="")
    volgende_inbrenger = serializers.IntegerField(allow_null=True, required=False, default=None)
    nuttig_bevonden = serializers.BooleanField(allow_null=True, required=False, default=None)
    wat_nuttig = serializers.CharField(allow_blank=True, required=False, default="")
    versie = serializers.IntegerField(required=False, default=0)
