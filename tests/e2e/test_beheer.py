"""Every page of the beheer (list, add, change, delete confirmation; people and roles,
organisations, areas, the municipality with its norms, price lists, the AVE table), as the
demo beheerder in a real browser at 360, 768 and 1280 px:
axe finds nothing and the page never scrolls sideways."""

import pytest
from django.core.management import call_command

from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie, User
from samenwerk.regie.models import AveVerantwoordelijkheid
from samenwerk.rendement.models import Prijslijst
from tests.e2e.conftest import axe_violations, browser_login, describe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BREEDTES = (360, 768, 1280)


def _paginas() -> list[str]:
    gemeente = Gemeente.objects.get(slug="lindenhoven")
    user = User.objects.get(email="professional4@lindenhoven.example")
    organisatie = Organisatie.objects.filter(gemeente=gemeente).first()
    gebied = Gebied.objects.filter(gemeente=gemeente).first()
    prijslijst = Prijslijst.objects.filter(gemeente=gemeente).first()
    ave = AveVerantwoordelijkheid.objects.filter(gemeente=gemeente).first()
    paginas = ["/beheer/"]
    for pad, obj in [
        ("gemeenten/user", user),
        ("gemeenten/organisatie", organisatie),
        ("gemeenten/gebied", gebied),
        ("rendement/prijslijst", prijslijst),
        ("regie/aveverantwoordelijkheid", ave),
    ]:
        paginas += [
            f"/beheer/{pad}/",
            f"/beheer/{pad}/add/",
            f"/beheer/{pad}/{obj.pk}/change/",
            f"/beheer/{pad}/{obj.pk}/delete/",
        ]
    paginas += ["/beheer/gemeenten/gemeente/", f"/beheer/gemeenten/gemeente/{gemeente.pk}/change/"]  # the norms
    return paginas


def test_every_beheer_page_is_accessible_and_fits_at_every_width(live_server, page, settings):
    settings.DEMO_PASSWORD = "demo-wachtwoord-browser"
    call_command("load_demo", "--quiet-logins")
    browser_login(page, live_server.url, "beheerder@lindenhoven.example", settings.DEMO_PASSWORD)
    fouten = []
    for pad in _paginas():
        for breedte in BREEDTES:
            page.set_viewport_size({"width": breedte, "height": 900})
            response = page.goto(live_server.url + pad)
            assert response.status == 200, pad
            if (scroll := page.evaluate("document.documentElement.scrollWidth")) > breedte:
                fouten.append(f"{pad} at {breedte}px: {scroll}px wide")
            if violations := axe_violations(page):
                fouten.append(f"{pad} at {breedte}px:\n{describe(violations)}")
    assert fouten == [], "\n".join(fouten)
