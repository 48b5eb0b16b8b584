from rest_framework import serializers

from .models import Gebied, Organisatie, Roltoewijzing, User


class GebiedSerializer(serializers.ModelSerializer[Gebied]):
    class Meta:
        model = Gebied
        fields = ["id", "naam"]


class OrganisatieSerializer(serializers.ModelSerializer[Organisatie]):
    gebieden = GebiedSerializer(many=True, read_only=True)

    class Meta:
        model = Organisatie
        fields = ["id", "naam", "soort", "relatie", "expertise", "email", "telefoon", "gebieden"]


class RolSerializer(serializers.ModelSerializer[Roltoewijzing]):
    gemeente = serializers.StringRelatedField()
    # A role in a whole municipality has no area, a municipal role no organisation: null.
    gebied = serializers.StringRelatedField(allow_null=True)
    organisatie = serializers.StringRelatedField(allow_null=True)

    class Meta:
        model = Roltoewijzing
        fields = ["rol", "gemeente", "gebied", "organisatie", "geldig_vanaf", "geldig_tot"]


class MijSerializer(serializers.ModelSerializer[User]):
    rollen = RolSerializer(source="actieve_rollen", many=True, read_only=True)

    class Meta:
        model = User
        fields = ["id", "email", "first_name", "last_name", "rollen"]
