"""The upper steps' API: the same selectors, rules and services as the pages. A service's
Dutch ValidationError answers 400 with field errors; a stale version 409."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.gemeenten.models import Gebied, Gemeente, User

from ..models import Actieleren, Dilemma, Leerdocument, Trapdeelnemer, Trapoverleg
from . import documenten, rules, selectors, services
from .serializers import (
    BehandelInvoerSerializer,
    BewerkInvoerSerializer,
    DilemmaDetailSerializer,
    DilemmaInvoerSerializer,
    DilemmaSerializer,
    DocumentDetailSerializer,
    DocumentInvoerSerializer,
    DocumentSerializer,
    EscaleerInvoerSerializer,
    NiveaucijfersSerializer,
    OplossingInvoerSerializer,
    TrapAanwezigheidSerializer,
    TrapActieInvoerSerializer,
    TrapActieSerializer,
    TrapAgendapuntInvoerSerializer,
    TrapAgendapuntSerializer,
    TrapBesluitInvoerSerializer,
    TrapBesluitSerializer,
    TrapOverlegDetailSerializer,
    TrapOverlegInvoerSerializer,
    TrapOverlegSerializer,
)

GEMEENTE = OpenApiParameter("gemeente", int, description="Alleen deze gemeente (id)")


def _gemeente(request: Request, gemeente_id: int | None) -> Gemeente:
    gemeente = request.user.gemeenten().filter(pk=gemeente_id).first() if gemeente_id else None  # type: ignore[union-attr]
    if gemeente is None:
        raise ApiValidationError({"gemeente": ["Kies een gemeente waar u een rol hebt."]})
    return gemeente


def _gemeenten(request: Request) -> QuerySet[Gemeente]:
    qs = request.user.gemeenten()  # type: ignore[union-attr]
    gekozen = request.query_params.get("gemeente", "")
    return qs.filter(pk=gekozen) if gekozen.isdigit() else qs


def _mensen(gemeente: Gemeente, ids: list[int], veld: str) -> list[User]:
    mensen = list(User.objects.filter(pk__in=ids))
    if len(mensen) != len(set(ids)) or any(not rules.heeft_rol(u, gemeente) for u in mensen):
        raise ApiValidationError({veld: ["Kies mensen met een rol in deze gemeente."]})
    return mensen


def _een(model, gemeente_id: int, pk: int | None, veld: str):  # type: ignore[no-untyped-def]
    if pk is None:
        return None
    filters = {"tafel__sessie__gemeente_id": gemeente_id} if model is Actieleren else {"gemeente_id": gemeente_id}
    obj = model.objects.filter(pk=pk, **filters).first()
    if obj is None:
        raise ApiValidationError({veld: ["Niet gevonden in deze gemeente."]})
    return obj


# --- Overleggen --------------------------------------------------------------------------


class OverleggenAPI(generics.ListAPIView[Trapoverleg]):
    serializer_class = TrapOverlegSerializer

    @extend_schema(parameters=[GEMEENTE])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Trapoverleg]:
        user = self.request.user
        zichtbaar = Q(pk__in=Trapdeelnemer.objects.filter(user=user).values("overleg_id"))
        for gemeente in _gemeenten(self.request):
            zichtbaar |= Q(gemeente=gemeente, soort__in=rules.zichtbare_soorten(user, gemeente))  # type: ignore[arg-type]
        return Trapoverleg.objects.filter(zichtbaar, gemeente__in=_gemeenten(self.request)).select_related("voorzitter")

    @extend_schema(request=TrapOverlegInvoerSerializer, responses={201: TrapOverlegSerializer})
    def post(self, request: Request) -> Response:
        invoer = TrapOverlegInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        gemeente = _gemeente(request, d["gemeente"])
        voorzitter = _mensen(gemeente, [d["voorzitter"]], "voorzitter")[0] if d["voorzitter"] else None
        overleg = services.plan_overleg(
            actor=request.user, gemeente=gemeente, soort=d["soort"], begint=d["begint"], eindigt=d["eindigt"],
            locatie=d["locatie"], voorzitter=voorzitter, genodigden=_mensen(gemeente, d["genodigden"], "genodigden"),
        )  # fmt: skip
        return Response(TrapOverlegSerializer(overleg).data, status=status.HTTP_201_CREATED)


class OverlegAPI(APIView):
    @extend_schema(responses={200: TrapOverlegDetailSerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(TrapOverlegDetailSerializer(selectors.overleg_of_404(request.user, pk)).data)


def _overleg_voor_leiding(request: Request, pk: int) -> Trapoverleg:
    overleg = selectors.overleg_of_404(request.user, pk)
    if not rules.mag_overleg_leiden(request.user, overleg):
        raise PermissionDenied("Met uw rol kunt u dit overleg niet bijwerken.")
    return overleg


class AgendapuntAPI(APIView):
    @extend_schema(request=TrapAgendapuntInvoerSerializer, responses={201: TrapAgendapuntSerializer})
    def post(self, request: Request, pk: int) -> Response:
        overleg = _overleg_voor_leiding(request, pk)
        invoer = TrapAgendapuntInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        punt = services.voeg_agendapunt_toe(
            actor=request.user, overleg=overleg, titel=d["titel"], toelichting=d["toelichting"],
            dilemma=_een(Dilemma, overleg.gemeente_id, d["dilemma"], "dilemma"),
            document=_een(Leerdocument, overleg.gemeente_id, d["document"], "document"),
        )  # fmt: skip
        return Response(TrapAgendapuntSerializer(punt).data, status=status.HTTP_201_CREATED)


class BesluitAPI(APIView):
    @extend_schema(request=TrapBesluitInvoerSerializer, responses={201: TrapBesluitSerializer})
    def post(self, request: Request, pk: int) -> Response:
        overleg = _overleg_voor_leiding(request, pk)
        invoer = TrapBesluitInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        besluit = services.leg_besluit_vast(actor=request.user, overleg=overleg, tekst=invoer.validated_data["tekst"])
        return Response(TrapBesluitSerializer(besluit).data, status=status.HTTP_201_CREATED)


class ActieAPI(APIView):
    @extend_schema(request=TrapActieInvoerSerializer, responses={201: TrapActieSerializer})
    def post(self, request: Request, pk: int) -> Response:
        overleg = _overleg_voor_leiding(request, pk)
        invoer = TrapActieInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        [eigenaar] = _mensen(overleg.gemeente, [d["eigenaar"]], "eigenaar")
        actie = services.voeg_actie_toe(
            actor=request.user, overleg=overleg, wat=d["wat"], eigenaar=eigenaar, uiterlijk=d["uiterlijk"]
        )
        return Response(TrapActieSerializer(actie).data, status=status.HTTP_201_CREATED)


class AanwezigheidAPI(APIView):
    @extend_schema(request=TrapAanwezigheidSerializer, responses={200: TrapOverlegDetailSerializer})
    def put(self, request: Request, pk: int) -> Response:
        overleg = _overleg_voor_leiding(request, pk)
        invoer = TrapAanwezigheidSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.registreer_aanwezigheid(actor=request.user, overleg=overleg, aanwezig=invoer.validated_data["aanwezig"])
        return Response(TrapOverlegDetailSerializer(overleg).data)


# --- Dilemma's -------------------------------------------------------------------------


def _gemeente_en_gebied(request: Request, gemeente_id: int, gebied_id: int | None) -> tuple[Gemeente, Gebied | None]:
    """The municipality (one of the person's) and, when given, an area of it; else a 400 on `gebied`."""
    gemeente = _gemeente(request, gemeente_id)
    gebied = Gebied.objects.filter(pk=gebied_id, gemeente=gemeente).first() if gebied_id else None
    if gebied_id and gebied is None:
        raise ApiValidationError({"gebied": ["Kies een gebied van deze gemeente."]})
    return gemeente, gebied


class DilemmasAPI(generics.ListAPIView[Dilemma]):
    serializer_class = DilemmaSerializer

    @extend_schema(
        parameters=[GEMEENTE, OpenApiParameter("niveau", str, enum=["professional", "netwerkoverleg", "steungroep"]),
                    OpenApiParameter("status", str, enum=["open", "opgelost"])]
    )  # fmt: skip
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Dilemma]:
        qs = Dilemma.objects.filter(gemeente__in=_gemeenten(self.request)).select_related("ingebracht_door")
        niveau, status_ = self.request.query_params.get("niveau", ""), self.request.query_params.get("status", "")
        if niveau:
            qs = qs.filter(niveau=niveau)
        if status_:
            qs = qs.filter(status=status_)
        return qs

    @extend_schema(request=DilemmaInvoerSerializer, responses={201: DilemmaSerializer})
    def post(self, request: Request) -> Response:
        invoer = DilemmaInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        gemeente, gebied = _gemeente_en_gebied(request, d.pop("gemeente"), d.pop("gebied"))
        dilemma = services.breng_dilemma_in(actor=request.user, gemeente=gemeente, gebied=gebied, **d)
        return Response(DilemmaSerializer(dilemma).data, status=status.HTTP_201_CREATED)


