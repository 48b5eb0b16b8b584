"""ZET's signals at their boundary days: an improvement point overdue the day after its date
(to the round's evaluators), feedback to the resident from a week before its date (to the
interviewer). They concern no case and link to the ZET page."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse

from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering
from samenwerk.signalering.regels import link_van
from samenwerk.zet import services

from .helpers import dag, interview

pytestmark = pytest.mark.django_db

REGELS = override_settings(
    SIGNALERING_REGELS=["samenwerk.zet.signalen.verbeterpunt_te_laat", "samenwerk.zet.signalen.terugkoppeling"]
)


@pytest.fixture(autouse=True)
def _alleen_zet():
    with REGELS:
        yield


def _punt(personas, z):  # type: ignore[no-untyped-def]
    return services.maak_verbeterpunt(
        actor=personas.onderzoeker, ronde=z.ronde, tekst="Eén loket", uiterlijk=dag(200), eigenaar=personas.manager
    )


def test_an_improvement_point_is_overdue_the_day_after_its_date(personas, z):
    punt = _punt(personas, z)
    assert signaleer(vandaag=dag(200)).nieuw == 0
    assert signaleer(vandaag=dag(201)).nieuw == 2  # both evaluators
    rijen = Signalering.objects.filter(soort="zet.verbeterpunt_te_laat")
    assert set(rijen.values_list("ontvanger_id", flat=True)) == {personas.onderzoeker.pk, z.notulist.pk}
    assert set(rijen.values_list("casus_id", "vervaldatum")) == {(None, dag(200))}
    assert link_van("zet.verbeterpunt_te_laat", punt.pk) == reverse("zet:verbeterpunten", args=[z.ronde.pk])


def test_a_finished_improvement_point_is_not_overdue(personas, z):
    punt = _punt(personas, z)
    services.volg_op(actor=personas.onderzoeker, verbeterpunt=punt, status="afgerond")
    assert signaleer(vandaag=dag(300)).nieuw == 0


def test_feedback_is_signalled_from_a_week_before_its_date(personas, z):
    gesprek = interview(personas, z, z.rcs[0], terugkoppeling_gewenst=True)
    uiterlijk = gesprek.terugkoppeling_uiterlijk
    assert signaleer(vandaag=uiterlijk - datetime.timedelta(days=8)).nieuw == 0
    assert signaleer(vandaag=uiterlijk - datetime.timedelta(days=7)).nieuw == 1
    rij = Signalering.objects.get(soort="zet.terugkoppeling")
    assert (rij.ontvanger_id, rij.casus_id, rij.vervaldatum) == (personas.onderzoeker.pk, None, uiterlijk)
    assert link_van("zet.terugkoppeling", gesprek.pk) == reverse("zet:interview", args=[z.ronde.pk, gesprek.pk])


def test_feedback_given_or_not_wanted_is_no_signal(personas, z):
    gesprek = interview(personas, z, z.rcs[0], terugkoppeling_gewenst=True)
    interview(personas, z, z.rcs[1])
    services.geef_terugkoppeling(actor=personas.onderzoeker, interview=gesprek, datum=dag(101))
    assert signaleer(vandaag=dag(400)).nieuw == 0
