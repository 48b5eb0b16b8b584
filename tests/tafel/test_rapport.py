"""The stuurgroep report: every figure computed from the records (an MDO+ that was not held
does not count, an agreement withdrawn does not count, a plan agreed before the MDO+ is not
"made together"), no names on the page, PDF and XLSX, constant queries."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from samenwerk.casussen.models import Casus, Netwerklid
from samenwerk.overleg.models import Agendapunt, Deelnemer, Overleg
from samenwerk.plannen.models import Afspraak, Ronde, Samenwerkplan
from samenwerk.tafel import budget, rapport, services
from samenwerk.tafel.models import Aanmelding
from tests.auth import login
from tests.factories import casus_met_team
from tests.pdf import pdf_tekst
from tests.querycount import assert_constant_queries
from tests.tafel.conftest import gegevens

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def aanmelding(personas, tafel, *, dagen: int = 60, triage: str = "", leefgebieden=("wonen", "financien")) -> Aanmelding:
    casus = casus_met_team(personas, collega=False, proces=False)
    a = services.meld_aan(
        actor=personas.professional, tafel=tafel, casus=casus, gegevens=gegevens(leefgebieden=list(leefgebieden))
    )
    datum = VANDAAG - datetime.timedelta(days=dagen)
    Aanmelding.objects.filter(pk=a.pk).update(aangemeld_op=datum, triage=triage)
    a.refresh_from_db()
    return a


def mdo(
    personas, casus: Casus, *, dag: datetime.date, gehouden: bool = True, besloten: str = "", netwerk: bool = False
) -> Overleg:
    begint = datetime.datetime.combine(dag, datetime.time(14), tzinfo=timezone.get_current_timezone())
    overleg = Overleg.objects.create(
        gemeente=personas.gemeente, casus=casus, vorm=Overleg.Vorm.MDO_PLUS, doel="Plan maken", begint=begint,
        eindigt=begint + datetime.timedelta(hours=2), voorzitter="x", notulist="y", antwoord_voor=dag,
        organisator=personas.professional, status=Overleg.Status.GEHOUDEN if gehouden else Overleg.Status.GEPLAND,
    )  # fmt: skip
    Agendapunt.objects.create(
        overleg=overleg, volgorde=4, code="besloten", titel="Besloten deel", besloten=True, notities=besloten
    )
    if netwerk:
        lid = Netwerklid.objects.create(casus=casus, naam="Buurvrouw", relatie="buurvrouw", rol="anders")
        Deelnemer.objects.create(
            overleg=overleg, soort="netwerklid", naam="Buurvrouw", email="b@example.org", netwerklid=lid, reden="ervaring",
            aanwezig=True, sleutel="x",
        )  # fmt: skip
    return overleg


def plan(casus: Casus, *, erkend: datetime.datetime | None) -> Samenwerkplan:
    p = Samenwerkplan.objects.create(casus=casus, gemeente=casus.gemeente, erkend_op=erkend)
    return p


def test_figures_come_from_the_records(personas, tafel):
    # Case A: MDO+ 20 days after registration with the closed part held, the network present,
    # the plan agreed after it; a network member carries out an agreement; closed after 50 days.
    a = aanmelding(personas, tafel, dagen=60, triage="geschikt", leefgebieden=["wonen", "financien", "meedoen"])
    overleg_a = mdo(personas, a.casus, dag=a.aangemeld_op + datetime.timedelta(days=20), besloten="Plan gemaakt", netwerk=True)
    plan_a = plan(a.casus, erkend=overleg_a.begint + datetime.timedelta(hours=3))
    ronde = Ronde.objects.create(plan=plan_a, nummer=0, soort="plan")
    lid = Netwerklid.objects.get(casus=a.casus)
    Afspraak.objects.create(plan=plan_a, gemeente=personas.gemeente, ronde=ronde, wie="netwerklid", netwerklid=lid,
                            wat="Boodschappen", uiterlijke_datum=VANDAAG)  # fmt: skip
    Casus.objects.filter(pk=a.casus_id).update(afgesloten_op=a.aangemeld_op + datetime.timedelta(days=50))
    # Case B: MDO+ after 40 days, but the plan was agreed before it and no network was there;
    # its only network agreement was withdrawn.
    b = aanmelding(personas, tafel, dagen=50, triage="geschikt")
    overleg_b = mdo(personas, b.casus, dag=b.aangemeld_op + datetime.timedelta(days=40), besloten="Gesproken")
    plan_b = plan(b.casus, erkend=overleg_b.begint - datetime.timedelta(days=1))
    ronde_b = Ronde.objects.create(plan=plan_b, nummer=0, soort="plan")
    lid_b = Netwerklid.objects.create(casus=b.casus, naam="Zoon", relatie="zoon", rol="familie")
    Afspraak.objects.create(plan=plan_b, gemeente=personas.gemeente, ronde=ronde_b, wie="netwerklid", netwerklid=lid_b,
                            wat="Bellen", uiterlijke_datum=VANDAAG, ingetrokken_op=VANDAAG)  # fmt: skip
    # Case C: not suitable; a planned MDO+ that was never held does not count.
    c = aanmelding(personas, tafel, dagen=30, triage="niet_geschikt")
    mdo(personas, c.casus, dag=VANDAAG + datetime.timedelta(days=3), gehouden=False, besloten="x", netwerk=True)
    # Outside the period: not counted at all.
    aanmelding(personas, tafel, dagen=500, triage="geschikt")
    # Waiting for triage.
    aanmelding(personas, tafel, dagen=2)

    r = rapport.bereken(tafel, VANDAAG - datetime.timedelta(days=364), VANDAAG)

    assert r.aanmeldingen == 4
    assert dict(r.triage_rijen()) == {"Geschikt voor de Tafel": 2, "Niet geschikt": 1, "Andere route": 0, "Nog niet besproken": 1}
    assert (r.mdo, r.mdo_casussen) == (2, 2)
    assert (r.doorlooptijd_mdo.n, r.doorlooptijd_mdo.mediaan, r.doorlooptijd_mdo.kortst, r.doorlooptijd_mdo.langst) == (
        2,
        30.0,
        20,
        40,
    )
    assert (r.doorlooptijd_afsluiting.n, r.doorlooptijd_afsluiting.mediaan) == (1, 50.0)
    assert r.netwerk == 1
    assert r.samen == 1
    assert dict(r.leefgebieden) == {"Wonen": 4, "Administratie en financiën": 4, "Meedoen": 1}
    assert r.organisaties == [("Welzijn Testwijde", 4)]


def test_made_together_needs_the_closed_part_held(personas, tafel):
    a = aanmelding(personas, tafel, triage="geschikt")
    overleg = mdo(personas, a.casus, dag=a.aangemeld_op + datetime.timedelta(days=10), besloten="", netwerk=True)
    plan(a.casus, erkend=overleg.begint + datetime.timedelta(hours=3))
    r = rapport.bereken(tafel, VANDAAG - datetime.timedelta(days=364), VANDAAG)
    assert r.samen == 0
    Agendapunt.objects.filter(overleg=overleg).update(notities="De inwoner en de buurvrouw maakten het plan")
    assert rapport.bereken(tafel, VANDAAG - datetime.timedelta(days=364), VANDAAG).samen == 1


def _met_besteding(personas, tafel):
    a = aanmelding(personas, tafel, triage="geschikt")
    overleg = mdo(personas, a.casus, dag=VANDAAG - datetime.timedelta(days=5), besloten="x")
    pot = budget.maak_pot(actor=personas.tafelvoorzitter, tafel=tafel, naam="Flexibel budget", bedrag=Decimal("5000"),
                          van=VANDAAG - datetime.timedelta(days=365), tot=VANDAAG + datetime.timedelta(days=365))  # fmt: skip
    budget.leg_besteding_vast(
        actor=personas.tafelvoorzitter, pot=pot, aanmelding=a, overleg=overleg,
        gegevens=budget.Bestedinggegevens(bedrag=Decimal("750"), doel="Huurachterstand", besluit="Eenmalig betalen"),
    )  # fmt: skip
    return a


def test_report_page_pdf_and_xlsx_carry_no_names(client, personas, tafel):
    a = _met_besteding(personas, tafel)
    naam = str(a.casus.inwoner)
    login(client, personas.manager)
    pagina = client.get(reverse("tafel:rapport", args=[tafel.pk]))
    html = pagina.content.decode()
    assert pagina.status_code == 200
    assert "Stuurgroeprapport" in html and "€ 750,00" in html and "€ 4.250,00" in html
    assert 'role="img"' in html and "Hoe geteld" in html
    assert naam not in html
    pdf = client.get(reverse("tafel:rapport-pdf", args=[tafel.pk]))
    tekst = pdf_tekst(pdf.content)
    assert pdf["Content-Type"] == "application/pdf"
    assert "Stuurgroeprapport" in tekst and "Flexibel budget" in tekst and naam not in tekst
    xlsx = client.get(reverse("tafel:rapport-xlsx", args=[tafel.pk]))
    blad = load_workbook(io.BytesIO(xlsx.content)).active
    cellen = [c for rij in blad.iter_rows(values_only=True) for c in rij]
    assert "Aanmeldingen" in cellen and Decimal("750") in [Decimal(str(c)) for c in cellen if isinstance(c, (int, float))]
    assert naam not in " ".join(str(c) for c in cellen)


def test_period_with_the_end_before_the_start_is_refused(client, personas, tafel):
    login(client, personas.tafelvoorzitter)
    response = client.get(reverse("tafel:rapport", args=[tafel.pk]), {"van": "2026-05-01", "tot": "2026-01-01"})
    assert response.status_code == 400
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()


def test_report_has_constant_queries(client, personas, tafel):
    login(client, personas.tafelvoorzitter)
    url = reverse("tafel:rapport", args=[tafel.pk])

    def maak(n):
        for _ in range(n):
            a = aanmelding(personas, tafel, triage="geschikt")
            mdo(personas, a.casus, dag=a.aangemeld_op + datetime.timedelta(days=3), besloten="x", netwerk=True)

    assert_constant_queries(maak, lambda: client.get(url))


def test_a_table_member_may_not_read_the_report(client, personas, tafel):
    login(client, personas.niet_betrokken)
    assert client.get(reverse("tafel:rapport", args=[tafel.pk])).status_code == 403
    login(client, personas.professional_andere_gemeente)
    assert client.get(reverse("tafel:rapport", args=[tafel.pk])).status_code == 404
