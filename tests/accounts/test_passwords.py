"""Password rules: Django's validators (at least 12 characters, not common, not only digits,
not like the person's own details), stored with Argon2."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

from samenwerk.gemeenten.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Kort-wacht1", "Dit wachtwoord is te kort. Het moet minstens 12 tekens lang zijn."),
        ("123456789012", "Dit wachtwoord bevat alleen cijfers."),
        ("password1234", "Dit wachtwoord is te algemeen."),
        ("devriestestwijde", "Het wachtwoord lijkt te veel op de e-mailadres."),
    ],
)
def test_weak_passwords_are_refused_in_dutch(password, message):
    user = User(email="devries@testwijde.example", first_name="Sanne", last_name="de Vries")
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        validate_password(password, user)
    assert message in error.value.messages


def test_a_good_password_passes_and_is_stored_with_argon2():
    user = User.objects.create_user("devries@testwijde.example", first_name="Sanne")
    validate_password("Fietsen-langs-de-Linde-7", user)
    user.set_password("Fietsen-langs-de-Linde-7")
    assert user.password.startswith("argon2")


def test_the_validators_in_the_settings(settings):
    names = [v["NAME"].rsplit(".", 1)[-1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
    assert settings.AUTH_PASSWORD_VALIDATORS[1]["OPTIONS"] == {"min_length": 12}
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
