"""The case's forms (issue 16): the status select starts empty and says when the reason is
required; a registration date far back is refused (the help text says how far); radio
groups never offer "---------"; a planned evaluation date in the past is refused, in the
form and in the service the API calls."""

import datetime
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen.forms import AANMELDING_TERUG_DAGEN
from samenwerk.casussen.models import Casus
from samenwerk.plannen import services as plannen
from samenwerk.plannen.models import PLANVELDEN
from tests.auth import login
from tests.factories import casus_met_team

pytestmark = pytest.mark.django_db
DAG = datetime.timedelta(days=1)


def test_the_status_select_starts_empty_and_the_reason_says_when_it_is_required(client, personas):
    casus = casus_met_team(personas)
    login(client, personas.professional)
    html = unescape(client.get(reverse("casussen:detail", args=[casus.pk])).content.decode())
    keuze = html[html.index('name="naar"') : html.index("</select>", html.index('name="naar"'))]
    assert '<option value="" selected>Kies de nieuwe status</option>' in keuze
    assert keuze.count("selected") == 1
    reden = html[html.index('for="id_reden"') : html.index("</label>", html.index('for="id_reden"'))]
    assert "niet verplicht" not in reden
    assert "Verplicht als u de casus afsluit" in html
    client.post(reverse("casussen:status", args=[casus.pk]), {"naar": ""})
    assert Casus.objects.get().status == casus.status


def _aanmelding(personas, datum: datetime.date) -> dict[str, object]:
    return {
        "inwoner-voornaam": "Fenna", "inwoner-achternaam": "Jansen", "gebied": personas.gebied.pk,
        "route": "samenwerkwijze", "binnengekomen_via": "huisarts", "organisatie": personas.organisatie.pk,
        "aanmelddatum": datum.isoformat(), "casusregisseur": "on",
    }  # fmt: skip


def test_a_registration_date_far_back_is_refused(client, personas):
    login(client, personas.professional)
    vandaag = timezone.localdate()
    html = unescape(client.get(reverse("casussen:aanmelden")).content.decode())
    assert f"in de afgelopen {AANMELDING_TERUG_DAGEN} dagen" in html
    te_oud = vandaag - (AANMELDING_TERUG_DAGEN + 1) * DAG
    html = unescape(client.post(reverse("casussen:aanmelden"), _aanmelding(personas, te_oud)).content.decode())
    assert f"De aanmelddatum ligt meer dan {AANMELDING_TERUG_DAGEN} dagen terug." in html
    assert f'value="{te_oud.isoformat()}"' in html and not Casus.objects.exists()
    response = client.post(reverse("casussen:aanmelden"), _aanmelding(personas, vandaag - AANMELDING_TERUG_DAGEN * DAG))
    assert response.status_code == 302 and Casus.objects.count() == 1


@pytest.mark.parametrize("url", ["casussen:toestemming", "plannen:evaluatie"])
def test_radio_groups_offer_no_dashes(client, personas, url):
    casus = casus_met_team(personas)
    login(client, personas.professional)
    html = client.get(reverse(url, args=[casus.pk])).content.decode()
    assert 'type="radio"' in html and 'value="" ' not in html.split('type="radio"', 1)[1].split(">", 1)[0]
    assert "---------</label>" not in html


def test_a_planned_evaluation_date_in_the_past_is_refused(client, personas):
    casus = casus_met_team(personas)
    login(client, personas.professional)
    gisteren = timezone.localdate() - DAG
    data = dict.fromkeys(PLANVELDEN, "") | {"versie": 0, "ik_wil": "Rust", "evaluatie_datum": gisteren.isoformat()}
    html = unescape(client.post(reverse("plannen:bewerken", args=[casus.pk]), data).content.decode())
    assert "De evaluatiedatum ligt in het verleden." in html and "Rust" in html
    # the API answers 400 with the field named, through the same rule
    api = client.patch(
        reverse("api:plan", args=[casus.pk]), {"versie": 0, "ik_wil": "x", "evaluatie_datum": gisteren.isoformat()},
        content_type="application/json",
    )  # fmt: skip
    assert api.status_code == 400 and "evaluatie_datum" in api.json()
    # a date that is already in the plan may stay when another field changes
    morgen = timezone.localdate() + DAG
    plan = plannen.wijzig_plan(
        actor=personas.professional, casus=casus, versie=0, inhoud=plannen.PlanInhoud(ik_wil="x", evaluatie_datum=morgen)
    )
    plan.__class__.objects.filter(pk=plan.pk).update(evaluatie_datum=gisteren)  # time passed
    data |= {"versie": 1, "ik_wil": "y"}
    assert client.post(reverse("plannen:bewerken", args=[casus.pk]), data).status_code == 302
