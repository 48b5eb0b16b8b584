"""The table's API: the same selectors, rules and services as the pages."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.casussen.models import Casus
from samenwerk.casussen.services import InwonerGegevens
from samenwerk.gemeenten.models import Gebied, Organisatie, User

from . import rules, selectors, services
from .models import Tafel, Tafellid
from .serializers import (
    AanmeldingSerializer,
    AanmeldInvoerSerializer,
    AfsprakenInvoerSerializer,
    AfsprakenSerializer,
    AgendaAntwoordSerializer,
    AgendablokSerializer,
    AgendaSerializer,
    CasuscheckInvoerSerializer,
    ProcesevaluatieInvoerSerializer,
    TafelSerializer,
    TriageInvoerSerializer,
)


class TafelsAPI(generics.ListAPIView[Tafel]):
    """The tables the person sits at or may register a case with."""

    serializer_class = TafelSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        user = self.request.user
        aanmelden = [g for g in user.gemeenten() if rules.heeft_rol(user, g, rules.AANMELDERS)]
        eigen = Tafel.objects.voor_deelnemer(user).values("pk")
        return (Tafel.objects.filter(gemeente__in=aanmelden) | Tafel.objects.filter(pk__in=eigen)).select_related("gebied")


class AanmeldingenAPI(APIView):
    @extend_schema(request=AanmeldInvoerSerializer, responses={201: AanmeldingSerializer})
    def post(self, request: Request, pk: int) -> Response:
        tafel = selectors.tafel_voor_aanmelden_of_404(request.user, pk)
        invoer = AanmeldInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        casus = Casus(pk=data["casus"]) if data["casus"] else None
        nieuwe_casus = None
        if data["nieuwe_casus"]:
            nc = data["nieuwe_casus"]
            organisatie = Organisatie.objects.filter(pk=nc["organisatie"], gemeente=tafel.gemeente_id).first()
            gebied = Gebied.objects.filter(pk=nc["gebied"], gemeente=tafel.gemeente_id).first()
            if organisatie is None or gebied is None:
                raise ApiValidationError({"nieuwe_casus": ["Kies een organisatie en gebied van deze gemeente."]})
            nieuwe_casus = {
                "organisatie": organisatie, "gebied": gebied, "binnengekomen_via": nc["binnengekomen_via"],
                "aangemeld_door": data["namens"] or str(request.user), "inwoner": InwonerGegevens(**nc["inwoner"]),
            }  # fmt: skip
        gegevens = services.Aanmeldgegevens(
            inwoner_weet_hoe=data["inwoner_weet_hoe"], inwoner_weet_op=data["inwoner_weet_op"],
            leefgebieden=data["leefgebieden"], geprobeerd=data["geprobeerd"], waarom_vast=data["waarom_vast"],
            vraag=data["vraag"], namens=data["namens"],
        )  # fmt: skip
        aanmelding = services.meld_aan(actor=request.user, tafel=tafel, gegevens=gegevens, casus=casus, nieuwe_casus=nieuwe_casus)
        return Response(AanmeldingSerializer(aanmelding).data, status=status.HTTP_201_CREATED)


class AanmeldingAPI(generics.RetrieveAPIView):  # type: ignore[type-arg]
    serializer_class = AanmeldingSerializer

    def get_object(self):  # type: ignore[no-untyped-def]
        return selectors.aanmelding_of_404(self.request.user, self.kwargs["pk"], self.kwargs["aanmelding_id"])


class AgendaAPI(APIView):
    """The meeting's agenda blocks; PUT reorders and adjusts them (chair and secretary)."""

    def _bijeenkomst(self, request: Request, pk: int, bijeenkomst_id: int):  # type: ignore[no-untyped-def]
        tafel = selectors.tafel_of_404(request.user, pk)
        return selectors.bijeenkomst_of_404(request.user, tafel, bijeenkomst_id)

    def _antwoord(self, bijeenkomst, code: int = 200) -> Response:  # type: ignore[no-untyped-def]
        blokken = AgendablokSerializer(selectors.blokken(bijeenkomst), many=True).data
        return Response({"versie": bijeenkomst.agenda_versie, "blokken": blokken}, status=code)

    @extend_schema(responses={200: AgendaAntwoordSerializer})
    def get(self, request: Request, pk: int, bijeenkomst_id: int) -> Response:
        return self._antwoord(self._bijeenkomst(request, pk, bijeenkomst_id))

    @extend_schema(request=AgendaSerializer, responses={200: AgendaAntwoordSerializer, 409: None})
    def put(self, request: Request, pk: int, bijeenkomst_id: int) -> Response:
        bijeenkomst = self._bijeenkomst(request, pk, bijeenkomst_id)
        if not rules.leidt(request.user, bijeenkomst.tafel):
            raise PermissionDenied("Alleen de voorzitter of de secretaris van de Tafel past de agenda aan.")
        invoer = AgendaSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            rijen = invoer.validated_data["blokken"]
            wijzigingen = [services.Blokwijziging(blok_id=b["id"], minuten=b["minuten"]) for b in rijen]
        except KeyError as fout:
            raise ApiValidationError({"blokken": ["Geef per onderdeel 'id' en 'minuten'."]}) from fout
        try:
            bijeenkomst = services.wijzig_agenda(
                actor=request.user, bijeenkomst=bijeenkomst, versie=invoer.validated_data["versie"], blokken=wijzigingen
            )
        except services.AgendaConflict as conflict:
            return Response({"detail": str(conflict), "versie": conflict.huidig}, status=status.HTTP_409_CONFLICT)
        bijeenkomst.refresh_from_db()
        return self._antwoord(bijeenkomst)


