"""The price list in the API. Amounts travel as decimal strings ("82.50"), never as floats."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .keuzes import WEKEN_PER_JAAR
from .models import EERSTE_JAAR, ITEMVELDEN, LAATSTE_JAAR, Prijsitem, Prijslijst


class PrijslijstSerializer(serializers.ModelSerializer[Prijslijst]):
    aantal_items = serializers.IntegerField(read_only=True)

    class Meta:
        model = Prijslijst
        fields = ["jaar", "weken_per_jaar", "toelichting", "aantal_items", "bijgewerkt_op", "bijgewerkt_door"]
        read_only_fields = ["jaar", "bijgewerkt_op", "bijgewerkt_door"]


class NieuwePrijslijstSerializer(serializers.Serializer[None]):
    jaar = serializers.IntegerField(min_value=EERSTE_JAAR, max_value=LAATSTE_JAAR)
    kopieer = serializers.BooleanField(
        default=True, help_text=_("Begin met een kopie van de meest recente eerdere prijslijst (standaard).")
    )
    weken_per_jaar = serializers.IntegerField(
        min_value=1,
        max_value=53,
        required=False,
        help_text=_("Standaard: die van de kopie, anders %(weken)s.") % {"weken": WEKEN_PER_JAAR},
    )
    toelichting = serializers.CharField(required=False, allow_blank=True)


class PrijsitemSerializer(serializers.ModelSerializer[Prijsitem]):
    prijs = serializers.DecimalField(
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        error_messages={"min_value": _("De prijs moet hoger zijn dan € 0,00.")},
        help_text=_('In euro, met een punt als decimaalteken: "1234.56".'),
    )

    class Meta:
        model = Prijsitem
        fields = ITEMVELDEN


class ImportResultaatSerializer(serializers.Serializer[None]):
    toegevoegd = serializers.IntegerField()
    gewijzigd = serializers.IntegerField()
    ongewijzigd = serializers.IntegerField()
    niet_in_bestand = serializers.IntegerField()


class ImportfoutSerializer(serializers.Serializer[None]):
    rij = serializers.IntegerField()
    kolom = serializers.CharField()
    melding = serializers.CharField()
    tekst = serializers.CharField(help_text=_('De melding zoals de pagina hem toont: "Rij 4, kolom prijs: ..."'))


class ImportFoutenSerializer(serializers.Serializer[None]):
    fouten = ImportfoutSerializer(many=True)


class ImportBestandSerializer(serializers.Serializer[None]):
    bestand = serializers.FileField(
        help_text=_("Een .csv- of .xlsx-bestand met de kolommen code, omschrijving, eenheid, prijs, bron en wet.")
    )
