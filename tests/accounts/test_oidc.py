"""Configuring the municipality's identity provider (issue 22): the client secret is stored
encrypted and never shown again; a functioneel beheerder sees only their own municipality's;
the sign-in page offers "Inloggen via <gemeente>" only for an active provider. The flow itself
runs against a real provider in tests/e2e/test_oidc.py."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenwerk.gemeenten.models import Rol
from samenwerk.oidc.models import Identiteitsprovider
from samenwerk.privacy import geheimen
from tests.auth import login
from tests.factories import GemeenteFactory, RoltoewijzingFactory

pytestmark = pytest.mark.django_db

SECRET = "zeer-geheim-client-secret-4711"


def test_the_secret_is_stored_encrypted_with_the_products_secret_keys(settings):
    """privacy.geheimen holds the keys and their rotation (tests/privacy/test_geheimen.py)."""
    token = geheimen.versleutel(SECRET)
    assert SECRET not in token and geheimen.ontsleutel(token) == SECRET


def _beheerder(gemeente):  # type: ignore[no-untyped-def]
    return RoltoewijzingFactory(gemeente=gemeente, organisatie=None, rol=Rol.FUNCTIONEEL_BEHEERDER).user


def test_beheerder_enters_the_provider_and_the_secret_is_never_shown_again(client):
    gemeente = GemeenteFactory()
    login(client, _beheerder(gemeente))
    url = reverse("beheer:oidc_identiteitsprovider_add")
    form = {"gemeente": gemeente.pk, "issuer": "https://login.gemeente.example/realms/medewerkers", "client_id": "samenwerk",
            "client_secret": SECRET, "actief": "on", "mfa_waarden": "mfa"}  # fmt: skip
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    provider = Identiteitsprovider.objects.get(gemeente=gemeente)
    assert SECRET not in provider.client_secret_versleuteld and geheimen.ontsleutel(provider.client_secret_versleuteld) == SECRET

    page = client.get(reverse("beheer:oidc_identiteitsprovider_change", args=[provider.pk])).content.decode()
    assert SECRET not in page and provider.client_secret_versleuteld not in page
    assert "/inloggen/via/terug/" in page  # the address to register at the provider

    # Saving without a secret keeps the stored one.
    response = client.post(reverse("beheer:oidc_identiteitsprovider_change", args=[provider.pk]), form | {"client_secret": ""})
    assert response.status_code == 302
    provider.refresh_from_db()
    assert geheimen.ontsleutel(provider.client_secret_versleuteld) == SECRET


def test_a_new_provider_needs_a_secret_and_beheerders_see_only_their_own(client):
    eigen, andere = GemeenteFactory(), GemeenteFactory()
    vreemd = Identiteitsprovider.objects.create(gemeente=andere, issuer="https://a.example", client_id="x",
                                                client_secret_versleuteld=geheimen.versleutel("y"))  # fmt: skip
    login(client, _beheerder(eigen))
    form = {"gemeente": eigen.pk, "issuer": "https://b.example", "client_id": "x", "mfa_waarden": "mfa"}
    response = client.post(reverse("beheer:oidc_identiteitsprovider_add"), form)
    assert response.status_code == 200
    assert "Vul het client-secret in" in response.content.decode()
    assert client.get(reverse("beheer:oidc_identiteitsprovider_change", args=[vreemd.pk])).status_code == 302  # not theirs
    assert str(andere) not in client.get(reverse("beheer:oidc_identiteitsprovider_changelist")).content.decode()


def test_login_page_offers_the_provider_only_when_active(client):
    gemeente = GemeenteFactory(naam="Lindenhoven", slug="lindenhoven")
    assert "Inloggen via" not in client.get(reverse("login")).content.decode()
    provider = Identiteitsprovider.objects.create(gemeente=gemeente, issuer="https://a.example", client_id="x",
                                                  client_secret_versleuteld=geheimen.versleutel("y"))  # fmt: skip
    page = client.get(reverse("login") + "?next=/casussen/").content.decode()
    assert "Inloggen via Lindenhoven" in page and 'href="/inloggen/via/lindenhoven/?next=/casussen/"' in page
    provider.actief = False
    provider.save()
    assert "Inloggen via" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("oidc:start", args=["lindenhoven"])).status_code == 404


def test_unreachable_provider_gets_a_dutch_page(client):
    gemeente = GemeenteFactory(slug="ver-weg")
    # a loopback port nothing listens on
    Identiteitsprovider.objects.create(gemeente=gemeente, issuer="http://127.0.0.1:9/openid", client_id="x",
                                       client_secret_versleuteld=geheimen.versleutel("y"))  # fmt: skip
    response = client.get(reverse("oidc:start", args=["ver-weg"]))
    assert response.status_code == 400
    assert "De identiteitsprovider is niet bereikbaar" in response.content.decode()
