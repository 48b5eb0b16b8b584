"""The meeting pages: bad input keeps what was typed, agreements land in the plan, closing
sends the plan only where the resident consented, the checklist must be complete, the chair
sees ground rules and the MDO+ closed part, the calendar feed is secret and revocable."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from samenwerk.berichten.models import Bericht
from samenwerk.overleg import antwoorden, services
from samenwerk.overleg.models import Agendafeed, Deelnemer, Overleg
from samenwerk.plannen.models import Afspraak, Ronde
from samenwerk.privacy.models import AuditEntry
from tests.auth import login
from tests.overleg.conftest import gegevens, genodigde, over_dagen, vul_checklist_in
from tests.querycount import assert_constant_queries
from tests.templatelookups import failed_template_lookups

pytestmark = pytest.mark.django_db


def _post_overleg(client, casus, **anders):
    data = {
        "vorm": "samenwerkwijze", "soort": "eerste", "doel": "Rust in geldzaken", "datum": over_dagen(4).date().isoformat(),
        "begintijd": "10:00", "eindtijd": "11:30", "bij_inwoner_thuis": "ja", "voorzitter": "inwoner", "notulist": "inwoner",
    } | anders  # fmt: skip
    return client.post(reverse("overleg:nieuw", args=[casus.pk]), data)


def test_planning_with_bad_input_keeps_what_was_typed(client, personas, casus):
    login(client, personas.professional)
    gisteren = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = _post_overleg(client, casus, datum=gisteren, bij_inwoner_thuis="nee", locatie="Buurthuis De Linde")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Het overleg moet in de toekomst liggen." in html
    assert "Schrijf op waarom het ergens anders is." in html
    assert "Buurthuis De Linde" in html and "Rust in geldzaken" in html
    assert not Overleg.objects.exists()


def test_planning_creates_agenda_and_checklists_per_format(client, personas, casus):
    login(client, personas.professional)
    response = _post_overleg(client, casus, vorm="mdo_plus")
    overleg = Overleg.objects.get()
    assert response.status_code == 302
    assert [p.besloten for p in overleg.agenda.all()] == [False, False, False, True, False, False]
    assert {p.lijst for p in overleg.checklist.all()} == {"voorbereiding", "veiligheid", "kaders"}
    chair = client.get(reverse("overleg:voorzitter", args=[casus.pk, overleg.pk])).content.decode()
    assert "Alles wordt aan tafel besproken" in chair and "Besloten deel" in chair
    assert AuditEntry.objects.filter(gebeurtenis="overleg.voorzitter.bekeken", casus_id=casus.pk).exists()


def test_participant_without_reason_or_with_a_bad_address(client, personas, overleg):
    login(client, personas.professional)
    url = reverse("overleg:deelnemer", args=[overleg.casus_id, overleg.pk])
    response = client.post(url, {"soort": "professional", "naam": "Wim", "email": "wim@", "organisatie": "Wonen"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit veld is vereist." in html  # the reason
    assert "Wim" in html and "Wonen" in html
    response = client.post(
        url, {"soort": "professional", "naam": "Wim", "email": "wim@", "organisatie": "Wonen", "reden": "kennis"}
    )
    assert "Dit is geen geldig e-mailadres" in response.content.decode()
    response = client.post(url, {"soort": "professional", "naam": "Wim", "email": "w@x.example", "reden": "anders"})
    assert "Schrijf op waarom deze persoon wordt uitgenodigd." in response.content.decode()
    assert not Deelnemer.objects.exists()


def test_invitations_wait_for_the_residents_agreement_and_adding_someone_asks_again(personas, overleg):
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    with pytest.raises(Exception, match="akkoord"):
        services.nodig_uit(actor=personas.professional, overleg=overleg)
    services.leg_lijst_akkoord_vast(actor=personas.professional, overleg=overleg, verstuurd_door="inwoner")
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde(email="b@x.example", naam="B"))
    overleg.refresh_from_db()
    assert overleg.lijst_akkoord_op is None


def _gehouden(personas, overleg, *, toestemming_voor_wim: bool):
    services.voeg_deelnemer_toe(
        actor=personas.professional, overleg=overleg, genodigde=genodigde(plan_delen=toestemming_voor_wim)
    )
    services.voeg_deelnemer_toe(
        actor=personas.professional, overleg=overleg, genodigde=genodigde(naam="Zonder Toestemming", email="z@x.example")
    )
    services.leg_lijst_akkoord_vast(actor=personas.professional, overleg=overleg, verstuurd_door="samen")
    services.nodig_uit(actor=personas.professional, overleg=overleg)
    for d in Deelnemer.objects.all():
        antwoorden.beantwoord(deelnemer=d, komt=True)


def test_agreements_go_into_the_plan_and_closing_sends_it_where_consented(client, personas, overleg):
    _gehouden(personas, overleg, toestemming_voor_wim=True)
    casus = overleg.casus
    with time_machine.travel(overleg.begint + datetime.timedelta(minutes=30)):
        login(client, personas.professional)
        url = reverse("overleg:afspraak", args=[casus.pk, overleg.pk])
        assert client.post(url, {"wie": "inwoner", "wat": ""}).status_code == 400
        assert client.post(url, {"wie": "inwoner", "wat": "Zelf de bank bellen"}).status_code == 302
        afspraak = Afspraak.objects.get(wat="Zelf de bank bellen")
        datum = timezone.localtime(overleg.begint).date()
        assert afspraak.uiterlijke_datum == datum + datetime.timedelta(weeks=6)
        assert afspraak.ronde.soort == Ronde.Soort.OVERLEG and afspraak.ronde.nummer == 1
        overleg.refresh_from_db()
        assert overleg.ronde == afspraak.ronde

        sluit = reverse("overleg:afsluiten", args=[casus.pk, overleg.pk])
        regisseur = casus.betrokkenen.get(rol="casusregisseur")
        wim, zonder = Deelnemer.objects.get(email="wim@wonen.example"), Deelnemer.objects.get(email="z@x.example")
        data = {
            "casusregisseur": regisseur.pk, "procesregisseur_nodig": "nee", "vervolg": "evaluatie_overleg",
            "vervolg_datum": (datum + datetime.timedelta(weeks=6)).isoformat(), f"aanwezig_{wim.pk}": "on",
            f"ronde_{wim.pk}": "Fijn, iedereen kwam aan het woord", f"aanwezig_{zonder.pk}": "on",
        }  # fmt: skip
        response = client.post(sluit, data)
        assert response.status_code == 400 and "voorbereiding" in response.content.decode()  # checklist first
        vul_checklist_in(overleg)
        assert client.post(sluit, data).status_code == 302
    overleg.refresh_from_db()
    assert overleg.status == Overleg.Status.GEHOUDEN and overleg.casusregisseur == regisseur
    wim.refresh_from_db()
    assert wim.afsluitronde == "Fijn, iedereen kwam aan het woord" and wim.aanwezig
    assert [b.aan for b in Bericht.objects.filter(soort="overleg.plan")] == [
        "wim@wonen.example"
    ]  # not to the one without consent
    assert casus.plan.__class__.objects.get(casus=casus).evaluatie_datum == datum + datetime.timedelta(weeks=6)


def test_withdrawn_consent_stops_plan_access_at_once(client, personas, overleg):
    from samenwerk.overleg import links

    _gehouden(personas, overleg, toestemming_voor_wim=True)
    wim = Deelnemer.objects.get(email="wim@wonen.example")
    url = reverse("uitnodiging:plan", args=[links.token_voor(wim)])
    assert client.get(url).status_code == 200
    services.wijzig_plantoestemming(actor=personas.professional, deelnemer=wim, gegeven=False)
    response = client.get(url)
    assert response.status_code == 403 and "toestemming" in response.content.decode()


def test_tampered_expired_and_cancelled_links(client, personas, overleg):
    from samenwerk.overleg import links

    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    wim = Deelnemer.objects.get()
    token = links.token_voor(wim)
    assert client.get(reverse("uitnodiging:antwoord", args=[token[:-2] + "xx"])).status_code == 404
    assert client.get(reverse("uitnodiging:antwoord", args=["onzin"])).status_code == 404
    with time_machine.travel(overleg.eindigt + datetime.timedelta(minutes=1)):
        response = client.get(reverse("uitnodiging:antwoord", args=[token]))
        assert response.status_code == 404 and "Testwijde" not in response.content.decode()
    services.annuleer(actor=personas.professional, overleg=overleg, reden="ziek")
    response = client.post(reverse("uitnodiging:antwoord", args=[token]), {"komt": "ja"})
    assert response.status_code == 409 and "gaat niet door" in response.content.decode()


def test_edit_conflict_keeps_the_input(client, personas, overleg):
    login(client, personas.professional)
    url = reverse("overleg:bewerken", args=[overleg.casus_id, overleg.pk])
    services.wijzig_overleg(
        actor=personas.professional,
        overleg=overleg,
        gegevens=gegevens(notulist=("netwerklid", overleg.casus.netwerk.get().pk)),
        versie=0,
    )
    data = {
        "doel": "Mijn nieuwe doel", "datum": over_dagen(5).date().isoformat(), "begintijd": "10:00", "eindtijd": "11:00",
        "bij_inwoner_thuis": "ja", "voorzitter": "inwoner", "notulist": "inwoner", "versie": 0,
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 409 and "Mijn nieuwe doel" in response.content.decode()


def test_calendar_feed_is_secret_and_revocable(client, personas, overleg):
    login(client, personas.professional)
    client.post(reverse("overleg:abonnement"), {"actie": "nieuw"})
    pagina = client.get(reverse("overleg:agenda")).content.decode()
    pad = re.search(r"/overleg/agenda/([^\s<]+)\.ics", pagina).group(1)
    client.logout()
    feed = client.get(f"/overleg/agenda/{pad}.ics")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    tekst = feed.content.decode()
    assert f"overleg-{overleg.uid}@samenwerkplatform" in tekst and "METHOD:PUBLISH" in tekst
    assert "Testinwoner" not in tekst and "Lindelaan" not in tekst
    login(client, personas.professional)
    client.post(reverse("overleg:abonnement"), {"actie": "intrekken"})
    client.logout()
    assert client.get(f"/overleg/agenda/{pad}.ics").status_code == 404
    assert Agendafeed.objects.filter(ingetrokken_op__isnull=True).count() == 0


def test_gebiedsaanjager_follows_up_a_refusal(client, personas, overleg):
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    services.leg_lijst_akkoord_vast(actor=personas.professional, overleg=overleg, verstuurd_door="samen")
    services.nodig_uit(actor=personas.professional, overleg=overleg)
    antwoorden.beantwoord(deelnemer=Deelnemer.objects.get(), komt=False, toelichting="Geen tijd")
    login(client, personas.gebiedsaanjager)
    lijst = client.get(reverse("overleg:weigeringen")).content.decode()
    assert overleg.casus.nummer in lijst and "Wonen Testwijde" in lijst and "Testinwoner" not in lijst
    weigering = overleg.deelnemers.get().weigering
    url = reverse("overleg:weigering", args=[weigering.pk])
    assert client.post(url, {"uitkomst": "opgeschaald"}).status_code == 400
    assert client.post(url, {"uitkomst": "opgeschaald", "toelichting": "Gebeld met de teamleider"}).status_code == 302
    weigering.refresh_from_db()
    assert weigering.uitkomst == "opgeschaald" and weigering.afgehandeld_door == personas.gebiedsaanjager


def test_detail_and_agenda_query_counts_are_constant(client, personas, overleg):
    login(client, personas.professional)

    def maak(n: int) -> None:
        for i in range(n):
            d = services.voeg_deelnemer_toe(
                actor=personas.professional, overleg=overleg, genodigde=genodigde(naam=f"D{i}", email=f"d{i}-{n}@x.example")
            )
            Deelnemer.objects.filter(pk=d.pk).update(antwoord="uitgenodigd", uitgenodigd_op=timezone.now())

    url = reverse("overleg:detail", args=[overleg.casus_id, overleg.pk])
    assert_constant_queries(maak, lambda: client.get(url))
    # nor failed template lookups (tests/templatelookups.py): one per participant before
    bij_tien = failed_template_lookups(lambda: client.get(url))
    maak(10)
    assert failed_template_lookups(lambda: client.get(url)) == bij_tien


def test_api_plans_a_meeting_and_answers_400_and_409(client, personas, casus):
    login(client, personas.professional)
    url = reverse("api:overleggen", args=[casus.pk])
    rollen = {"voorzitter": {"soort": "inwoner"}, "notulist": {"soort": "inwoner"}}
    fout = client.post(url, {"doel": "Rust", "begint": "2000-01-01T10:00:00+01:00", "eindigt": "2000-01-01T11:00:00+01:00"}
                       | rollen, content_type="application/json")  # fmt: skip
    assert fout.status_code == 400 and "begint" in fout.json()
    goed = client.post(url, {"doel": "Rust", "begint": over_dagen(3).isoformat(), "eindigt": over_dagen(3, 11).isoformat()}
                       | rollen, content_type="application/json")  # fmt: skip
    assert goed.status_code == 201, goed.json()
    overleg_id = goed.json()["id"]
    detail = reverse("api:overleg", args=[overleg_id])
    assert (
        client.patch(
            detail,
            {"notulist": {"soort": "netwerklid", "id": casus.netwerk.get().pk}, "versie": 0},
            content_type="application/json",
        ).status_code
        == 200
    )
    assert (
        client.patch(detail, {"notulist": {"soort": "inwoner"}, "versie": 0}, content_type="application/json").status_code == 409
    )
    deelnemers = reverse("api:overleg-deelnemers", args=[overleg_id])
    assert client.post(deelnemers, {"soort": "professional", "naam": "W", "email": "nee", "reden": "kennis"},
                       content_type="application/json").status_code == 400  # fmt: skip
    ics = client.get(reverse("api:overleg-ics", args=[overleg_id]))
    assert ics.status_code == 200 and b"BEGIN:VEVENT" in ics.content


def test_the_residents_inzage_includes_the_meetings(personas, overleg):
    from samenwerk.plannen.inzage import inzage

    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    [vergadering] = inzage(overleg.casus)["samenwerkoverleggen"]
    assert vergadering["doel"] == overleg.doel
    assert vergadering["deelnemers"][0]["naam"] == "Wim Woningcorporatie"


def test_my_meetings_and_refusals_query_counts_are_constant(client, personas, casus):
    from samenwerk.overleg.models import Weigering

    def maak(n: int) -> None:
        for i in range(n):
            vergadering = services.plan_overleg(
                actor=personas.professional,
                casus=casus,
                gegevens=gegevens(begint=over_dagen(3 + i % 20), eindigt=over_dagen(3 + i % 20, 11)),
            )
            d = services.voeg_deelnemer_toe(actor=personas.professional, overleg=vergadering, genodigde=genodigde())
            Weigering.objects.create(gemeente=personas.gemeente, gebied=personas.gebied, deelnemer=d, reden="afgewezen")

    login(client, personas.professional)
    assert_constant_queries(maak, lambda: client.get(reverse("overleg:agenda")))
    Overleg.objects.all().delete()
    login(client, personas.gebiedsaanjager)
    assert_constant_queries(maak, lambda: client.get(reverse("overleg:weigeringen")))


def test_a_new_time_asks_who_accepted_again_a_new_goal_does_not(personas, overleg):
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    services.leg_lijst_akkoord_vast(actor=personas.professional, overleg=overleg, verstuurd_door="samen")
    services.nodig_uit(actor=personas.professional, overleg=overleg)
    antwoorden.beantwoord(deelnemer=Deelnemer.objects.get(), komt=True)
    overleg.refresh_from_db()
    services.wijzig_overleg(
        actor=personas.professional, overleg=overleg, gegevens=gegevens(doel="Nieuw doel"), versie=overleg.versie
    )
    assert Deelnemer.objects.get().antwoord == "geaccepteerd"
    overleg.refresh_from_db()
    later = gegevens(doel="Nieuw doel", begint=over_dagen(6), eindigt=over_dagen(6, 11))
    services.wijzig_overleg(actor=personas.professional, overleg=overleg, gegevens=later, versie=overleg.versie)
    assert Deelnemer.objects.get().antwoord == "uitgenodigd"
    assert Bericht.objects.filter(soort="overleg.wijziging").count() == 2


def test_the_procesregisseur_sees_when_and_which_professionals_not_the_resident(client, personas, overleg):
    from samenwerk.casussen.models import Betrokkene, Netwerklid

    Betrokkene.objects.create(
        casus=overleg.casus, user=personas.procesregisseur, organisatie=personas.organisatie, rol="procesregisseur"
    )
    joke = Netwerklid.objects.get(casus=overleg.casus)
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    services.voeg_deelnemer_toe(
        actor=personas.professional,
        overleg=overleg,
        genodigde=genodigde(
            soort="netwerklid", naam=joke.naam, email=joke.email, organisatie="", reden="ervaring", netwerklid=joke
        ),
    )
    login(client, personas.procesregisseur)
    assert client.get(reverse("overleg:lijst", args=[overleg.casus_id])).status_code == 200
    html = client.get(reverse("overleg:detail", args=[overleg.casus_id, overleg.pk])).content.decode()
    assert "Wim Woningcorporatie" in html  # the professionals: the cooperation
    for geheim in ["Joke Buurvrouw", overleg.doel, "Lindelaan", "Verstuurde berichten"]:
        assert geheim not in html, geheim
    assert client.get(reverse("overleg:voorzitter", args=[overleg.casus_id, overleg.pk])).status_code == 403
    assert AuditEntry.objects.filter(gebeurtenis="overleg.samenwerking.bekeken", casus_id=overleg.casus_id).exists()
