"""The chair's view through the API, besides triage, afspraken and the evaluations (api.py):
the clock's recorded time of a block (overlapping times answer 400 with the Dutch message)
and a member's personal reflection at check-out (the first of the three evaluations)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.ui.ids import kan_bestaan

from . import rules, selectors, services
from .models import Tafellid


class BloktijdSerializer(serializers.Serializer):  # type: ignore[type-arg]
    gestart_op = serializers.DateTimeField()
    gestopt_op = serializers.DateTimeField(required=False, allow_null=True, default=None)


class ReflectieInvoerSerializer(serializers.Serializer):  # type: ignore[type-arg]
    lid = serializers.IntegerField(help_text="A current member of this table (Tafellid id).")
    tekst = serializers.CharField(max_length=1000, allow_blank=True)


class ReflectieSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField()
    lid = serializers.IntegerField(source="lid_id")
    tekst = serializers.CharField()


def _bijeenkomst_voor_leiding(request: Request, pk: int, bijeenkomst_id: int):  # type: ignore[no-untyped-def]
    tafel = selectors.tafel_of_404(request.user, pk)
    if not rules.leidt(request.user, tafel):
        raise PermissionDenied("Alleen de voorzitter of de secretaris legt vast wat er aan tafel gebeurt.")
    return selectors.bijeenkomst_of_404(request.user, tafel, bijeenkomst_id)


class BloktijdAPI(APIView):
    """When a block of the agenda really ran; times that overlap another block are refused."""

    @extend_schema(request=BloktijdSerializer, responses={200: BloktijdSerializer})
    def put(self, request: Request, pk: int, bijeenkomst_id: int, blok_id: int) -> Response:
        bijeenkomst = _bijeenkomst_voor_leiding(request, pk, bijeenkomst_id)
        blok = (
            bijeenkomst.blokken.filter(pk=blok_id).select_related("bijeenkomst__tafel").first() if kan_bestaan(blok_id) else None
        )
        if blok is None:
            return Response({"detail": "Dit blok hoort niet bij deze bijeenkomst."}, status=status.HTTP_404_NOT_FOUND)
        invoer = BloktijdSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.leg_bloktijd_vast(actor=request.user, blok=blok, **invoer.validated_data)
        return Response(BloktijdSerializer(invoer.validated_data).data)


class ReflectieAPI(APIView):
    """A member's personal reflection at check-out (one per member per meeting; again replaces it)."""

    @extend_schema(request=ReflectieInvoerSerializer, responses={201: ReflectieSerializer})
    def post(self, request: Request, pk: int, bijeenkomst_id: int) -> Response:
        bijeenkomst = _bijeenkomst_voor_leiding(request, pk, bijeenkomst_id)
        invoer = ReflectieInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        lid = Tafellid.objects.filter(pk=invoer.validated_data["lid"], tafel_id=bijeenkomst.tafel_id).first()
        reflectie = services.leg_reflectie_vast(
            actor=request.user, bijeenkomst=bijeenkomst, lid=lid, tekst=invoer.validated_data["tekst"]
        )
        return Response(ReflectieSerializer(reflectie).data, status=status.HTTP_201_CREATED)
