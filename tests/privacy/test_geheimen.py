"""Secrets at rest: encrypted with the configured keys, readable after a rotation, unreadable
with another key or when altered."""

import pytest
from django.test import override_settings

from samenwerk.privacy import geheimen

OUD = geheimen.nieuwe_sleutel()
NIEUW = geheimen.nieuwe_sleutel()


def test_round_trip_and_no_plain_text_stored():
    with override_settings(GEHEIMEN_SLEUTELS=[OUD]):
        token = geheimen.versleutel("client-secret-123")
        assert "client-secret-123" not in token
        assert geheimen.ontsleutel(token) == "client-secret-123"


def test_rotation_keeps_old_values_readable_and_re_encrypts_under_the_new_key():
    with override_settings(GEHEIMEN_SLEUTELS=[OUD]):
        token = geheimen.versleutel("geheim")
    with override_settings(GEHEIMEN_SLEUTELS=[NIEUW, OUD]):
        assert geheimen.ontsleutel(token) == "geheim"
        opnieuw = geheimen.versleutel_opnieuw(token)
    with override_settings(GEHEIMEN_SLEUTELS=[NIEUW]):
        assert geheimen.ontsleutel(opnieuw) == "geheim"
        with pytest.raises(geheimen.Onleesbaar):
            geheimen.ontsleutel(token)


def test_an_altered_value_is_refused():
    with override_settings(GEHEIMEN_SLEUTELS=[OUD]):
        token = geheimen.versleutel("geheim")
        with pytest.raises(geheimen.Onleesbaar):
            geheimen.ontsleutel(token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"))
