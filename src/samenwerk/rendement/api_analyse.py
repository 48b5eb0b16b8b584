"""The micro-analysis in the API (/api/v1/casussen/<pk>/rendement/...), through the same
services as the pages: 400 with Dutch field errors, 409 when the version is stale. And the
aggregates of a municipality for the roles that see figures."""

from __future__ import annotations

import re
from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.casussen.models import Casus
from samenwerk.casussen.rules import eis_vastleggen, ziet_persoonsgegevens
from samenwerk.casussen.selectors import casus_of_404
from samenwerk.casussen.services import log_casus
from samenwerk.gemeenten.models import Gemeente, Roltoewijzing
from samenwerk.privacy.models import Actie

from . import cijfers as aggregaten
from . import selectors_analyse as selectors
from . import services_analyse as services
from .api import als_api_fout
from .forms_analyse import CijfersFilter
from .models import Microanalyse
from .rules import CIJFERS_LEZERS
from .serializers_analyse import AnalyseSerializer, CijfersSerializer, KostenpostSerializer


def _casus(request: Request, pk: int, *, wijzigen: bool = False) -> Casus:
    casus = casus_of_404(request.user, pk, gebeurtenis="rendement.bekeken")
    if not ziet_persoonsgegevens(request.user, casus):
        raise PermissionDenied("U ziet de samenwerking in deze casus, niet de micro-analyse.")
    if wijzigen:
        eis_vastleggen(request.user, casus)
    return casus


def _analyse(casus: Casus) -> Microanalyse:
    analyse = selectors.analyse_van(casus)
    if analyse is None:
        raise NotFound("Deze casus heeft nog geen micro-analyse.")
    return analyse


def _data(casus: Casus) -> dict[str, Any]:
    return AnalyseSerializer(_analyse(casus)).data  # type: ignore[return-value]


def _conflict(fout: services.AnalyseConflict) -> Response:
    body = {"detail": "De analyse is intussen door iemand anders gewijzigd.", "versie": fout.analyse.versie, "door": fout.door}
    return Response(body, status=status.HTTP_409_CONFLICT)


def _regel_gegevens(data: dict[str, Any], basis: services.RegelGegevens | None = None) -> services.RegelGegevens:
    waarden = {k: v for k, v in data.items() if k != "versie"}
    if basis is None:
        return services.RegelGegevens(**{k: v for k, v in waarden.items() if v is not None or k in ("prijsitem", "prijs")})
    return services.RegelGegevens(**(basis.__dict__ | waarden))


class AnalyseAPI(APIView):
    @extend_schema(responses=AnalyseSerializer)
    def get(self, request: Request, pk: int) -> Response:
        casus = _casus(request, pk)
        analyse = _analyse(casus)
        selectors.log_lezen(request.user, casus, analyse, Actie.READ, "rendement.bekeken")
        return Response(AnalyseSerializer(analyse).data)

    @extend_schema(request=None, responses={201: AnalyseSerializer})
    def post(self, request: Request, pk: int) -> Response:
        """Start the analysis of the case (prefilled from the plan)."""
        casus = _casus(request, pk, wijzigen=True)
        with als_api_fout():
            services.maak_analyse(actor=request.user, casus=casus)
        return Response(_data(casus), status=status.HTTP_201_CREATED)

    @extend_schema(request=AnalyseSerializer, responses={200: AnalyseSerializer, 409: None})
    def put(self, request: Request, pk: int) -> Response:
        return self._wijzig(request, pk, partial=False)

    @extend_schema(request=AnalyseSerializer, responses={200: AnalyseSerializer, 409: None})
    def patch(self, request: Request, pk: int) -> Response:
        return self._wijzig(request, pk, partial=True)

    def _wijzig(self, request: Request, pk: int, *, partial: bool) -> Response:
        casus = _casus(request, pk, wijzigen=True)
        analyse = _analyse(casus)
        invoer = AnalyseSerializer(analyse, data=request.data, partial=partial)
        invoer.is_valid(raise_exception=True)
        if "versie" not in invoer.validated_data:
            raise ValidationError({"versie": ["Geef de versie waarop u voortbouwt."]})
        data = invoer.validated_data
        gegevens = services.AnalyseGegevens(**{v: data.get(v, getattr(analyse, v)) for v in services.ANALYSEVELDEN})
        try:
            with als_api_fout():
                services.wijzig_analyse(actor=request.user, analyse=analyse, gegevens=gegevens, versie=data["versie"])
        except services.AnalyseConflict as fout:
            return _conflict(fout)
        return Response(_data(casus))


