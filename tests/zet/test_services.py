"""The use cases of ZET and their bad input (issue 19): clear Dutch messages, nothing lost."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from samenwerk.casussen.models import Toestemming
from samenwerk.privacy.models import AuditEntry
from samenwerk.zet import services
from samenwerk.zet.models import STANDAARDTHEMAS, Antwoord, Interview, Rondecasus, Verbeterpunt

from .helpers import dag, dossiercasus, geef_zet_toestemming, interview, vul_in

pytestmark = pytest.mark.django_db


def test_a_new_round_has_the_five_themes_and_its_maker_as_interviewer(personas):
    ronde = services.maak_ronde(actor=personas.onderzoeker, gemeente=personas.gemeente, naam="R", van=dag(0), tot=dag(9))
    assert [t.tekst for t in ronde.themas.all()] == [str(t) for t in STANDAARDTHEMAS]
    assert list(ronde.leden.values_list("user", "taak")) == [(personas.onderzoeker.pk, "interviewer")]


def test_a_compact_round_has_fewer_themes(personas):
    ronde = services.maak_ronde(
        actor=personas.beheerder, gemeente=personas.gemeente, naam="R", van=dag(0), tot=dag(9), themas=["Wist u waar?", " "]
    )
    assert [t.tekst for t in ronde.themas.all()] == ["Wist u waar?"]
    assert not ronde.leden.exists()  # the beheerder sets up, the onderzoekers evaluate


@pytest.mark.parametrize("persona", ["professional", "gebiedsaanjager", "manager", "zonder_rol"])
def test_only_onderzoeker_and_beheerder_make_rounds(personas, persona):
    with pytest.raises(PermissionDenied):
        services.maak_ronde(actor=getattr(personas, persona), gemeente=personas.gemeente, naam="R", van=dag(0), tot=dag(9))


def test_a_case_without_zet_consent_is_refused_with_the_reason(personas, z):
    zonder = dossiercasus(personas, zet=False)
    with pytest.raises(ValidationError) as fout:
        services.kies_casus(actor=personas.onderzoeker, ronde=z.ronde, casus=zonder)
    assert "geen toestemming gegeven voor een ZET-evaluatie" in fout.value.message_dict["casusnummer"][0]
    geef_zet_toestemming(zonder, personas.professional, gegeven=False)
    with pytest.raises(ValidationError):
        services.kies_casus(actor=personas.onderzoeker, ronde=z.ronde, casus=zonder)


def test_the_other_consents_do_not_count(personas, z):
    casus = dossiercasus(personas, zet=False)
    Toestemming.objects.create(
        casus=casus, doel="leertafel", gegeven=True, wijze="mondeling", vastgelegd_door=personas.professional
    )
    with pytest.raises(ValidationError):
        services.kies_casus(actor=personas.onderzoeker, ronde=z.ronde, casus=casus)


def test_a_case_of_another_municipality_or_twice(personas, z):
    with pytest.raises(ValidationError, match="al mee"):
        services.kies_casus(actor=personas.onderzoeker, ronde=z.ronde, casus=z.casussen[0])
    with pytest.raises(ValidationError, match="geen casus"):
        services.kies_casus(actor=personas.onderzoeker, ronde=z.ronde, casus=None)


def test_the_resident_interview_needs_recorded_consent_and_is_one(personas, z):
    with pytest.raises(ValidationError) as fout:
        services.start_interview(
            actor=personas.onderzoeker, rondecasus=z.rcs[0],
            gegevens=services.Interviewgegevens(bron="inwoner", datum=dag(100), interviewer=personas.onderzoeker),
        )  # fmt: skip
    assert "toestemming_vastgelegd" in fout.value.message_dict
    interview(personas, z, z.rcs[0])
    with pytest.raises(ValidationError, match="al een interview"):
        interview(personas, z, z.rcs[0])


def test_a_fourth_source_is_refused(personas, z):
    with pytest.raises(ValidationError) as fout:
        interview(personas, z, z.rcs[0], bron="dossier")
    assert "drie bronnen" in fout.value.message_dict["bron"][0]


def test_professional_interviews_one_per_professional_involved(personas, z):
    interview(personas, z, z.rcs[0], bron="professional", professional=personas.professional)
    interview(personas, z, z.rcs[0], bron="professional", professional=personas.collega_andere_organisatie)
    with pytest.raises(ValidationError, match="al geïnterviewd"):
        interview(personas, z, z.rcs[0], bron="professional", professional=personas.professional)
    with pytest.raises(ValidationError, match="betrokken"):
        interview(personas, z, z.rcs[0], bron="professional", professional=personas.niet_betrokken)
    assert z.rcs[0].interviews.filter(bron="professional").count() == 2


def test_coverage_check_keeps_uncovered_themes_open(personas, z):
    gesprek = interview(personas, z, z.rcs[0])
    open_themas = vul_in(personas, gesprek, [4, None, 3, None, None])
    themas = [t.tekst for t in z.ronde.themas.all()]
    assert open_themas == [themas[1], themas[3], themas[4]]
    gesprek.refresh_from_db()
    assert Antwoord.objects.filter(interview=gesprek, oordeel=4).count() == 1  # saved although incomplete
    assert vul_in(personas, gesprek, [4, 4, 3, 2, 1]) == []


def test_a_stale_version_conflicts(personas, z):
    gesprek = interview(personas, z, z.rcs[0])
    vul_in(personas, gesprek, [4])
    with pytest.raises(services.Conflict):
        services.sla_interview_op(actor=personas.onderzoeker, interview=gesprek, antwoorden={}, versie=0)


def test_an_out_of_scale_judgement(personas, z):
    gesprek = interview(personas, z, z.rcs[0])
    thema = z.ronde.themas.first()
    with pytest.raises(ValidationError):
        services.sla_interview_op(
            actor=personas.onderzoeker, interview=gesprek, antwoorden={thema.pk: services.Invulling(oordeel=7)}, versie=0
        )


def test_feedback_wanted_is_recorded_as_consent_and_given(personas, z):
    gesprek = interview(personas, z, z.rcs[0], terugkoppeling_gewenst=True)
    assert gesprek.terugkoppeling_uiterlijk == dag(100) + datetime.timedelta(weeks=6)
    assert Toestemming.objects.filter(casus=z.casussen[0], doel="terugkoppeling", gegeven=True).exists()
    services.geef_terugkoppeling(actor=personas.onderzoeker, interview=gesprek, datum=dag(120))
    assert Interview.objects.get(pk=gesprek.pk).terugkoppeling_gegeven_op == dag(120)
    with pytest.raises(ValidationError):
        services.geef_terugkoppeling(actor=personas.onderzoeker, interview=gesprek)


def test_withdrawal_removes_the_interviews_and_keeps_a_note(personas, z):
    gesprek = interview(personas, z, z.rcs[0])
    interview(personas, z, z.rcs[0], bron="professional", professional=personas.professional)
    services.trek_in(actor=personas.onderzoeker, rondecasus=z.rcs[0], toelichting="wil niet meer")
    rc = Rondecasus.objects.get(pk=z.rcs[0].pk)
    assert rc.casus_id is None and rc.teruggetrokken_op is not None and rc.aanvulling == ""
    assert not Interview.objects.filter(pk=gesprek.pk).exists()
    assert not Interview.objects.filter(rondecasus=rc).exists()
    laatste = Toestemming.objects.filter(casus=z.casussen[0], doel="zet").order_by("-vastgelegd_op", "-id").first()
    assert laatste.gegeven is False


def test_withdrawal_on_the_case_takes_effect_in_the_round(personas, z):
    interview(personas, z, z.rcs[1])
    geef_zet_toestemming(z.casussen[1], personas.professional, gegeven=False)
    assert services.verwerk_intrekkingen(ronde=z.ronde) == 1
    assert services.verwerk_intrekkingen(ronde=z.ronde) == 0  # idempotent
    assert Rondecasus.objects.get(pk=z.rcs[1].pk).casus_id is None


def test_withdrawal_recorded_on_the_case_page_takes_the_case_out_at_once(personas, z):
    from samenwerk.casussen import services as casussen

    interview(personas, z, z.rcs[1])
    casussen.leg_toestemming_vast(actor=personas.professional, casus=z.casussen[1], doel="zet", gegeven=False, wijze="mondeling")
    assert Rondecasus.objects.get(pk=z.rcs[1].pk).casus_id is None
    assert not Interview.objects.filter(rondecasus=z.rcs[1]).exists()
    assert services.verwerk_intrekkingen(ronde=z.ronde) == 0  # nothing left for the safety net


def test_rode_draad_needs_observations_of_this_round(personas, z):
    gesprek = interview(personas, z, z.rcs[0])
    vul_in(personas, gesprek, [2])
    antwoord = gesprek.antwoorden.exclude(oordeel=None).get()
    with pytest.raises(ValidationError, match="waarnemingen"):
        services.maak_rode_draad(actor=personas.onderzoeker, ronde=z.ronde, naam="Loket onbekend")
    andere = services.maak_ronde(actor=personas.onderzoeker, gemeente=personas.gemeente, naam="R2", van=dag(0), tot=dag(9))
    with pytest.raises(ValidationError):
        services.maak_rode_draad(actor=personas.onderzoeker, ronde=andere, naam="X", antwoorden=[antwoord.pk])
    draad = services.maak_rode_draad(
        actor=personas.onderzoeker, ronde=z.ronde, naam="Loket onbekend", antwoorden=[antwoord.pk], dossiers=[z.rcs[1].pk]
    )
    assert list(draad.antwoorden.all()) == [antwoord] and list(draad.dossiers.all()) == [z.rcs[1]]


def test_an_improvement_point_without_owner(personas, z):
    with pytest.raises(ValidationError) as fout:
        services.maak_verbeterpunt(actor=personas.onderzoeker, ronde=z.ronde, tekst="Eén loket", uiterlijk=dag(200))
    assert "eigenaar" in fout.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():  # the database refuses it too
        Verbeterpunt.objects.create(ronde=z.ronde, gemeente=personas.gemeente, tekst="x", uiterlijk=dag(1))
    punt = services.maak_verbeterpunt(
        actor=personas.onderzoeker,
        ronde=z.ronde,
        tekst="Eén loket",
        uiterlijk=dag(200),
        eigenaar_organisatie=personas.organisatie,
    )
    services.volg_op(actor=personas.onderzoeker, verbeterpunt=punt, status="afgerond", opvolging="klaar")
    punt.refresh_from_db()
    assert punt.afgerond_op is not None and punt.eigenaar_naam == "Welzijn Testwijde"


def test_the_beheerder_reads_but_does_not_evaluate(personas, z):
    with pytest.raises(PermissionDenied):
        interview_door = services.Interviewgegevens(bron="inwoner", datum=dag(1), interviewer=personas.onderzoeker)
        services.start_interview(actor=personas.beheerder, rondecasus=z.rcs[0], gegevens=interview_door)


def test_every_write_is_logged_with_the_resident(personas, z):
    voor = AuditEntry.objects.count()
    interview(personas, z, z.rcs[2])
    rij = AuditEntry.objects.order_by("-id").first()
    assert AuditEntry.objects.count() > voor
    assert (rij.gebeurtenis, rij.inwoner_id, rij.doel) == ("zet.interview.gestart", z.casussen[2].inwoner_id, "zet-evaluatie")


def haak(*, verbeterpunt, door):  # type: ignore[no-untyped-def]
    haak.geroepen = (verbeterpunt.pk, door.pk)
    return "/leren/dilemmas/1/"


def test_the_dilemma_hook(personas, z, settings):
    punt = services.maak_verbeterpunt(
        actor=personas.onderzoeker, ronde=z.ronde, tekst="x", uiterlijk=dag(200), eigenaar=personas.manager
    )
    settings.ZET_DILEMMA_HOOK = None
    with pytest.raises(ValidationError):
        services.zet_door_als_dilemma(verbeterpunt=punt, door=personas.onderzoeker)
    settings.ZET_DILEMMA_HOOK = "tests.zet.test_services.haak"
    assert services.zet_door_als_dilemma(verbeterpunt=punt, door=personas.onderzoeker) == "/leren/dilemmas/1/"
    assert haak.geroepen == (punt.pk, personas.onderzoeker.pk)


def test_the_nightly_command_takes_withdrawn_cases_out(personas, z):
    from io import StringIO

    from django.core.management import call_command

    geef_zet_toestemming(z.casussen[2], personas.professional, gegeven=False)
    uit = StringIO()
    call_command("zet_intrekkingen", stdout=uit)
    assert uit.getvalue().startswith("1 ")
    assert Rondecasus.objects.get(pk=z.rcs[2].pk).teruggetrokken_op is not None


def test_retention_takes_the_case_out_of_the_round(personas, z):
    import datetime as dt

    from samenwerk.zet.privacy import anonimiseer

    interview(personas, z, z.rcs[0])
    anonimiseer(z.casussen[0], dt.timedelta(days=0))
    rc = Rondecasus.objects.get(pk=z.rcs[0].pk)
    assert rc.casus_id is None and not Interview.objects.filter(rondecasus=rc).exists()
