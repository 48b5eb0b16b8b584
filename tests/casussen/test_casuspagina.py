"""The case page's structure (issue 16): what needs attention first, then the sections the
reader can jump to from "Op deze pagina"."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen import paginablokken
from samenwerk.casussen.selectors import aandacht
from samenwerk.overleg import services as overleg_services
from samenwerk.plannen import services as plannen
from samenwerk.signalering.models import Signalering
from tests.auth import login
from tests.factories import casus_met_team
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


@pytest.fixture
def casus(personas):
    casus = casus_met_team(personas)
    plannen.wijzig_plan(actor=personas.professional, casus=casus, inhoud=plannen.PlanInhoud(ik_wil="x"), versie=0)
    return casus


def _afspraak(personas, casus, dagen: int, *, voltooid: bool = False):  # type: ignore[no-untyped-def]
    afspraak = plannen.voeg_afspraak_toe(
        actor=personas.professional,
        casus=casus,
        wie="inwoner",
        wat="Post openen",
        start=VANDAAG - datetime.timedelta(days=30),
        uiterlijke_datum=VANDAAG + datetime.timedelta(days=dagen),
    )
    if voltooid:
        afspraak.voltooid_op = VANDAAG
        afspraak.save(update_fields=["voltooid_op"])
    return afspraak


def _signalering(personas, casus, ontvanger, status="open"):  # type: ignore[no-untyped-def]
    return Signalering.objects.create(
        gemeente=personas.gemeente,
        casus=casus,
        soort="afspraak.te_laat",
        onderwerp_type="plannen.afspraak",
        onderwerp_id=Signalering.objects.count() + 1,
        ontvanger=ontvanger,
        vervaldatum=VANDAAG,
        status=status,
    )


def _overleg(personas, casus, dagen: int):  # type: ignore[no-untyped-def]
    begint = timezone.now() + datetime.timedelta(days=dagen)
    return overleg_services.plan_overleg(
        actor=personas.professional,
        casus=casus,
        gegevens=overleg_services.OverlegGegevens(
            vorm="samenwerkwijze", soort="eerste", doel="x", voorzitter=("inwoner", None), notulist=("inwoner", None),
            begint=begint, eindigt=begint + datetime.timedelta(hours=1),
        ),
    )  # fmt: skip


def test_what_needs_attention_counts_overdue_agreements_own_signals_and_the_next_meeting(personas, casus):
    _afspraak(personas, casus, -10)
    _afspraak(personas, casus, -3)
    _afspraak(personas, casus, -20, voltooid=True)  # done: not over time
    _afspraak(personas, casus, 5)
    _afspraak(personas, casus, 9)
    _signalering(personas, casus, personas.professional)
    _signalering(personas, casus, personas.professional, status="afgehandeld")
    _signalering(personas, casus, personas.collega_andere_organisatie)  # someone else's
    later, eerder = _overleg(personas, casus, 9), _overleg(personas, casus, 2)

    punten = aandacht(personas.professional, casus)

    assert punten.over_tijd == 2
    assert punten.oudste_over_tijd == VANDAAG - datetime.timedelta(days=10)
    assert punten.volgende_deadline == VANDAAG + datetime.timedelta(days=5)
    assert punten.open_signaleringen == 1
    assert punten.volgend_overleg["pk"] == eerder.pk != later.pk
    assert punten.iets


def test_a_quiet_case_says_so(client, personas, casus):
    login(client, personas.professional)
    html = client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    assert "Niets dringends" in html
    assert not aandacht(personas.professional, casus).iets


def test_attention_comes_before_the_sections_and_links_where_to_act(client, personas, casus):
    _afspraak(personas, casus, -4)
    _signalering(personas, casus, personas.professional)
    overleg = _overleg(personas, casus, 3)
    login(client, personas.professional)
    html = client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    aandacht_op, inhoud_op = html.index('id="kop-aandacht"'), html.index('id="kop-toc"')
    assert aandacht_op < inhoud_op < html.index('id="kop-inwoner"')
    blok = html[aandacht_op:inhoud_op]
    assert "1 afspraak over tijd" in blok and reverse("plannen:plan", args=[casus.pk]) in blok
    assert "1 open signalering voor u" in blok and reverse("signalering:inbox") in blok
    assert reverse("overleg:detail", args=[casus.pk, overleg.pk]) in blok


def test_every_section_is_in_the_table_of_contents_and_every_entry_has_its_section(client, personas, casus):
    login(client, personas.professional)
    html = client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    inhoud = html[html.index('id="kop-toc"') : html.index("</nav>", html.index('id="kop-toc"'))]
    ankers = re.findall(r'href="#([\w-]+)"', inhoud)
    secties = re.findall(r'<section class="sw-sectie" aria-labelledby="([\w-]+)"', html)
    assert ankers == secties
    assert "kop-ave" in ankers  # the block the regie app registers is listed too


def test_the_procesregisseur_sees_no_personal_sections_and_no_plan_link(client, personas, casus):
    _afspraak(personas, casus, -4)
    login(client, personas.procesregisseur)
    html = client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    assert "1 afspraak over tijd" in html
    assert reverse("plannen:plan", args=[casus.pk]) not in html
    assert 'href="#kop-inwoner"' not in html and 'href="#kop-toestemming"' not in html


def test_a_block_that_shows_nothing_has_no_entry(client, personas, casus):
    def leeg(request, casus, volledig):  # type: ignore[no-untyped-def]
        return None

    paginablokken.registreer(leeg, kop="Leeg blok", anker="kop-leeg")
    login(client, personas.professional)
    try:
        html = client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    finally:
        paginablokken.BLOKKEN[:] = [r for r in paginablokken.BLOKKEN if r.blok is not leeg]
    assert "kop-leeg" not in html and "Leeg blok" not in html
    assert 'href="#kop-ave"' in html


def test_the_attention_block_costs_the_same_queries_for_1_10_100_agreements(client, personas, casus):
    login(client, personas.professional)
    url = reverse("casussen:detail", args=[casus.pk])

    def meer(n: int) -> None:
        for _ in range(n):
            _afspraak(personas, casus, -2)
            _signalering(personas, casus, personas.professional)

    assert_constant_queries(meer, lambda: client.get(url))
