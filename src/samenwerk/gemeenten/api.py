"""API for the organisation model: who am I, and the sociale kaart of my municipality."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .forms import SocialeKaartFilter
from .models import Organisatie
from .selectors import sociale_kaart
from .serializers import MijSerializer, OrganisatieSerializer


class MijView(APIView):
    @extend_schema(responses=MijSerializer)
    def get(self, request: Request) -> Response:
        return Response(MijSerializer(request.user).data)


@extend_schema(parameters=[OpenApiParameter("gebied", int), OpenApiParameter("soort", str), OpenApiParameter("zoek", str)])
class SocialeKaartView(generics.ListAPIView[Organisatie]):
    serializer_class = OrganisatieSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        gemeente = get_object_or_404(self.request.user.gemeenten(), slug=self.kwargs["gemeente"])
        form = SocialeKaartFilter(self.request.query_params, gemeente=gemeente)
        if not form.is_valid():
            raise ValidationError({veld: list(fouten) for veld, fouten in form.errors.items()})
        gebied = form.cleaned_data.get("gebied")
        return sociale_kaart(
            gemeente, gebied_id=gebied.pk if gebied else None, soort=form.cleaned_data["soort"], zoek=form.cleaned_data["zoek"]
        )
