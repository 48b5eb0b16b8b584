"""Consent enforcement at the moment of sharing (domain.md §8: withdrawal stops future sharing
at once). tests/plannen/test_inwoner.py covers one link through a real mail server; these add
what was missing: every outstanding link is revoked, and the next share is refused."""

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.plannen import inwoner, services
from samenwerk.plannen.models import PlanLink
from tests.auth import login
from tests.factories import CasusFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def casus(personas):
    casus = CasusFactory(
        gebied=personas.gebied,
        met_toestemming=True,
        professional=personas.professional,
        organisatie=personas.organisatie,
        inwoner__email="fenna@inwoner.example",
    )
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="x"), versie=0)
    return casus


def _link(casus, token):
    return PlanLink.objects.create(
        casus=casus,
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
        verloopt_op=timezone.now() + datetime.timedelta(days=7),
    )


def test_withdrawal_revokes_every_outstanding_link_and_blocks_the_next_share(client, personas, casus):
    _link(casus, "eerste-link")
    _link(casus, "tweede-link")
    assert client.get(reverse("inwoner:plan", args=["eerste-link"])).status_code == 200
    casussen.leg_toestemming_vast(
        actor=personas.professional, casus=casus, doel="samenwerkwijze", gegeven=False, wijze="schriftelijk"
    )
    assert client.get(reverse("inwoner:plan", args=["eerste-link"])).status_code == 404
    assert not PlanLink.objects.filter(ingetrokken_op__isnull=True).exists()  # both, not only the one used
    assert client.get(reverse("inwoner:plan", args=["tweede-link"])).status_code == 404
    for naam in ["inwoner:pdf", "inwoner:wie-keek", "inwoner:correctie"]:
        assert client.get(reverse(naam, args=["tweede-link"])).status_code == 404, naam
    with pytest.raises(ValidationError, match="geen toestemming"):
        inwoner.stuur_planlink(actor=personas.professional, casus=casus)
    login(client, personas.professional)
    response = client.post(reverse("plannen:planlink", args=[casus.pk]), follow=True)
    assert "geen toestemming gegeven; er wordt niets gedeeld" in response.content.decode()
    assert PlanLink.objects.count() == 2
