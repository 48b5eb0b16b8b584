"""The regie API: AVE level history and changes, external care signals. Same selectors, rules
and services as the pages."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from samenwerk.casussen.selectors import casus_of_404
from samenwerk.casussen.services import log_casus
from samenwerk.privacy.models import Actie

from . import rules, selectors, services
from .models import Niveauwijziging, Zorgsignaal
from .serializers import NiveauInvoerSerializer, NiveauwijzigingSerializer, ZorgsignaalSerializer


class AveAPI(generics.ListAPIView[Niveauwijziging]):
    """The case's AVE history, newest first (the first row is the level now); POST changes it."""

    serializer_class = NiveauwijzigingSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        casus = casus_of_404(self.request.user, self.kwargs["pk"])
        log_casus(actor=self.request.user, casus=casus, actie=Actie.READ, gebeurtenis="ave.bekeken", segment="regie")
        return selectors.geschiedenis(casus)

    @extend_schema(request=NiveauInvoerSerializer, responses={201: NiveauwijzigingSerializer, 409: None})
    def post(self, request: Request, pk: int) -> Response:
        casus = casus_of_404(request.user, pk)
        if not rules.mag_niveau_wijzigen(request.user, casus):
            raise PermissionDenied("Alleen de casusregisseur of de procesregisseur kan het AVE-niveau wijzigen.")
        invoer = NiveauInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        try:
            wijziging = services.wijzig_niveau(
                actor=request.user,
                casus=casus,
                naar=int(data["naar"]),
                reden=data["reden"],
                datum=data["datum"],
                verwacht=data["huidig_niveau"],
            )
        except services.NiveauConflict as conflict:
            huidig = conflict.huidig.naar if conflict.huidig else None
            return Response({"detail": str(conflict), "huidig_niveau": huidig}, status=status.HTTP_409_CONFLICT)
        return Response(NiveauwijzigingSerializer(wijziging).data, status=status.HTTP_201_CREATED)


class ZorgsignalenAPI(generics.ListAPIView[Zorgsignaal]):
    """External care signals of the case. The procesregisseur gets source and date only."""

    serializer_class = ZorgsignaalSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        casus = casus_of_404(self.request.user, self.kwargs["pk"])
        self.tekst = rules.ziet_signaaltekst(self.request.user, casus)
        segment = "zorgsignaal" if self.tekst else "regie"
        log_casus(actor=self.request.user, casus=casus, actie=Actie.READ, gebeurtenis="zorgsignalen.bekeken", segment=segment)
        return selectors.zorgsignalen(casus)

    def list(self, request: Request, *args: object, **kwargs: object) -> Response:
        response = super().list(request, *args, **kwargs)
        if not self.tekst:
            for rij in response.data["results"]:
                rij["tekst"] = rij["afzender"] = None
        return response

    @extend_schema(request=ZorgsignaalSerializer, responses={201: ZorgsignaalSerializer})
    def post(self, request: Request, pk: int) -> Response:
        casus = casus_of_404(request.user, pk)
        if not rules.mag_signaal_vastleggen(request.user, casus):
            raise PermissionDenied("Alleen deelnemers aan de casus kunnen een zorgsignaal vastleggen.")
        invoer = ZorgsignaalSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        signaal = services.leg_signaal_vast(actor=request.user, casus=casus, **invoer.validated_data)
        return Response(ZorgsignaalSerializer(signaal).data, status=status.HTTP_201_CREATED)
