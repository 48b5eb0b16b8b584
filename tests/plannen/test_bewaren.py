"""Retention as scenarios: after the period, no personal value survives anywhere in the
database, the figures reports use are unchanged, and running it twice changes nothing."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.db.models import Avg, Sum
from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Casus
from samenwerk.plannen import services
from samenwerk.plannen.models import Afspraak, Evaluatie, GezondheidMeting, Samenwerkplan
from samenwerk.privacy.models import AuditEntry
from samenwerk.privacy.zegels import verify, verzegel
from samenwerk.rendement.models import Kostenpost, Microanalyse
from tests.factories import CasusFactory

pytestmark = pytest.mark.django_db

GEHEIM = [
    "Zwaantje",
    "Quirijnsen",
    "Kersenlaan 77",
    "06-99887766",
    "zwaantje@geheim.example",
    "Teunis Quirijnsen",
    "Mijn geheime wens",
    "Schuld bij de bakker",
    "Buurman Gerolf",
    "Teun weet meer",
    "1931 QQ",
    "gerolf@geheim.example",
]


def _casus(personas, afgesloten: datetime.date) -> Casus:
    with time_machine.travel(afgesloten - datetime.timedelta(days=100), tick=False):
        casus = casussen.meld_aan(
            actor=personas.professional,
            organisatie=personas.organisatie,
            gebied=personas.gebied,
            binnengekomen_via="netwerk",
            aangemeld_door="Teunis Quirijnsen",
            reeds_betrokken="Buurman Gerolf",
            inwoner=casussen.InwonerGegevens(
                voornaam="Zwaantje",
                achternaam="Quirijnsen",
                geboortedatum=datetime.date(1950, 2, 3),
                straat="Kersenlaan 77",
                postcode="1931 QQ",
                telefoon="06-99887766",
                email="zwaantje@geheim.example",
            ),
        )
        casussen.leg_toestemming_vast(
            actor=personas.professional,
            casus=casus,
            doel="samenwerkwijze",
            gegeven=True,
            wijze="mondeling",
            toelichting="Teun weet meer",
        )
        lid = casussen.voeg_netwerklid_toe(
            actor=personas.professional, casus=casus, naam="Buurman Gerolf", relatie="buurman", rol="buur", telefoon="06-99887766"
        )
        services.wijzig_plan(
            actor=personas.professional,
            casus=casus,
            versie=0,
            inhoud=services.PlanInhoud(ik_wil="Mijn geheime wens", welzijnscijfer=3, financien="Schuld bij de bakker"),
        )
        services.voeg_afspraak_toe(
            actor=personas.professional, casus=casus, wie="netwerklid", netwerklid=lid, wat="Buurman Gerolf helpt"
        )
        # the plan-link e-mail waits in the outbox with the resident's address
        from samenwerk.plannen.inwoner import stuur_planlink

        stuur_planlink(actor=personas.professional, casus=casus)
        services.meet_gezondheid(
            actor=personas.professional,
            casus=casus,
            lichaamsfuncties=4,
            mentaal_welbevinden=3,
            zingeving=5,
            kwaliteit_van_leven=4,
            meedoen=2,
            dagelijks_functioneren=6,
        )
        services.evalueer(
            actor=personas.professional,
            casus=casus,
            inhoud=services.EvaluatieInhoud(
                acties_gedaan="alle", verdere_acties_nodig=False, welzijnscijfer=8, geleerd="Teun weet meer"
            ),
        )
        _overleg(personas, casus, lid)
        _analyse(personas, casus)
    _tafel(personas, casus)  # today: the roles of the table's people start today
    with time_machine.travel(afgesloten, tick=False):
        casussen.wijzig_status(actor=personas.professional, casus=casus, naar="afgesloten", reden="Verhuisd naar Kersenlaan 77")
    return casus


def _overleg(personas, casus: Casus, lid) -> None:
    """A meeting whose texts name the resident's circle; they must not survive either."""
    from samenwerk.overleg import antwoorden
    from samenwerk.overleg import services as overleg

    nu = timezone.now()
    gegevens = overleg.OverlegGegevens(
        vorm="mdo_plus", soort="eerste", doel="Mijn geheime wens", voorzitter=("inwoner", None), notulist=("netwerklid", lid.pk),
        begint=nu + datetime.timedelta(days=3), eindigt=nu + datetime.timedelta(days=3, hours=1),
    )  # fmt: skip
    vergadering = overleg.plan_overleg(actor=personas.professional, casus=casus, gegevens=gegevens)
    deelnemer = overleg.voeg_deelnemer_toe(
        actor=personas.professional,
        overleg=vergadering,
        genodigde=overleg.Genodigde(
            soort="netwerklid", naam="Buurman Gerolf", email="gerolf@geheim.example", reden="anders",
            reden_toelichting="Teun weet meer", netwerklid=lid, plan_delen=True,
        ),
    )  # fmt: skip
    overleg.leg_lijst_akkoord_vast(actor=personas.professional, overleg=vergadering, verstuurd_door="samen")
    overleg.nodig_uit(actor=personas.professional, overleg=vergadering)
    antwoorden.beantwoord(deelnemer=deelnemer, komt=False, toelichting="Schuld bij de bakker")
    overleg.noteer(actor=personas.professional, agendapunt=vergadering.agenda.first(), notities="Zwaantje Quirijnsen vertelt")
    overleg.beantwoord_checklist(
        actor=personas.professional,
        overleg=vergadering,
        antwoorden={p.pk: ("Kersenlaan 77", False) for p in vergadering.checklist.all()},
    )


