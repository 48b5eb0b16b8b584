"""The leersessies' API: the same selectors, rules and services as the pages. Service
errors answer 400 with field errors; a concurrent change of an actieleren record 409."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.gemeenten.models import Normen, Organisatie, User

from ..models import Actieleren, Casusinbreng, Leersessie, Sessieverslag
from . import actieleren as actieleren_services
from . import rules, selectors, services
from .serializers import (
    AanwezigheidInvoerSerializer,
    ActielerenInvoerSerializer,
    ActielerenSerializer,
    DeelnameSerializer,
    FeedbackInvoerSerializer,
    LeersessieAanmeldInvoerSerializer,
    LeersessieDetailSerializer,
    LeersessieSerializer,
    ReeksInvoerSerializer,
    VerslagInvoerSerializer,
    VerslagSerializer,
)


def _persoon(pk: int | None, veld: str) -> User | None:
    if pk is None:
        return None
    user = User.objects.filter(pk=pk).first()
    if user is None:
        raise ApiValidationError({veld: ["Onbekende persoon."]})
    return user


class SessiesAPI(generics.ListAPIView[Leersessie]):
    """The leersessies of the municipalities where the person holds a role, newest first."""

    serializer_class = LeersessieSerializer

    @extend_schema(parameters=[OpenApiParameter("gebied", int, description="Alleen dit gebied")])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):  # type: ignore[no-untyped-def]
        gebied = self.request.query_params.get("gebied", "")
        return selectors.sessielijst(self.request.user, int(gebied) if gebied.isdigit() else None)


class ReeksAPI(APIView):
    """Save the area's fixed schedule and plan its sessions from `vanaf` to `tot`."""

    @extend_schema(request=ReeksInvoerSerializer, responses={201: LeersessieSerializer(many=True)})
    def post(self, request: Request, pk: int) -> Response:
        gebied = selectors.gebied_of_404(request.user, pk)
        if not rules.leidt(request.user, gebied):
            raise PermissionDenied
        invoer = ReeksInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        vanaf, tot = d.pop("vanaf"), d.pop("tot")
        rooster = services.bewaar_rooster(actor=request.user, gebied=gebied, gegevens=services.Roostergegevens(**d))
        nieuw = services.plan_reeks(actor=request.user, rooster=rooster, vanaf=vanaf, tot=tot)
        for s in nieuw:
            s.aantal_aanmeldingen = 0  # type: ignore[attr-defined]
        return Response(LeersessieSerializer(nieuw, many=True).data, status=status.HTTP_201_CREATED)


class SessieAPI(APIView):
    @extend_schema(responses={200: LeersessieDetailSerializer})
    def get(self, request: Request, pk: int) -> Response:
        sessie = selectors.sessie_of_404(request.user, pk)
        tafels = selectors.tafels_met_deelnames(sessie)
        leiding = rules.leidt(request.user, sessie.gebied)
        mijn = selectors.deelname_van(request.user, sessie)
        sessie.tafels_lijst = tafels  # type: ignore[attr-defined]
        data = LeersessieDetailSerializer(sessie).data
        data["tafels"] = [{"id": t.pk, "soort": t.soort, "naam": t.naam, "gespreksleider": str(t.gespreksleider or "") or None}
                          for t in tafels]  # fmt: skip
        data["aantal_aanmeldingen"] = sessie.deelnames.filter(afgemeld_op__isnull=True).count()
        data["link"] = sessie.link if (leiding or (mijn is not None and not mijn.zonder_link)) else ""
        data["mijn_aanmelding"] = DeelnameSerializer(mijn).data if mijn else None
        data["aanmeldingen"] = DeelnameSerializer(selectors.aanmeldingen(sessie), many=True).data if leiding else None
        normen = Normen.objects.voor(sessie.gemeente_id)
        data["waarschuwingen"] = [w.tekst for w in selectors.tafelwaarschuwingen(sessie, tafels, normen)]
        return Response(data)


