"""The error answers of the API, documented in one place instead of on every view.

Every operation's schema lists the answers a client can get besides the success: drf-spectacular
documents only the success by itself, so without this a client (and the contract run in
tests/api/test_contract.py) meets undocumented 400s, 403s and 404s. The rules follow what the
code does, not what each view remembers to declare:

- 400 with field errors: every write (the services' ValidationError answers 400, see
  `exceptions.py`) and every read with filters in its query string. A view that declares a
  400 body of its own (the price-list import's rows) gets "that, or field errors";
- 403: every operation. The API signs in with the session only, which has no challenge to send,
  so "not signed in" is 403 too (never 401); so is "signed in but no code given yet"
  (accounts.middleware) and "your role may not do this";
- 404: every operation with an id in its path (an object you may not see is answered as one that
  does not exist) and every paginated list (a page past the end);
- 409: declared by the views that use optimistic locking; here it gets its body.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers
from rest_framework.permissions import AllowAny


class FoutSerializer(serializers.Serializer):
    """One message for the whole request."""

    detail = serializers.CharField()


class ConflictSerializer(serializers.Serializer):
    """Someone else saved first: the version now, and (where the service knows) what changed and who."""

    detail = serializers.CharField()
    versie = serializers.IntegerField(required=False)
    gewijzigde_velden = serializers.ListField(child=serializers.CharField(), required=False)
    door = serializers.CharField(required=False)
    huidig_niveau = serializers.IntegerField(required=False, allow_null=True)


VELDFOUTEN = {
    "type": "object",
    "description": (
        'Per veld de Nederlandse foutmeldingen (`{"veld": ["melding"]}`; bij geneste invoer een object per veld), '
        "`non_field_errors` voor fouten die niet bij één veld horen, of `detail` als de invoer niet te lezen was."
    ),
    "additionalProperties": {},
}

SCHRIJVEN = {"POST", "PUT", "PATCH", "DELETE"}


class SamenwerkAutoSchema(AutoSchema):
    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses: dict[str, Any] = operation["responses"]
        parameters = operation.get("parameters", [])
        filters = [p for p in parameters if p["in"] == "query" and p["name"] != "page"]
        if self.method in SCHRIJVEN or filters:
            veldfouten = ResolvedComponent(
                name="Veldfouten", type=ResolvedComponent.SCHEMA, object="Veldfouten", schema=VELDFOUTEN
            )
            self.registry.register_on_missing(veldfouten)
            eigen = responses.get("400", {}).get("content", {}).get("application/json", {}).get("schema")
            schema = {"anyOf": [eigen, veldfouten.ref]} if eigen else veldfouten.ref
            responses["400"] = {
                "description": responses.get("400", {}).get("description") or "Ongeldige invoer.",
                "content": _json(schema),
            }
        anoniem = any(isinstance(p, AllowAny) for p in self.view.get_permissions())
        responses.setdefault(
            "403",
            {
                "description": (
                    "Ingelogd maar de code uit de authenticator-app nog niet gegeven."
                    if anoniem
                    else "Niet ingelogd, de code uit de authenticator-app nog niet gegeven, of uw rol mag dit niet."
                ),
                "content": _json(self._ref(FoutSerializer)),
            },
        )
        if any(p["in"] == "path" for p in parameters) or (self._get_paginator() is not None and self._is_list_view()):
            responses.setdefault(
                "404",
                {"description": "Bestaat niet, of u mag het niet zien.", "content": _json(self._ref(FoutSerializer))},
            )
        if "409" in responses and "content" not in responses["409"]:
            responses["409"] = {
                "description": "Iemand anders heeft intussen opgeslagen; haal de nieuwe versie op.",
                "content": _json(self._ref(ConflictSerializer)),
            }
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _ref(self, serializer: type[serializers.Serializer]) -> dict[str, Any]:
        component = self.resolve_serializer(serializer(), "response")
        return component.ref


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}
