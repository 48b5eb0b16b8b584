"""The API of cases at learning tables and the evaluatietafel: the same selectors, rules and
services as the pages (4xx with field errors, 409 on a stale version)."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.casussen.selectors import casus_of_404
from samenwerk.gemeenten.models import User

from ..models import Casusinbreng, Evaluatietafel, Leertafel
from . import evaluatie as diensten
from . import rules, selectors, services
from .serializers import (
    CasusinbrengSerializer,
    CelInvoerSerializer,
    EvaluatiecelSerializer,
    EvaluatietafelSerializer,
    InbrengInvoerSerializer,
    OnherkenbaarSerializer,
    RollenInvoerSerializer,
    VersieSerializer,
)


class InbrengenAPI(generics.ListAPIView[Casusinbreng]):
    """Your own contributions and the shared copies at your tables. POST brings a case in:
    the text is de-identified by the task worker (status `wacht`, then `te_beoordelen`)."""

    serializer_class = CasusinbrengSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return selectors.inbrengen_voor(self.request.user)

    @extend_schema(request=InbrengInvoerSerializer, responses={201: CasusinbrengSerializer})
    def post(self, request: Request) -> Response:
        invoer = InbrengInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            casus = casus_of_404(request.user, invoer.validated_data["casus"], gebeurtenis="leren.inbreng.casus")
        except Http404:  # a case in the body one cannot open is bad input (the same answer for every such case)
            raise ApiValidationError({"casus": ["Die casus kunt u niet inbrengen."]}) from None
        tafel = services.tafels_voor_inbreng(casus).filter(pk=invoer.validated_data["tafel"]).first()
        if tafel is None:
            raise ApiValidationError({"tafel": ["Kies een casustafel of evaluatietafel van een komende leersessie."]})
        inbreng = services.breng_in(actor=request.user, casus=casus, tafel=tafel, tekst=invoer.validated_data["tekst"])
        return Response(CasusinbrengSerializer(inbreng, context={"request": request}).data, status=status.HTTP_201_CREATED)


class InbrengAPI(APIView):
    @extend_schema(responses={200: CasusinbrengSerializer})
    def get(self, request: Request, pk: int) -> Response:
        inbreng = selectors.inbreng_of_404(request.user, pk)
        if inbreng.status != Casusinbreng.Status.WACHT:
            services.log_gelezen(actor=request.user, inbreng=inbreng)
        return Response(CasusinbrengSerializer(inbreng, context={"request": request}).data)


def _eigen(request: Request, pk: int) -> Casusinbreng:
    inbreng = selectors.inbreng_of_404(request.user, pk)
    if not rules.is_inbrenger(request.user, inbreng):
        raise PermissionDenied("Alleen wie de casus inbracht, beoordeelt en deelt de tekst zonder namen.")
    return inbreng


def _conflict(conflict: services.Versieconflict) -> Response:
    return Response({"detail": str(conflict), "versie": conflict.huidig}, status=status.HTTP_409_CONFLICT)


class OnherkenbaarAPI(APIView):
    @extend_schema(request=OnherkenbaarSerializer, responses={200: CasusinbrengSerializer, 409: None})
    def post(self, request: Request, pk: int) -> Response:
        inbreng = _eigen(request, pk)
        invoer = OnherkenbaarSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            inbreng = services.maak_onherkenbaar(actor=request.user, inbreng=inbreng, **invoer.validated_data)
        except services.Versieconflict as conflict:
            return _conflict(conflict)
        return Response(CasusinbrengSerializer(inbreng, context={"request": request}).data)


class DelenAPI(APIView):
    @extend_schema(request=VersieSerializer, responses={200: CasusinbrengSerializer, 409: None})
    def post(self, request: Request, pk: int) -> Response:
        inbreng = _eigen(request, pk)
        invoer = VersieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            inbreng = services.deel(actor=request.user, inbreng=inbreng, versie=invoer.validated_data["versie"])
        except services.Versieconflict as conflict:
            return _conflict(conflict)
        return Response(CasusinbrengSerializer(inbreng, context={"request": request}).data)


def _tafel(request: Request, pk: int) -> tuple[Leertafel, Evaluatietafel | None]:
    tafel = selectors.leertafel_of_404(request.user, pk)
    if tafel.soort != Leertafel.Soort.EVALUATIE:
        raise ApiValidationError({"tafel": ["Dit is geen evaluatietafel."]})
    evaluatie = diensten.evaluatie_van(tafel)
    if not rules.mag_evaluatie_zien(request.user, tafel, evaluatie):
        raise PermissionDenied("Alleen wie aan deze tafel zit, ziet het schema.")
    return tafel, evaluatie


class EvaluatieAPI(APIView):
    """The evaluatietafel of a table: roles, attendees and every filled cell."""

    @extend_schema(responses={200: EvaluatietafelSerializer})
    def get(self, request: Request, pk: int) -> Response:
        tafel, evaluatie = _tafel(request, pk)
        if evaluatie is None:
            return Response({"tafel": tafel.pk, "cellen": [], "aanwezigen": []})
        diensten.log_gelezen(actor=request.user, tafel=tafel, evaluatie=evaluatie)
        evaluatie = Evaluatietafel.objects.prefetch_related("cellen", "aanwezigen").get(pk=evaluatie.pk)
        return Response(EvaluatietafelSerializer(evaluatie).data)

    @extend_schema(request=RollenInvoerSerializer, responses={200: EvaluatietafelSerializer})
    def put(self, request: Request, pk: int) -> Response:
        tafel, _evaluatie = _tafel(request, pk)
        if not rules.mag_rollen_kiezen(request.user, tafel):
            raise PermissionDenied("Alleen de gespreksleider en de gebiedsaanjager kiezen de rollen.")
        invoer = RollenInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        mensen = selectors.kandidaten(tafel)
        ids = {data.get(k) for k in ("gespreksleider", "notulist", "tijdbewaker")} | set(data.get("aanwezigen", []))
        gevonden = {u.pk: u for u in mensen.filter(pk__in=[i for i in ids if i])}
        if {i for i in ids if i} - set(gevonden):
            raise ApiValidationError({"aanwezigen": ["Kies mensen die voor deze leersessie aangemeld zijn."]})
        inbreng = None
        if data.get("inbreng"):
            inbreng = selectors.gedeelde_inbrengen(tafel).filter(pk=data["inbreng"]).first()
            if inbreng is None:
                raise ApiValidationError({"inbreng": ["Kies een casus die zonder namen met deze tafel gedeeld is."]})
        kies: dict[str, User | None] = {k: gevonden.get(data.get(k)) for k in ("gespreksleider", "notulist", "tijdbewaker")}  # type: ignore[arg-type]
        evaluatie = diensten.kies_rollen(
            actor=request.user, tafel=tafel, aanwezigen=[gevonden[i] for i in data.get("aanwezigen", [])],
            inbreng=inbreng, algemeen=data["algemeen"], **kies,
        )  # fmt: skip
        return Response(EvaluatietafelSerializer(evaluatie).data)


class EvaluatiecelAPI(APIView):
    @extend_schema(request=CelInvoerSerializer, responses={200: EvaluatiecelSerializer, 409: EvaluatiecelSerializer})
    def put(self, request: Request, pk: int) -> Response:
        tafel, evaluatie = _tafel(request, pk)
        if not rules.mag_notuleren(request.user, evaluatie, tafel):
            raise PermissionDenied("Alleen de notulist vult het schema in.")
        invoer = CelInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            cel = diensten.sla_cel_op(actor=request.user, tafel=tafel, wijziging=diensten.Celwijziging(**invoer.validated_data))
        except diensten.Celconflict as conflict:
            return Response(
                {"detail": str(conflict), **EvaluatiecelSerializer(conflict.cel).data}, status=status.HTTP_409_CONFLICT
            )
        return Response(EvaluatiecelSerializer(cel).data)
