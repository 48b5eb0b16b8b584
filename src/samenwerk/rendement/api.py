"""The price list in the API (/api/v1/gemeenten/<slug>/prijslijsten/...). Reading for every
role that uses the list; writing for the functioneel beheerder, through the same services
as the pages. Another municipality answers 404; a service's ValidationError a 400 with
Dutch messages per field."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from functools import cached_property
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.gemeenten.models import Gemeente

from . import selectors, services
from .models import ITEMVELDEN, Prijsitem, Prijslijst, normaliseer_code
from .rules import mag_beheren
from .serializers import (
    ImportBestandSerializer,
    ImportFoutenSerializer,
    ImportResultaatSerializer,
    NieuwePrijslijstSerializer,
    PrijsitemSerializer,
    PrijslijstSerializer,
)
from .uitwisseling import MAX_BYTES, ImportMislukt


@contextmanager
def als_api_fout() -> Iterator[None]:
    """A service's ValidationError becomes a 400 with the same Dutch messages per field."""
    try:
        yield
    except DjangoValidationError as fout:
        raise ValidationError(fout.message_dict if hasattr(fout, "error_dict") else {"non_field_errors": fout.messages}) from fout


class GemeenteMixin:
    kwargs: dict[str, Any]
    request: Request

    @cached_property
    def gemeente(self) -> Gemeente:
        return get_object_or_404(selectors.leesbare_gemeenten(self.request.user), slug=self.kwargs["gemeente"])

    @cached_property
    def prijslijst(self) -> Prijslijst:
        return get_object_or_404(selectors.prijslijsten(self.gemeente), jaar=self.kwargs["jaar"])

    def controleer_beheer(self) -> None:
        """Checked before the input, so someone who may not write learns nothing from a 400."""
        if not mag_beheren(self.request.user, self.gemeente):
            raise PermissionDenied


class PrijslijstenView(GemeenteMixin, generics.ListCreateAPIView[Prijslijst]):
    serializer_class = PrijslijstSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return selectors.prijslijsten(self.gemeente)

    @extend_schema(request=NieuwePrijslijstSerializer, responses={201: PrijslijstSerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.controleer_beheer()
        invoer = NieuwePrijslijstSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        with als_api_fout():
            lijst = services.maak_prijslijst(actor=request.user, gemeente=self.gemeente, **invoer.validated_data)
        lijst = selectors.prijslijsten(self.gemeente).get(pk=lijst.pk)
        return Response(PrijslijstSerializer(lijst).data, status=status.HTTP_201_CREATED)


class PrijslijstView(GemeenteMixin, generics.RetrieveUpdateAPIView[Prijslijst]):
    serializer_class = PrijslijstSerializer

    def get_object(self) -> Prijslijst:
        return self.prijslijst

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.controleer_beheer()
        return super().update(request, *args, **kwargs)

    def perform_update(self, serializer: PrijslijstSerializer) -> None:  # type: ignore[override]
        lijst, data = self.prijslijst, serializer.validated_data
        with als_api_fout():
            services.wijzig_prijslijst(
                actor=self.request.user,
                prijslijst=lijst,
                weken_per_jaar=data.get("weken_per_jaar", lijst.weken_per_jaar),
                toelichting=data.get("toelichting", lijst.toelichting),
            )


class ItemsView(GemeenteMixin, generics.ListCreateAPIView[Prijsitem]):
    serializer_class = PrijsitemSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return selectors.items(self.prijslijst)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.controleer_beheer()
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer: PrijsitemSerializer) -> None:  # type: ignore[override]
        gegevens = services.ItemGegevens(**({"bron": ""} | serializer.validated_data))
        with als_api_fout():
            serializer.instance = services.voeg_item_toe(actor=self.request.user, prijslijst=self.prijslijst, gegevens=gegevens)


class ItemView(GemeenteMixin, generics.RetrieveUpdateDestroyAPIView[Prijsitem]):
    serializer_class = PrijsitemSerializer

    def get_object(self) -> Prijsitem:
        code = normaliseer_code(self.kwargs["code"])
        if "\x00" in code:  # names no item, and PostgreSQL refuses a NUL byte in a query (a 500)
            raise Http404
        return get_object_or_404(selectors.items(self.prijslijst), code=code)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.controleer_beheer()
        return super().update(request, *args, **kwargs)

    def perform_update(self, serializer: PrijsitemSerializer) -> None:  # type: ignore[override]
        item = serializer.instance
        gegevens = services.ItemGegevens(**{v: serializer.validated_data.get(v, getattr(item, v)) for v in ITEMVELDEN})
        with als_api_fout():
            serializer.instance = services.wijzig_item(actor=self.request.user, item=item, gegevens=gegevens)  # type: ignore[arg-type]

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.controleer_beheer()
        return super().destroy(request, *args, **kwargs)

    def perform_destroy(self, instance: Prijsitem) -> None:
        services.verwijder_item(actor=self.request.user, item=instance)


class ImportView(GemeenteMixin, APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": ImportBestandSerializer},
        responses={200: ImportResultaatSerializer, 400: ImportFoutenSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Read a CSV or XLSX file into the list: all or nothing, upsert by code."""
        self.controleer_beheer()
        invoer = ImportBestandSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        inhoud = invoer.validated_data["bestand"].read(MAX_BYTES + 1)
        try:
            resultaat = services.importeer_prijslijst(actor=request.user, prijslijst=self.prijslijst, inhoud=inhoud)
        except ImportMislukt as mislukt:
            fouten = [asdict(f) | {"tekst": str(f)} for f in mislukt.fouten]
            return Response({"fouten": fouten}, status=status.HTTP_400_BAD_REQUEST)
        return Response(asdict(resultaat))
