"""Emergency access is read-only, and the role someone has on a case decides what they see
(issue 17 item 1). The security probe found a procesregisseur on a case who broke the glass
and could then save the plan (PUT 200), add an agreement (POST 201) and change the
micro-analysis (PATCH 200), with the rows logged as ordinary access."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Noodtoegang
from samenwerk.gemeenten.models import Rol
from samenwerk.plannen import services as plannen
from samenwerk.privacy.models import AuditEntry
from samenwerk.regie import services as regie
from samenwerk.rendement import services_analyse as rendement
from tests.auth import confirm_recently, login
from tests.factories import RoltoewijzingFactory, casus_met_team

pytestmark = pytest.mark.django_db
REDEN = "Signaal van de politie; ik moet nu zien wie betrokken is."


def _casus_met_plan_en_analyse(personas, **kwargs):
    casus = casus_met_team(personas, inwoner__achternaam="Testinwoner", **kwargs)
    plannen.wijzig_plan(actor=personas.professional, casus=casus, inhoud=plannen.PlanInhoud(ik_wil="x"), versie=0)
    rendement.maak_analyse(actor=personas.professional, casus=casus)
    return casus


def _nood_en_daarna_procesregisseur(personas):
    """The realistic way to hold both: break the glass first, be added as procesregisseur later."""
    casus = _casus_met_plan_en_analyse(personas, proces=False)
    casussen.breek_het_glas(actor=personas.procesregisseur, casus=casus, reden=REDEN)
    regie.schaal_op(
        actor=personas.professional,
        casus=casus,
        user=personas.procesregisseur,
        organisatie=personas.organisatie,
        reden="samenwerking_stokt",
    )
    return casus


def test_the_probe_a_procesregisseur_on_the_case_cannot_break_the_glass(client, personas):
    casus = _casus_met_plan_en_analyse(personas)
    login(client, personas.procesregisseur)
    confirm_recently(client)
    html = client.post(reverse("casussen:noodtoegang"), {"casus": casus.nummer, "reden": REDEN}).content.decode()
    assert "U bent al bij deze casus betrokken als procesregisseur" in html
    assert not Noodtoegang.objects.filter(user=personas.procesregisseur).exists()
    put = client.put(reverse("api:plan", args=[casus.pk]), {"ik_wil": "y", "versie": 1}, content_type="application/json")
    assert put.status_code == 403


@pytest.mark.parametrize("persona", ["professional", "collega_andere_organisatie"])
def test_participants_need_no_emergency_access(client, personas, persona):
    casus = casus_met_team(personas)
    with pytest.raises(ValidationError) as fout:
        casussen.breek_het_glas(actor=getattr(personas, persona), casus=casus, reden=REDEN)
    assert "U bent al bij deze casus betrokken" in str(fout.value)


def test_emergency_access_and_a_role_the_role_decides_and_nothing_is_written(client, personas):
    casus = _nood_en_daarna_procesregisseur(personas)
    analyse = casus.microanalyse
    login(client, personas.procesregisseur)
    json = {"content_type": "application/json"}
    put = client.put(reverse("api:plan", args=[casus.pk]), {"ik_wil": "overschreven", "versie": 1}, **json)
    afspraak = client.post(reverse("api:plan-afspraken", args=[casus.pk]), {"wie": "inwoner", "wat": "x"}, **json)
    patch = client.patch(reverse("api:rendement-analyse", args=[casus.pk]), {"versie": analyse.versie}, **json)
    assert (put.status_code, afspraak.status_code, patch.status_code) == (403, 403, 403)
    assert client.get(reverse("api:plan", args=[casus.pk])).status_code == 403  # the procesregisseur does not see the plan
    for pagina in ("plannen:bewerken", "plannen:afspraak", "plannen:plan", "analyse:welzijn", "analyse:analyse"):
        assert client.get(reverse(pagina, args=[casus.pk])).status_code == 403, pagina
    detail = client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    assert "Testinwoner" not in detail
    casus.plan.refresh_from_db()
    assert casus.plan.ik_wil == "x" and casus.plan.afspraken.count() == 0
    rij = AuditEntry.objects.filter(gebruiker_id=personas.procesregisseur.pk, gebeurtenis="casus.bekeken").get()
    assert (rij.relatie, rij.noodtoegang, rij.reden, rij.gegevenssegment) == ("procesregisseur", True, REDEN, "samenwerking")


def test_emergency_access_without_a_role_reads_and_does_not_write(client, personas):
    casus = _casus_met_plan_en_analyse(personas)
    casussen.breek_het_glas(actor=personas.gebiedsaanjager, casus=casus, reden=REDEN)
    login(client, personas.gebiedsaanjager)
    json = {"content_type": "application/json"}
    assert client.get(reverse("api:plan", args=[casus.pk])).status_code == 200
    put = client.put(reverse("api:plan", args=[casus.pk]), {"ik_wil": "overschreven", "versie": 1}, **json)
    assert put.status_code == 403 and "noodtoegang" in put.json()["detail"]
    bewerken = client.get(reverse("plannen:bewerken", args=[casus.pk]))
    assert bewerken.status_code == 403 and "alleen inzien" in bewerken.content.decode()
    plan = client.get(reverse("plannen:plan", args=[casus.pk])).content.decode()
    assert reverse("plannen:bewerken", args=[casus.pk]) not in plan and reverse("plannen:afspraak", args=[casus.pk]) not in plan
    gezondheid = client.get(reverse("plannen:gezondheid", args=[casus.pk])).content.decode()
    assert "Meting opslaan" not in gezondheid
    assert client.post(reverse("plannen:gezondheid", args=[casus.pk]), {"datum": "2026-01-01"}).status_code == 403
    with pytest.raises(PermissionDenied):
        plannen.wijzig_plan(actor=personas.gebiedsaanjager, casus=casus, inhoud=plannen.PlanInhoud(ik_wil="y"), versie=1)


def _deelnemer_met_noodtoegang(personas):
    """A participant who also holds emergency access: broken before they were added (someone
    holding a procesregisseur and a professional role), which breek_het_glas refuses now."""
    casus = _casus_met_plan_en_analyse(personas, proces=False)
    RoltoewijzingFactory(
        user=personas.collega_andere_organisatie, rol=Rol.PROCESREGISSEUR, organisatie=personas.andere_organisatie
    )
    casus.betrokkenen.filter(user=personas.collega_andere_organisatie).update(tot=timezone.now())
    casussen.breek_het_glas(actor=personas.collega_andere_organisatie, casus=casus, reden=REDEN)
    casus.betrokkenen.create(user=personas.collega_andere_organisatie, organisatie=personas.andere_organisatie)
    return casus


def test_every_row_under_emergency_access_says_so_also_beside_a_role(client, personas):
    """The rows a service writes about a case it fetched again, and the rows of Mijn casussen."""
    casus = _deelnemer_met_noodtoegang(personas)
    deelnemer = personas.collega_andere_organisatie
    login(client, deelnemer)
    put = client.patch(
        reverse("api:plan", args=[casus.pk]), {"ik_wil": "samen verder", "versie": 1}, content_type="application/json"
    )
    assert put.status_code == 200  # a participant writes; emergency access neither adds nor takes away
    assert client.get(reverse("casussen:lijst")).status_code == 200
    rijen = AuditEntry.objects.filter(gebruiker_id=deelnemer.pk, gebeurtenis__in=["plan.gewijzigd", "casus.lijst"])
    assert sorted((r.gebeurtenis, r.relatie, r.noodtoegang, r.reden) for r in rijen) == [
        ("casus.lijst", "deelnemer", True, REDEN),
        ("plan.gewijzigd", "deelnemer", True, REDEN),
    ]
