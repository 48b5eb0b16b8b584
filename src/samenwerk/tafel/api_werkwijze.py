"""The API of the Werkwijze Samen aan Zet, steps 3-6: the same fetch (404 for who is not on
the case), rules and services as the pages; a stale version answers 409 with the current one."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import werkwijze
from .serializers_werkwijze import (
    EcogramInvoerSerializer,
    EcogramSerializer,
    KennismakingInvoerSerializer,
    KennismakingSerializer,
    MdoProfessionalSerializer,
    VersieSerializer,
    VoorbereidingInvoerSerializer,
    VoorbereidingSerializer,
)


def _conflict(fout: werkwijze.WerkwijzeConflict) -> Response:
    return Response({"detail": str(fout), "versie": fout.huidig}, status=status.HTTP_409_CONFLICT)


class KennismakingAPI(APIView):
    """Step 3: the kennismaking and its centrale vraag (one open question)."""

    @extend_schema(responses={200: KennismakingSerializer})
    def get(self, request: Request, pk: int, aanmelding_id: int) -> Response:
        aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.kennismaking.bekeken")
        kennismaking = werkwijze.kennismaking_van(aanmelding)
        if kennismaking is None:
            return Response({"detail": "Er is nog geen kennismaking vastgelegd."}, status=status.HTTP_404_NOT_FOUND)
        return Response(KennismakingSerializer(kennismaking).data)

    @extend_schema(request=KennismakingInvoerSerializer, responses={200: KennismakingSerializer, 409: None})
    def put(self, request: Request, pk: int, aanmelding_id: int) -> Response:
        aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.kennismaking.bekeken")
        invoer = KennismakingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        versie = d.pop("versie")
        try:
            kennismaking = werkwijze.leg_kennismaking_vast(
                actor=request.user, aanmelding=aanmelding, gegevens=werkwijze.Kennismakinggegevens(**d), versie=versie
            )
        except werkwijze.WerkwijzeConflict as fout:
            return _conflict(fout)
        return Response(KennismakingSerializer(kennismaking).data)


def _ecogram_antwoord(aanmelding, code: int = 200) -> Response:  # type: ignore[no-untyped-def]
    ecogram = werkwijze.ecogram_van(aanmelding)
    return Response(EcogramSerializer({"versie": ecogram.versie, "personen": ecogram.lijst}).data, status=code)  # type: ignore[attr-defined]


class EcogramAPI(APIView):
    """Step 4: the resident's network. POST adds a person (with the version loaded)."""

    @extend_schema(responses={200: EcogramSerializer})
    def get(self, request: Request, pk: int, aanmelding_id: int) -> Response:
        aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.ecogram.bekeken")
        return _ecogram_antwoord(aanmelding)

    @extend_schema(request=EcogramInvoerSerializer, responses={201: EcogramSerializer, 409: None})
    def post(self, request: Request, pk: int, aanmelding_id: int) -> Response:
        aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.ecogram.bekeken")
        invoer = EcogramInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        versie = d.pop("versie")
        try:
            werkwijze.voeg_persoon_toe(
                actor=request.user, aanmelding=aanmelding, gegevens=werkwijze.Persoongegevens(**d), versie=versie
            )
        except werkwijze.WerkwijzeConflict as fout:
            return _conflict(fout)
        return _ecogram_antwoord(aanmelding, status.HTTP_201_CREATED)


class EcogrampersoonAPI(APIView):
    """One person of the ecogram: PUT changes, DELETE removes (both with the version loaded)."""

    @extend_schema(request=EcogramInvoerSerializer, responses={200: EcogramSerializer, 409: None})
    def put(self, request: Request, pk: int, aanmelding_id: int, persoon_id: int) -> Response:
        aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.ecogram.bekeken")
        invoer = EcogramInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        versie = d.pop("versie")
        try:
            werkwijze.wijzig_persoon(
                actor=request.user, aanmelding=aanmelding, persoon_id=persoon_id,
                gegevens=werkwijze.Persoongegevens(**d), versie=versie,
            )  # fmt: skip
        except werkwijze.WerkwijzeConflict as fout:
            return _conflict(fout)
        return _ecogram_antwoord(aanmelding)

    @extend_schema(
        parameters=[OpenApiParameter("versie", int, required=True, description="The ecogram's version loaded.")],
        responses={200: EcogramSerializer, 409: None},
    )
    def delete(self, request: Request, pk: int, aanmelding_id: int, persoon_id: int) -> Response:
        aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.ecogram.bekeken")
        invoer = VersieSerializer(data=request.query_params)
        invoer.is_valid(raise_exception=True)
        try:
            werkwijze.verwijder_persoon(
                actor=request.user, aanmelding=aanmelding, persoon_id=persoon_id, versie=invoer.validated_data["versie"]
            )
        except werkwijze.WerkwijzeConflict as fout:
            return _conflict(fout)
        return _ecogram_antwoord(aanmelding)


def _voorbereiding_antwoord(aanmelding) -> Response:  # type: ignore[no-untyped-def]
    voorbereiding = werkwijze.voorbereiding_van(aanmelding)
    data = {
        "versie": voorbereiding.versie,
        "inwoner_informeert": voorbereiding.inwoner_informeert,
        "duo_legt_uit": voorbereiding.duo_legt_uit,
        "lijst": voorbereiding.lijst,  # type: ignore[attr-defined]
        "overleggen": list(werkwijze.overleggen(aanmelding)),
    }
    return Response(VoorbereidingSerializer(data).data)


class VoorbereidingAPI(APIView):
    """Step 4 besides the ecogram: who informs whom, the professionals, the case's MDO+
    meetings and voortgangsgesprekken (with their checklist's progress)."""

    @extend_schema(responses={200: VoorbereidingSerializer})
    def get(self, request: Request, pk: int, aanmelding_id: int) -> Response:
        aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.voorbereiding.bekeken")
        return _voorbereiding_antwoord(aanmelding)

    @extend_schema(request=VoorbereidingInvoerSerializer, responses={200: VoorbereidingSerializer, 409: None})
    def put(self, request: Request, pk: int, aanmelding_id: int) -> Response:
        aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.voorbereiding.bekeken")
        invoer = VoorbereidingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            werkwijze.leg_voorbereiding_vast(actor=request.user, aanmelding=aanmelding, **invoer.validated_data)
        except werkwijze.WerkwijzeConflict as fout:
            return _conflict(fout)
        return _voorbereiding_antwoord(aanmelding)


class MdoProfessionalsAPI(APIView):
    """Add a professional involved in the case, invited to the MDO+ or not, with their role."""

    @extend_schema(request=MdoProfessionalSerializer, responses={201: MdoProfessionalSerializer})
    def post(self, request: Request, pk: int, aanmelding_id: int) -> Response:
        aanmelding = werkwijze.aanmelding_of_404(request.user, pk, aanmelding_id, gebeurtenis="tafel.voorbereiding.bekeken")
        invoer = MdoProfessionalSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = {"uitgenodigd": False, **invoer.validated_data}  # not invited unless the client says so
        professional = werkwijze.voeg_professional_toe(actor=request.user, aanmelding=aanmelding, **gegevens)
        return Response(MdoProfessionalSerializer(professional).data, status=status.HTTP_201_CREATED)
