"""Regie data in the resident's inzage and in retention: after the period no free text or
name survives, the levels and kinds stay for the figures."""

import datetime

import pytest
from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.plannen.bewaren import anonimiseer_casus
from samenwerk.plannen.inzage import inzage
from samenwerk.regie import services
from samenwerk.regie.models import Niveauwijziging, Regiehandeling, Zorgsignaal

pytestmark = pytest.mark.django_db


def test_inzage_holds_levels_procesregie_and_signals(personas, opgeschaald):
    services.wijzig_niveau(actor=personas.professional, casus=opgeschaald, naar=3, reden="Ontruiming dreigt")
    services.leg_signaal_vast(actor=personas.professional, casus=opgeschaald, bron="huisarts", tekst="Valt vaak")
    data = inzage(opgeschaald)
    assert data["ave_niveau"][0]["reden"] == "Ontruiming dreigt"
    assert data["procesregie"][0]["soort"] == "opschaling"
    assert data["zorgsignalen"][0]["tekst"] == "Valt vaak"


def test_retention_blanks_regie_texts_and_keeps_levels(personas, opgeschaald):
    casus = opgeschaald
    services.wijzig_niveau(actor=personas.professional, casus=casus, naar=3, reden="Geheime reden")
    services.leg_signaal_vast(actor=personas.professional, casus=casus, bron="politie", afzender="Agent X", tekst="Geheim")
    datum_signaal = Zorgsignaal.objects.get().datum
    casussen.wijzig_status(actor=personas.professional, casus=casus, naar="afgesloten", reden="doel bereikt")
    assert anonimiseer_casus(casus_id=casus.pk)
    w = Niveauwijziging.objects.get()
    assert (w.naar, w.reden, w.besloten_door_naam) == (3, "", "")
    assert all(h.tekst == "" and h.door_naam == "" for h in Regiehandeling.objects.all())
    s = Zorgsignaal.objects.get()
    assert (s.bron, s.tekst, s.afzender) == ("politie", "", "")
    schuif = casus.aanmelddatum.day - 1
    assert s.datum == datum_signaal - datetime.timedelta(days=schuif)
    assert timezone.localdate() >= s.datum
