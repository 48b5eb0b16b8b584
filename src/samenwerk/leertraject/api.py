"""The leertraject's API: the same selectors, rules and services as the pages."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.api.schema import FoutSerializer
from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.models import Gebied, Gemeente, User
from samenwerk.leren.models import Deelname

from . import badges, inhoud, rules, selectors, services, services_certificaat, services_opdrachten
from .models import Certificaat, Leertraject
from .serializers import (
    CertificaatInvoerSerializer,
    CertificaatSerializer,
    DeelnemerInvoerSerializer,
    InleveringSerializer,
    InleverInvoerSerializer,
    IntrekInvoerSerializer,
    LeertrajectDetailSerializer,
    LeertrajectSerializer,
    LesdagAanwezigheidInvoerSerializer,
    OpdrachtFeedbackInvoerSerializer,
    TrajectdeelnemerSerializer,
    TrajectInvoerSerializer,
    UitslagSerializer,
    VerifieerInvoerSerializer,
)
from .views_publiek import te_vaak


def _leiding(request: Request, pk: int) -> Leertraject:
    traject = selectors.traject_of_404(request.user, pk)
    if not rules.leidt(request.user, traject):
        raise PermissionDenied("Alleen de trainers en de organisatoren van dit leertraject doen dit.")
    return traject


def _deelnemer(request: Request, pk: int, deelnemer_id: int, *, leiding: bool = False):  # type: ignore[no-untyped-def]
    traject = selectors.traject_of_404(request.user, pk)
    deelnemer = selectors.deelnemer_of_404(traject, deelnemer_id)
    leidt = rules.leidt(request.user, traject)
    if deelnemer.user_id != request.user.pk and not leidt:
        raise Http404
    if leiding and not leidt:
        raise PermissionDenied("Alleen de trainers doen dit.")
    return deelnemer


class LeertrajectenAPI(generics.ListAPIView[Leertraject]):
    """Cohorts the person organises, trains or takes part in; POST forms a new one."""

    serializer_class = LeertrajectSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return (
            Leertraject.objects.for_user(self.request.user)
            .select_related("gebied", "didactisch_trainer", "ervaringstrainer")
            .order_by("-aangemaakt_op", "-id")
        )

    @extend_schema(request=TrajectInvoerSerializer, responses={201: LeertrajectSerializer})
    def post(self, request: Request) -> Response:
        gemeente = next((g for g in Gemeente.objects.filter(pk__in=request.user.rollen.actief().values("gemeente_id"))
                         if rules.mag_organiseren(request.user, g)), None)  # fmt: skip
        if gemeente is None:
            raise PermissionDenied("Met uw rol kunt u geen leertraject samenstellen.")
        invoer = TrajectInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        mensen = User.objects.filter(rollen__gemeente=gemeente).distinct()
        trainers = {veld: mensen.filter(pk=d[veld]).first() for veld in ("didactisch_trainer", "ervaringstrainer")}
        fouten = {veld: ["Kies iemand met een rol in deze gemeente."] for veld, t in trainers.items() if t is None}
        gebied = Gebied.objects.filter(pk=d["gebied"], gemeente=gemeente).first() if d["gebied"] else None
        if d["gebied"] and gebied is None:
            fouten["gebied"] = ["Kies een gebied van deze gemeente."]
        if fouten:
            raise ApiValidationError(fouten)
        traject = services.maak_traject(
            actor=request.user, gemeente=gemeente, naam=d["naam"], vorm=d["vorm"], gebied=gebied,
            min_dagen_aanwezig=d["min_dagen_aanwezig"], **trainers,
        )  # fmt: skip
        return Response(LeertrajectSerializer(traject).data, status=status.HTTP_201_CREATED)


class LeertrajectAPI(APIView):
    @extend_schema(responses={200: LeertrajectDetailSerializer})
    def get(self, request: Request, pk: int) -> Response:
        traject = selectors.traject_of_404(request.user, pk)
        leiding = rules.leidt(request.user, traject)
        standen = selectors.deelnemers_met_stand(traject) if leiding else []
        context = {
            "standen": standen,
            "waarschuwingen": services.samenstelling(traject, [s.deelnemer for s in standen]) if leiding else [],
        }
        return Response(LeertrajectDetailSerializer(traject, context=context).data)


class DeelnemersAPI(APIView):
    @extend_schema(request=DeelnemerInvoerSerializer, responses={201: TrajectdeelnemerSerializer, 409: None})
    def post(self, request: Request, pk: int) -> Response:
        traject = _leiding(request, pk)
        invoer = DeelnemerInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        user = User.objects.filter(pk=invoer.validated_data["user"], rollen__gemeente=traject.gemeente_id).first()
        if user is None:
            raise ApiValidationError({"user": ["Kies iemand met een rol in deze gemeente."]})
        try:
            deelnemer = services.voeg_deelnemer_toe(
                actor=request.user, traject=traject, user=user, versie=invoer.validated_data["versie"]
            )
        except services.Versieconflict as conflict:
            return Response({"detail": str(conflict), "versie": conflict.huidig}, status=status.HTTP_409_CONFLICT)
        return Response(TrajectdeelnemerSerializer(deelnemer).data, status=status.HTTP_201_CREATED)


class AanwezigheidAPI(APIView):
    @extend_schema(request=LesdagAanwezigheidInvoerSerializer, responses={204: None})
    def put(self, request: Request, pk: int, dag_id: int) -> Response:
        traject = _leiding(request, pk)
        dag = traject.dagen.filter(pk=dag_id).first()
        if dag is None:
            raise Http404
        invoer = LesdagAanwezigheidInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.leg_aanwezigheid_vast(actor=request.user, dag=dag, aanwezig=invoer.validated_data["aanwezig"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class InleveringAPI(APIView):
    """The participant hands in an assignment (JSON, or multipart with `bestand`)."""

    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def _code(self, code: str) -> str:
        if code not in inhoud.OPDRACHT:
            raise Http404
        return code

    @extend_schema(responses={200: InleveringSerializer})
    def get(self, request: Request, pk: int, deelnemer_id: int, code: str) -> Response:
        deelnemer = _deelnemer(request, pk, deelnemer_id)
        inlevering = selectors.inlevering_van(deelnemer, self._code(code))
        if inlevering is None:
            raise Http404
        return Response(InleveringSerializer(inlevering).data)

    @extend_schema(request=InleverInvoerSerializer, responses={200: InleveringSerializer, 409: None})
    def post(self, request: Request, pk: int, deelnemer_id: int, code: str) -> Response:
        deelnemer = _deelnemer(request, pk, deelnemer_id)
        if deelnemer.user_id != request.user.pk:
            raise PermissionDenied("Alleen de deelnemer zelf levert een opdracht in.")
        invoer = InleverInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        upload = request.FILES.get("bestand")
        bestand = (upload.name, upload.read(services_opdrachten.MAX_BESTAND + 1)) if upload else None
        deelname = Deelname.objects.filter(pk=d["deelname"]).first() if d["deelname"] else None
        casus = Casus.objects.filter(pk=d["casus"]).first() if d["casus"] else None
        if d["deelname"] and deelname is None:
            raise ApiValidationError({"deelname": ["Kies een leersessie waar u zelf bij was."]})
        if d["casus"] and casus is None:
            raise ApiValidationError({"casus": ["Kies een casus waarvan u zelf aan het Samenwerkplan werkte."]})
        try:
            inlevering = services_opdrachten.lever_in(
                actor=request.user, deelnemer=deelnemer, opdracht=self._code(code), tekst=d["tekst"], bestand=bestand,
                deelname=deelname, casus=casus, versie=d["versie"],
            )  # fmt: skip
        except services_opdrachten.Inleverconflict as conflict:
            return Response({"detail": str(conflict), "versie": conflict.huidig}, status=status.HTTP_409_CONFLICT)
        return Response(InleveringSerializer(inlevering).data)


class FeedbackAPI(APIView):
    @extend_schema(request=OpdrachtFeedbackInvoerSerializer, responses={200: InleveringSerializer, 409: None})
    def post(self, request: Request, pk: int, deelnemer_id: int, code: str) -> Response:
        deelnemer = _deelnemer(request, pk, deelnemer_id, leiding=True)
        inlevering = selectors.inlevering_van(deelnemer, code) if code in inhoud.OPDRACHT else None
        if inlevering is None:
            raise Http404
        invoer = OpdrachtFeedbackInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        try:
            inlevering = services_opdrachten.geef_feedback(
                actor=request.user, inlevering=inlevering, feedback=d["feedback"], akkoord=d["akkoord"], versie=d["versie"]
            )
        except services_opdrachten.Inleverconflict as conflict:
            return Response({"detail": str(conflict), "versie": conflict.huidig}, status=status.HTTP_409_CONFLICT)
        return Response(InleveringSerializer(inlevering).data)


def _certificaat_data(c: Certificaat) -> dict:  # type: ignore[type-arg]
    return {
        "badge_id": c.badge_id, "uitgegeven_op": c.uitgegeven_op, "regel_gehaald": c.regel_gehaald, "afwijkreden": c.afwijkreden,
        "ingetrokken_op": c.ingetrokken_op, "jws": c.jws, "credential": badges.als_json(c),
    }  # fmt: skip


class CertificaatAPI(APIView):
    """GET the certificate (participant or trainer); POST issues it (trainer; a reason when
    the rule is not met)."""

    @extend_schema(responses={200: CertificaatSerializer})
    def get(self, request: Request, pk: int, deelnemer_id: int) -> Response:
        deelnemer = _deelnemer(request, pk, deelnemer_id)
        certificaat = Certificaat.objects.filter(deelnemer=deelnemer).first()
        if certificaat is None:
            raise Http404
        return Response(CertificaatSerializer(_certificaat_data(certificaat)).data)

    @extend_schema(request=CertificaatInvoerSerializer, responses={201: CertificaatSerializer})
    def post(self, request: Request, pk: int, deelnemer_id: int) -> Response:
        deelnemer = _deelnemer(request, pk, deelnemer_id, leiding=True)
        invoer = CertificaatInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        certificaat = services_certificaat.geef_certificaat_uit(
            actor=request.user, deelnemer=deelnemer, afwijkreden=invoer.validated_data["afwijkreden"]
        )
        return Response(CertificaatSerializer(_certificaat_data(certificaat)).data, status=status.HTTP_201_CREATED)


class IntrekkenAPI(APIView):
    @extend_schema(request=IntrekInvoerSerializer, responses={200: CertificaatSerializer})
    def post(self, request: Request, pk: int, deelnemer_id: int) -> Response:
        deelnemer = _deelnemer(request, pk, deelnemer_id, leiding=True)
        certificaat = Certificaat.objects.filter(deelnemer=deelnemer).first()
        if certificaat is None:
            raise Http404
        invoer = IntrekInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        certificaat = services_certificaat.trek_in(
            actor=request.user, certificaat=certificaat, reden=invoer.validated_data["reden"]
        )
        return Response(CertificaatSerializer(_certificaat_data(certificaat)).data)


class VerifierenAPI(APIView):
    """Public: anyone checks a badge (JSON download or compact JWS), no account. Garbage is
    answered 400 with the reason; the outcome of a real check is 200 with its status."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    parser_classes = [JSONParser]

    @extend_schema(request=VerifieerInvoerSerializer, responses={200: UitslagSerializer, 400: None, 429: FoutSerializer})
    def post(self, request: Request) -> Response:
        if te_vaak(request._request):
            return Response({"detail": "Te veel controles vanaf dit adres; probeer het over een minuut opnieuw."}, status=429)
        invoer = VerifieerInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        uitslag = badges.verifieer(invoer.validated_data["badge"])
        if uitslag.status == badges.ONGELDIG and not uitslag.credential and not uitslag.kid:
            return Response({"badge": [uitslag.melding]} | uitslag.als_dict(), status=status.HTTP_400_BAD_REQUEST)
        return Response(UitslagSerializer(uitslag.als_dict()).data)
