"""Error pages in the product's look (not Django's), the favicon, and HEAD on the start page."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.auth import login

pytestmark = pytest.mark.django_db


def _is_product_page(html: str) -> bool:
    return "samenwerk/app.css" in html and "Naar de startpagina" in html and 'lang="nl"' in html


def test_an_unknown_address_shows_the_products_404_page(client, personas):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert _is_product_page(html) and "Deze pagina bestaat niet" in html
    login(client, personas.professional)
    assert "Deze pagina bestaat niet" in client.get("/bestaat-niet/").content.decode()


def test_a_forbidden_page_shows_the_products_403_page(client, personas):
    from tests.factories import casus_met_team

    casus = casus_met_team(personas)
    login(client, personas.procesregisseur)  # sees the cooperation, may not record for the resident
    response = client.get(reverse("casussen:correctie", args=[casus.pk]))
    assert response.status_code == 403
    html = response.content.decode()
    assert _is_product_page(html) and "U mag deze pagina niet zien" in html


def test_the_500_and_400_pages_render_without_a_request_context():
    from django.template.loader import render_to_string

    assert "Er ging iets mis" in render_to_string("500.html") and _is_product_page(render_to_string("500.html"))
    assert "Dit verzoek kunnen we niet verwerken" in render_to_string("400.html")


def test_a_failed_csrf_check_shows_the_products_page(personas):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x@example.org", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert _is_product_page(html) and "Het formulier is verlopen" in html


def test_a_favicon_for_every_browser(client):
    html = client.get(reverse("login")).content.decode()
    assert 'rel="icon" href="/static/samenwerk/favicon.svg" type="image/svg+xml"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/samenwerk/favicon.ico"


def test_head_on_the_start_page_is_answered_like_get(client, personas):
    assert client.head("/").status_code == 302  # to the login page, not 405
    login(client, personas.professional)
    assert client.head("/").status_code == 200


def test_the_tab_title_of_mijn_sessies_is_text(client, personas):
    login(client, personas.professional)
    html = client.get(reverse("accounts:sessions")).content.decode()
    titel = html[html.index("<title>") : html.index("</title>")]
    assert "<section" not in titel and titel == "<title>Mijn sessies – Samenwerkplatform"
