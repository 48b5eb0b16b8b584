"""The demo ZET rounds in Lindenhoven: three cases with all three sources, rode draden,
improvement points (one overdue) and a compact round whose point recurs."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenwerk.zet.models import Evaluatieronde, Interview, Rondecasus

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # each loads the demo (~10 s)


def test_demo_rounds():
    call_command("load_demo", "--quiet-logins")
    ronde = Evaluatieronde.objects.get(naam="ZET voorjaar")
    rcs = list(Rondecasus.objects.filter(ronde=ronde))
    assert len(rcs) == 3
    for rc in rcs:
        assert Interview.objects.filter(rondecasus=rc, bron="inwoner").count() == 1
        assert Interview.objects.filter(rondecasus=rc, bron="professional").count() >= 1
    assert Interview.objects.filter(rondecasus=rcs[0], bron="professional").count() == 2
    assert ronde.rode_draden.count() == 2
    assert ronde.verbeterpunten.count() == 3
    assert ronde.verbeterpunten.filter(uiterlijk__lt=timezone.localdate()).count() == 1
    compact = Evaluatieronde.objects.get(naam="ZET compact – najaar")
    assert compact.themas.count() == 2 and compact.casussen.count() == 1
    call_command("load_demo", "--quiet-logins")  # idempotent
    assert Evaluatieronde.objects.count() == 2
