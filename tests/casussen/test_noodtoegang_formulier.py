"""Who may break the glass for which case, and what the form tells (issue 17 items 1 and 9):
one answer for every case one may not open, whether it exists or not; a gebiedsaanjager only
in their own area; nobody whose role on the case already decides what they see."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen import services
from samenwerk.casussen.models import Casus, Noodtoegang
from samenwerk.gemeenten.models import Rol
from tests.auth import confirm_recently, login
from tests.factories import CasusFactory, RoltoewijzingFactory

pytestmark = pytest.mark.django_db
REDEN = "Weigering van een genodigde; ik moet zien wie betrokken is."


def _vraag(client, casus_id: int, reden: str = REDEN) -> tuple[int, list[str], int]:
    """Status, the error messages shown, and the number of queries the answer took. The form
    takes the case number users see (year and id); the tests' cases are registered this year."""
    nummer = f"{timezone.localdate().year}-{casus_id:05d}"
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("casussen:noodtoegang"), {"casus": nummer, "reden": reden})
    fouten = re.findall(r'class="utrecht-form-field-error-message"[^>]*>([^<]*)<', response.content.decode())
    return response.status_code, fouten, len(queries)


def test_the_form_does_not_tell_which_cases_exist(client, personas):
    """Not existing, another municipality, another area, a role that cannot break the glass:
    the same message after the same queries."""
    zuid = CasusFactory(gebied=personas.ander_gebied)
    elders = CasusFactory()
    niet_bestaand = (Casus.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    login(client, personas.gebiedsaanjager)
    confirm_recently(client)
    antwoorden = {
        naam: _vraag(client, pk)
        for naam, pk in [("bestaat niet", niet_bestaand), ("ander gebied", zuid.pk), ("andere gemeente", elders.pk)]
    }
    assert {(status, tuple(fouten)) for status, fouten, _n in antwoorden.values()} == {(200, ("Die casus kunt u niet openen.",))}
    assert len({n for _s, _f, n in antwoorden.values()}) == 1, antwoorden  # no difference in work either
    assert not Noodtoegang.objects.exists()
    login(client, personas.manager)  # a role that cannot break the glass, a case in its own municipality
    confirm_recently(client)
    assert _vraag(client, zuid.pk)[:2] == (200, ["Die casus kunt u niet openen."])


def test_a_short_reason_is_refused_before_the_case_is_looked_up(client, personas):
    noord = CasusFactory(gebied=personas.gebied)
    niet_bestaand = noord.pk + 1000
    login(client, personas.gebiedsaanjager)
    confirm_recently(client)
    bestaand, onbekend = _vraag(client, noord.pk, "kijken"), _vraag(client, niet_bestaand, "kijken")
    assert bestaand[:2] == onbekend[:2] == (200, ["Schrijf waarom u deze casus nu moet inzien (minstens 10 tekens)."])
    assert bestaand[2] == onbekend[2]


def test_a_gebiedsaanjager_breaks_the_glass_in_their_own_area_only(personas):
    """One gebiedsaanjager per area, the escalation point for that area (domain.md §1): a
    case in another area is that area's gebiedsaanjager's (docs/privacy.md)."""
    noord, zuid = CasusFactory(gebied=personas.gebied), CasusFactory(gebied=personas.ander_gebied)
    assert services.breek_het_glas(actor=personas.gebiedsaanjager, casus=noord, reden=REDEN).casus_id == noord.pk
    with pytest.raises(services.ValidationError) as fout:
        services.breek_het_glas(actor=personas.gebiedsaanjager, casus=zuid, reden=REDEN)
    assert fout.value.message_dict == {"casus": ["Die casus kunt u niet openen."]}
    assert not Noodtoegang.objects.filter(casus=zuid).exists()
    RoltoewijzingFactory(
        user=personas.gebiedsaanjager, rol=Rol.GEBIEDSAANJAGER, gemeente=personas.gemeente, gebied=personas.ander_gebied
    )
    assert services.breek_het_glas(actor=personas.gebiedsaanjager, casus=zuid, reden=REDEN).casus_id == zuid.pk


def test_a_procesregisseur_not_on_the_case_may_anywhere_in_their_municipality(personas):
    zuid, elders = CasusFactory(gebied=personas.ander_gebied), CasusFactory()
    assert services.breek_het_glas(actor=personas.procesregisseur, casus=zuid, reden=REDEN).casus_id == zuid.pk
    with pytest.raises(services.ValidationError):
        services.breek_het_glas(actor=personas.procesregisseur, casus=elders, reden=REDEN)


def test_a_participant_is_told_their_role_decides(client, personas):
    casus = CasusFactory(gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie)
    login(client, personas.professional)
    confirm_recently(client)
    status, fouten, _n = _vraag(client, casus.pk)
    assert status == 200 and fouten == [
        "U bent al bij deze casus betrokken als casusregisseur. Uw rol bepaalt wat u ziet; "
        "noodtoegang verandert dat niet. Open de casus via Mijn casussen."
    ]
    assert not Noodtoegang.objects.exists()
