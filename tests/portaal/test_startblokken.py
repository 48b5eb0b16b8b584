"""Start pages never contradict their own figures (issue 16): "there is nothing" only when
every figure of the block is zero, and the procesregisseur's block counts the same cases as
*Mijn casussen*."""

import datetime
from html import unescape

import pytest
from django.urls import reverse

from samenwerk.signalering.casusregels import AFSPRAAK_TE_LAAT
from samenwerk.signalering.models import Signalering
from tests.auth import login
from tests.factories import casus_met_team

pytestmark = pytest.mark.django_db


def _main(client) -> str:
    html = unescape(client.get(reverse("portaal:start")).content.decode())
    return html[html.index("<main") : html.index("</main>")]


def _signaal(casus, ontvanger) -> None:
    Signalering.objects.create(
        gemeente=casus.gemeente,
        casus=casus,
        soort=AFSPRAAK_TE_LAAT,
        onderwerp_type="plannen.afspraak",
        onderwerp_id=casus.pk,
        ontvanger=ontvanger,
        vervaldatum=datetime.date.today(),
    )


def test_the_procesregisseur_counts_the_cases_of_mijn_casussen(client, personas):
    login(client, personas.procesregisseur)
    assert "Er zijn nu geen casussen." in _main(client)
    casussen = [casus_met_team(personas), casus_met_team(personas)]
    html = _main(client)
    assert "Er zijn nu geen casussen." not in html
    assert 'Casussen waarin u meewerkt</dt><dd class="utrecht-data-list__item-value">2</dd>' in html
    assert 'href="/casussen/"' in html
    lijst = client.get(reverse("casussen:lijst"))
    assert lijst.context["pagina"].paginator.count == len(casussen)


@pytest.mark.parametrize(("persona", "niets"), [("gebiedsaanjager", "Er is nu niets."), ("manager", "Er is nog niets.")])
def test_nothing_is_said_only_when_every_figure_is_zero(client, personas, persona, niets):
    login(client, getattr(personas, persona))
    assert niets in _main(client)
    _signaal(casus_met_team(personas), personas.professional)
    html = _main(client)
    assert niets not in html
    assert '<dd class="utrecht-data-list__item-value">1</dd>' in html
