"""A case brought to a learning table: consent, the task, review, sharing, who sees what,
withdrawal, the access log (issue 18 item 3)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from samenwerk.casussen.models import Toestemming
from samenwerk.leren.inbreng import services
from samenwerk.leren.inbreng.serializers import CasusinbrengSerializer
from samenwerk.leren.inbreng.tasks import deidentificeer_inbreng
from samenwerk.leren.models import Casusinbreng
from samenwerk.privacy.models import AuditEntry
from tests.auth import login
from tests.factories import casus_met_team

from .helpers import TEKST, geef_toestemming, maak_sessie

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("zonder_deduce")]


@pytest.fixture
def opzet(personas):
    casus = casus_met_team(personas)
    return casus, maak_sessie(personas)


def _breng_in(personas, casus, tafel, tekst=TEKST):
    from samenwerk.casussen.selectors import casus_of_404

    return services.breng_in(
        actor=personas.professional, casus=casus_of_404(personas.professional, casus.pk), tafel=tafel, tekst=tekst
    )


def test_without_consent_the_refusal_names_what_is_missing(personas, opzet):
    casus, s = opzet
    with pytest.raises(ValidationError, match="geen toestemming van de inwoner vastgelegd"):
        _breng_in(personas, casus, s.casustafel)
    geef_toestemming(personas, casus, gegeven=True)
    geef_toestemming(personas, casus, gegeven=False)  # the latest row decides
    with pytest.raises(ValidationError, match="geen toestemming \\(meer\\) gegeven"):
        _breng_in(personas, casus, s.casustafel)
    assert not Casusinbreng.objects.exists()


def test_consent_for_another_purpose_is_not_enough(personas, opzet):
    casus, s = opzet  # casus_met_team has consent for the Samenwerkwijze only
    assert Toestemming.objects.filter(casus=casus, gegeven=True).exists()
    with pytest.raises(ValidationError):
        _breng_in(personas, casus, s.casustafel)


def test_bringing_in_only_enqueues_and_the_worker_deidentifies(personas, opzet):
    casus, s = opzet
    geef_toestemming(personas, casus)
    inbreng = _breng_in(personas, casus, s.casustafel)
    assert (inbreng.status, inbreng.doel, inbreng.tekst, inbreng.brontekst) == ("wacht", "casustafel", "", TEKST)
    taak = DBTaskResult.objects.get()
    assert taak.task_path.endswith("deidentificeer_inbreng") and taak.args_kwargs["args"] == [inbreng.pk]
    deidentificeer_inbreng.call(inbreng.pk)  # what the worker runs
    inbreng.refresh_from_db()
    assert inbreng.status == "te_beoordelen"
    for weg in ("Fatima el Amrani", "41", "Lindelaan 14", "3 maart 2025", "06-12345678", "123456782"):
        assert weg not in inbreng.tekst
    assert "Zij wil weer werken." in inbreng.tekst
    soorten = {v["soort"] for v in inbreng.vervangingen}
    assert soorten == {"PERSOON", "LEEFTIJD", "ADRES", "DATUM", "TELEFOON", "BSN"}
    for v in inbreng.vervangingen:  # positions point at placeholders in the new text, no originals kept
        assert inbreng.tekst[v["begin"] : v["eind"]].startswith(f"[{v['soort']}-")
        assert set(v) == {"begin", "eind", "soort"}
    assert AuditEntry.objects.filter(gebeurtenis="leren.inbreng.zonder_namen_gemaakt", object_id=str(inbreng.pk)).exists()


def test_only_a_participant_of_the_case_brings_it_in(personas, opzet):
    casus, s = opzet
    geef_toestemming(personas, casus)
    casus.mijn_noodtoegang = ""
    casus_van_proces = casus
    with pytest.raises(PermissionDenied):
        services.breng_in(actor=personas.procesregisseur, casus=casus_van_proces, tafel=s.casustafel, tekst="x")


def test_only_case_and_evaluation_tables(personas, opzet):
    casus, s = opzet
    geef_toestemming(personas, casus)
    s.casustafel.soort = "nieuwkomer"
    s.casustafel.save()
    with pytest.raises(ValidationError):
        _breng_in(personas, casus, s.casustafel)
    assert _breng_in(personas, casus, s.evaluatietafel).doel == "evaluatietafel"


def _klaar(personas, opzet):
    casus, s = opzet
    geef_toestemming(personas, casus)
    inbreng = _breng_in(personas, casus, s.casustafel)
    return services.verwerk(inbreng.pk)


def test_review_redact_more_and_share(personas, opzet):
    inbreng = _klaar(personas, opzet)
    with pytest.raises(services.Versieconflict):
        services.maak_onherkenbaar(actor=personas.professional, inbreng=inbreng, passages=["werken"], versie=0)
    inbreng = services.maak_onherkenbaar(
        actor=personas.professional, inbreng=inbreng, passages=["weer werken"], versie=inbreng.versie
    )
    assert "weer werken" not in inbreng.tekst and "[ANDERS-1]" in inbreng.tekst
    assert {v["soort"] for v in inbreng.vervangingen} >= {"ANDERS", "PERSOON"}
    for v in inbreng.vervangingen:
        assert inbreng.tekst[v["begin"]] == "[" and inbreng.tekst[v["eind"] - 1] == "]"
    with pytest.raises(PermissionDenied):
        services.deel(actor=personas.niet_betrokken, inbreng=inbreng, versie=inbreng.versie)
    inbreng = services.deel(actor=personas.professional, inbreng=inbreng, versie=inbreng.versie)
    assert inbreng.status == "gedeeld" and inbreng.gedeeld_op and inbreng.brontekst == ""
    with pytest.raises(ValidationError):
        services.deel(actor=personas.professional, inbreng=inbreng, versie=inbreng.versie)


def test_who_sees_a_contribution(personas, opzet):
    inbreng = _klaar(personas, opzet)
    zien = lambda user: Casusinbreng.objects.for_user(user).filter(pk=inbreng.pk).exists()  # noqa: E731
    assert zien(personas.professional)
    assert not zien(personas.niet_betrokken)  # at the table, but not shared yet
    services.deel(actor=personas.professional, inbreng=inbreng, versie=inbreng.versie)
    assert zien(personas.professional) and zien(personas.niet_betrokken) and zien(personas.gebiedsaanjager)
    for buiten in (personas.collega_andere_organisatie, personas.procesregisseur, personas.manager, personas.zonder_rol):
        assert not zien(buiten)  # another table, or no table at all


def test_only_the_contributor_sees_the_link_to_the_case(personas, opzet, rf):
    inbreng = _klaar(personas, opzet)
    inbreng = services.deel(actor=personas.professional, inbreng=inbreng, versie=inbreng.versie)
    for user, casus in ((personas.professional, inbreng.casus_id), (personas.niet_betrokken, None)):
        request = rf.get("/")
        request.user = user
        assert CasusinbrengSerializer(inbreng, context={"request": request}).data["casus"] == casus
    client_pagina = reverse("leren:inbreng-detail", args=[inbreng.pk])
    from django.test import Client

    for user, ziet in ((personas.professional, True), (personas.niet_betrokken, False)):
        client = Client()
        login(client, user)
        html = client.get(client_pagina).content.decode()
        assert (reverse("casussen:detail", args=[inbreng.casus_id]) in html) is ziet
        assert '<mark class="sw-vervangen"' in html
    rijen = AuditEntry.objects.filter(gebeurtenis="leren.inbreng.bekeken", object_id=str(inbreng.pk))
    assert {(r.gebruiker_id, r.casus_id) for r in rijen} == {
        (personas.professional.pk, inbreng.casus_id),
        (personas.niet_betrokken.pk, None),
    }


def test_withdrawing_consent_unlinks_and_marks(personas, opzet):
    casus, s = opzet
    gedeeld = _klaar(personas, opzet)
    gedeeld = services.deel(actor=personas.professional, inbreng=gedeeld, versie=gedeeld.versie)
    wachtend = _breng_in(personas, casus, s.evaluatietafel)
    geef_toestemming(personas, casus, gegeven=False)
    gedeeld.refresh_from_db()
    wachtend.refresh_from_db()
    assert (gedeeld.casus_id, gedeeld.status) == (None, "ingetrokken") and gedeeld.ingetrokken_op
    assert "[PERSOON-1]" in gedeeld.tekst  # the de-identified copy stays, marked
    assert (wachtend.casus_id, wachtend.status, wachtend.brontekst, wachtend.tekst) == (None, "ingetrokken", "", "")
    assert services.verwerk(wachtend.pk) is None  # the queued task finds nothing to do
    rijen = AuditEntry.objects.filter(gebeurtenis="leren.inbreng.ontkoppeld", casus_id=casus.pk)
    assert {r.object_id for r in rijen} == {str(gedeeld.pk), str(wachtend.pk)}
    assert Casusinbreng.objects.for_user(personas.niet_betrokken).filter(pk=gedeeld.pk).exists()  # marked, still de-identified


def test_pages_bring_in_review_share(client, personas, opzet):
    casus, s = opzet
    login(client, personas.professional)
    url = reverse("leren:inbreng-nieuw", args=[casus.pk])
    pagina = client.get(url)
    assert "geen toestemming van de inwoner vastgelegd" in pagina.content.decode()
    antwoord = client.post(url, {"tafel": s.casustafel.pk, "tekst": TEKST})
    assert antwoord.status_code == 400 and "geen toestemming" in antwoord.content.decode()
    assert TEKST in antwoord.content.decode()  # nothing typed is lost
    geef_toestemming(personas, casus)
    antwoord = client.post(url, {"tafel": s.casustafel.pk, "tekst": TEKST})
    inbreng = Casusinbreng.objects.get()
    assert antwoord.status_code == 302 and inbreng.status == "wacht"
    assert "zonder namen gemaakt" in client.get(antwoord["Location"]).content.decode()
    services.verwerk(inbreng.pk)
    inbreng.refresh_from_db()
    html = client.get(reverse("leren:inbreng-detail", args=[inbreng.pk])).content.decode()
    assert "Vervangen: naam." in html and "Vervangen: BSN." in html and "Fatima el Amrani" in html  # the original, in <details>
    detail = reverse("leren:inbreng-detail", args=[inbreng.pk])
    client.post(reverse("leren:inbreng-onherkenbaar", args=[inbreng.pk]), {"passages": "weer werken", "versie": inbreng.versie})
    inbreng.refresh_from_db()
    assert "[ANDERS-1]" in inbreng.tekst
    assert client.post(reverse("leren:inbreng-delen", args=[inbreng.pk]), {"versie": inbreng.versie})["Location"] == detail
    inbreng.refresh_from_db()
    assert inbreng.status == "gedeeld"
    assert "Fatima el Amrani" not in client.get(detail).content.decode()


def test_api_bring_in_and_share(client, personas, opzet):
    casus, s = opzet
    login(client, personas.professional)
    url = reverse("api:leren-inbrengen")
    antwoord = client.post(url, {"casus": casus.pk, "tafel": s.casustafel.pk, "tekst": TEKST}, content_type="application/json")
    assert antwoord.status_code == 400 and "toestemming" in str(antwoord.json())
    geef_toestemming(personas, casus)
    antwoord = client.post(url, {"casus": casus.pk, "tafel": s.casustafel.pk, "tekst": TEKST}, content_type="application/json")
    assert antwoord.status_code == 201 and antwoord.json()["status"] == "wacht"
    pk = antwoord.json()["id"]
    services.verwerk(pk)
    data = client.get(reverse("api:leren-inbreng", args=[pk])).json()
    assert data["status"] == "te_beoordelen" and data["brontekst"] == TEKST and data["casus"] == casus.pk
    delen = reverse("api:leren-inbreng-delen", args=[pk])
    assert client.post(delen, {"versie": 0}, content_type="application/json").status_code == 409
    assert client.post(delen, {"versie": data["versie"]}, content_type="application/json").status_code == 200
    login(client, personas.niet_betrokken)
    lijst = client.get(url).json()["results"]
    assert [(r["id"], r["casus"], r["brontekst"]) for r in lijst] == [(pk, None, "")]
