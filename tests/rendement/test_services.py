"""The write paths of the price list: who may, what is checked, and starting a new year."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from samenwerk.gemeenten.models import Rol
from samenwerk.rendement import services
from samenwerk.rendement.keuzes import Eenheid, Wet
from samenwerk.rendement.models import Prijsitem, Prijslijst
from tests.factories import RoltoewijzingFactory
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

pytestmark = pytest.mark.django_db


def gegevens(**anders):
    waarden = {
        "code": "MW-UUR",
        "omschrijving": "Uur maatschappelijk werk",
        "eenheid": Eenheid.PER_UUR,
        "prijs": Decimal("82.50"),
        "wet": Wet.WMO,
        "bron": "",
    }
    return services.ItemGegevens(**(waarden | anders))


def test_a_new_year_starts_as_a_copy_of_the_most_recent_list(personas):
    oud = PrijslijstFactory(gemeente=personas.gemeente, jaar=2024, weken_per_jaar=40, toelichting="Geïndexeerd")
    PrijsitemFactory.create_batch(3, prijslijst=oud)
    nieuw = services.maak_prijslijst(actor=personas.beheerder, gemeente=personas.gemeente, jaar=2026)
    assert (nieuw.jaar, nieuw.weken_per_jaar, nieuw.toelichting) == (2026, 40, "Geïndexeerd")
    velden = ("code", "omschrijving", "eenheid", "prijs", "bron", "wet")
    assert list(nieuw.items.values_list(*velden)) == list(oud.items.values_list(*velden))
    assert oud.items.count() == 3  # the old year is untouched
    assert nieuw.bijgewerkt_door == str(personas.beheerder)


def test_a_new_year_can_start_empty_with_the_default_weeks(personas):
    PrijsitemFactory(prijslijst=PrijslijstFactory(gemeente=personas.gemeente, jaar=2025))
    nieuw = services.maak_prijslijst(actor=personas.beheerder, gemeente=personas.gemeente, jaar=2026, kopieer=False)
    assert nieuw.items.count() == 0
    assert nieuw.weken_per_jaar == 42


def test_one_list_per_municipality_per_year(personas):
    PrijslijstFactory(gemeente=personas.gemeente, jaar=2026)
    with pytest.raises(ValidationError) as fout:
        services.maak_prijslijst(actor=personas.beheerder, gemeente=personas.gemeente, jaar=2026)
    assert fout.value.message_dict == {"jaar": ["Er is al een prijslijst voor 2026."]}
    # another municipality may have its own 2026
    beheerder_elders = personas.professional_andere_gemeente
    RoltoewijzingFactory(
        user=beheerder_elders, rol=Rol.FUNCTIONEEL_BEHEERDER, gemeente=personas.andere_gemeente, organisatie=None
    )
    services.maak_prijslijst(actor=beheerder_elders, gemeente=personas.andere_gemeente, jaar=2026)
    assert Prijslijst.objects.filter(jaar=2026).count() == 2


@pytest.mark.parametrize("persona", ["professional", "manager", "zonder_rol", "professional_andere_gemeente"])
def test_only_the_beheerder_of_the_municipality_changes_the_list(personas, persona):
    lijst = PrijslijstFactory(gemeente=personas.gemeente)
    item = PrijsitemFactory(prijslijst=lijst)
    actor = getattr(personas, persona)
    with pytest.raises(PermissionDenied):
        services.maak_prijslijst(actor=actor, gemeente=personas.gemeente, jaar=2030)
    with pytest.raises(PermissionDenied):
        services.voeg_item_toe(actor=actor, prijslijst=lijst, gegevens=gegevens())
    with pytest.raises(PermissionDenied):
        services.wijzig_item(actor=actor, item=item, gegevens=gegevens())
    with pytest.raises(PermissionDenied):
        services.verwijder_item(actor=actor, item=item)
    with pytest.raises(PermissionDenied):
        services.importeer_prijslijst(actor=actor, prijslijst=lijst, inhoud=b"")
    assert Prijsitem.objects.count() == 1


def test_a_beheerder_of_another_municipality_cannot_touch_this_one(personas):
    elders = personas.professional_andere_gemeente
    RoltoewijzingFactory(user=elders, rol=Rol.FUNCTIONEEL_BEHEERDER, gemeente=personas.andere_gemeente, organisatie=None)
    with pytest.raises(PermissionDenied):
        services.voeg_item_toe(actor=elders, prijslijst=PrijslijstFactory(gemeente=personas.gemeente), gegevens=gegevens())


def test_codes_are_stored_in_capitals_and_unique_in_the_list(personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente)
    item = services.voeg_item_toe(actor=personas.beheerder, prijslijst=lijst, gegevens=gegevens(code=" mw-uur "))
    assert item.code == "MW-UUR"
    with pytest.raises(ValidationError) as fout:
        services.voeg_item_toe(actor=personas.beheerder, prijslijst=lijst, gegevens=gegevens(code="Mw-Uur"))
    assert fout.value.message_dict == {"code": ["Deze code komt al voor in de prijslijst."]}
    # the same code in another year is fine
    ander_jaar = PrijslijstFactory(gemeente=personas.gemeente, jaar=2027)
    services.voeg_item_toe(actor=personas.beheerder, prijslijst=ander_jaar, gegevens=gegevens())


def test_the_model_checks_every_field(personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente)
    with pytest.raises(ValidationError) as fout:
        services.voeg_item_toe(
            actor=personas.beheerder,
            prijslijst=lijst,
            gegevens=gegevens(code="met spatie", omschrijving="", eenheid="dag", prijs=Decimal("0"), wet="ruimtevaart"),
        )
    assert set(fout.value.message_dict) == {"code", "omschrijving", "eenheid", "prijs", "wet"}
    assert fout.value.message_dict["prijs"] == ["De prijs moet hoger zijn dan € 0,00."]


def test_change_and_delete_an_item_mark_the_list_as_updated(personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente)
    item = PrijsitemFactory(prijslijst=lijst, code="A")
    services.wijzig_item(actor=personas.beheerder, item=item, gegevens=gegevens(code="A", prijs=Decimal("90")))
    item.refresh_from_db()
    assert item.prijs == Decimal("90.00")
    lijst.refresh_from_db()
    assert lijst.bijgewerkt_door == str(personas.beheerder)
    services.verwijder_item(actor=personas.beheerder, item=item)
    assert not lijst.items.exists()


def test_change_the_weeks_per_year(personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente)
    services.wijzig_prijslijst(actor=personas.beheerder, prijslijst=lijst, weken_per_jaar=46, toelichting="Nieuw")
    lijst.refresh_from_db()
    assert (lijst.weken_per_jaar, lijst.toelichting) == (46, "Nieuw")
    with pytest.raises(ValidationError) as fout:
        services.wijzig_prijslijst(actor=personas.beheerder, prijslijst=lijst, weken_per_jaar=60, toelichting="")
    assert list(fout.value.message_dict) == ["weken_per_jaar"]
