import pytest
from django.core.management import CommandError, call_command

from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie, Rol, Roltoewijzing, User

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    from samenwerk.casussen.models import Casus
    from samenwerk.plannen.models import Afspraak, Ronde
    from samenwerk.privacy.models import AuditEntry

    return tuple(
        m.objects.count() for m in (Gemeente, Gebied, Organisatie, User, Roltoewijzing, Casus, Afspraak, Ronde, AuditEntry)
    )


def test_demo_has_every_role_and_prints_the_logins(capsys, settings):
    settings.DEMO_PASSWORD = "demo-wachtwoord-test"
    call_command("load_demo")
    out = capsys.readouterr().out
    lindenhoven = Gemeente.objects.get(slug="lindenhoven")
    assert 2 <= lindenhoven.gebieden.count() <= 3
    assert lindenhoven.organisaties.count() >= 8
    assert lindenhoven.organisaties.values("soort").distinct().count() >= 6
    assert set(Roltoewijzing.objects.filter(gemeente=lindenhoven).values_list("rol", flat=True)) == set(Rol.values)
    assert "professional@lindenhoven.example" in out
    assert "Wachtwoord voor alle demo-accounts: demo-wachtwoord-test" in out
    assert User.objects.get(email="professional@lindenhoven.example").check_password("demo-wachtwoord-test")
    # every demo account uses an invented domain (RFC 2606 .example)
    assert all(e.endswith(".example") for e in User.objects.values_list("email", flat=True))


def test_demo_loader_is_idempotent():
    call_command("load_demo", "--quiet-logins")
    first = _counts()
    call_command("load_demo", "--quiet-logins")
    assert _counts() == first


def test_demo_is_refused_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="niet geladen in productie"):
        call_command("load_demo")
    assert Gemeente.objects.count() == 0


def test_demo_has_cases_in_every_stage_and_one_with_two_evaluation_rounds():
    from samenwerk.casussen.models import Casus
    from samenwerk.casussen.workflow import Status
    from samenwerk.plannen.models import Ronde
    from samenwerk.privacy.audit import verify

    call_command("load_demo", "--quiet-logins")
    statussen = set(Casus.objects.values_list("status", flat=True))
    assert {
        Status.AANGEMELD,
        Status.VRAAGVERHELDERING,
        Status.PLAN,
        Status.UITVOERING,
        Status.EVALUATIE,
        Status.AFGESLOTEN,
    } <= statussen
    assert Casus.objects.filter(afsluitreden="andere hulp gekozen").exists()
    assert Ronde.objects.filter(soort="evaluatie", nummer=2).exists()
    assert list(verify()) == []
