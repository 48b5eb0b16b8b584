"""The case API: the same selectors, rules and services as the pages."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.gemeenten.selectors import eigen_gemeente
from samenwerk.privacy.models import Actie

from . import services
from .forms import CasusFilter
from .models import Casus
from .rules import mag_beheren, ziet_persoonsgegevens
from .selectors import casus_of_404, mijn_casussen
from .serializers import (
    AanmeldSerializer,
    CasusLijstSerializer,
    CasusSerializer,
    NetwerklidSerializer,
    StatusSerializer,
    ToestemmingSerializer,
)

# Free texts about the resident that the reduced view leaves out.
VRIJE_TEKSTEN_CASUS = ("aangemeld_door", "reeds_betrokken", "aanleiding", "afsluitreden")


def beheerbare_casus(request: Request, pk: int) -> Casus:
    casus = casus_of_404(request.user, pk)
    if not mag_beheren(request.user, casus):
        raise PermissionDenied("Alleen de casusregisseur kan dit doen.")
    return casus


@extend_schema(parameters=[OpenApiParameter("gemeente", str), OpenApiParameter("gebied", int), OpenApiParameter("status", str)])
class CasusLijst(generics.ListAPIView[Casus]):
    """My cases in one municipality (`?gemeente=<slug>`, default the first), filtered like the page."""

    serializer_class = CasusLijstSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        gemeente = eigen_gemeente(self.request.user, self.request.query_params.get("gemeente", ""))
        if gemeente is None:
            return Casus.objects.none()
        form = CasusFilter(self.request.query_params, gemeente=gemeente)
        if not form.is_valid():
            raise ValidationError({veld: list(fouten) for veld, fouten in form.errors.items()})
        gebied = form.cleaned_data.get("gebied")
        return mijn_casussen(
            self.request.user, gemeente, gebied_id=gebied.pk if gebied else None, status=form.cleaned_data["status"]
        )

    def paginate_queryset(self, queryset):  # type: ignore[no-untyped-def]
        """The page's residents are read here: logged before the response leaves."""
        pagina = super().paginate_queryset(queryset)
        services.log_lijst(actor=self.request.user, casussen=pagina or [])  # type: ignore[arg-type]
        return pagina

    @extend_schema(request=AanmeldSerializer, responses={201: CasusSerializer})
    def post(self, request: Request) -> Response:
        invoer = AanmeldSerializer(data=request.data, user=request.user)
        invoer.is_valid(raise_exception=True)
        data = dict(invoer.validated_data)
        inwoner = services.InwonerGegevens(**data.pop("inwoner"))
        casus = services.meld_aan(actor=request.user, inwoner=inwoner, **data)
        return Response(CasusSerializer(casus).data, status=status.HTTP_201_CREATED)


class CasusDetail(APIView):
    @extend_schema(responses=CasusSerializer)
    def get(self, request: Request, pk: int) -> Response:
        casus = casus_of_404(request.user, pk)
        volledig = ziet_persoonsgegevens(request.user, casus)
        segment = "persoonsgegevens" if volledig else "samenwerking"
        services.log_casus(actor=request.user, casus=casus, actie=Actie.READ, gebeurtenis="casus.bekeken", segment=segment)
        data = CasusSerializer(casus).data
        if not volledig:  # the procesregisseur: the cooperation, not the resident (domain.md §1)
            data["inwoner"] = None
            data.update(dict.fromkeys(VRIJE_TEKSTEN_CASUS, ""))
        return Response(data)


class ToestemmingAPI(APIView):
    @extend_schema(request=ToestemmingSerializer, responses={201: ToestemmingSerializer})
    def post(self, request: Request, pk: int) -> Response:
        casus = beheerbare_casus(request, pk)
        invoer = ToestemmingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        toestemming = services.leg_toestemming_vast(actor=request.user, casus=casus, **invoer.validated_data)
        return Response(ToestemmingSerializer(toestemming).data, status=status.HTTP_201_CREATED)


class NetwerkAPI(APIView):
    @extend_schema(request=NetwerklidSerializer, responses={201: NetwerklidSerializer})
    def post(self, request: Request, pk: int) -> Response:
        casus = beheerbare_casus(request, pk)
        invoer = NetwerklidSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        lid = services.voeg_netwerklid_toe(actor=request.user, casus=casus, **invoer.validated_data)
        return Response(NetwerklidSerializer(lid).data, status=status.HTTP_201_CREATED)


class StatusAPI(APIView):
    @extend_schema(request=StatusSerializer, responses=CasusSerializer)
    def post(self, request: Request, pk: int) -> Response:
        casus = beheerbare_casus(request, pk)
        invoer = StatusSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        casus = services.wijzig_status(actor=request.user, casus=casus, **invoer.validated_data)
        return Response(CasusSerializer(casus_of_404(request.user, casus.pk)).data)
