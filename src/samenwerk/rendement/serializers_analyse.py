"""The micro-analysis in the API. Amounts travel as exact decimal strings ("6720.00"), each
summary figure with its formula; `versie` is the optimistic lock."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .bedragen import euro
from .berekening import Berekening
from .keuzes import Blok, Eenheid, Periode, Wet
from .models import Kostenpost, Microanalyse, Prijsitem
from .services_analyse import ANALYSEVELDEN


def _getal(**kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=12, decimal_places=2, **kwargs)


def exact(bedrag: Decimal) -> str:
    """Every decimal the amount has, at least two, without trailing zeros: '6720.00', '0.0025'."""
    cent = bedrag.quantize(Decimal("0.01"))
    return str(cent) if cent == bedrag else str(bedrag.normalize())


def berekening(b: Berekening | None) -> dict[str, Any] | None:
    if b is None:
        return None
    return {"naam": b.naam, "bedrag": exact(b.bedrag), "weergave": euro(b.bedrag), "formule": b.formule}


class KostenpostSerializer(serializers.ModelSerializer[Kostenpost]):
    """A line. Give `prijsitem` (its id) for a price from the list, or `prijs` + `eenheid` for a free price."""

    versie = serializers.IntegerField(write_only=True, help_text=_("De versie van de analyse waarop u voortbouwt."))
    prijsitem = serializers.PrimaryKeyRelatedField(queryset=Prijsitem.objects.all(), required=False, allow_null=True)
    prijs = _getal(required=False, allow_null=True)
    aantal = _getal(required=False, default=Decimal(1))
    frequentie = _getal(required=False, default=Decimal(1))
    blok = serializers.ChoiceField(choices=Blok.choices)
    eenheid = serializers.ChoiceField(choices=Eenheid.choices, required=False, allow_blank=True)
    wet = serializers.ChoiceField(choices=Wet.choices, required=False, allow_blank=True)
    periode = serializers.ChoiceField(choices=Periode.choices, required=False, allow_blank=True)

    class Meta:
        model = Kostenpost
        fields = [
            "id", "versie", "blok", "volgorde", "omschrijving", "prijsitem", "code", "prijslijst_jaar", "prijs",
            "eenheid", "wet", "aantal", "frequentie", "periode", "toelichting",
        ]  # fmt: skip
        read_only_fields = ["id", "volgorde", "code", "prijslijst_jaar"]
        extra_kwargs = {"omschrijving": {"required": False}, "toelichting": {"required": False}}


class AnalyseSerializer(serializers.ModelSerializer[Microanalyse]):
    versie = serializers.IntegerField(help_text=_("Bij wijzigen: de versie waarop u voortbouwt; 409 als die verouderd is."))
    prijslijst_jaar = serializers.IntegerField(source="prijslijst.jaar", read_only=True, allow_null=True)
    regels = serializers.SerializerMethodField()
    samenvatting = serializers.SerializerMethodField()

    class Meta:
        model = Microanalyse
        fields = ["id", "versie", "prijslijst_jaar", "weken_per_jaar", *ANALYSEVELDEN, "regels", "samenvatting"]
        read_only_fields = ["id", "weken_per_jaar"]

    def get_regels(self, analyse: Microanalyse) -> list[dict[str, Any]]:
        return KostenpostSerializer(analyse.regels.all(), many=True).data  # type: ignore[return-value]

    def get_samenvatting(self, analyse: Microanalyse) -> dict[str, Any]:
        from .analyse import samenvatting_van

        s = samenvatting_van(analyse)
        return {
            "weken_per_jaar": int(s.weken_per_jaar),
            "kosten_voor": berekening(s.kosten_voor),
            "eenmalige_investering": berekening(s.eenmalige_investering),
            "kosten_na": berekening(s.kosten_na),
            "verschil_na": berekening(s.verschil_na),
            "kosten_herhaling": berekening(s.kosten_herhaling),
            "verschil_herhaling": berekening(s.verschil_herhaling),
            "kosten_niets_doen": berekening(s.kosten_niets_doen),
            "verschil_na_per_wet": {str(w.value): exact(b) for w, b in s.verschil_na_per_wet.items()},
        }


class _WelzijnSerializer(serializers.Serializer[None]):
    moment = serializers.CharField()
    n = serializers.IntegerField()
    gemiddelde = serializers.CharField(allow_null=True)
    verdeling = serializers.ListField(child=serializers.IntegerField(), help_text="Aantal analyses per cijfer 1 tot en met 10.")


class _GepaardSerializer(serializers.Serializer[None]):
    n = serializers.IntegerField()
    gemiddelde_voor = serializers.CharField(allow_null=True)
    gemiddelde_na = serializers.CharField(allow_null=True)


class _KostenSerializer(serializers.Serializer[None]):
    n = serializers.IntegerField()
    verschil_totaal = serializers.CharField()
    verschil_gemiddeld = serializers.CharField(allow_null=True)
    kosten_voor = serializers.CharField()
    kosten_later = serializers.CharField()
    eenmalig = serializers.CharField()


class CijfersSerializer(serializers.Serializer[None]):
    """The aggregates (see rendement/cijfers.py); amounts as exact decimal strings. The fields
    document the shape for the schema; `to_representation` builds it."""

    aantal_casussen = serializers.IntegerField(read_only=True)
    aantal_met_analyse = serializers.IntegerField(read_only=True)
    aantal_zonder_analyse = serializers.IntegerField(read_only=True)
    welzijn = _WelzijnSerializer(many=True, read_only=True)
    welzijn_gepaard = _GepaardSerializer(read_only=True)
    kosten_na = _KostenSerializer(read_only=True)
    kosten_herhaling = _KostenSerializer(read_only=True)
    verschil_per_wet = serializers.DictField(child=serializers.CharField(), read_only=True)
    zin = serializers.CharField(read_only=True)

    def to_representation(self, c: Any) -> dict[str, Any]:
        def kosten(k: Any) -> dict[str, Any]:
            gem = k.gemiddeld
            return {
                "n": k.n,
                "verschil_totaal": exact(k.totaal),
                "verschil_gemiddeld": None if gem is None else str(gem.quantize(Decimal("0.01"))),
                "kosten_voor": exact(k.kosten_voor),
                "kosten_later": exact(k.kosten_na),
                "eenmalig": exact(k.eenmalig),
            }

        n, voor, na = c.gepaard
        return {
            "aantal_casussen": c.aantal_casussen,
            "aantal_met_analyse": c.aantal_met_analyse,
            "aantal_zonder_analyse": c.aantal_zonder_analyse,
            "welzijn": [
                {
                    "moment": w.moment,
                    "n": w.n,
                    "gemiddelde": None if w.gemiddelde is None else str(round(w.gemiddelde, 2)),
                    "verdeling": w.verdeling,
                }
                for w in c.welzijn
            ],
            "welzijn_gepaard": {
                "n": n,
                "gemiddelde_voor": None if voor is None else str(round(voor, 2)),
                "gemiddelde_na": None if na is None else str(round(na, 2)),
            },
            "kosten_na": kosten(c.kosten_na),
            "kosten_herhaling": kosten(c.kosten_herhaling),
            "verschil_per_wet": {str(w.value): exact(b) for w, b in c.per_wet.items()},
            "zin": c.zin,
        }
