"""New backup codes from the security pages: only after a fresh password and code; the old
codes stop working; shown once; logged."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken

from samenwerk.accounts import otp
from samenwerk.privacy.models import AuditEntry
from tests.auth import confirm_recently, login

pytestmark = pytest.mark.django_db


def test_new_backup_codes_replace_the_old_ones(client, personas):
    user = personas.professional
    oude = otp.new_backup_codes(user)
    login(client, user)
    url = reverse("accounts:new-backup-codes")
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:confirm"))
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(oude)
    confirm_recently(client)
    assert "Maak nieuwe herstelcodes" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    html = response.content.decode()
    nieuwe = list(StaticToken.objects.values_list("token", flat=True))
    assert len(nieuwe) == 10 and not set(nieuwe) & set(oude)
    assert "De oude codes werken niet meer." in html and all(code in html for code in nieuwe)
    assert otp.check_code(user, nieuwe[0])
    with pytest.raises(otp.CodeRejected):
        otp.check_code(user, oude[0])
    assert AuditEntry.objects.filter(gebeurtenis="herstelcodes.vernieuwd", gebruiker_id=user.pk).exists()
    # shown once
    assert client.get(reverse("accounts:backup-codes")).status_code == 302


def test_sessions_page_links_to_new_codes(client, personas):
    login(client, personas.professional)
    assert reverse("accounts:new-backup-codes") in client.get(reverse("accounts:sessions")).content.decode()
