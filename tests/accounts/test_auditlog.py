"""Sign-in decisions are in the access log of each municipality where the person works."""

import pytest
from django.urls import reverse

from samenwerk.privacy.models import AuditEntry
from samenwerk.privacy.zegels import verify
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_wrong_password_and_unknown_address_are_logged_as_refused(client, personas):
    client.post(reverse("login"), {"username": personas.professional.email, "password": "fout-wachtwoord"})
    client.post(reverse("login"), {"username": "niemand@nergens.example", "password": "x"})
    eigen = AuditEntry.objects.get(gebeurtenis="aanmelding.wachtwoord.geweigerd", gebruiker_id=personas.professional.pk)
    assert (eigen.uitkomst, eigen.gemeente_id, eigen.kanaal) == ("denied", personas.gemeente.pk, "web")
    onbekend = AuditEntry.objects.get(gebeurtenis="aanmelding.wachtwoord.geweigerd", gebruiker_id__isnull=True)
    assert (onbekend.gemeente_id, onbekend.reden) == (None, "onbekend e-mailadres")
    assert "fout-wachtwoord" not in str(list(AuditEntry.objects.values()))
    assert list(verify()) == []


def test_a_completed_login_is_logged(client, personas):
    from tests.auth import authenticator, totp_code

    device = authenticator(personas.professional)
    client.post(reverse("login"), {"username": personas.professional.email, "password": TEST_PASSWORD})
    client.post(reverse("accounts:verify"), {"code": totp_code(device)})
    assert AuditEntry.objects.filter(
        gebeurtenis="aanmelding.geslaagd", gebruiker_id=personas.professional.pk, uitkomst="success"
    ).exists()