class RegelsAPI(APIView):
    @extend_schema(responses=KostenpostSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        casus = _casus(request, pk)
        analyse = _analyse(casus)
        selectors.log_lezen(request.user, casus, analyse, Actie.READ, "rendement.bekeken")
        return Response(KostenpostSerializer(analyse.regels.all(), many=True).data)

    @extend_schema(request=KostenpostSerializer, responses={201: KostenpostSerializer, 409: None})
    def post(self, request: Request, pk: int) -> Response:
        casus = _casus(request, pk, wijzigen=True)
        analyse = _analyse(casus)
        invoer = KostenpostSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            with als_api_fout():
                regel = services.voeg_regel_toe(
                    actor=request.user,
                    analyse=analyse,
                    gegevens=_regel_gegevens(invoer.validated_data),
                    versie=invoer.validated_data["versie"],
                )
        except services.AnalyseConflict as fout:
            return _conflict(fout)
        return Response(KostenpostSerializer(regel).data, status=status.HTTP_201_CREATED)


class RegelAPI(APIView):
    @extend_schema(responses=KostenpostSerializer)
    def get(self, request: Request, pk: int, regel_id: int) -> Response:
        casus = _casus(request, pk)
        regel = selectors.regel_of_404(_analyse(casus), regel_id)
        log_casus(
            actor=request.user,
            casus=casus,
            actie=Actie.READ,
            gebeurtenis="rendement.bekeken",
            segment="rendement",
            object_type="microanalyse",
            object_id=regel.analyse_id,
        )
        return Response(KostenpostSerializer(regel).data)

    @extend_schema(request=KostenpostSerializer, responses={200: KostenpostSerializer, 409: None})
    def put(self, request: Request, pk: int, regel_id: int) -> Response:
        return self._wijzig(request, pk, regel_id, partial=False)

    @extend_schema(request=KostenpostSerializer, responses={200: KostenpostSerializer, 409: None})
    def patch(self, request: Request, pk: int, regel_id: int) -> Response:
        return self._wijzig(request, pk, regel_id, partial=True)

    def _wijzig(self, request: Request, pk: int, regel_id: int, *, partial: bool) -> Response:
        casus = _casus(request, pk, wijzigen=True)
        regel = selectors.regel_of_404(_analyse(casus), regel_id)
        invoer = KostenpostSerializer(regel, data=request.data, partial=partial)
        invoer.is_valid(raise_exception=True)
        if "versie" not in invoer.validated_data:
            raise ValidationError({"versie": ["Geef de versie waarop u voortbouwt."]})
        basis = services.RegelGegevens(
            blok=regel.blok,
            omschrijving=regel.omschrijving,
            prijsitem=regel.prijsitem,
            prijs=regel.prijs,
            eenheid=regel.eenheid,
            wet=regel.wet,
            aantal=regel.aantal,
            frequentie=regel.frequentie,
            periode=regel.periode,
            toelichting=regel.toelichting,
        )
        try:
            with als_api_fout():
                regel = services.wijzig_regel(
                    actor=request.user,
                    regel=regel,
                    gegevens=_regel_gegevens(invoer.validated_data, basis),
                    versie=invoer.validated_data["versie"],
                )
        except services.AnalyseConflict as fout:
            return _conflict(fout)
        return Response(KostenpostSerializer(regel).data)

    @extend_schema(parameters=[OpenApiParameter("versie", int, required=True)], responses={204: None, 409: None})
    def delete(self, request: Request, pk: int, regel_id: int) -> Response:
        casus = _casus(request, pk, wijzigen=True)
        regel = selectors.regel_of_404(_analyse(casus), regel_id)
        versie = request.query_params.get("versie", "")
        if not re.fullmatch(r"[0-9]+", versie):  # not isdigit(): "²" is a digit that int() refuses
            raise ValidationError({"versie": ["Geef de versie waarop u voortbouwt (?versie=)."]})
        try:
            services.verwijder_regel(actor=request.user, regel=regel, versie=int(versie))
        except services.AnalyseConflict as fout:
            return _conflict(fout)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(
    parameters=[
        OpenApiParameter("gebied", int),
        OpenApiParameter("organisatie", int),
        OpenApiParameter("van", str, description="JJJJ-MM-DD: aangemeld vanaf"),
        OpenApiParameter("tot", str, description="JJJJ-MM-DD: aangemeld tot en met"),
        OpenApiParameter("route", str),
    ],
    responses=CijfersSerializer,
)
class CijfersAPI(APIView):
    """The aggregates of social return of one municipality: figures only, no names."""

    def get(self, request: Request, gemeente: str) -> Response:
        gemeenten = Gemeente.objects.filter(
            pk__in=Roltoewijzing.objects.actief().filter(user=request.user, rol__in=CIJFERS_LEZERS).values("gemeente_id")
        )
        gevonden = get_object_or_404(gemeenten, slug=gemeente)
        form = CijfersFilter(request.query_params, gemeente=gevonden)
        if not form.is_valid():
            raise ValidationError({veld: list(fouten) for veld, fouten in form.errors.items()})
        data = form.cleaned_data
        filter_ = aggregaten.Filter(
            gebied=data.get("gebied"),
            van=data.get("van"),
            tot=data.get("tot"),
            organisatie=data.get("organisatie"),
            route=data.get("route", ""),
        )
        return Response(CijfersSerializer(aggregaten.cijfers(gevonden, filter_)).data)