def _aanmelding_voor_leiding(request: Request, pk: int, aanmelding_id: int):  # type: ignore[no-untyped-def]
    aanmelding = selectors.aanmelding_of_404(request.user, pk, aanmelding_id)
    if not rules.leidt(request.user, aanmelding.tafel):
        raise PermissionDenied("Alleen de voorzitter of de secretaris legt vast wat er aan tafel gebeurt.")
    return aanmelding


class TriageAPI(APIView):
    """The table's decision on a registration (chair and secretary)."""

    @extend_schema(request=TriageInvoerSerializer, responses={200: AanmeldingSerializer})
    def post(self, request: Request, pk: int, aanmelding_id: int) -> Response:
        aanmelding = _aanmelding_voor_leiding(request, pk, aanmelding_id)
        invoer = TriageInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        aanmelding = services.leg_triage_vast(
            actor=request.user, aanmelding=aanmelding, uitkomst=d["triage"], reden=d["triage_reden"]
        )
        return Response(AanmeldingSerializer(aanmelding).data)


class AfsprakenAPI(APIView):
    """The afspraken block: regievoerder, duo partner (a table member), return date; answers
    with the warnings (e.g. the resident knows neither)."""

    @extend_schema(request=AfsprakenInvoerSerializer, responses={200: AfsprakenSerializer})
    def post(self, request: Request, pk: int, aanmelding_id: int) -> Response:
        aanmelding = _aanmelding_voor_leiding(request, pk, aanmelding_id)
        invoer = AfsprakenInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        regievoerder = User.objects.filter(pk=d["regievoerder"], rollen__gemeente=aanmelding.gemeente_id).first()
        if regievoerder is None:
            raise ApiValidationError({"regievoerder": ["Kies iemand met een rol in deze gemeente."]})
        duo = Tafellid.objects.filter(pk=d["duo"], tafel=aanmelding.tafel).first() if d["duo"] else None
        afspraken, waarschuwingen = services.leg_afspraken_vast(
            actor=request.user, aanmelding=aanmelding, regievoerder=regievoerder, duo=duo, terug_op=d["terug_op"],
            regievoerder_bekend=d["regievoerder_bekend"], duo_bekend=d["duo_bekend"],
        )  # fmt: skip
        data = {"regievoerder": str(regievoerder), "duo": str(afspraken.duo.user), "terug_op": d["terug_op"],  # type: ignore[attr-defined]
                "waarschuwingen": waarschuwingen}  # fmt: skip
        return Response(AfsprakenSerializer(data).data)


def _bijeenkomst_van(aanmelding, bijeenkomst_id: int):  # type: ignore[no-untyped-def]
    bijeenkomst = aanmelding.tafel.bijeenkomsten.filter(pk=bijeenkomst_id).select_related("tafel").first()
    if bijeenkomst is None:
        raise ApiValidationError({"bijeenkomst": ["Kies een bijeenkomst van deze Tafel."]})
    return bijeenkomst


# What a recorded check or evaluation answers with: its id.
VASTGELEGD = inline_serializer(name="TafelVastgelegd", fields={"id": serializers.IntegerField()})


class CasuscheckAPI(APIView):
    """The casus check: is every party involved according to plan (yes/no each)?"""

    @extend_schema(request=CasuscheckInvoerSerializer, responses={201: VASTGELEGD})
    def post(self, request: Request, pk: int, aanmelding_id: int) -> Response:
        aanmelding = _aanmelding_voor_leiding(request, pk, aanmelding_id)
        invoer = CasuscheckInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        check = services.leg_casuscheck_vast(
            actor=request.user, bijeenkomst=_bijeenkomst_van(aanmelding, d["bijeenkomst"]), aanmelding=aanmelding,
            partijen=[services.Partij(**p) for p in d["partijen"]], notities=d["notities"],
        )  # fmt: skip
        return Response({"id": check.pk}, status=status.HTTP_201_CREATED)


class ProcesevaluatieAPI(APIView):
    """The procesevaluatie; the resident's own perspective is required."""

    @extend_schema(request=ProcesevaluatieInvoerSerializer, responses={201: VASTGELEGD})
    def post(self, request: Request, pk: int, aanmelding_id: int) -> Response:
        aanmelding = _aanmelding_voor_leiding(request, pk, aanmelding_id)
        invoer = ProcesevaluatieInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        evaluatie = services.leg_procesevaluatie_vast(
            actor=request.user, bijeenkomst=_bijeenkomst_van(aanmelding, d["bijeenkomst"]), aanmelding=aanmelding,
            samenwerking=d["samenwerking"], leerzaam=d["leerzaam"], perspectief_inwoner=d["perspectief_inwoner"],
        )  # fmt: skip
        return Response({"id": evaluatie.pk}, status=status.HTTP_201_CREATED)
