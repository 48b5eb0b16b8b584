from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from samenwerk.gemeenten.models import Normen
from samenwerk.leren.models import Deelname, Leersessie, Leertafel
from samenwerk.leren.sessies import selectors, services
from samenwerk.privacy.models import AuditEntry

from .conftest import maak_sessie, om

pytestmark = pytest.mark.django_db


def rooster(personas, **anders):
    gegevens = services.Roostergegevens(
        **({"weekdag": 2, "tijd": datetime.time(15), "locatie": "Buurthuis De Linde", "thematafel": "Schulden"} | anders)
    )
    return services.bewaar_rooster(actor=personas.gebiedsaanjager, gebied=personas.gebied, gegevens=gegevens)


def test_plan_reeks_makes_sessions_on_the_schedule_with_four_tables(personas):
    r = rooster(personas)
    vandaag = timezone.localdate()
    sessies = services.plan_reeks(
        actor=personas.gebiedsaanjager, rooster=r, vanaf=vandaag, tot=vandaag + datetime.timedelta(weeks=12)
    )
    assert len(sessies) == 3  # every four weeks
    for s in Leersessie.objects.filter(gebied=personas.gebied):
        assert timezone.localtime(s.begin).weekday() == 2
        assert timezone.localtime(s.begin).time() == datetime.time(15)
        assert s.eind - s.begin == datetime.timedelta(minutes=120)
        assert sorted(s.tafels.values_list("soort", flat=True)) == ["casus", "evaluatie", "nieuwkomer", "thema"]
    # Again: nothing twice.
    assert (
        services.plan_reeks(actor=personas.gebiedsaanjager, rooster=r, vanaf=vandaag, tot=vandaag + datetime.timedelta(weeks=12))
        == []
    )
    assert AuditEntry.objects.filter(gebeurtenis="leren.reeks.gepland").count() == 2


def test_only_the_areas_gebiedsaanjager_plans(personas):
    with pytest.raises(ValidationError, match="gebiedsaanjager"):
        services.bewaar_rooster(
            actor=personas.professional, gebied=personas.gebied,
            gegevens=services.Roostergegevens(weekdag=1, tijd=datetime.time(9), locatie="x"),
        )  # fmt: skip
    with pytest.raises(ValidationError) as fout:
        rooster(personas, online=True, link="", locatie="")
    assert "link" in fout.value.message_dict


def test_registration_on_time_late_and_after_the_agenda(personas):
    sessie = maak_sessie(personas, dagen=10)
    op_tijd = services.meld_aan(actor=personas.professional, sessie=sessie)
    assert (op_tijd.laat, op_tijd.zonder_link) == (False, False)
    with time_machine.travel(sessie.begin - datetime.timedelta(days=2), tick=False):
        laat = services.meld_aan(actor=personas.collega_andere_organisatie, sessie=sessie)
        assert (laat.laat, laat.zonder_link) == (True, False)
    Leersessie.objects.filter(pk=sessie.pk).update(agenda_verstuurd_op=timezone.now())
    sessie.refresh_from_db()
    na = services.meld_aan(actor=personas.manager, sessie=sessie)
    assert na.zonder_link is True


def test_registration_boundary_of_the_preferred_days(personas):
    sessie = maak_sessie(personas, dagen=10)
    with time_machine.travel(sessie.begin - datetime.timedelta(days=3), tick=False):
        assert services.meld_aan(actor=personas.professional, sessie=sessie).laat is False
    with time_machine.travel(sessie.begin - datetime.timedelta(days=3) + datetime.timedelta(seconds=1), tick=False):
        assert services.meld_aan(actor=personas.manager, sessie=sessie).laat is True


def test_past_full_and_double_registrations_are_refused_in_dutch(personas):
    verleden = maak_sessie(personas, dagen=-1)
    with pytest.raises(ValidationError, match="al begonnen of geweest"):
        services.meld_aan(actor=personas.professional, sessie=verleden)
    vol = maak_sessie(personas, dagen=12, max_deelnemers=1)
    services.meld_aan(actor=personas.professional, sessie=vol)
    with pytest.raises(ValidationError, match="vol \\(1 aanmeldingen\\)"):
        services.meld_aan(actor=personas.manager, sessie=vol)
    with pytest.raises(ValidationError, match="al aangemeld"):
        services.meld_aan(actor=personas.professional, sessie=vol)


def test_who_may_register(personas):
    sessie = maak_sessie(personas)
    for persoon in (personas.professional, personas.manager, personas.procesregisseur, personas.gebiedsaanjager):
        services.meld_aan(actor=persoon, sessie=sessie)
    for persoon in (
        personas.onderzoeker,
        personas.privacyfunctionaris,
        personas.zonder_rol,
        personas.professional_andere_gemeente,
    ):
        with pytest.raises(ValidationError):
            services.meld_aan(actor=persoon, sessie=sessie)


def test_deregister_and_register_again(personas):
    sessie = maak_sessie(personas)
    deelname = services.meld_aan(actor=personas.professional, sessie=sessie)
    services.meld_af(actor=personas.professional, deelname=deelname)
    assert selectors.deelname_van(personas.professional, sessie) is None
    opnieuw = services.meld_aan(actor=personas.professional, sessie=sessie)
    assert opnieuw.pk == deelname.pk and opnieuw.afgemeld_op is None


