"""Signing in through the municipality's identity provider (issue 22): a real OpenID provider
(django-oidc-provider in its own process on loopback, tests/accounts/oidc_op) and Chromium.
The whole flow (provider, then the product's own code), a provider-asserted multi-factor
sign-in the municipality accepts, and refusals with a Dutch page: a forged signature, another
audience, an expired token, a replayed state, an unknown person."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from samenwerk.gemeenten.models import Rol
from samenwerk.oidc.models import Identiteitsprovider, Koppeling
from samenwerk.privacy import geheimen
from samenwerk.privacy.models import AuditEntry
from tests.accounts.oidc_op.fixture import ACCOUNTS, PASSWORD, openid_provider
from tests.e2e.conftest import axe_violations, describe
from tests.factories import GemeenteFactory, RoltoewijzingFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):  # type: ignore[no-untyped-def]
    with openid_provider(live_server.url + "/inloggen/via/terug/", tmp_path_factory.mktemp("op")) as op:
        yield op


@pytest.fixture
def gemeente(provider, live_server, settings):  # type: ignore[no-untyped-def]
    settings.SITE_URL = live_server.url
    gemeente = GemeenteFactory(naam="Lindenhoven", slug="lindenhoven")
    Identiteitsprovider.objects.create(
        gemeente=gemeente,
        issuer=provider.issuer,
        client_id=provider.client_id,
        client_secret_versleuteld=geheimen.versleutel(provider.client_secret),
    )
    for username, email in ACCOUNTS:
        if username != "onbekend":
            RoltoewijzingFactory(user=UserFactory(email=email, first_name=username.title(), last_name="Test"),
                                 gemeente=gemeente, organisatie=None, rol=Rol.GEBIEDSAANJAGER)  # fmt: skip
    return gemeente


def _via_provider(page, live_server, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_role("link", name="Inloggen via Lindenhoven").click()
    page.get_by_role("heading", name="Test identity provider: sign in").wait_for()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in at the provider").click()


def _backup_code(email: str) -> str:
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    from samenwerk.gemeenten.models import User
    from tests.auth import authenticator

    user = User.objects.get(email=email)
    authenticator(user)
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Herstelcodes")
    return device.token_set.create(token=StaticToken.random_token()).token


def test_sign_in_through_the_provider_then_the_code_and_a_replayed_state_is_refused(live_server, page, gemeente):
    code = _backup_code("medewerker@provider.example")
    page.goto(f"{live_server.url}/inloggen/")
    assert axe_violations(page) == [], describe(axe_violations(page))
    terug: list[str] = []
    page.on("request", lambda r: terug.append(r.url) if "/inloggen/via/terug/" in r.url else None)
    _via_provider(page, live_server, "medewerker")

    # The provider is not enough: the product's own second step follows.
    page.get_by_role("heading", level=1, name="Code invullen").wait_for()
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/account/inlogcode/" not in url)
    assert page.locator(".sw-user").inner_text() == "Medewerker Test"
    koppeling = Koppeling.objects.get(user__email="medewerker@provider.example")
    assert koppeling.sub and koppeling.laatst_gebruikt_op is not None
    assert AuditEntry.objects.filter(gebeurtenis="aanmelding.oidc.eerste-stap", gemeente_id=gemeente.pk).count() == 1
    assert AuditEntry.objects.filter(gebeurtenis="aanmelding.geslaagd", gebruiker_id=koppeling.user_id).count() == 1

    # The provider's answer once more (same code, same state): refused, with a page saying why.
    assert len(terug) == 1 and "state=" in terug[0] and "code=" in terug[0]
    response = page.goto(terug[0])
    assert response.status == 400
    assert page.get_by_role("heading", level=1).inner_text() == "Deze inlogpoging is al gebruikt of verlopen"
    assert axe_violations(page) == [], describe(axe_violations(page))


def test_provider_asserted_multi_factor_counts_only_when_the_municipality_accepts_it(live_server, page, gemeente):
    _backup_code("mfa@provider.example"), _backup_code("medewerker@provider.example")  # both have an authenticator
    _via_provider(page, live_server, "mfa")
    page.get_by_role("heading", level=1, name="Code invullen").wait_for()  # not accepted (the default)
    page.context.clear_cookies()

    Identiteitsprovider.objects.filter(gemeente=gemeente).update(mfa_accepteren=True, mfa_waarden="mfa, hwk")
    _via_provider(page, live_server, "mfa")
    page.wait_for_url(f"{live_server.url}{reverse('portaal:start')}")
    assert page.locator(".sw-user").inner_text() == "Mfa Test"
    assert AuditEntry.objects.filter(gebeurtenis="aanmelding.oidc.geslaagd", reden="meervoudig via provider").count() == 1

    # An account whose provider asserts no second factor still gets the code step.
    page.context.clear_cookies()
    _via_provider(page, live_server, "medewerker")
    page.get_by_role("heading", level=1).filter(has_text="Code").wait_for()


@pytest.mark.parametrize(
    ("username", "status", "kop"),
    [
        ("vervalst", 400, "De handtekening van de identiteitsprovider klopt niet"),
        ("ander-publiek", 400, "Het bewijs van inloggen is voor een andere toepassing bedoeld"),
        ("verlopen", 400, "Het bewijs van inloggen is verlopen"),
        ("onbekend", 403, "Uw account is niet bekend in het platform"),
    ],
)
def test_refusals_get_a_dutch_page_and_no_session(live_server, page, gemeente, username, status, kop):
    statussen: list[int] = []
    page.on("response", lambda r: statussen.append(r.status) if "/inloggen/via/terug/" in r.url else None)
    _via_provider(page, live_server, username)
    page.get_by_role("heading", level=1, name=kop).wait_for()
    assert statussen == [status]
    expect(page.get_by_role("link", name="Naar de inlogpagina")).to_be_visible()
    assert not page.locator(".sw-user").count()
    page.goto(f"{live_server.url}/account/sessies/")
    assert "/inloggen/" in page.url  # not signed in
    assert AuditEntry.objects.filter(gebeurtenis="aanmelding.oidc.geweigerd", gemeente_id=gemeente.pk).count() == 1
    assert not Koppeling.objects.exists() or username != "onbekend"


def test_sign_in_page_and_refusal_page_fit_every_width(live_server, page, gemeente, tmp_path):
    from tests.e2e.test_layout import BREEDTES, DOEL, METEN, controleer

    assert controleer(page, ["/inloggen/"], live_server.url) == []
    page.goto(f"{live_server.url}/inloggen/via/terug/?state=oud&code=x")  # a replayed return
    fouten = []
    for breedte in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": 900})
        page.reload()
        meting = page.evaluate(METEN, DOEL)
        if meting["scrollWidth"] > breedte or meting["teKlein"]:
            fouten.append(f"{breedte}px: {meting}")
        page.screenshot(path=str(tmp_path / f"oidc-geweigerd-{breedte}.png"), full_page=True)
        page.goto(f"{live_server.url}/inloggen/")
        page.screenshot(path=str(tmp_path / f"oidc-inloggen-{breedte}.png"), full_page=True)
        page.goto(f"{live_server.url}/inloggen/via/terug/?state=oud&code=x")
    assert fouten == []
    assert axe_violations(page) == [], describe(axe_violations(page))


def test_beheer_pages_of_the_identity_provider_are_accessible_and_fit(live_server, page, gemeente):
    from tests.e2e.conftest import browser_login
    from tests.e2e.test_layout import BREEDTES
    from tests.factories import TEST_PASSWORD

    beheerder = RoltoewijzingFactory(gemeente=gemeente, organisatie=None, rol=Rol.FUNCTIONEEL_BEHEERDER).user
    browser_login(page, live_server.url, beheerder.email, TEST_PASSWORD)
    provider = Identiteitsprovider.objects.get(gemeente=gemeente)
    fouten = []
    for pad in ("/beheer/oidc/identiteitsprovider/", "/beheer/oidc/identiteitsprovider/add/",
                f"/beheer/oidc/identiteitsprovider/{provider.pk}/change/"):  # fmt: skip
        for breedte in BREEDTES:
            page.set_viewport_size({"width": breedte, "height": 900})
            response = page.goto(live_server.url + pad)
            assert response.status == 200, pad
            assert provider.client_secret_versleuteld not in page.content()
            if (scroll := page.evaluate("document.documentElement.scrollWidth")) > breedte:
                fouten.append(f"{pad} at {breedte}px: {scroll}px wide")
            if violations := axe_violations(page):
                fouten.append(f"{pad} at {breedte}px:\n{describe(violations)}")
    assert fouten == [], "\n".join(fouten)
