"""The ZET API: the same selectors, rules and services as the pages."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.gemeenten.models import Gemeente, Organisatie, User

from . import rules, selectors, services
from .models import Evaluatieronde, Rondecasus
from .serializers import (
    InterviewInvoerSerializer,
    InterviewOpslaanSerializer,
    VerbeterpuntInvoerSerializer,
    VerbeterpuntSerializer,
    ZetInterviewSerializer,
    ZetRondeDetailSerializer,
    ZetRondeInvoerSerializer,
    ZetRondeSerializer,
)


def _ronde(request: Request, pk: int) -> Evaluatieronde:
    ronde = selectors.ronde_of_404(request.user, pk)
    services.verwerk_intrekkingen(ronde=ronde)
    return ronde


class RondesAPI(generics.ListAPIView[Evaluatieronde]):
    """The rounds the person evaluates or, as functioneel beheerder, oversees. POST makes one
    in the municipality named by `?gemeente=<slug>` (or the person's only one)."""

    serializer_class = ZetRondeSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return Evaluatieronde.objects.for_user(self.request.user).prefetch_related("themas").order_by("-van", "-id")

    @extend_schema(request=ZetRondeInvoerSerializer, responses={201: ZetRondeSerializer})
    def post(self, request: Request) -> Response:
        gemeenten = list(request.user.gemeenten())
        slug = request.query_params.get("gemeente")
        gemeente = (
            next((g for g in gemeenten if g.slug == slug), None) if slug else (gemeenten[0] if len(gemeenten) == 1 else None)
        )
        if gemeente is None or not rules.mag_ronde_maken(request.user, gemeente):
            raise PermissionDenied
        invoer = ZetRondeInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        ronde = services.maak_ronde(actor=request.user, gemeente=gemeente, **invoer.validated_data)
        return Response(ZetRondeSerializer(ronde).data, status=status.HTTP_201_CREATED)


class RondeAPI(APIView):
    @extend_schema(responses={200: ZetRondeDetailSerializer})
    def get(self, request: Request, pk: int) -> Response:
        ronde = _ronde(request, pk)
        regels = selectors.casussen_van(request.user, ronde)
        ronde_data = ZetRondeDetailSerializer(ronde).data
        ronde_data["casussen"] = [
            {
                "id": r.rc.pk,
                "label": r.rc.label,
                "teruggetrokken": r.rc.teruggetrokken,
                "teruggetrokken_op": r.rc.teruggetrokken_op,
            }
            for r in regels
        ]
        return Response(ronde_data)


def _gebruiker(gemeente: Gemeente, pk: int | None, veld: str) -> User | None:
    if pk is None:
        return None
    user = User.objects.filter(pk=pk, rollen__gemeente=gemeente).first()
    if user is None:
        raise ApiValidationError({veld: ["Onbekende persoon in deze gemeente."]})
    return user


class InterviewsAPI(APIView):
    @extend_schema(request=InterviewInvoerSerializer, responses={201: ZetInterviewSerializer})
    def post(self, request: Request, pk: int) -> Response:
        ronde = _ronde(request, pk)
        if not rules.mag_werken(request.user, ronde):
            raise PermissionDenied
        invoer = InterviewInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        rc = Rondecasus.objects.filter(ronde=ronde, pk=d["rondecasus"]).select_related("casus", "ronde").first()
        if rc is None:
            raise ApiValidationError({"rondecasus": ["Deze casus doet niet mee in deze ronde."]})
        interviewer = _gebruiker(ronde.gemeente, d["interviewer"], "interviewer")
        gegevens = services.Interviewgegevens(
            bron=d["bron"], datum=d["datum"], interviewer=interviewer,
            notulist=_gebruiker(ronde.gemeente, d.get("notulist"), "notulist"),
            professional=_gebruiker(ronde.gemeente, d.get("professional"), "professional"),
            toestemming_vastgelegd=d["toestemming_vastgelegd"], terugkoppeling_gewenst=d["terugkoppeling_gewenst"],
        )  # fmt: skip
        interview = services.start_interview(actor=request.user, rondecasus=rc, gegevens=gegevens)
        interview = selectors.interview_of_404(request.user, ronde, interview.pk)
        return Response(ZetInterviewSerializer(interview).data, status=status.HTTP_201_CREATED)


class InterviewAPI(APIView):
    @extend_schema(responses={200: ZetInterviewSerializer})
    def get(self, request: Request, pk: int, interview_id: int) -> Response:
        ronde = _ronde(request, pk)
        return Response(ZetInterviewSerializer(selectors.interview_of_404(request.user, ronde, interview_id)).data)

    @extend_schema(request=InterviewOpslaanSerializer, responses={200: ZetInterviewSerializer, 409: None})
    def put(self, request: Request, pk: int, interview_id: int) -> Response:
        ronde = _ronde(request, pk)
        interview = selectors.interview_of_404(request.user, ronde, interview_id, gebeurtenis="zet.interview.bewerken")
        if not rules.mag_werken(request.user, ronde):
            raise PermissionDenied
        invoer = InterviewOpslaanSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        antwoorden = {
            a["thema"]: services.Invulling(tekst=a["tekst"], notities=a["notities"], oordeel=a["oordeel"])
            for a in invoer.validated_data["antwoorden"]
        }
        try:
            services.sla_interview_op(
                actor=request.user, interview=interview, antwoorden=antwoorden, versie=invoer.validated_data["versie"]
            )
        except services.Conflict as conflict:
            return Response({"detail": str(conflict), "versie": conflict.huidig}, status=status.HTTP_409_CONFLICT)
        interview = selectors.interview_of_404(request.user, ronde, interview_id, gebeurtenis="zet.interview.opgeslagen")
        return Response(ZetInterviewSerializer(interview).data)


class VerbeterpuntenAPI(APIView):
    @extend_schema(responses={200: VerbeterpuntSerializer(many=True)})
    def get(self, request: Request, pk: int) -> Response:
        ronde = _ronde(request, pk)
        return Response(VerbeterpuntSerializer(selectors.verbeterpunten(ronde), many=True).data)

    @extend_schema(request=VerbeterpuntInvoerSerializer, responses={201: VerbeterpuntSerializer})
    def post(self, request: Request, pk: int) -> Response:
        ronde = _ronde(request, pk)
        if not rules.mag_werken(request.user, ronde):
            raise PermissionDenied
        invoer = VerbeterpuntInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        organisatie = None
        if d.get("eigenaar_organisatie") is not None:
            organisatie = Organisatie.objects.filter(pk=d["eigenaar_organisatie"], gemeente=ronde.gemeente).first()
            if organisatie is None:
                raise ApiValidationError({"eigenaar_organisatie": ["Kies een organisatie van deze gemeente."]})
        punt = services.maak_verbeterpunt(
            actor=request.user, ronde=ronde, tekst=d["tekst"], uiterlijk=d["uiterlijk"],
            eigenaar=_gebruiker(ronde.gemeente, d.get("eigenaar"), "eigenaar"), eigenaar_organisatie=organisatie,
            rode_draden=d["rode_draden"],
        )  # fmt: skip
        return Response(VerbeterpuntSerializer(punt).data, status=status.HTTP_201_CREATED)
