import pytest
from django.core.management import CommandError, call_command

from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie, Rol, Roltoewijzing, User

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # each loads the demo (~10 s)


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
    from samenwerk.privacy.zegels import verify

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


def test_the_demo_console_names_the_port_every_persona_a_first_step_and_a_working_resident_link(client, capsys, settings):
    import re

    settings.SITE_URL = "http://127.0.0.1:8011"
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "Open http://127.0.0.1:8011/ en log in met:" in out and ":8000" not in out
    regels = out.splitlines()
    for email in User.objects.values_list("email", flat=True):
        [i] = [n for n, r in enumerate(regels) if r.strip().startswith(email)]
        assert "probeer eerst:" in regels[i + 1], email
    pad = re.search(r"het plan van Sevda Aydın op http://127\.0\.0\.1:8011(/mijn-plan/\S+/)", out).group(1)
    assert "Sevda" in client.get(pad).content.decode()  # no account, no digging in the worker log


def test_the_demo_reports_the_signals_that_stand_open_and_nothing_waits_in_the_outbox(capsys):
    import datetime

    from django.utils import timezone

    from samenwerk.berichten.models import Bericht
    from samenwerk.berichten.verzending import verstuur_wachtende
    from samenwerk.signalering.models import Signalering

    call_command("load_demo")
    out = capsys.readouterr().out
    open_ = Signalering.objects.filter(status="open").count()
    assert open_ > 0 and f"Signaleringen na een ronde over de democasussen: {open_} open" in out
    call_command("signaleer")  # the same day again: nothing new, but not "no signals"
    assert f"nu open: {open_}" in capsys.readouterr().out
    # The held meeting's e-mail went out in the story: the worker sends no invitation for the
    # past and the hourly check finds nothing left lying (it said "6 e-mails queued again").
    verleden = Bericht.objects.filter(verzonden_op__isnull=True, overleg_deelnemer__overleg__begint__lte=timezone.now())
    assert not verleden.exists()
    assert verstuur_wachtende(datetime.timedelta(minutes=10)) == 0
    call_command("overleg_bewaking")
    assert "0 e-mails die bleven liggen opnieuw aangeboden" in capsys.readouterr().out


def test_make_demo_refuses_a_port_that_is_not_a_number_in_dutch():
    import os
    import subprocess
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "demo.sh"
    uitkomst = subprocess.run(
        ["bash", str(script)], env={**os.environ, "PORT": "acht"}, capture_output=True, text=True, check=False
    )
    assert uitkomst.returncode == 1
    assert "PORT moet een getal zijn" in uitkomst.stderr


def test_the_demo_server_announces_itself_in_dutch(capsys):
    from io import StringIO

    from samenwerk.portaal.management.commands.demo_server import Command

    command = Command(stdout=StringIO())
    command.addr, command.protocol = "127.0.0.1", "http"
    command.on_bind(8011)
    assert command.stdout.getvalue().strip() == "==> De demo draait op http://127.0.0.1:8011/ (stoppen met Ctrl+C)"


def test_the_demo_server_takes_the_options_make_demo_gives_it():
    """`scripts/demo.sh` starts it with --insecure (static files with DEBUG off): the plain
    runserver does not know that option, and `make demo` stopped right after loading."""
    import re
    from pathlib import Path

    from samenwerk.portaal.management.commands.demo_server import Command

    script = (Path(__file__).resolve().parents[2] / "scripts" / "demo.sh").read_text()
    regel = next(r for r in script.splitlines() if "manage.py demo_server" in r)
    opties = re.findall(r"(--[a-z-]+)", regel)
    assert "--insecure" in opties
    parsed = Command().create_parser("manage.py", "demo_server").parse_args([*opties, "127.0.0.1:8011"])
    assert parsed.insecure_serving and not parsed.use_reloader
