"""The meeting API on the same services as the pages: meetings per case, participants, the
resident's agreement and the invitations, the invitee's answers (by signed link, no account)
and the event as ICS."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.casussen.models import Casus
from samenwerk.casussen.rules import mag_beheren, ziet_persoonsgegevens
from samenwerk.casussen.selectors import casus_of_404
from samenwerk.casussen.services import log_casus
from samenwerk.privacy.models import Actie

from . import antwoorden, ics, services
from .berichten import absolute
from .models import Overleg
from .serializers import AkkoordSerializer, AntwoordSerializer, DeelnemerSerializer, DoorsturenSerializer, OverlegSerializer
from .views_extern import _geldige


def _casus(request: Request, pk: int, *, sturen: bool = False) -> Casus:
    casus = casus_of_404(request.user, pk, gebeurtenis="overleg.bekeken")
    if not ziet_persoonsgegevens(request.user, casus):
        raise PermissionDenied("U ziet de samenwerking in deze casus, niet het overleg.")
    if sturen and not mag_beheren(request.user, casus):
        raise PermissionDenied("Alleen de casusregisseur kan dit doen.")
    return casus


def _overleg(request: Request, overleg_id: int, *, sturen: bool = False) -> Overleg:
    casus_id = get_object_or_404(Overleg.objects.values_list("casus_id", flat=True), pk=overleg_id)
    casus = _casus(request, casus_id, sturen=sturen)
    overleg = Overleg.objects.select_related("organisator").prefetch_related("deelnemers", "agenda").get(pk=overleg_id)
    overleg.casus = casus
    return overleg


def _lees(request: Request, overleg: Overleg, gebeurtenis: str = "overleg.bekeken") -> None:
    log_casus(
        actor=request.user,
        casus=overleg.casus,
        actie=Actie.READ,
        gebeurtenis=gebeurtenis,
        segment="overleg",
        object_type="overleg",
        object_id=overleg.pk,
    )


def _gegevens(data: dict, basis: Overleg | None = None) -> services.OverlegGegevens:
    def waarde(veld: str, standaard: object = "") -> object:
        return data.get(veld, getattr(basis, veld) if basis else standaard)

    return services.OverlegGegevens(
        vorm=waarde("vorm", Overleg.Vorm.SAMENWERKWIJZE),
        soort=waarde("soort", Overleg.Soort.EERSTE),
        doel=waarde("doel"),
        begint=waarde("begint"),
        eindigt=waarde("eindigt"),
        voorzitter=data.get("voorzitter", basis.keuze("voorzitter") if basis else None),
        notulist=data.get("notulist", basis.keuze("notulist") if basis else None),
        bij_inwoner_thuis=waarde("bij_inwoner_thuis", True),
        locatie=waarde("locatie"),
        locatie_reden=waarde("locatie_reden"),
        antwoord_voor=waarde("antwoord_voor", None),
    )


class OverleggenAPI(APIView):
    @extend_schema(responses=OverlegSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        casus = _casus(request, pk)
        log_casus(actor=request.user, casus=casus, actie=Actie.READ, gebeurtenis="overleg.lijst", segment="overleg")
        overleggen = casus.overleggen.prefetch_related("deelnemers", "agenda").order_by("-begint")
        return Response(OverlegSerializer(overleggen, many=True).data)

    @extend_schema(request=OverlegSerializer, responses={201: OverlegSerializer})
    def post(self, request: Request, pk: int) -> Response:
        casus = _casus(request, pk, sturen=True)
        invoer = OverlegSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        overleg = services.plan_overleg(actor=request.user, casus=casus, gegevens=_gegevens(invoer.validated_data))
        return Response(OverlegSerializer(overleg).data, status=status.HTTP_201_CREATED)


class OverlegAPI(APIView):
    @extend_schema(responses=OverlegSerializer)
    def get(self, request: Request, overleg_id: int) -> Response:
        overleg = _overleg(request, overleg_id)
        _lees(request, overleg)
        return Response(OverlegSerializer(overleg).data)

    @extend_schema(
        request=OverlegSerializer,
        responses={200: OverlegSerializer, 409: None},
        description="Een gepland overleg wijzigen: alleen de meegestuurde velden veranderen; `versie` is verplicht. "
        "Een nieuwe tijd, plaats of doel verhoogt `volgnummer` (SEQUENCE) en wie al is uitgenodigd krijgt een "
        "bijgewerkte uitnodiging. `vorm` en `soort` liggen vast (400 als ze anders zijn). Verandert er niets, dan "
        "400 met `non_field_errors`: geen nieuwe versie, geen e-mail.",
    )
    def patch(self, request: Request, overleg_id: int) -> Response:
        overleg = _overleg(request, overleg_id, sturen=True)
        invoer = OverlegSerializer(overleg, data=request.data, partial=True)
        invoer.is_valid(raise_exception=True)
        if "versie" not in request.data:
            return Response({"versie": ["Geef de versie mee waarvan u uitging."]}, status=status.HTTP_400_BAD_REQUEST)
        try:
            gewijzigd = services.wijzig_overleg(
                actor=request.user, overleg=overleg, gegevens=_gegevens(invoer.validated_data, overleg),
                versie=invoer.validated_data["versie"],
            )  # fmt: skip
        except services.OverlegConflict as conflict:
            body = {"detail": "Het overleg is intussen door iemand anders gewijzigd.", "versie": conflict.overleg.versie}
            return Response(body, status=status.HTTP_409_CONFLICT)
        return Response(OverlegSerializer(gewijzigd).data)


class DeelnemersAPI(APIView):
    @extend_schema(request=DeelnemerSerializer, responses={201: DeelnemerSerializer})
    def post(self, request: Request, overleg_id: int) -> Response:
        overleg = _overleg(request, overleg_id, sturen=True)
        invoer = DeelnemerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        genodigde = services.Genodigde(
            soort=d["soort"], naam=d["naam"], email=d["email"], organisatie=d.get("organisatie", ""), reden=d["reden"],
            reden_toelichting=d.get("reden_toelichting", ""), plan_delen=d.get("plan_delen"),
        )  # fmt: skip
        deelnemer = services.voeg_deelnemer_toe(actor=request.user, overleg=overleg, genodigde=genodigde)
        return Response(DeelnemerSerializer(deelnemer).data, status=status.HTTP_201_CREATED)


class AkkoordAPI(APIView):
    @extend_schema(request=AkkoordSerializer, responses=OverlegSerializer)
    def post(self, request: Request, overleg_id: int) -> Response:
        overleg = _overleg(request, overleg_id, sturen=True)
        invoer = AkkoordSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.leg_lijst_akkoord_vast(actor=request.user, overleg=overleg, **invoer.validated_data)
        return Response(OverlegSerializer(_overleg(request, overleg_id)).data)


class UitnodigenAPI(APIView):
    @extend_schema(request=None, responses=DeelnemerSerializer(many=True))
    def post(self, request: Request, overleg_id: int) -> Response:
        overleg = _overleg(request, overleg_id, sturen=True)
        return Response(DeelnemerSerializer(services.nodig_uit(actor=request.user, overleg=overleg), many=True).data)


class OverlegIcsAPI(APIView):
    @extend_schema(responses={(200, "text/calendar"): OpenApiResponse(response=OpenApiTypes.STR, description="RFC 5545")})
    def get(self, request: Request, overleg_id: int) -> HttpResponse:
        overleg = _overleg(request, overleg_id)
        _lees(request, overleg, "overleg.ics")
        link = absolute(f"/casussen/{overleg.casus_id}/overleg/{overleg.pk}/")
        return HttpResponse(ics.feed([overleg], lambda _o: link), content_type="text/calendar; charset=utf-8")


class AntwoordAPI(APIView):
    """The invitee answers with the token from their link; no account."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=AntwoordSerializer, responses=DeelnemerSerializer)
    def post(self, request: Request, token: str) -> Response:
        deelnemer = _geldige(token)
        invoer = AntwoordSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        return Response(DeelnemerSerializer(antwoorden.beantwoord(deelnemer=deelnemer, **invoer.validated_data)).data)


class DoorsturenAPI(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=DoorsturenSerializer, responses={201: DeelnemerSerializer})
    def post(self, request: Request, token: str) -> Response:
        deelnemer = _geldige(token)
        invoer = DoorsturenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        nieuw = antwoorden.stuur_door(deelnemer=deelnemer, **invoer.validated_data)
        return Response(DeelnemerSerializer(nieuw).data, status=status.HTTP_201_CREATED)
