from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import serializers

from samenwerk.gemeenten.models import Gebied, Organisatie, User

from .models import Betrokkene, Binnenkomst, Casus, Inwoner, Netwerklid, Route, Toestemming
from .workflow import Status


class InwonerSerializer(serializers.ModelSerializer[Inwoner]):
    class Meta:
        model = Inwoner
        fields = ["voornaam", "achternaam", "geboortedatum", "straat", "postcode", "woonplaats", "telefoon", "email"]


class BetrokkeneSerializer(serializers.ModelSerializer[Betrokkene]):
    naam = serializers.CharField(source="user.get_full_name", read_only=True)
    organisatie = serializers.CharField(source="organisatie.naam", read_only=True)

    class Meta:
        model = Betrokkene
        fields = ["id", "naam", "organisatie", "rol", "sinds"]


class NetwerklidSerializer(serializers.ModelSerializer[Netwerklid]):
    class Meta:
        model = Netwerklid
        fields = ["id", "naam", "relatie", "rol", "telefoon", "email"]


class ToestemmingSerializer(serializers.ModelSerializer[Toestemming]):
    class Meta:
        model = Toestemming
        fields = ["id", "doel", "gegeven", "geldt_voor", "wijze", "datum", "toelichting", "vastgelegd_op"]
        read_only_fields = ["vastgelegd_op"]

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if data.get("doel") == Toestemming.Doel.PLAN_DELEN and not data.get("geldt_voor"):
            raise serializers.ValidationError({"geldt_voor": "Met wie mag het plan gedeeld worden? Vul de naam in."})
        return data


class CasusLijstSerializer(serializers.ModelSerializer[Casus]):
    inwoner = serializers.SerializerMethodField()
    gebied = serializers.CharField(source="gebied.naam")
    mijn_rol = serializers.CharField()
    volgende_deadline = serializers.DateField(allow_null=True)
    over_tijd = serializers.IntegerField()

    class Meta:
        model = Casus
        fields = [
            "id",
            "nummer",
            "inwoner",
            "gebied",
            "route",
            "status",
            "mijn_rol",
            "aanmelddatum",
            "volgende_deadline",
            "over_tijd",
        ]

    def get_inwoner(self, casus: Casus) -> str | None:
        """Hidden from a procesregisseur (domain.md §1)."""
        return None if casus.mijn_rol == Betrokkene.Rol.PROCESREGISSEUR else str(casus.inwoner)


class CasusSerializer(serializers.ModelSerializer[Casus]):
    inwoner = InwonerSerializer(read_only=True)
    betrokkenen = BetrokkeneSerializer(many=True, read_only=True)

    class Meta:
        model = Casus
        fields = [
            "id",
            "nummer",
            "route",
            "status",
            "gebied",
            "binnengekomen_via",
            "aangemeld_door",
            "aanmelddatum",
            "reeds_betrokken",
            "aanleiding",
            "afsluitreden",
            "afgesloten_op",
            "inwoner",
            "betrokkenen",
        ]


class AanmeldSerializer(serializers.Serializer[None]):
    inwoner = InwonerSerializer()
    organisatie = serializers.PrimaryKeyRelatedField(queryset=Organisatie.objects.none())
    gebied = serializers.PrimaryKeyRelatedField(queryset=Gebied.objects.none())
    route = serializers.ChoiceField(choices=Route.choices, default=Route.SAMENWERKWIJZE)
    binnengekomen_via = serializers.ChoiceField(choices=Binnenkomst.choices)
    aangemeld_door = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    aanmelddatum = serializers.DateField(required=False, default=timezone.localdate)
    reeds_betrokken = serializers.CharField(required=False, allow_blank=True, default="")
    aanleiding = serializers.CharField(required=False, allow_blank=True, default="")
    casusregisseur = serializers.BooleanField(default=True)

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is None:  # schema generation
            return
        gemeenten = user.gemeenten()
        self.fields["organisatie"].queryset = Organisatie.objects.filter(  # type: ignore[attr-defined]
            roltoewijzingen__in=user.actieve_rollen().filter(rol="sociaal_professional")
        ).distinct()
        self.fields["gebied"].queryset = Gebied.objects.filter(gemeente__in=gemeenten)  # type: ignore[attr-defined]

    def validate_aanmelddatum(self, datum: Any) -> Any:
        if datum > timezone.localdate():
            raise serializers.ValidationError("De aanmelddatum ligt in de toekomst.")
        return datum


class StatusSerializer(serializers.Serializer[None]):
    naar = serializers.ChoiceField(choices=Status.choices)
    reden = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