def _analyse(personas, casus: Casus) -> None:
    """A micro-analysis whose explanations name people; its figures must survive."""
    from decimal import Decimal

    from samenwerk.rendement import services_analyse as rendement

    analyse = rendement.maak_analyse(actor=personas.professional, casus=casus)
    rendement.voeg_regel_toe(
        actor=personas.professional,
        analyse=analyse,
        gegevens=rendement.RegelGegevens(
            blok="voor", omschrijving="Schuld bij de bakker", prijs=Decimal("12.50"), eenheid="week",
            aantal=Decimal(2), toelichting="Buurman Gerolf helpt elke week",
        ),
    )  # fmt: skip


def _tafel(personas, casus: Casus) -> None:
    """A registration at De Tafel whose texts name the resident's circle."""
    from samenwerk.tafel import services as tafel

    aan = tafel.maak_tafel(
        actor=personas.tafelvoorzitter, gemeente=personas.gemeente, naam="Tafel", locatie="Buurthuis",
        voorzitter=personas.tafelvoorzitter,
    )  # fmt: skip
    aanmelding = tafel.meld_aan(
        actor=personas.professional, tafel=aan, casus=casus,
        gegevens=tafel.Aanmeldgegevens(
            inwoner_weet_hoe="gesprek", inwoner_weet_op=timezone.localdate(), leefgebieden=["wonen", "financien"],
            geprobeerd="Schuld bij de bakker", waarom_vast="Teun weet meer", vraag="Mijn geheime wens",
            namens="Teunis Quirijnsen",
        ),
    )  # fmt: skip
    tafel.leg_triage_vast(actor=personas.tafelvoorzitter, aanmelding=aanmelding, uitkomst="geschikt", reden="Buurman Gerolf")
    lid = tafel.voeg_lid_toe(actor=personas.tafelvoorzitter, tafel=aan, user=personas.niet_betrokken,
                             organisatie=personas.organisatie, expertise="x")  # fmt: skip
    begint = timezone.now() + datetime.timedelta(days=2)
    bijeenkomst = aan.bijeenkomsten.create(begint=begint, eindigt=begint + datetime.timedelta(hours=2), locatie="x")
    tafel.geef_tip(
        actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, aanmelding=aanmelding, van=lid, tekst="Teun weet meer"
    )
    tafel.leg_besluit_vast(
        actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, tekst="Mijn geheime wens", aanmelding=aanmelding,
        bezwaren=[tafel.Gehoord(door=lid, tekst="Schuld bij de bakker")],
    )  # fmt: skip
    tafel.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=0)
    tafel.leg_casuscheck_vast(
        actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, aanmelding=aanmelding, notities="Zwaantje Quirijnsen",
        partijen=[tafel.Partij("Buurman Gerolf", False, "Teun weet meer")],
    )  # fmt: skip
    tafel.leg_procesevaluatie_vast(
        actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, aanmelding=aanmelding, samenwerking="Buurman Gerolf",
        leerzaam="Teun weet meer", perspectief_inwoner="Mijn geheime wens",
    )  # fmt: skip


