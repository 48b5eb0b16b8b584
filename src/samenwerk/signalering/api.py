"""The signal API: someone's own signals, handle with a note, snooze until a date. The same
selectors and services as the inbox; another person's signal answers 404."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.gemeenten.selectors import eigen_gemeente

from . import selectors, services
from .forms import InboxFilter
from .models import Signalering
from .serializers import AfhandelSerializer, SignaleringSerializer, UitstelSerializer


@extend_schema(parameters=[OpenApiParameter("gemeente", str), OpenApiParameter("soort", str), OpenApiParameter("status", str)])
class SignaleringLijst(generics.ListAPIView[Signalering]):
    """My signals in one municipality (`?gemeente=<slug>`, default the first); `status`
    (default all) and `soort` filter like the inbox."""

    serializer_class = SignaleringSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        gemeente = eigen_gemeente(self.request.user, self.request.query_params.get("gemeente", ""))
        if gemeente is None:
            return Signalering.objects.none()
        form = InboxFilter(self.request.query_params)
        if not form.is_valid():
            raise ValidationError({veld: list(fouten) for veld, fouten in form.errors.items()})
        d = form.cleaned_data
        return selectors.inbox(self.request.user, gemeente, soort=d["soort"], status=d["status"])


class AfhandelenAPI(APIView):
    @extend_schema(request=AfhandelSerializer, responses=SignaleringSerializer)
    def post(self, request: Request, pk: int) -> Response:
        signalering = selectors.signalering_of_404(request.user, pk)
        invoer = AfhandelSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.handel_af(actor=request.user, signalering=signalering, notitie=invoer.validated_data["notitie"])
        return Response(SignaleringSerializer(signalering).data)


class UitstellenAPI(APIView):
    @extend_schema(request=UitstelSerializer, responses=SignaleringSerializer)
    def post(self, request: Request, pk: int) -> Response:
        signalering = selectors.signalering_of_404(request.user, pk)
        invoer = UitstelSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.stel_uit(actor=request.user, signalering=signalering, tot=invoer.validated_data["tot"])
        return Response(SignaleringSerializer(signalering).data)