def test_attendance_table_size_warnings_and_newcomers(personas):
    sessie = maak_sessie(personas, online=True)
    tafels = {t.soort: t for t in sessie.tafels.all()}
    deelnames = [services.meld_aan(actor=p, sessie=sessie) for p in
                 (personas.professional, personas.collega_andere_organisatie, personas.niet_betrokken,
                  personas.procesregisseur, personas.manager, personas.gebiedsaanjager)]  # fmt: skip
    regels = [services.Aanwezigheid(d.pk, tafels["casus"].pk, True) for d in deelnames]
    regels[0] = services.Aanwezigheid(deelnames[0].pk, tafels["nieuwkomer"].pk, True)
    with pytest.raises(ValidationError):
        services.leg_aanwezigheid_vast(actor=personas.professional, sessie=sessie, regels=regels)
    services.leg_aanwezigheid_vast(actor=personas.gebiedsaanjager, sessie=sessie, regels=regels)
    normen = Normen.objects.voor(personas.gemeente.pk)
    teksten = [w.tekst for w in selectors.tafelwaarschuwingen(sessie, selectors.tafels_met_deelnames(sessie), normen)]
    assert teksten == []  # five online is the maximum: no warning; a sixth makes one with the number
    Deelname.objects.filter(pk=deelnames[0].pk).update(tafel=tafels["casus"])
    teksten = [w.tekst for w in selectors.tafelwaarschuwingen(sessie, selectors.tafels_met_deelnames(sessie), normen)]
    assert teksten == ["Casustafel (actieleren): 6 mensen, meer dan de 5 voor actieleren. Splits de groep."]
    Deelname.objects.filter(pk=deelnames[0].pk).update(tafel=tafels["nieuwkomer"])
    sinds = timezone.now() - datetime.timedelta(days=30)
    assert list(selectors.nieuwkomers(personas.gemeente, sinds=sinds)) == [personas.professional]
    assert list(selectors.nieuwkomers(personas.gemeente, sinds=sessie.begin + datetime.timedelta(days=1))) == []
    assert list(selectors.bezochte_leersessies(personas.professional)) == [sessie]
    assert list(selectors.bezochte_leersessies(personas.zonder_rol)) == []


def test_evaluatietafel_above_eight_warns(personas):
    sessie = maak_sessie(personas, online=False)
    evaluatie = sessie.tafels.get(soort=Leertafel.Soort.EVALUATIE)
    from tests.factories import RoltoewijzingFactory, UserFactory

    for i in range(9):
        u = UserFactory(email=f"eval{i}@testwijde.example")
        RoltoewijzingFactory(user=u, rol="sociaal_professional", gemeente=personas.gemeente, organisatie=personas.organisatie)
        Deelname.objects.create(sessie=sessie, user=u, tafel=evaluatie)
    normen = Normen.objects.voor(personas.gemeente.pk)
    teksten = [w.tekst for w in selectors.tafelwaarschuwingen(sessie, selectors.tafels_met_deelnames(sessie), normen)]
    assert teksten == ["Evaluatietafel: 9 mensen, meer dan de 8 aan een evaluatietafel."]


def test_report_and_feedback(personas):
    sessie = maak_sessie(personas, dagen=1)
    services.meld_aan(actor=personas.professional, sessie=sessie)
    with pytest.raises(ValidationError, match="na de leersessie"):
        services.geef_feedback(actor=personas.professional, sessie=sessie, score_inhoud=4, score_organisatie=5)
    with time_machine.travel(sessie.eind + datetime.timedelta(hours=1)):
        with pytest.raises(ValidationError) as fout:
            services.geef_feedback(actor=personas.professional, sessie=sessie, score_inhoud=6, score_organisatie=0)
        assert set(fout.value.message_dict) == {"score_inhoud", "score_organisatie"}
        services.geef_feedback(actor=personas.professional, sessie=sessie, score_inhoud=4, score_organisatie=5, opmerking="Fijn")
        with pytest.raises(ValidationError, match="aangemeld"):
            services.geef_feedback(actor=personas.manager, sessie=sessie, score_inhoud=4, score_organisatie=5)
    samenvatting = selectors.feedbacksamenvatting(sessie)
    assert (samenvatting["aantal"], samenvatting["inhoud"], samenvatting["opmerkingen"]) == (1, 4.0, ["Fijn"])
    gegevens = services.Verslaggegevens(
        doelen="Kennismaken", positief="Veel energie", aandachtspunten="Tijd",
        acties=[("Folder maken", personas.organisatie, personas.manager)],
    )  # fmt: skip
    verslag = services.bewaar_verslag(actor=personas.gebiedsaanjager, sessie=sessie, gegevens=gegevens, versie=0)
    assert verslag.versie == 1 and verslag.acties.get().kartrekker == personas.manager
    with pytest.raises(ValidationError, match="intussen gewijzigd"):
        services.bewaar_verslag(actor=personas.gebiedsaanjager, sessie=sessie, gegevens=gegevens, versie=0)
    with pytest.raises(ValidationError):
        services.bewaar_verslag(actor=personas.professional, sessie=sessie, gegevens=gegevens)


def test_om_helper_is_local_time():
    assert om(datetime.date(2026, 7, 1)).utcoffset() == datetime.timedelta(hours=2)
