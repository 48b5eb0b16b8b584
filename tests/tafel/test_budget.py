"""The flexible budget: a spend over the pot needs a reason (page: Dutch error, nothing
typed lost; API: 400 on the field), the spend must be decided in an MDO+ of that case, the
pot's row is locked while the balance is checked, lists have constant queries."""

from __future__ import annotations

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from samenwerk.tafel import budget
from samenwerk.tafel.models import Besteding, Budgetpot
from tests.auth import login
from tests.querycount import assert_constant_queries
from tests.tafel.test_rapport import VANDAAG, aanmelding, mdo

pytestmark = pytest.mark.django_db


@pytest.fixture
def pot(personas, tafel) -> Budgetpot:
    return budget.maak_pot(
        actor=personas.tafelvoorzitter, tafel=tafel, naam="Flexibel budget", bedrag=Decimal("1000"),
        van=VANDAAG - datetime.timedelta(days=365), tot=VANDAAG + datetime.timedelta(days=365),
    )  # fmt: skip


@pytest.fixture
def casus_met_mdo(personas, tafel):
    a = aanmelding(personas, tafel, triage="geschikt")
    return a, mdo(personas, a.casus, dag=VANDAAG - datetime.timedelta(days=3), besloten="x")


def besteed(personas, pot, a, overleg, bedrag, reden=""):
    return budget.leg_besteding_vast(
        actor=personas.tafelvoorzitter, pot=pot, aanmelding=a, overleg=overleg,
        gegevens=budget.Bestedinggegevens(bedrag=Decimal(bedrag), doel="Huur", besluit="Betalen", overschrijding_reden=reden),
    )  # fmt: skip


def test_a_spend_over_the_pot_needs_a_reason(personas, pot, casus_met_mdo):
    a, overleg = casus_met_mdo
    besteed(personas, pot, a, overleg, "800")
    with pytest.raises(ValidationError) as fout:
        besteed(personas, pot, a, overleg, "300")
    assert "overschrijding_reden" in fout.value.message_dict
    assert "€ 100,00" in fout.value.message_dict["overschrijding_reden"][0]
    assert Besteding.objects.count() == 1
    over = besteed(personas, pot, a, overleg, "300", reden="Anders wordt de inwoner uit huis gezet")
    assert over.overschrijding_reden == "Anders wordt de inwoner uit huis gezet"
    saldo = budget.saldi(budget.potten(pot.tafel))[0]
    assert (saldo.besteed, saldo.saldo, saldo.overschreden) == (Decimal("1100"), Decimal("-100"), True)


def test_a_reason_under_the_pot_is_not_kept(personas, pot, casus_met_mdo):
    a, overleg = casus_met_mdo
    assert besteed(personas, pot, a, overleg, "100", reden="niet nodig").overschrijding_reden == ""


def test_the_spend_is_decided_in_an_mdo_plus_of_that_case(personas, tafel, pot, casus_met_mdo):
    a, _overleg = casus_met_mdo
    ander = aanmelding(personas, tafel, triage="geschikt")
    overleg_ander = mdo(personas, ander.casus, dag=VANDAAG, besloten="x")
    with pytest.raises(ValidationError) as fout:
        besteed(personas, pot, a, overleg_ander, "10")
    assert "overleg" in fout.value.message_dict


def test_only_the_chair_or_secretary_records_a_spend(personas, pot, casus_met_mdo):
    a, overleg = casus_met_mdo
    with pytest.raises(ValidationError):
        budget.leg_besteding_vast(
            actor=personas.manager, pot=pot, aanmelding=a, overleg=overleg,
            gegevens=budget.Bestedinggegevens(bedrag=Decimal("1"), doel="x", besluit="y"),
        )  # fmt: skip


def test_the_pot_row_is_locked_before_the_balance_is_read(personas, pot, casus_met_mdo):
    """Two spends at once: the second waits on the pot's row lock (PostgreSQL: SELECT … FOR
    UPDATE) and then sums the first. SQLite ignores FOR UPDATE, so this checks the order."""
    a, overleg = casus_met_mdo
    volgorde = []
    echt = QuerySet.select_for_update

    def vergrendel(self, *args, **kwargs):
        if self.model is Budgetpot:
            volgorde.append("lock")
        return echt(self, *args, **kwargs)

    echte_aggregate = QuerySet.aggregate

    def som(self, *args, **kwargs):
        if self.model is Besteding:
            volgorde.append("som")
        return echte_aggregate(self, *args, **kwargs)

    with mock.patch.object(QuerySet, "select_for_update", vergrendel), mock.patch.object(QuerySet, "aggregate", som):
        besteed(personas, pot, a, overleg, "10")
    assert volgorde == ["lock", "som"]


