"""The municipality's numbers: defaults of domain.md §10, edited in the beheer, used by plannen."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenwerk.gemeenten.models import Normen
from samenwerk.plannen import services as plannen
from tests.auth import login
from tests.factories import CasusFactory

pytestmark = pytest.mark.django_db


def test_defaults_are_those_of_the_domain():
    n = Normen()
    assert (n.afspraak_weken, n.afspraak_waarschuwing_dagen, n.overleg_binnen_weken, n.herhaalmeting_maanden) == (
        6,
        7,
        2,
        (6, 12),
    )
    assert (n.antwoord_werkdagen, n.tafel_interval_weken, n.tafel_casuscheck_weken, n.tafel_procesevaluatie_maanden) == (
        5,
        2,
        6,
        6,
    )
    assert (n.tafel_mdo_vanaf_weken, n.tafel_mdo_tot_weken, n.tafel_vervolg_vanaf_weken, n.tafel_vervolg_tot_weken) == (
        1,
        2,
        3,
        4,
    )


def test_made_on_first_use_once(personas):
    assert Normen.objects.voor(personas.gemeente) == Normen.objects.voor(personas.gemeente.pk)
    assert Normen.objects.count() == 1


def test_a_range_may_not_be_reversed(personas):
    n = Normen(gemeente=personas.gemeente, herhaalmeting_vanaf_maanden=9, herhaalmeting_tot_maanden=6)
    with pytest.raises(ValidationError) as fout:
        n.full_clean()
    assert "herhaalmeting_tot_maanden" in fout.value.message_dict


def test_the_beheerder_edits_the_numbers_of_their_own_municipality(client, personas):
    login(client, personas.beheerder)
    url = reverse("beheer:gemeenten_gemeente_change", args=[personas.gemeente.pk])
    pagina = client.get(url)
    assert pagina.status_code == 200 and "Afspraken uitgevoerd binnen (weken)" in pagina.content.decode()
    data = {k: v for k, v in pagina.context["adminform"].form.initial.items() if v is not None}
    data |= {"naam": personas.gemeente.naam, "slug": personas.gemeente.slug, "fase": personas.gemeente.fase}
    data |= {"bewaartermijn_jaren": 15, "normen-TOTAL_FORMS": 1, "normen-INITIAL_FORMS": 0, "normen-MIN_NUM_FORMS": 1}
    data |= {"normen-MAX_NUM_FORMS": 1, "normen-0-gemeente": personas.gemeente.pk}
    velden = {f.name: f.default for f in Normen._meta.fields if f.name not in ("id", "gemeente")}
    data |= {f"normen-0-{k}": v for k, v in velden.items()} | {"normen-0-afspraak_weken": 8}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    assert Normen.objects.get(gemeente=personas.gemeente).afspraak_weken == 8
    login(client, personas.beheerder)
    other = reverse("beheer:gemeenten_gemeente_change", args=[personas.andere_gemeente.pk])
    assert client.get(other).status_code in (302, 404)


def test_plannen_takes_the_agreement_weeks_from_the_municipality(personas):
    normen = Normen.objects.voor(personas.gemeente)
    normen.afspraak_weken = 8
    normen.save()
    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    plannen.wijzig_plan(actor=personas.professional, casus=casus, inhoud=plannen.PlanInhoud(ik_wil="x"), versie=0)
    start = datetime.date(2026, 11, 2)
    a = plannen.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="x", start=start)
    assert a.uiterlijke_datum == start + datetime.timedelta(weeks=8)
    with pytest.raises(ValidationError, match="langer dan 8 weken"):
        plannen.voeg_afspraak_toe(
            actor=personas.professional, casus=casus, wie="inwoner", wat="y", start=start,
            uiterlijke_datum=start + datetime.timedelta(weeks=9),
        )  # fmt: skip
