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


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"medewerker{n}@test.example")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
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
