"""Regie pages: the case page block, the procesregisseur's reduced view, forms that keep the
input with Dutch errors, a stale level (409), reads in the access log, bounded query counts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Casus
from samenwerk.privacy.models import AuditEntry
from samenwerk.regie import services
from samenwerk.regie.models import Niveauwijziging, Regiehandeling, Zorgsignaal
from tests.auth import login
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


def _signaal(personas, casus, tekst="Wijkagent meldt ruzie in huis"):
    return services.leg_signaal_vast(
        actor=personas.professional, casus=casus, bron="politie", afzender="Agent Bosman", tekst=tekst
    )


def test_case_page_shows_level_and_responsibilities(client, personas, casus):
    services.wijzig_niveau(actor=personas.professional, casus=casus, naar=3, reden="Stokt")
    login(client, personas.professional)
    html = client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    assert "Deze casus is op AVE 3" in html
    assert "Gemeentelijk adviseurs zorg en veiligheid" in html and "Wethouder / burgemeester" in html
    assert reverse("regie:opschalen", args=[casus.pk]) in html


def test_procesregisseur_sees_the_cooperation_not_the_resident(client, personas, opgeschaald):
    casus = opgeschaald
    _signaal(personas, casus)
    casussen.voeg_netwerklid_toe(actor=personas.professional, casus=casus, naam="Buurman Gerolf", relatie="buurman", rol="buur")
    login(client, personas.procesregisseur)
    html = client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    for geheim in ["Testinwoner", "Geheime wens", "schulden bij de bakker", "ruzie in huis", "Agent Bosman", "Buurman Gerolf"]:
        assert geheim not in html, geheim
    assert "Zelf de corporatie bellen" in html  # agreements and deadlines are the cooperation
    assert "Politie" in html and "Deelnemers bijeenroepen" in html
    assert reverse("plannen:plan", args=[casus.pk]) not in html
    assert reverse("plannen:inzage-pdf", args=[casus.pk]) not in html
    tijdlijn = client.get(reverse("casussen:tijdlijn", args=[casus.pk])).content.decode()
    assert "Opgeschaald" in tijdlijn and "buurman" not in tijdlijn and "Zorgsignaal" not in tijdlijn
    for naam in ["plannen:plan", "plannen:pdf", "plannen:afdruk", "plannen:inzage", "plannen:inzage-pdf", "plannen:versies"]:
        assert client.get(reverse(naam, args=[casus.pk])).status_code == 403, naam
    signalen = client.get(reverse("regie:zorgsignalen", args=[casus.pk])).content.decode()
    assert "Politie" in signalen and "ruzie" not in signalen
    log = AuditEntry.objects.filter(casus_id=casus.pk, gebruiker_id=personas.procesregisseur.pk)
    assert log.get(gebeurtenis="casus.bekeken").gegevenssegment == "samenwerking"
    assert log.get(gebeurtenis="zorgsignalen.bekeken").gegevenssegment == "regie"


def test_participant_reads_signals_and_the_read_is_logged(client, personas, casus):
    _signaal(personas, casus)
    login(client, personas.collega_andere_organisatie)
    assert "ruzie in huis" in client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    assert "ruzie in huis" in client.get(reverse("regie:zorgsignalen", args=[casus.pk])).content.decode()
    rijen = AuditEntry.objects.filter(gebeurtenis="zorgsignalen.bekeken", gebruiker_id=personas.collega_andere_organisatie.pk)
    assert rijen.count() == 2 and {r.gegevenssegment for r in rijen} == {"zorgsignaal"}


def test_level_form_keeps_the_input_and_speaks_dutch(client, personas, casus):
    login(client, personas.professional)
    url = reverse("regie:ave", args=[casus.pk])
    response = client.post(url, {"naar": "3", "reden": "", "datum": "2099-01-01", "huidig": ""})
    html = response.content.decode()
    assert response.status_code == 200 and "Dit veld is vereist." in html and "Deze datum ligt in de toekomst." in html
    assert 'value="3" checked' in html.replace("\n", " ") or 'checked value="3"' in html
    assert not Niveauwijziging.objects.exists()
    response = client.post(url, {"naar": "3", "reden": "Stokt", "datum": timezone.localdate().isoformat(), "huidig": ""})
    assert response.status_code == 302
    assert Niveauwijziging.objects.get().naar == 3
    assert AuditEntry.objects.filter(gebeurtenis="ave.bekeken", casus_id=casus.pk).exists()


def test_a_stale_level_answers_409_and_keeps_the_reason(client, personas, casus):
    services.wijzig_niveau(actor=personas.collega_andere_organisatie, casus=casus, naar=2, reden="Plan loopt")
    login(client, personas.professional)
    response = client.post(
        reverse("regie:ave", args=[casus.pk]),
        {"naar": "4", "reden": "Media-aandacht", "datum": timezone.localdate().isoformat(), "huidig": ""},
    )
    html = response.content.decode()
    assert response.status_code == 409 and "Intussen is het AVE-niveau gewijzigd" in html and "Media-aandacht" in html
    assert Niveauwijziging.objects.count() == 1


def test_participant_without_direction_cannot_change_the_level(client, personas, casus):
    login(client, personas.collega_andere_organisatie)
    html = client.get(reverse("regie:ave", args=[casus.pk])).content.decode()
    assert "Niveau wijzigen" not in html
    assert client.post(reverse("regie:ave", args=[casus.pk]), {"naar": "3", "reden": "x"}).status_code == 403


def test_opschalen_page(client, personas, casus):
    login(client, personas.professional)
    url = reverse("regie:opschalen", args=[casus.pk])
    response = client.post(
        url, {"user": personas.procesregisseur.pk, "organisatie": personas.organisatie.pk, "toelichting": "Stokt"}
    )
    assert (
        response.status_code == 200
        and "Dit veld is vereist." in response.content.decode()
        and "Stokt" in response.content.decode()
    )
    response = client.post(
        url, {"user": personas.procesregisseur.pk, "organisatie": personas.organisatie.pk, "reden": "hulp_niet_effectief"}
    )
    assert response.status_code == 302
    assert Regiehandeling.objects.get().reden == "hulp_niet_effectief"
    assert (
        reverse("regie:opschalen", args=[casus.pk])
        not in client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    )


def test_procesregisseur_pages(client, personas, opgeschaald):
    login(client, personas.procesregisseur)
    pk = opgeschaald.pk
    response = client.post(reverse("regie:bijeenroepen", args=[pk]), {"datum": "2000-01-01", "bericht": "Allen aan tafel"})
    assert response.status_code == 200 and "Deze datum ligt in het verleden." in response.content.decode()
    assert "Allen aan tafel" in response.content.decode()
    morgen = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert client.post(reverse("regie:bijeenroepen", args=[pk]), {"datum": morgen, "bericht": "Allen"}).status_code == 302
    assert client.post(reverse("regie:besluit", args=[pk]), {"tekst": "Zo doen we het"}).status_code == 302
    response = client.post(reverse("regie:escaleren", args=[pk]), {"tekst": "Geld ontbreekt"})
    assert response.status_code == 200 and "Dit veld is vereist." in response.content.decode()
    assert client.post(reverse("regie:escaleren", args=[pk]), {"naar": "manager", "tekst": "Geld ontbreekt"}).status_code == 302
    html = client.get(reverse("regie:procesregie", args=[pk])).content.decode()
    assert "Zo doen we het" in html and "Geld ontbreekt" in html and "management" in html
    response = client.post(reverse("regie:terugtreden", args=[pk]), {"reden": "Stabiel"})
    assert response.status_code == 302 and response["Location"] == reverse("casussen:lijst")
    assert client.get(reverse("casussen:detail", args=[pk])).status_code == 404


def test_signal_form_keeps_the_input(client, personas, casus):
    login(client, personas.collega_andere_organisatie)
    url = reverse("regie:zorgsignaal", args=[casus.pk])
    response = client.post(url, {"bron": "buren", "afzender": "Buurvrouw", "datum": "2099-01-01", "tekst": ""})
    html = response.content.decode()
    assert response.status_code == 200 and "Dit veld is vereist." in html and "Buurvrouw" in html and "toekomst" in html
    response = client.post(url, {"bron": "buren", "datum": timezone.localdate().isoformat(), "tekst": "Post stapelt zich op"})
    assert response.status_code == 302 and Zorgsignaal.objects.get().bron == "buren"


def _casus_vers(casus):
    return Casus.objects.prefetch_related("betrokkenen").get(pk=casus.pk)


def test_regie_lists_have_a_constant_number_of_queries(client, personas, opgeschaald):
    casus = _casus_vers(opgeschaald)
    login(client, personas.professional)
    niveau = iter(range(10_000))

    def wijzigingen(n):
        for _ in range(n):
            services.wijzig_niveau(actor=personas.professional, casus=casus, naar=2 + next(niveau) % 2, reden="x")

    assert_constant_queries(wijzigingen, lambda: client.get(reverse("regie:ave", args=[casus.pk])))
    assert_constant_queries(
        lambda n: [_signaal(personas, casus) for _ in range(n)],
        lambda: client.get(reverse("regie:zorgsignalen", args=[casus.pk])),
    )
    assert_constant_queries(
        lambda n: [services.neem_besluit(actor=personas.procesregisseur, casus=casus, tekst="b") for _ in range(n)],
        lambda: client.get(reverse("regie:procesregie", args=[casus.pk])),
    )


def test_case_page_with_regie_has_a_constant_number_of_queries(client, personas, opgeschaald):
    casus = _casus_vers(opgeschaald)
    login(client, personas.procesregisseur)

    def rijen(n):
        for _ in range(n):
            _signaal(personas, casus)
            services.neem_besluit(actor=personas.procesregisseur, casus=casus, tekst="b")

    assert_constant_queries(rijen, lambda: client.get(reverse("casussen:detail", args=[casus.pk])))


def test_wellbeing_scores_on_the_timeline_stay_hidden_from_the_procesregisseur(client, personas, opgeschaald):
    from samenwerk.plannen import services as plannen_services

    plannen_services.evalueer(
        actor=personas.professional,
        casus=opgeschaald,
        inhoud=plannen_services.EvaluatieInhoud(acties_gedaan="alle", verdere_acties_nodig=True, welzijnscijfer=7),
    )
    login(client, personas.procesregisseur)
    tijdlijn = client.get(reverse("casussen:tijdlijn", args=[opgeschaald.pk])).content.decode()
    assert "welzijnscijfer 7" not in tijdlijn and "Opgeschaald" in tijdlijn
    login(client, personas.professional)
    assert "welzijnscijfer 7" in client.get(reverse("casussen:tijdlijn", args=[opgeschaald.pk])).content.decode()
