"""Factories with Dutch fake data (style.md §12). Every name and address is invented."""

from __future__ import annotations

import functools

import factory
from django.contrib.auth.hashers import make_password
from factory.django import DjangoModelFactory

from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie, Rol, Roltoewijzing, User, Wijk

factory.Faker._DEFAULT_LOCALE = "nl_NL"

TEST_PASSWORD = "test-wachtwoord-2026"


@functools.cache
def _test_password_hash() -> str:
    return make_password(TEST_PASSWORD)


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["slug"]

    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    slug = factory.Sequence(lambda n: f"testgemeente-{n}")
    fase = Gemeente.Fase.UITVOERING


class GebiedFactory(DjangoModelFactory):
    class Meta:
        model = Gebied

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Gebied {n}")
    aantal_inwoners = factory.Faker("random_int", min=2_000, max=20_000)


class WijkFactory(DjangoModelFactory):
    class Meta:
        model = Wijk

    gebied = factory.SubFactory(GebiedFactory)
    naam = factory.Sequence(lambda n: f"Wijk {n}")


class OrganisatieFactory(DjangoModelFactory):
    class Meta:
        model = Organisatie
        skip_postgeneration_save = True

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    soort = Organisatie.Soort.WELZIJN
    relatie = Organisatie.Relatie.DEELNEMER
    expertise = factory.Faker("sentence", nb_words=6)
    email = factory.Sequence(lambda n: f"info{n}@organisatie.example")

    class Params:
        partner = factory.Trait(relatie=Organisatie.Relatie.PARTNER)
        woningcorporatie = factory.Trait(soort=Organisatie.Soort.WONINGCORPORATIE)

    @factory.post_generation
    def gebieden(self, create: bool, extracted: list[Gebied] | None, **kwargs: object) -> None:
        if create and extracted:
            self.gebieden.set(extracted)


class Naam(factory.Faker):
    """A Dutch name as Faker makes it, written with the typographic apostrophe (van ’t Erve):
    pages escape the straight one (van &#x27;t Erve), and tests look for people's names in
    pages as plain text. Escaping itself is tested with names made for it."""

    def evaluate(self, instance, step, extra):  # type: ignore[no-untyped-def]
        return super().evaluate(instance, step, extra).replace("'", "’")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"medewerker{n}@test.example")
    first_name = Naam("first_name")
    last_name = Naam("last_name")
    # One real (argon2) hash, computed once: hashing per user made the suite crawl.
    password = factory.LazyFunction(lambda: _test_password_hash())


class RoltoewijzingFactory(DjangoModelFactory):
    """Defaults to a sociaal professional of an organisation; traits give the other scopes."""

    class Meta:
        model = Roltoewijzing

    user = factory.SubFactory(UserFactory)
    rol = Rol.SOCIAAL_PROFESSIONAL
    organisatie = factory.SubFactory(OrganisatieFactory)
    gemeente = factory.LazyAttribute(lambda o: o.organisatie.gemeente if o.organisatie else o.gebied.gemeente)
    gebied = None

    class Params:
        gebiedsrol = factory.Trait(organisatie=None, gebied=factory.SubFactory(GebiedFactory))
        gemeenterol = factory.Trait(organisatie=None, gebied=None, gemeente=factory.SubFactory(GemeenteFactory))


class InwonerFactory(DjangoModelFactory):
    class Meta:
        model = "casussen.Inwoner"

    gemeente = factory.SubFactory(GemeenteFactory)
    voornaam = Naam("first_name")
    achternaam = Naam("last_name")
    geboortedatum = factory.Faker("date_of_birth", minimum_age=18, maximum_age=90)
    straat = factory.Faker("street_address")
    postcode = factory.Faker("postcode")
    woonplaats = "Testwijde"
    telefoon = factory.Sequence(lambda n: f"06-{10000000 + n}")


class CasusFactory(DjangoModelFactory):
    """A case. Pass `professional=` and `organisatie=` to make that person its casusregisseur.

    Traits: `met_toestemming` (consent for the Samenwerkwijze given, in vraagverheldering),
    `afgesloten`."""

    class Meta:
        model = "casussen.Casus"
        skip_postgeneration_save = True

    class Params:
        met_toestemming = factory.Trait(status="vraagverheldering")
        afgesloten = factory.Trait(status="afgesloten", afsluitreden="doel bereikt")

    gebied = factory.SubFactory(GebiedFactory)
    gemeente = factory.SelfAttribute("gebied.gemeente")
    inwoner = factory.SubFactory(InwonerFactory, gemeente=factory.SelfAttribute("..gemeente"))
    binnengekomen_via = "inwoner"

    @classmethod
    def _create(cls, model_class: type, *args: object, **kwargs: object) -> object:
        from samenwerk.casussen.models import Betrokkene, Toestemming

        professional = kwargs.pop("professional", None)
        organisatie = kwargs.pop("organisatie", None)
        casus = super()._create(model_class, *args, **kwargs)
        if professional is not None:
            Betrokkene.objects.create(casus=casus, user=professional, organisatie=organisatie, rol="casusregisseur")
        if casus.status not in ("aangemeld", "triage", "toestemming"):
            door = professional or UserFactory()
            Toestemming.objects.create(casus=casus, doel="samenwerkwijze", gegeven=True, wijze="mondeling", vastgelegd_door=door)
        return casus


def casus_met_team(personas, *, collega: bool = True, proces: bool = True, **velden: object):  # type: ignore[no-untyped-def]
    """The case most page tests need: the professional's own case with consent, shared with
    a colleague of another organisation and the procesregisseur (either can be left out)."""
    casus = CasusFactory(
        **{
            "gebied": personas.gebied,
            "met_toestemming": True,
            "professional": personas.professional,
            "organisatie": personas.organisatie,
            **velden,
        }
    )
    if collega:
        casus.betrokkenen.create(user=personas.collega_andere_organisatie, organisatie=personas.andere_organisatie)
    if proces:
        casus.betrokkenen.create(user=personas.procesregisseur, organisatie=personas.organisatie, rol="procesregisseur")
    return casus