def _dump() -> str:
    """Every text value in every table, the way a database dump would show it."""
    tekst = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from introspection
            tekst.extend(str(v) for row in cursor.fetchall() for v in row)
    return "\n".join(tekst)


def _cijfers() -> tuple:
    return (
        Samenwerkplan.objects.aggregate(s=Sum("welzijnscijfer"))["s"],
        Evaluatie.objects.aggregate(s=Sum("welzijnscijfer"))["s"],
        GezondheidMeting.objects.aggregate(a=Avg("meedoen"))["a"],
        sorted((c.status, c.route, c.gebied_id, (c.afgesloten_op - c.aanmelddatum).days) for c in Casus.objects.all()),
        sorted((a.wie, (a.uiterlijke_datum - a.start).days) for a in Afspraak.objects.all()),
        Casus.objects.count(),
        sorted((k.blok, k.prijs, k.aantal, k.frequentie, k.periode) for k in Kostenpost.objects.all()),
        sorted((a.welzijn_voor, a.welzijn_na, a.weken_per_jaar) for a in Microanalyse.objects.all()),
    )


def test_after_the_retention_period_nothing_personal_survives_and_totals_are_unchanged(personas):
    personas.gemeente.bewaartermijn_jaren = 2
    personas.gemeente.save()
    oud = _casus(personas, datetime.date(2022, 3, 17))
    recent = CasusFactory(
        gebied=personas.gebied, afgesloten=True, afgesloten_op=datetime.date.today() - datetime.timedelta(days=30)
    )
    assert all(waarde in _dump() for waarde in GEHEIM)
    voor = _cijfers()
    log_voor = AuditEntry.objects.count()

    call_command("bewaartermijn")

    oud.refresh_from_db()
    recent.refresh_from_db()
    assert oud.geanonimiseerd_op is not None and recent.geanonimiseerd_op is None
    assert _cijfers() == voor
    assert oud.aanmelddatum.day == 1
    dump = _dump()
    overgebleven = [w for w in GEHEIM if w in dump]
    assert overgebleven == []
    verzegel()  # the history was written "in 2021": the sealer of that time would have sealed it
    assert AuditEntry.objects.count() >= log_voor + 1 and list(verify()) == []


def test_running_twice_changes_nothing(personas):
    personas.gemeente.bewaartermijn_jaren = 1
    personas.gemeente.save()
    _casus(personas, datetime.date(2023, 5, 5))
    call_command("bewaartermijn")
    dump, log = _dump(), AuditEntry.objects.count()
    call_command("bewaartermijn")
    assert _dump() == dump and AuditEntry.objects.count() == log


def test_an_open_case_is_never_anonymised(personas):
    personas.gemeente.bewaartermijn_jaren = 0
    personas.gemeente.save()
    casus = casussen.meld_aan(
        actor=personas.professional,
        organisatie=personas.organisatie,
        gebied=personas.gebied,
        binnengekomen_via="inwoner",
        inwoner=casussen.InwonerGegevens(voornaam="Zwaantje", achternaam="Quirijnsen"),
    )
    call_command("bewaartermijn")
    casus.refresh_from_db()
    assert casus.geanonimiseerd_op is None and casus.inwoner.achternaam == "Quirijnsen"
