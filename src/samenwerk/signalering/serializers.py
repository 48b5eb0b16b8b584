from __future__ import annotations

from rest_framework import serializers

from .models import Signalering
from .regels import label_van
from .templatetags.signalering import signaallink


class SignaleringSerializer(serializers.ModelSerializer[Signalering]):
    soort_label = serializers.SerializerMethodField()
    casus_nummer = serializers.CharField(source="casus.nummer", read_only=True, allow_null=True, default=None)
    link = serializers.SerializerMethodField(
        help_text="De pagina van de casus, of van het onderwerp van een signalering zonder casus."
    )

    class Meta:
        model = Signalering
        fields = [
            "id", "soort", "soort_label", "casus", "casus_nummer", "link", "onderwerp_type", "onderwerp_id", "vervaldatum",
            "tekst", "status", "geopend_op", "uitgesteld_tot", "afgehandeld_op", "notitie",
        ]  # fmt: skip
        read_only_fields = fields

    def get_soort_label(self, obj: Signalering) -> str:
        return label_van(obj.soort)

    def get_link(self, obj: Signalering) -> str:
        return signaallink(obj)


class AfhandelSerializer(serializers.Serializer[None]):
    notitie = serializers.CharField(max_length=2000)


class UitstelSerializer(serializers.Serializer[None]):
    tot = serializers.DateField()