class DilemmaAPI(APIView):
    @extend_schema(responses={200: DilemmaDetailSerializer})
    def get(self, request: Request, pk: int) -> Response:
        dilemma = selectors.dilemma_of_404(request.user, pk)
        return Response(DilemmaDetailSerializer(dilemma).data)


class DilemmaNiveausAPI(APIView):
    """Status and lead time per level, in one municipality."""

    @extend_schema(parameters=[GEMEENTE], responses={200: NiveaucijfersSerializer(many=True)})
    def get(self, request: Request) -> Response:
        gemeente = _gemeenten(request).first()
        if gemeente is None:  # a filter that matches none of one's municipalities: bad input, not a missing object
            raise ApiValidationError({"gemeente": ["Kies een gemeente waar u een rol hebt."]})
        return Response(NiveaucijfersSerializer(selectors.per_niveau(gemeente), many=True).data)


def _dilemma_actie(request: Request, pk: int, serializer, actie) -> Response:  # type: ignore[no-untyped-def]
    dilemma = selectors.dilemma_of_404(request.user, pk)
    if not rules.mag_behandelen(request.user, dilemma):
        raise PermissionDenied("Dit dilemma ligt niet op uw niveau of is al opgelost.")
    invoer = serializer(data=request.data)
    invoer.is_valid(raise_exception=True)
    try:
        actie(dilemma, dict(invoer.validated_data))
    except services.Conflict as conflict:
        return Response({"detail": str(conflict), "versie": conflict.huidig}, status=status.HTTP_409_CONFLICT)
    return Response(DilemmaDetailSerializer(Dilemma.objects.get(pk=pk)).data)


