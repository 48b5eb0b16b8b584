import pytest
from django.core.management import CommandError, call_command

from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie, Rol, Roltoewijzing, User

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Gemeente, Gebied, Organisatie, User, Roltoewijzing))


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
