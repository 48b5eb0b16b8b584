"""The API of the stuurgroep report and the flexible budget: the same rules and services as
the pages (views_rapport.py)."""

from __future__ import annotations

import datetime

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.overleg.models import Overleg

from . import budget, rapport, rules
from .models import Besteding
from .serializers_rapport import (
    BestedingInvoerSerializer,
    BestedingSerializer,
    BudgetpotSerializer,
    PotInvoerSerializer,
    RapportSerializer,
)
from .views_rapport import tafel_voor_rapport


def _datum(request: Request, naam: str, standaard: datetime.date) -> datetime.date:
    waarde = request.query_params.get(naam)
    if not waarde:
        return standaard
    try:
        return datetime.date.fromisoformat(waarde)
    except ValueError as fout:
        raise ApiValidationError({naam: ["Geef een datum als JJJJ-MM-DD."]}) from fout


def _pot_data(saldo: budget.Saldo) -> dict[str, object]:
    p = saldo.pot
    return {"id": p.pk, "naam": p.naam, "bedrag": p.bedrag, "van": p.van, "tot": p.tot, "besteed": saldo.besteed,
            "saldo": saldo.saldo, "aantal_bestedingen": saldo.aantal}  # fmt: skip


class RapportAPI(APIView):
    """The stuurgroep report of a table for a period (default: the last twelve months)."""

    @extend_schema(
        parameters=[OpenApiParameter("van", datetime.date), OpenApiParameter("tot", datetime.date)],
        responses={200: RapportSerializer},
    )
    def get(self, request: Request, pk: int) -> Response:
        tafel = tafel_voor_rapport(request, pk)  # type: ignore[arg-type]
        standaard_van, standaard_tot = rapport.standaardperiode()
        van, tot = _datum(request, "van", standaard_van), _datum(request, "tot", standaard_tot)
        if tot < van:
            raise ApiValidationError({"tot": ["De einddatum ligt vóór de begindatum."]})
        r = rapport.bereken(tafel, van, tot)
        b = r.budget
        data = {
            "tafel": tafel.pk, "van": van, "tot": tot, "aanmeldingen": r.aanmeldingen,
            "triage": [{"naam": n, "aantal": a} for n, a in r.triage_rijen()], "mdo": r.mdo, "mdo_casussen": r.mdo_casussen,
            "organisaties": [{"naam": n, "aantal": a} for n, a in r.organisaties],
            "doorlooptijd_mdo": r.doorlooptijd_mdo.__dict__, "doorlooptijd_afsluiting": r.doorlooptijd_afsluiting.__dict__,
            "netwerk": r.netwerk, "samen": r.samen, "leefgebieden": [{"naam": n, "aantal": a} for n, a in r.leefgebieden],
            "budget": {"potten": [_pot_data(s) for s in b["potten"]], "besteed_in_periode": b["totaal"],  # type: ignore[attr-defined]
                       "casussen_met_besteding": b["casussen"], "overschrijdingen": b["overschrijdingen"]},
            "uitleg": r.uitleg,
        }  # fmt: skip
        return Response(RapportSerializer(data).data)


class BudgetpottenAPI(APIView):
    """The table's pots with their balances; POST adds one (chair and secretary)."""

    @extend_schema(responses={200: BudgetpotSerializer(many=True)})
    def get(self, request: Request, pk: int) -> Response:
        tafel = tafel_voor_rapport(request, pk)  # type: ignore[arg-type]
        saldi = budget.saldi(budget.potten(tafel).order_by("-van", "id"))
        return Response(BudgetpotSerializer([_pot_data(s) for s in saldi], many=True).data)

    @extend_schema(request=PotInvoerSerializer, responses={201: BudgetpotSerializer})
    def post(self, request: Request, pk: int) -> Response:
        tafel = tafel_voor_rapport(request, pk)  # type: ignore[arg-type]
        if not rules.mag_budget_beheren(request.user, tafel):
            raise PermissionDenied("Alleen de voorzitter of de secretaris van de Tafel legt het budget vast.")
        invoer = PotInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        pot = budget.maak_pot(actor=request.user, tafel=tafel, **invoer.validated_data)
        data = BudgetpotSerializer(_pot_data(budget.Saldo(pot, budget.NUL, 0))).data
        return Response(data, status=status.HTTP_201_CREATED)


class BestedingenAPI(generics.ListAPIView):  # type: ignore[type-arg]
    """The spends of the table's pots, newest first (the chair and the secretary: each names
    a case); POST records one decided in an MDO+.
    Over the pot without `overschrijding_reden`: 400 on that field."""

    serializer_class = BestedingSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        tafel = tafel_voor_rapport(self.request, self.kwargs["pk"])  # type: ignore[arg-type]
        if not rules.mag_budget_beheren(self.request.user, tafel):
            raise PermissionDenied("Alleen de voorzitter of de secretaris van de Tafel ziet de bestedingen per casus.")
        return budget.bestedingen(tafel)

    @extend_schema(request=BestedingInvoerSerializer, responses={201: BestedingSerializer})
    def post(self, request: Request, pk: int) -> Response:
        tafel = tafel_voor_rapport(request, pk)  # type: ignore[arg-type]
        if not rules.mag_budget_beheren(request.user, tafel):
            raise PermissionDenied("Alleen de voorzitter of de secretaris van de Tafel legt een besteding vast.")
        invoer = BestedingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        pot = tafel.budgetpotten.filter(pk=d["pot"]).select_related("tafel").first()
        aanmelding = tafel.aanmeldingen.filter(pk=d["aanmelding"]).first()
        overleg = Overleg.objects.filter(pk=d["overleg"], casus__tafelaanmeldingen__tafel=tafel).distinct().first()
        fouten = {}
        if pot is None:
            fouten["pot"] = ["Kies een budget van deze Tafel."]
        if aanmelding is None:
            fouten["aanmelding"] = ["Kies een casus die bij deze Tafel is aangemeld."]
        if fouten:
            raise ApiValidationError(fouten)
        besteding = budget.leg_besteding_vast(
            actor=request.user, pot=pot, aanmelding=aanmelding, overleg=overleg,  # type: ignore[arg-type]
            gegevens=budget.Bestedinggegevens(bedrag=d["bedrag"], doel=d["doel"], besluit=d["besluit"],
                                              overschrijding_reden=d["overschrijding_reden"]),
        )  # fmt: skip
        besteding = Besteding.objects.select_related("aanmelding__casus").get(pk=besteding.pk)
        return Response(BestedingSerializer(besteding).data, status=status.HTTP_201_CREATED)