def test_page_refuses_over_the_pot_in_dutch_and_keeps_what_was_typed(client, personas, tafel, pot, casus_met_mdo):
    a, overleg = casus_met_mdo
    login(client, personas.tafelvoorzitter)
    data = {
        "actie": "besteding", "besteding-pot": pot.pk, "besteding-aanmelding": a.pk, "besteding-overleg": overleg.pk,
        "besteding-bedrag": "1500", "besteding-doel": "Inrichting woning", "besteding-besluit": "Het MDO+ besloot unaniem",
    }  # fmt: skip
    response = client.post(reverse("tafel:budget", args=[tafel.pk]), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Schrijf op waarom dat nodig is" in html
    assert "Inrichting woning" in html and "Het MDO+ besloot unaniem" in html
    data["besteding-overschrijding_reden"] = "Noodzakelijk voor de verhuizing"
    assert client.post(reverse("tafel:budget", args=[tafel.pk]), data).status_code == 302
    assert Besteding.objects.get().overschrijding_reden == "Noodzakelijk voor de verhuizing"


def test_api_answers_400_with_the_field(personas, tafel, pot, casus_met_mdo):
    a, overleg = casus_met_mdo
    api = APIClient()
    api.force_authenticate(personas.tafelvoorzitter)
    url = reverse("api:tafel-bestedingen", args=[tafel.pk])
    data = {"pot": pot.pk, "aanmelding": a.pk, "overleg": overleg.pk, "bedrag": "1500", "doel": "Huur", "besluit": "Betalen"}
    response = api.post(url, data, format="json")
    assert response.status_code == 400
    assert "overschrijding_reden" in response.json()
    response = api.post(url, data | {"overschrijding_reden": "Nodig"}, format="json")
    assert response.status_code == 201
    assert response.json()["casus"] == a.casus.nummer
    potten = api.get(reverse("api:tafel-budget", args=[tafel.pk])).json()
    assert potten[0]["saldo"] == "-500.00"
    rapport = api.get(reverse("api:tafel-rapport", args=[tafel.pk])).json()
    assert rapport["budget"]["besteed_in_periode"] == "1500.00" and rapport["aanmeldingen"] == 1


def test_api_pot_without_amount_is_400(personas, tafel):
    api = APIClient()
    api.force_authenticate(personas.tafelvoorzitter)
    response = api.post(
        reverse("api:tafel-budget", args=[tafel.pk]), {"naam": "x", "bedrag": "0", "van": "2026-01-01", "tot": "2025-01-01"}
    )
    assert response.status_code == 400
    assert "bedrag" in response.json()


def test_budget_page_and_api_list_have_constant_queries(client, personas, tafel, pot, casus_met_mdo):
    a, overleg = casus_met_mdo
    login(client, personas.tafelvoorzitter)
    url = reverse("tafel:budget", args=[tafel.pk])

    def maak(n):
        Besteding.objects.bulk_create(
            Besteding(pot=pot, aanmelding=a, overleg=overleg, bedrag=Decimal("1"), doel="x", besluit="y", besloten_op=VANDAAG,
                      vastgelegd_door=personas.tafelvoorzitter)
            for _ in range(n)
        )  # fmt: skip

    assert_constant_queries(maak, lambda: client.get(url))
    api = APIClient()
    api.force_authenticate(personas.tafelvoorzitter)
    Besteding.objects.all().delete()
    assert_constant_queries(maak, lambda: api.get(reverse("api:tafel-bestedingen", args=[tafel.pk])))


def test_a_manager_sees_the_balance_not_what_each_spend_was_for(client, personas, tafel, pot, casus_met_mdo):
    a, overleg = casus_met_mdo
    besteed(personas, pot, a, overleg, "250")
    login(client, personas.manager)
    html = client.get(reverse("tafel:budget", args=[tafel.pk])).content.decode()
    assert "€ 750,00" in html and "Huur" not in html and a.casus.nummer not in html
    api = APIClient()
    api.force_authenticate(personas.manager)
    assert api.get(reverse("api:tafel-bestedingen", args=[tafel.pk])).status_code == 403


def test_the_resident_reads_the_spend_and_the_retention_job_blanks_its_texts(personas, pot, casus_met_mdo):
    from samenwerk.plannen import inzage

    a, overleg = casus_met_mdo
    besteed(personas, pot, a, overleg, "250")
    [rij] = inzage.inzage(a.casus)["tafelbestedingen"]
    assert (rij["bedrag"], rij["waarvoor"]) == ("250.00", "Huur")
    budget.anonimiseer(a.casus, datetime.timedelta(days=10))
    b = Besteding.objects.get()
    assert (b.doel, b.besluit, b.bedrag) == ("", "", Decimal("250"))
    assert b.besloten_op == timezone.localtime(overleg.begint).date() - datetime.timedelta(days=10)
