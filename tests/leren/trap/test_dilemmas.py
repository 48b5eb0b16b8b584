"""Dilemmas up three levels (domain.md §7): raised with the three questions at one's own
level, handled there, escalated one level up with the history, never past the steungroep;
the resolution flows back to everyone who raised or handled it (a signal and an e-mail)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samenwerk.leren.models import Dilemma, Dilemmanotitie, Dilemmastap, Niveau, Trapoverleg
from samenwerk.leren.trap import selectors, services
from samenwerk.privacy.models import AuditEntry
from samenwerk.regie import services as regie
from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering, Status
from tests.factories import casus_met_team

from .conftest import actieleren, dilemma, om, verstuur_alles

pytestmark = pytest.mark.django_db


def test_raised_at_ones_own_level_with_the_three_questions(personas):
    d = dilemma(personas)
    assert d.niveau == Niveau.PROFESSIONAL and d.status == Dilemma.Status.OPEN
    assert list(d.stappen.values_list("niveau", flat=True)) == [Niveau.PROFESSIONAL]
    assert d.stappen.get().notities.get().soort == Dilemmanotitie.Soort.INGEBRACHT
    m = dilemma(personas, actor=personas.manager)
    assert m.niveau == Niveau.NETWERKOVERLEG
    assert AuditEntry.objects.filter(gebeurtenis="leren.dilemma.ingebracht").count() == 2


@pytest.mark.parametrize(
    ("veld", "melding"),
    [("wat_wil_ik", "Vul in wat u wilt."), ("wat_kan_ik", "Vul in wat u zelf kunt."), ("titel", "Geef het dilemma")],
)
def test_each_question_is_required(personas, veld, melding):
    with pytest.raises(ValidationError) as fout:
        dilemma(personas, **{veld: "  "})
    assert melding in fout.value.message_dict[veld][0]


def test_not_above_ones_own_level_and_not_without_a_role(personas):
    with pytest.raises(ValidationError) as fout:
        dilemma(personas, niveau=Niveau.STEUNGROEP)
    assert fout.value.message_dict["niveau"] == ["Breng een dilemma in op uw eigen niveau."]
    with pytest.raises(ValidationError):
        dilemma(personas, actor=personas.zonder_rol)


def test_up_two_levels_with_its_history_and_the_resolution_flows_back(personas, smtp):
    d = dilemma(personas)
    sessie_vraag = actieleren(personas, timezone.localdate())
    services.behandel_dilemma(
        actor=personas.gebiedsaanjager, dilemma=d, tekst="Aan de casustafel besproken", actieleren=sessie_vraag
    )
    with pytest.raises(ValidationError):  # a manager does not handle what lies with the professionals
        services.escaleer_dilemma(actor=personas.manager, dilemma=d, toelichting="x")
    services.escaleer_dilemma(actor=personas.gebiedsaanjager, dilemma=d, toelichting="Dit gaat over uren: managers")
    d.refresh_from_db()
    assert d.niveau == Niveau.NETWERKOVERLEG
    overleg = Trapoverleg.objects.create(
        gemeente=personas.gemeente, soort=Trapoverleg.Soort.NETWERKOVERLEG, begint=om(timezone.localdate()),
        eindigt=om(timezone.localdate(), 17), aangemaakt_door=personas.manager,
    )  # fmt: skip
    services.voeg_agendapunt_toe(actor=personas.manager, overleg=overleg, dilemma=d)
    services.behandel_dilemma(actor=personas.manager, dilemma=d, tekst="Geen budget in de organisaties")
    services.escaleer_dilemma(actor=personas.manager, dilemma=d, toelichting="Vraagt een besluit over financiering")
    d.refresh_from_db()
    assert d.niveau == Niveau.STEUNGROEP
    stappen = selectors.stappen(d)
    assert [s.niveau for s in stappen] == [Niveau.PROFESSIONAL, Niveau.NETWERKOVERLEG, Niveau.STEUNGROEP]
    assert stappen[0].actieleren == sessie_vraag and stappen[1].overleg == overleg
    assert [s.uitkomst for s in stappen] == ["geescaleerd", "geescaleerd", ""]

    with pytest.raises(ValidationError) as fout:  # past the steungroep: there is no higher level
        services.escaleer_dilemma(actor=personas.bestuurder, dilemma=d, toelichting="Nog hoger?")
    assert "hoogste niveau" in fout.value.message_dict["niveau"][0]

    services.los_dilemma_op(actor=personas.bestuurder, dilemma=d, oplossing="Elke organisatie geeft 4 uur per maand")
    d.refresh_from_db()
    assert d.status == Dilemma.Status.OPGELOST and d.stappen.get(niveau=Niveau.STEUNGROEP).uitkomst == "opgelost"
    # in-app: a signal without a case for the one who raised it and everyone who handled it
    ontvangers = set(Signalering.objects.filter(soort=services.OPLOSSING, casus=None).values_list("ontvanger_id", flat=True))
    assert ontvangers == {personas.professional.pk, personas.gebiedsaanjager.pk, personas.manager.pk, personas.bestuurder.pk}
    assert Signalering.objects.voor(personas.professional).filter(onderwerp_id=d.pk).exists()
    # the nightly run keeps the same signals, it does not make them twice or close them
    uitkomst = signaleer(vandaag=timezone.localdate())
    assert uitkomst.nieuw == 0 or not Signalering.objects.filter(soort=services.OPLOSSING).exclude(ontvanger_id__in=ontvangers)
    assert Signalering.objects.filter(soort=services.OPLOSSING, status=Status.OPEN).count() == 4
    # e-mail: everyone but the executive who resolved it, through the real SMTP server
    verstuur_alles()
    mails = smtp.wacht(3)
    assert sorted(m["To"] for m in mails) == sorted(
        [personas.professional.email, personas.gebiedsaanjager.email, personas.manager.email]
    )
    tekst = mails[0].get_payload(decode=True).decode()
    assert "Elke organisatie geeft 4 uur per maand" in tekst and f"/leren/dilemmas/{d.pk}/" in tekst
    assert mails[0]["Subject"] == "Opgelost: Geen tijd voor overleg"


def test_the_resolution_signal_ends_a_month_later(personas):
    d = dilemma(personas)
    services.los_dilemma_op(actor=personas.gebiedsaanjager, dilemma=d, oplossing="Opgelost aan tafel")
    dag = timezone.localdate()
    signaleer(vandaag=dag + datetime.timedelta(days=30))
    assert Signalering.objects.filter(soort=services.OPLOSSING, status=Status.OPEN).count() == 2
    signaleer(vandaag=dag + datetime.timedelta(days=31))
    assert not Signalering.objects.filter(soort=services.OPLOSSING, status=Status.OPEN).exists()


def test_a_stale_version_is_a_conflict(personas):
    d = dilemma(personas)
    services.behandel_dilemma(actor=personas.gebiedsaanjager, dilemma=d, tekst="Eerste ronde", versie=0)
    with pytest.raises(services.Conflict):
        services.los_dilemma_op(actor=personas.gebiedsaanjager, dilemma=d, oplossing="x", versie=0)


def test_a_resolved_dilemma_is_not_handled_again(personas):
    d = dilemma(personas)
    services.los_dilemma_op(actor=personas.professional, dilemma=d, oplossing="Klaar")
    with pytest.raises(ValidationError):
        services.escaleer_dilemma(actor=personas.professional, dilemma=d, toelichting="toch nog")


def test_zet_turns_an_improvement_point_into_a_netwerkoverleg_dilemma(personas):
    d = services.dilemma_uit_zet(personas.gemeente, personas.onderzoeker, "Verbeterpunt", "a", "b", "c")
    assert (d.niveau, d.bron, d.ingebracht_door) == (Niveau.NETWERKOVERLEG, Dilemma.Bron.ZET, personas.onderzoeker)


def test_the_procesregisseurs_escalation_to_management_becomes_a_dilemma(personas):
    casus = casus_met_team(personas)
    handeling = regie.escaleer(
        actor=personas.procesregisseur, casus=casus, naar="manager", tekst="Twee organisaties wijzen de regie af"
    )
    d = Dilemma.objects.get(regiehandeling=handeling)
    assert (d.niveau, d.bron, d.ingebracht_door) == (Niveau.NETWERKOVERLEG, Dilemma.Bron.PROCESREGIE, personas.procesregisseur)
    assert casus.nummer in d.titel
    # the escalation's own text may name the resident and stays with the case's procesregie
    assert "Twee organisaties" not in d.wat_heb_ik_nodig and "procesregie" in d.wat_heb_ik_nodig
    assert casus.inwoner.achternaam not in d.titel + d.wat_wil_ik + d.wat_kan_ik + d.wat_heb_ik_nodig
    bestuur = regie.escaleer(actor=personas.procesregisseur, casus=casus, naar="bestuurder", tekst="Regels staan het in de weg")
    assert Dilemma.objects.get(regiehandeling=bestuur).niveau == Niveau.STEUNGROEP


def test_status_and_lead_time_per_level(personas):
    d = dilemma(personas)
    stap = d.stappen.get()
    Dilemmastap.objects.filter(pk=stap.pk).update(begonnen_op=timezone.now() - datetime.timedelta(days=10))
    services.escaleer_dilemma(actor=personas.professional, dilemma=d, toelichting="Niet op te lossen hier")
    dilemma(personas, titel="Tweede")
    cijfers = {c.niveau: c for c in selectors.per_niveau(personas.gemeente)}
    assert cijfers[Niveau.PROFESSIONAL].open == 1 and cijfers[Niveau.PROFESSIONAL].geescaleerd == 1
    assert cijfers[Niveau.PROFESSIONAL].gemiddelde_dagen == pytest.approx(10, abs=0.1)
    assert cijfers[Niveau.NETWERKOVERLEG].open == 1 and cijfers[Niveau.NETWERKOVERLEG].gemiddelde_dagen is None
