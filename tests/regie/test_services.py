"""Regie services: AVE levels with history, opschalen, the procesregisseur's actions, external
signals. Each writes the timeline and the access log in its transaction."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samenwerk.casussen.models import Betrokkene, Casus, Gebeurtenis
from samenwerk.privacy.models import AuditEntry
from samenwerk.regie import selectors, services
from samenwerk.regie.models import AveVerantwoordelijkheid, Niveauwijziging, Regiehandeling

pytestmark = pytest.mark.django_db


def _vers(casus):
    return Casus.objects.prefetch_related("betrokkenen").get(pk=casus.pk)


def test_level_is_set_raised_and_lowered_with_history(personas, casus):
    services.wijzig_niveau(actor=personas.professional, casus=casus, naar=2, reden="Plan loopt")
    services.wijzig_niveau(actor=personas.professional, casus=casus, naar=3, reden="Ontruiming dreigt", verwacht=2)
    services.wijzig_niveau(actor=personas.professional, casus=casus, naar=2, reden="Huur betaald", verwacht=3)
    rijen = list(selectors.geschiedenis(casus))
    assert [(r.van, r.naar, r.richting) for r in rijen] == [(3, 2, "afschaling"), (2, 3, "escalatie"), (None, 2, "vastgesteld")]
    assert all(r.besloten_door == personas.professional and r.datum == timezone.localdate() for r in rijen)
    assert rijen[1].rol == "casusregisseur" and rijen[1].gemeente_id == casus.gemeente_id
    assert selectors.huidig_niveau(casus).naar == 2
    tijdlijn = list(Gebeurtenis.objects.filter(casus=casus, soort="ave").values_list("omschrijving", flat=True))
    assert tijdlijn[1] == "Geëscaleerd van AVE 2 naar AVE 3. Reden: Ontruiming dreigt"
    assert tijdlijn[2].startswith("Afgeschaald van AVE 3 naar AVE 2")
    assert AuditEntry.objects.filter(gebeurtenis="ave.gewijzigd", casus_id=casus.pk, actie="create").count() == 3


@pytest.mark.parametrize(
    ("naar", "reden", "veld"),
    [(2, "  ", "reden"), (5, "x", "naar"), (0, "x", "naar")],
)
def test_level_change_needs_a_reason_and_a_valid_level(personas, casus, naar, reden, veld):
    with pytest.raises(ValidationError) as fout:
        services.wijzig_niveau(actor=personas.professional, casus=casus, naar=naar, reden=reden)
    assert veld in fout.value.message_dict
    assert not Niveauwijziging.objects.exists()


def test_same_level_and_future_date_are_refused(personas, casus):
    services.wijzig_niveau(actor=personas.professional, casus=casus, naar=2, reden="x")
    with pytest.raises(ValidationError, match="al"):
        services.wijzig_niveau(actor=personas.professional, casus=casus, naar=2, reden="nog eens")
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="toekomst"):
        services.wijzig_niveau(actor=personas.professional, casus=casus, naar=3, reden="x", datum=morgen)


def test_a_stale_level_is_a_conflict(personas, casus):
    services.wijzig_niveau(actor=personas.professional, casus=casus, naar=2, reden="x")
    services.wijzig_niveau(actor=personas.collega_andere_organisatie, casus=casus, naar=3, reden="y")
    with pytest.raises(services.NiveauConflict) as conflict:
        services.wijzig_niveau(actor=personas.professional, casus=casus, naar=4, reden="z", verwacht=2)
    assert conflict.value.huidig.naar == 3
    assert selectors.huidig_niveau(casus).naar == 3


def test_responsibilities_follow_the_municipalitys_table(personas):
    tabel = selectors.ave_tabel(personas.gemeente)
    assert [r.niveau for r in tabel] == [1, 2, 3, 4] and all(r.standaard for r in tabel)
    assert tabel[3].bestuurlijk == "Burgemeester" and tabel[0].casusregie == ""
    AveVerantwoordelijkheid.objects.create(
        gemeente=personas.gemeente,
        niveau=3,
        situatie="Complex",
        procesregie="Team Zorg en Veiligheid",
        operationeel="X",
        bestuurlijk="Y",
    )
    tabel = selectors.ave_tabel(personas.gemeente)
    assert tabel[2].procesregie == "Team Zorg en Veiligheid" and not tabel[2].standaard
    assert selectors.ave_tabel(personas.andere_gemeente)[2].standaard  # nothing crosses municipalities


def test_opschalen_adds_the_procesregisseur_with_a_reason(personas, opgeschaald):
    betrokkene = Betrokkene.objects.get(casus=opgeschaald, user=personas.procesregisseur, tot__isnull=True)
    assert betrokkene.rol == "procesregisseur"
    handeling = Regiehandeling.objects.get(soort="opschaling")
    assert handeling.reden == "samenwerking_stokt" and handeling.procesregisseur == betrokkene
    assert handeling.door == personas.professional
    assert Gebeurtenis.objects.filter(casus=opgeschaald, soort="procesregie", omschrijving__startswith="Opgeschaald").exists()
    assert AuditEntry.objects.filter(gebeurtenis="procesregie.opgeschaald", casus_id=opgeschaald.pk).exists()


def test_opschalen_only_with_someone_holding_the_role_and_once(personas, casus, opgeschaald):
    with pytest.raises(ValidationError, match="al een procesregisseur"):
        services.schaal_op(
            actor=personas.professional,
            casus=casus,
            user=personas.procesregisseur,
            organisatie=personas.organisatie,
            reden="escalatie_dreigt",
        )


def test_opschalen_refuses_who_is_no_procesregisseur(personas, casus):
    with pytest.raises(ValidationError) as fout:
        services.schaal_op(
            actor=personas.professional,
            casus=casus,
            user=personas.niet_betrokken,
            organisatie=personas.organisatie,
            reden="escalatie_dreigt",
        )
    assert "user" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        services.schaal_op(
            actor=personas.professional, casus=casus, user=personas.procesregisseur, organisatie=personas.organisatie, reden="x"
        )
    assert "reden" in fout.value.message_dict


def test_the_procesregisseur_calls_together_decides_escalates_and_steps_down(personas, opgeschaald):
    proces = personas.procesregisseur
    casus = _vers(opgeschaald)
    over_een_week = timezone.localdate() + datetime.timedelta(days=7)
    services.roep_bijeen(actor=proces, casus=casus, datum=over_een_week, bericht="Allen aan tafel")
    services.neem_besluit(actor=proces, casus=casus, tekst="Schuldhulp neemt het budgetbeheer over")
    services.escaleer(actor=proces, casus=casus, naar="bestuurder", tekst="Regels staan maatwerk in de weg")
    services.treed_terug(actor=proces, casus=casus, reden="Situatie is stabiel")
    soorten = list(Regiehandeling.objects.order_by("vastgelegd_op", "id").values_list("soort", flat=True))
    assert soorten == ["opschaling", "bijeenroeping", "besluit", "escalatie", "terugtreding"]
    [escalatie] = Regiehandeling.objects.escalaties()
    assert escalatie.escalatieniveau == "bestuurder" and escalatie.tekst == "Regels staan maatwerk in de weg"
    assert Regiehandeling.objects.get(soort="bijeenroeping").datum == over_een_week
    assert Betrokkene.objects.get(casus=casus, user=proces).tot == timezone.localdate()
    assert not Casus.objects.for_user(proces).filter(pk=casus.pk).exists()  # stepped down: no more view
    gebeurtenissen = set(AuditEntry.objects.filter(casus_id=casus.pk).values_list("gebeurtenis", flat=True))
    assert {
        "procesregie.bijeengeroepen",
        "procesregie.besluit",
        "procesregie.geescaleerd",
        "procesregie.teruggetreden",
    } <= gebeurtenissen
    assert Gebeurtenis.objects.filter(casus=casus, soort="procesregie").count() == 5


def test_only_the_procesregisseur_acts_as_one(personas, opgeschaald):
    with pytest.raises(ValidationError, match="Alleen de procesregisseur"):
        services.neem_besluit(actor=personas.professional, casus=_vers(opgeschaald), tekst="x")


@pytest.mark.parametrize(
    ("actie", "kwargs", "veld"),
    [
        ("roep_bijeen", {"datum": datetime.date(2000, 1, 1), "bericht": "x"}, "datum"),
        ("roep_bijeen", {"datum": datetime.date(2999, 1, 1), "bericht": " "}, "bericht"),
        ("neem_besluit", {"tekst": ""}, "tekst"),
        ("escaleer", {"naar": "wethouder", "tekst": "x"}, "naar"),
        ("escaleer", {"naar": "manager", "tekst": ""}, "tekst"),
        ("treed_terug", {"reden": ""}, "reden"),
    ],
)
def test_procesregie_input_is_checked(personas, opgeschaald, actie, kwargs, veld):
    with pytest.raises(ValidationError) as fout:
        getattr(services, actie)(actor=personas.procesregisseur, casus=_vers(opgeschaald), **kwargs)
    assert veld in fout.value.message_dict
    assert Regiehandeling.objects.count() == 1  # only the opschaling


def test_external_signal_is_recorded(personas, casus):
    signaal = services.leg_signaal_vast(
        actor=personas.professional, casus=casus, bron="politie", afzender="Wijkagent", tekst="Melding van geluidsoverlast"
    )
    assert signaal.gemeente_id == casus.gemeente_id and signaal.datum == timezone.localdate()
    assert Gebeurtenis.objects.get(casus=casus, soort="zorgsignaal").omschrijving == "Zorgsignaal vastgelegd, van: politie"
    entry = AuditEntry.objects.get(gebeurtenis="zorgsignaal.vastgelegd")
    assert entry.gegevenssegment == "zorgsignaal" and entry.object_id == str(signaal.pk)
    with pytest.raises(ValidationError) as fout:
        services.leg_signaal_vast(actor=personas.professional, casus=casus, bron="krant", tekst="")
    assert set(fout.value.message_dict) == {"bron"}
