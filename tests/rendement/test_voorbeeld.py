"""The worked example of docs/rendement.md, entered through the services as a person would,
reproduced to the cent."""

import datetime
from decimal import Decimal

import pytest

from samenwerk.rendement import services_analyse as services
from samenwerk.rendement.analyse import samenvatting_van
from samenwerk.rendement.bedragen import euro
from samenwerk.rendement.keuzes import Eenheid, Wet
from samenwerk.rendement.models import Microanalyse
from tests.factories import CasusFactory
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

pytestmark = pytest.mark.django_db
D = Decimal

ITEMS = [
    ("MW-UUR", Eenheid.PER_UUR, "84.00", Wet.WMO),
    ("WT-UUR", Eenheid.PER_UUR, "88.50", Wet.WMO),
    ("HA-CONSULT", Eenheid.PER_CONSULT, "13.75", Wet.ZVW),
    ("BIJSTAND-MAAND", Eenheid.PER_MAAND, "1310.00", Wet.PARTICIPATIEWET),
    ("MAATJE-JAAR", Eenheid.PER_JAAR, "650.00", Wet.WMO),
    ("SHV-TRAJECT", Eenheid.EENMALIG, "2750.00", Wet.ANDERS),
    ("HUISUITZETTING", Eenheid.EENMALIG, "7500.00", Wet.ANDERS),
    ("BW-WEEK", Eenheid.PER_WEEK, "1680.00", Wet.WMO),
]


@pytest.fixture
def voorbeeld(personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente, jaar=2026, weken_per_jaar=42)
    items = {
        code: PrijsitemFactory(prijslijst=lijst, code=code, eenheid=eenheid, prijs=D(prijs), wet=wet)
        for code, eenheid, prijs, wet in ITEMS
    }
    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    casus = type(casus).objects.prefetch_related("betrokkenen").get(pk=casus.pk)
    actor = personas.professional
    analyse = services.maak_analyse(actor=actor, casus=casus, datum=datetime.date(2026, 5, 1))
    analyse.casus = casus

    def regel(blok, code, aantal="1", frequentie="1", periode=""):
        services.voeg_regel_toe(
            actor=actor,
            analyse=analyse,
            gegevens=services.RegelGegevens(
                blok=blok, prijsitem=items[code], aantal=D(aantal), frequentie=D(frequentie), periode=periode
            ),
        )

    regel("voor", "MW-UUR", "3.5", "1", "week")
    regel("voor", "HA-CONSULT", "1", "2", "maand")
    regel("voor", "BIJSTAND-MAAND")
    regel("eenmalig", "SHV-TRAJECT")
    services.voeg_vergadertijd_toe(
        actor=actor,
        analyse=analyse,
        blok="eenmalig",
        prijsitem=items["WT-UUR"],
        overleggen=[(datetime.date(2026, 3, 3), D("1.5"), 4), (datetime.date(2026, 3, 17), D(1), 3)],
    )
    regel("na", "MW-UUR", "1", "1", "maand")
    regel("na", "MAATJE-JAAR")
    regel("herhaling", "MAATJE-JAAR")
    regel("herhaling", "HA-CONSULT", "1", "1", "maand")
    regel("niets_doen", "HUISUITZETTING")
    regel("niets_doen", "BW-WEEK", "1", "1", "week")
    regel("niets_doen", "BIJSTAND-MAAND")
    return Microanalyse.objects.met_regels().get(pk=analyse.pk)


def test_the_worked_example_to_the_cent(voorbeeld):
    s = samenvatting_van(voorbeeld)
    assert s.kosten_voor.bedrag == D("28398.00")
    assert s.eenmalige_investering.bedrag == D("3546.50")
    assert s.kosten_na.bedrag == D("1658.00")
    assert s.kosten_herhaling.bedrag == D("815.00")
    assert s.verschil_na.bedrag == D("23193.50")
    assert s.verschil_herhaling.bedrag == D("24036.50")
    assert s.kosten_niets_doen.bedrag == D("93780.00")
    assert s.verschil_na_per_wet == {
        Wet.WMO: D("9893.50"),
        Wet.ZVW: D("330.00"),
        Wet.PARTICIPATIEWET: D("15720.00"),
        Wet.ANDERS: D("-2750.00"),
    }
    assert euro(s.verschil_na.bedrag) == "€ 23.193,50"
    assert s.verschil_na.formule.endswith("= € 28.398,00 − € 1.658,00 − € 3.546,50 = € 23.193,50")
    regels = [r.bedrag for r in s.kosten_voor.onderdelen]
    assert regels == [D("12348.00"), D("330.00"), D("15720.00")]
    assert s.kosten_voor.onderdelen[0].formule == "€ 84,00 per uur × 3,5 × 1 keer per week × 42 weken per jaar = € 12.348,00"


def test_meeting_time_is_one_line_with_the_meetings_spelled_out(voorbeeld):
    overleg = voorbeeld.regels.get(omschrijving__startswith="Tijd van de professionals")
    assert overleg.omschrijving == "Tijd van de professionals in 2 overleggen"
    assert (overleg.prijs, overleg.aantal, overleg.frequentie, overleg.periode) == (D("88.50"), D("9.00"), D(1), "eenmalig")
    assert overleg.toelichting == "overleg 03-03-2026: 1,5 uur × 4; overleg 17-03-2026: 1 uur × 3 = 9 uur (uren × professionals)"
    assert samenvatting_van(voorbeeld).eenmalige_investering.onderdelen[1].bedrag == D("796.50")


def test_52_weeks_only_changes_the_weekly_lines(voorbeeld):
    voorbeeld.weken_per_jaar = 52
    s = samenvatting_van(voorbeeld)
    assert s.kosten_voor.onderdelen[0].bedrag == D("15288.00")
    assert s.kosten_voor.bedrag == D("28398.00") + D("15288.00") - D("12348.00")
    assert s.kosten_na.bedrag == D("1658.00")