class BehandelAPI(APIView):
    @extend_schema(request=BehandelInvoerSerializer, responses={200: DilemmaDetailSerializer, 409: None})
    def post(self, request: Request, pk: int) -> Response:
        def actie(dilemma: Dilemma, d: dict) -> None:  # type: ignore[type-arg]
            d["actieleren"] = _een(Actieleren, dilemma.gemeente_id, d["actieleren"], "actieleren")
            d["overleg"] = _een(Trapoverleg, dilemma.gemeente_id, d["overleg"], "overleg")
            services.behandel_dilemma(actor=request.user, dilemma=dilemma, **d)

        return _dilemma_actie(request, pk, BehandelInvoerSerializer, actie)


class EscaleerAPI(APIView):
    @extend_schema(request=EscaleerInvoerSerializer, responses={200: DilemmaDetailSerializer, 409: None})
    def post(self, request: Request, pk: int) -> Response:
        return _dilemma_actie(
            request, pk, EscaleerInvoerSerializer, lambda d, c: services.escaleer_dilemma(actor=request.user, dilemma=d, **c)
        )


class OplossingAPI(APIView):
    @extend_schema(request=OplossingInvoerSerializer, responses={200: DilemmaDetailSerializer, 409: None})
    def post(self, request: Request, pk: int) -> Response:
        return _dilemma_actie(
            request, pk, OplossingInvoerSerializer, lambda d, c: services.los_dilemma_op(actor=request.user, dilemma=d, **c)
        )


# --- Bundel en leergeschiedenis -----------------------------------------------------------


class DocumentenAPI(generics.ListAPIView[Leerdocument]):
    serializer_class = DocumentSerializer

    @extend_schema(parameters=[GEMEENTE])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Leerdocument]:
        return Leerdocument.objects.filter(gemeente__in=_gemeenten(self.request))

    @extend_schema(request=DocumentInvoerSerializer, responses={201: DocumentDetailSerializer})
    def post(self, request: Request) -> Response:
        invoer = DocumentInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        gemeente, gebied = _gemeente_en_gebied(request, d.pop("gemeente"), d.pop("gebied"))
        document = documenten.maak_document(actor=request.user, gemeente=gemeente, gebied=gebied, **d)
        return Response(DocumentDetailSerializer(document).data, status=status.HTTP_201_CREATED)


class DocumentAPI(APIView):
    @extend_schema(responses={200: DocumentDetailSerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(DocumentDetailSerializer(selectors.document_of_404(request.user, pk)).data)

    @extend_schema(request=BewerkInvoerSerializer, responses={200: DocumentDetailSerializer, 409: None})
    def put(self, request: Request, pk: int) -> Response:
        document = selectors.document_of_404(request.user, pk)
        if not rules.mag_document_bewerken(request.user, document):
            raise PermissionDenied("Met uw rol kunt u dit document niet bewerken.")
        invoer = BewerkInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            documenten.bewerk_document(
                actor=request.user, document=document, inhoud=invoer.validated_data["inhoud"],
                versie=invoer.validated_data["versie"],
            )  # fmt: skip
        except services.Conflict as conflict:
            return Response({"detail": str(conflict), "versie": conflict.huidig}, status=status.HTTP_409_CONFLICT)
        return Response(DocumentDetailSerializer(Leerdocument.objects.get(pk=pk)).data)
