import datetime

import pytest
from django.core.exceptions import ValidationError

from samenwerk.gemeenten.models import ROL_SCOPE, Rol, Roltoewijzing, Scope
from tests.factories import GebiedFactory, GemeenteFactory, OrganisatieFactory, RoltoewijzingFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_has_a_scope():
    assert set(ROL_SCOPE) == set(Rol.values)


@pytest.mark.parametrize("rol", [r for r, s in ROL_SCOPE.items() if s == Scope.ORGANISATIE])
def test_organisation_role_needs_an_organisation(rol):
    gemeente = GemeenteFactory()
    toewijzing = Roltoewijzing(user=UserFactory(), rol=rol, gemeente=gemeente)
    with pytest.raises(ValidationError) as exc:
        toewijzing.full_clean()
    assert exc.value.message_dict["organisatie"] == ["Kies de organisatie waarvoor deze rol wordt uitgeoefend."]


@pytest.mark.parametrize("rol", [r for r, s in ROL_SCOPE.items() if s == Scope.GEBIED])
def test_area_role_needs_an_area(rol):
    toewijzing = Roltoewijzing(user=UserFactory(), rol=rol, gemeente=GemeenteFactory())
    with pytest.raises(ValidationError) as exc:
        toewijzing.full_clean()
    assert "gebied" in exc.value.message_dict


def test_municipality_role_takes_no_organisation():
    org = OrganisatieFactory()
    toewijzing = Roltoewijzing(user=UserFactory(), rol=Rol.FUNCTIONEEL_BEHEERDER, gemeente=org.gemeente, organisatie=org)
    with pytest.raises(ValidationError) as exc:
        toewijzing.full_clean()
    assert "organisatie" in exc.value.message_dict


def test_area_and_organisation_must_belong_to_the_same_municipality():
    gemeente, elders = GemeenteFactory(), GemeenteFactory()
    toewijzing = Roltoewijzing(
        user=UserFactory(), rol=Rol.SOCIAAL_PROFESSIONAL, gemeente=gemeente, organisatie=OrganisatieFactory(gemeente=elders)
    )
    with pytest.raises(ValidationError) as exc:
        toewijzing.full_clean()
    assert exc.value.message_dict["organisatie"] == ["Deze organisatie hoort bij een andere gemeente."]
    toewijzing = Roltoewijzing(
        user=UserFactory(), rol=Rol.GEBIEDSAANJAGER, gemeente=gemeente, gebied=GebiedFactory(gemeente=elders)
    )
    with pytest.raises(ValidationError) as exc:
        toewijzing.full_clean()
    assert exc.value.message_dict["gebied"] == ["Dit gebied hoort bij een andere gemeente."]


def test_end_date_before_start_date_is_refused():
    toewijzing = RoltoewijzingFactory.build(
        user=UserFactory(),
        organisatie=OrganisatieFactory(),
        geldig_vanaf=datetime.date(2026, 5, 1),
        geldig_tot=datetime.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as exc:
        toewijzing.full_clean()
    assert "geldig_tot" in exc.value.message_dict


def test_one_person_holds_several_roles_in_several_municipalities():
    user = UserFactory()
    a, b = RoltoewijzingFactory(user=user), RoltoewijzingFactory(user=user, rol=Rol.FUNCTIONEEL_BEHEERDER, gemeenterol=True)
    assert {r.rol for r in user.actieve_rollen()} == {Rol.SOCIAAL_PROFESSIONAL, Rol.FUNCTIONEEL_BEHEERDER}
    assert set(user.gemeenten()) == {a.gemeente, b.gemeente}
    assert [r.rol for r in user.actieve_rollen(b.gemeente)] == [Rol.FUNCTIONEEL_BEHEERDER]


def test_only_roles_valid_today_are_active():
    user = UserFactory()
    vandaag = datetime.date.today()
    RoltoewijzingFactory(
        user=user, geldig_vanaf=vandaag - datetime.timedelta(days=30), geldig_tot=vandaag - datetime.timedelta(days=1)
    )
    RoltoewijzingFactory(user=user, geldig_vanaf=vandaag + datetime.timedelta(days=1))
    actief = RoltoewijzingFactory(user=user, geldig_vanaf=vandaag, geldig_tot=vandaag)
    assert list(user.actieve_rollen()) == [actief]
    assert list(user.gemeenten()) == [actief.gemeente]


def test_email_is_the_login_and_is_stored_in_lower_case():
    from samenwerk.gemeenten.models import User

    user = User.objects.create_user("Jan.Jansen@Voorbeeld.EXAMPLE", "geheim-wachtwoord-123")
    assert user.email == "jan.jansen@voorbeeld.example"
    assert user.check_password("geheim-wachtwoord-123")
    assert not hasattr(user, "username") or user.username is None


def test_organisation_works_only_in_areas_of_its_own_municipality():
    org = OrganisatieFactory()
    org.gebieden.add(GebiedFactory())  # an area of another municipality
    with pytest.raises(ValidationError) as exc:
        org.full_clean()
    assert "gebieden" in exc.value.message_dict
