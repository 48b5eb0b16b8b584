"""The plan API: the same services as the pages (optimistic locking answers 409). PUT saves
the whole form and requires every field; PATCH changes only the fields sent."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.casussen.api import beheerbare_casus
from samenwerk.casussen.models import Casus
from samenwerk.casussen.rules import eis_vastleggen, ziet_persoonsgegevens
from samenwerk.casussen.selectors import casus_of_404
from samenwerk.casussen.services import log_casus
from samenwerk.privacy.models import Actie

from . import regels, services
from .models import PLANVELDEN, Afspraak, Samenwerkplan
from .selectors import plan_met_rondes
from .serializers import AfspraakSerializer, AfspraakWijzigSerializer, EvaluatieSerializer, IntrekSerializer, PlanSerializer


def _casus(request: Request, pk: int, *, wijzigen: bool = False) -> Casus:
    casus = casus_of_404(request.user, pk, gebeurtenis="plan.bekeken")
    if not ziet_persoonsgegevens(request.user, casus):
        raise PermissionDenied("U ziet de samenwerking in deze casus, niet het plan.")
    if wijzigen:
        eis_vastleggen(request.user, casus)
    return casus


def _plan_data(plan: Samenwerkplan) -> dict[str, object]:
    plan._prefetched_objects_cache = {"rondes": plan_met_rondes(plan)}  # type: ignore[attr-defined]
    return PlanSerializer(plan).data


class PlanAPI(APIView):
    @extend_schema(responses=PlanSerializer)
    def get(self, request: Request, pk: int) -> Response:
        casus = _casus(request, pk)
        plan = get_object_or_404(Samenwerkplan, casus=casus)
        log_casus(
            actor=request.user,
            casus=casus,
            actie=Actie.READ,
            gebeurtenis="plan.bekeken",
            segment="plan",
            object_type="plan",
            object_id=plan.pk,
        )
        return Response(_plan_data(plan))

    @extend_schema(
        request=PlanSerializer,
        responses={200: PlanSerializer, 409: None},
        description="Het hele plan opslaan: elk veld van het formulier is verplicht (ontbreekt er een, dan 400 met de "
        "ontbrekende velden), zodat een weggelaten veld nooit stil leeg wordt. Een deel wijzigen gaat met PATCH.",
    )
    def put(self, request: Request, pk: int) -> Response:
        casus = _casus(request, pk, wijzigen=True)
        invoer = PlanSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        return self._bewaar(request, casus, invoer.validated_data, basis=services.PlanInhoud())

    @extend_schema(
        request=PlanSerializer,
        responses={200: PlanSerializer, 409: None},
        description="Een deel van het plan wijzigen: alleen de meegestuurde velden veranderen, de rest blijft. "
        "`versie` is ook hier verplicht.",
    )
    def patch(self, request: Request, pk: int) -> Response:
        casus = _casus(request, pk, wijzigen=True)
        invoer = PlanSerializer(data=request.data, partial=True)
        invoer.is_valid(raise_exception=True)
        if "versie" not in invoer.validated_data:
            raise ValidationError({"versie": [_("Geef de versie mee waarvan u uitging.")]})
        plan = Samenwerkplan.objects.filter(casus=casus).first()
        basis = services.PlanInhoud(**{veld: getattr(plan, veld) for veld in PLANVELDEN}) if plan else services.PlanInhoud()
        return self._bewaar(request, casus, invoer.validated_data, basis=basis)

    def _bewaar(self, request: Request, casus: Casus, data: dict[str, Any], *, basis: services.PlanInhoud) -> Response:
        inhoud = replace(basis, **{veld: data[veld] for veld in PLANVELDEN if veld in data})
        bestaand = Samenwerkplan.objects.filter(casus=casus).values_list("evaluatie_datum", flat=True).first()
        if regels.evaluatiedatum_in_verleden(inhoud.evaluatie_datum, bestaand, timezone.localdate()):
            raise ValidationError({"evaluatie_datum": [str(regels.EVALUATIEDATUM_IN_VERLEDEN)]})  # the form's rule
        try:
            plan = services.wijzig_plan(actor=request.user, casus=casus, inhoud=inhoud, versie=data["versie"])
        except services.PlanConflict as conflict:
            body = {
                "detail": "Het plan is intussen door iemand anders opgeslagen.",
                "versie": conflict.plan.versie,
                "gewijzigde_velden": conflict.gewijzigd,
                "door": conflict.door,
            }
            return Response(body, status=status.HTTP_409_CONFLICT)
        return Response(_plan_data(plan))


class AfsprakenAPI(APIView):
    @extend_schema(request=AfspraakSerializer, responses={201: AfspraakSerializer})
    def post(self, request: Request, pk: int) -> Response:
        casus = _casus(request, pk, wijzigen=True)
        invoer = AfspraakSerializer(data=request.data, casus=casus)
        invoer.is_valid(raise_exception=True)
        afspraak = services.voeg_afspraak_toe(actor=request.user, casus=casus, **invoer.validated_data)
        return Response(AfspraakSerializer(afspraak).data, status=status.HTTP_201_CREATED)


class AfspraakVoltooidAPI(APIView):
    @extend_schema(request=None, responses=AfspraakSerializer)
    def post(self, request: Request, pk: int, afspraak_id: int) -> Response:
        casus = _casus(request, pk, wijzigen=True)
        afspraak = get_object_or_404(Afspraak, pk=afspraak_id, plan__casus=casus)
        return Response(AfspraakSerializer(services.voltooi_afspraak(actor=request.user, afspraak=afspraak)).data)


def _open_afspraak(casus: Casus, afspraak_id: int) -> Afspraak:
    afspraak = get_object_or_404(
        Afspraak.objects.select_related("plan__casus", "betrokkene", "netwerklid", "deelnemer"),
        pk=afspraak_id,
        plan__casus=casus,
    )
    afspraak.plan.casus = casus
    return afspraak


def _afspraak_conflict(conflict: services.AfspraakConflict) -> Response:
    body = {
        "detail": _("De afspraak is intussen door iemand anders gewijzigd."),
        "versie": conflict.afspraak.versie,
        "afspraak": AfspraakSerializer(conflict.afspraak).data,
    }
    return Response(body, status=status.HTTP_409_CONFLICT)


class AfspraakAPI(APIView):
    @extend_schema(
        request=AfspraakWijzigSerializer,
        responses={200: AfspraakSerializer, 409: None},
        description="Een afspraak wijzigen (wie, wat, uiterlijke datum): alleen de meegestuurde velden veranderen. "
        "`versie` is verplicht; is de afspraak intussen gewijzigd, dan 409 en blijft alles zoals het was.",
    )
    def patch(self, request: Request, pk: int, afspraak_id: int) -> Response:
        casus = _casus(request, pk, wijzigen=True)
        afspraak = _open_afspraak(casus, afspraak_id)
        invoer = AfspraakWijzigSerializer(data=request.data, partial=True, casus=casus)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        if "versie" not in data:
            raise ValidationError({"versie": [_("Geef de versie mee waarvan u uitging.")]})
        wie = data.get("wie", afspraak.wie)
        velden = {
            veld: data[veld] if veld in data else getattr(afspraak, veld)
            for veld in ["wat", "uiterlijke_datum", "perspectief", "betrokkene", "netwerklid", "deelnemer"]
        }
        try:
            afspraak = services.wijzig_afspraak(actor=request.user, afspraak=afspraak, versie=data["versie"], wie=wie, **velden)
        except services.AfspraakConflict as conflict:
            return _afspraak_conflict(conflict)
        return Response(AfspraakSerializer(afspraak).data)


class AfspraakIntrekkenAPI(APIView):
    @extend_schema(
        request=IntrekSerializer,
        responses={200: AfspraakSerializer, 409: None},
        description="Een afspraak intrekken met een korte reden. Ze blijft in het plan staan, als ingetrokken.",
    )
    def post(self, request: Request, pk: int, afspraak_id: int) -> Response:
        casus = _casus(request, pk, wijzigen=True)
        afspraak = _open_afspraak(casus, afspraak_id)
        invoer = IntrekSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            afspraak = services.trek_afspraak_in(actor=request.user, afspraak=afspraak, **invoer.validated_data)
        except services.AfspraakConflict as conflict:
            return _afspraak_conflict(conflict)
        return Response(AfspraakSerializer(afspraak).data)


class EvaluatiesAPI(APIView):
    @extend_schema(request=EvaluatieSerializer, responses={201: PlanSerializer})
    def post(self, request: Request, pk: int) -> Response:
        casus = beheerbare_casus(request, pk)
        invoer = EvaluatieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.evalueer(actor=request.user, casus=casus, inhoud=services.EvaluatieInhoud(**invoer.validated_data))
        return Response(_plan_data(Samenwerkplan.objects.get(casus=casus)), status=status.HTTP_201_CREATED)
