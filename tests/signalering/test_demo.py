import pytest
from django.core.management import call_command

from samenwerk.signalering.models import Signalering, Status
from samenwerk.signalering.regels import soorten

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # each loads the demo (~10 s)


def test_the_demo_has_open_signals_of_every_kind_and_loads_idempotently():
    call_command("load_demo", "--quiet-logins")
    open_ = Signalering.objects.filter(status=Status.OPEN)
    assert set(open_.values_list("soort", flat=True)) == set(soorten())
    aantal = Signalering.objects.count()
    call_command("load_demo", "--quiet-logins")
    assert Signalering.objects.count() == aantal
    # the demo professional Sanne has something in her inbox
    assert open_.filter(ontvanger__email="professional@lindenhoven.example").exists()