class AanmeldingAPI(APIView):
    @extend_schema(request=LeersessieAanmeldInvoerSerializer, responses={201: DeelnameSerializer})
    def post(self, request: Request, pk: int) -> Response:
        sessie = selectors.sessie_of_404(request.user, pk)
        if not rules.mag_aanmelden(request.user, sessie):
            raise PermissionDenied
        invoer = LeersessieAanmeldInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        tafel_id = invoer.validated_data["tafel"]
        tafel = sessie.tafels.filter(pk=tafel_id).first() if tafel_id else None
        if tafel_id and tafel is None:
            raise ApiValidationError({"tafel": ["Kies een tafel van deze leersessie."]})
        deelname = services.meld_aan(actor=request.user, sessie=sessie, tafel=tafel)
        return Response(DeelnameSerializer(deelname).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        sessie = selectors.sessie_of_404(request.user, pk)
        deelname = selectors.deelname_van(request.user, sessie)
        if deelname is None:
            raise ApiValidationError({"non_field_errors": ["U bent niet aangemeld voor deze leersessie."]})
        services.meld_af(actor=request.user, deelname=deelname)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AanwezigheidAPI(APIView):
    @extend_schema(request=AanwezigheidInvoerSerializer, responses={200: DeelnameSerializer(many=True)})
    def put(self, request: Request, pk: int) -> Response:
        sessie = selectors.sessie_of_404(request.user, pk)
        if not rules.leidt(request.user, sessie.gebied):
            raise PermissionDenied
        invoer = AanwezigheidInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        regels = [services.Aanwezigheid(r["deelname"], r["tafel"], r["aanwezig"]) for r in invoer.validated_data["regels"]]
        services.leg_aanwezigheid_vast(actor=request.user, sessie=sessie, regels=regels)
        return Response(DeelnameSerializer(selectors.aanmeldingen(sessie), many=True).data)


class VerslagAPI(APIView):
    @extend_schema(responses={200: VerslagSerializer})
    def get(self, request: Request, pk: int) -> Response:
        sessie = selectors.sessie_of_404(request.user, pk)
        verslag = Sessieverslag.objects.filter(sessie=sessie).first() or Sessieverslag(sessie=sessie)
        data = dict(VerslagSerializer(verslag).data) if verslag.pk else {
            "doelen": "", "positief": "", "aandachtspunten": "", "acties": [], "versie": 0
        }  # fmt: skip
        return Response(data)

    @extend_schema(request=VerslagInvoerSerializer, responses={200: VerslagSerializer})
    def put(self, request: Request, pk: int) -> Response:
        sessie = selectors.sessie_of_404(request.user, pk)
        if not rules.leidt(request.user, sessie.gebied):
            raise PermissionDenied
        invoer = VerslagInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        acties = []
        for a in d["acties"]:
            organisatie = Organisatie.objects.filter(pk=a["organisatie"], gemeente=sessie.gemeente_id).first()
            if organisatie is None:
                raise ApiValidationError({"acties": ["Kies een organisatie van deze gemeente."]})
            acties.append((a["actie"], organisatie, _persoon(a["kartrekker"], "acties")))
        gegevens = services.Verslaggegevens(
            doelen=d["doelen"], positief=d["positief"], aandachtspunten=d["aandachtspunten"], acties=acties
        )
        verslag = services.bewaar_verslag(actor=request.user, sessie=sessie, gegevens=gegevens, versie=d["versie"])
        return Response(VerslagSerializer(verslag).data)


class FeedbackAPI(APIView):
    @extend_schema(request=FeedbackInvoerSerializer, responses={204: None})
    def post(self, request: Request, pk: int) -> Response:
        sessie = selectors.sessie_of_404(request.user, pk)
        invoer = FeedbackInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.geef_feedback(actor=request.user, sessie=sessie, **invoer.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _gegevens(invoer: dict[str, Any], gemeente_id: int) -> actieleren_services.Actielerengegevens:
    inbreng = None
    if invoer["inbreng"] is not None:
        inbreng = Casusinbreng.objects.filter(pk=invoer["inbreng"], gemeente_id=gemeente_id).first()
        if inbreng is None:
            raise ApiValidationError({"inbreng": ["Kies een casus die zonder namen is gedeeld."]})
    return actieleren_services.Actielerengegevens(
        indiener=_persoon(invoer["indiener"], "indiener"),  # type: ignore[arg-type]
        vraag=invoer["vraag"], gespreksleider=_persoon(invoer["gespreksleider"], "gespreksleider"),
        les_vorige_keer=invoer["les_vorige_keer"], inbreng=inbreng,
        deelnemers=[(_persoon(d["user"], "deelnemers"), d["expertise"]) for d in invoer["deelnemers"]],  # type: ignore[misc]
        adviezen=[
            actieleren_services.Adviesregel(tekst=a["tekst"], adviseur=_persoon(a["adviseur"], "adviezen"), gekozen=a["gekozen"])
            for a in invoer["adviezen"]
        ],
        dialoog_adviseur=_persoon(invoer["dialoog_adviseur"], "dialoog_adviseur"), vervolgstappen=invoer["vervolgstappen"],
        volgende_inbrenger=_persoon(invoer["volgende_inbrenger"], "volgende_inbrenger"),
        nuttig_bevonden=invoer["nuttig_bevonden"], wat_nuttig=invoer["wat_nuttig"],
    )  # fmt: skip


class ActielerenNieuwAPI(APIView):
    @extend_schema(request=ActielerenInvoerSerializer, responses={201: ActielerenSerializer})
    def post(self, request: Request, pk: int) -> Response:
        tafel = selectors.tafel_of_404(request.user, pk)
        if not rules.mag_actieleren_vastleggen(request.user, tafel.sessie):
            raise PermissionDenied
        invoer = ActielerenInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = _gegevens(invoer.validated_data, tafel.sessie.gemeente_id)
        rij = actieleren_services.maak_actieleren(actor=request.user, tafel=tafel, gegevens=gegevens)
        return Response(ActielerenSerializer(rij).data, status=status.HTTP_201_CREATED)


class ActielerenAPI(APIView):
    @extend_schema(responses={200: ActielerenSerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(ActielerenSerializer(selectors.actieleren_of_404(request.user, pk)).data)

    @extend_schema(request=ActielerenInvoerSerializer, responses={200: ActielerenSerializer, 409: None})
    def put(self, request: Request, pk: int) -> Response:
        rij: Actieleren = selectors.actieleren_of_404(request.user, pk)
        if not rules.mag_actieleren_vastleggen(request.user, rij.tafel.sessie, rij):
            raise PermissionDenied
        invoer = ActielerenInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = _gegevens(invoer.validated_data, rij.tafel.sessie.gemeente_id)
        try:
            rij = actieleren_services.wijzig_actieleren(
                actor=request.user, actieleren=rij, gegevens=gegevens, versie=invoer.validated_data["versie"]
            )
        except actieleren_services.Conflict as conflict:
            return Response(conflict.message_dict, status=status.HTTP_409_CONFLICT)
        return Response(ActielerenSerializer(rij).data)
