"""Production settings pass Django's deployment checks, and every response carries the
security headers (style.md, domain.md §8)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.auth import login

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-like-secret-key-for-the-check-0123456789",
    "DJANGO_ALLOWED_HOSTS": "samenwerk.gemeente.example",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://samenwerk.gemeente.example",
    "SAMENWERK_SITE_URL": "https://samenwerk.gemeente.example",
    "SAMENWERK_AUDIT_KEY": "y" * 20 + "-production-like-key-of-the-access-log-0123456789",
    "SAMENWERK_GEHEIMEN_SLEUTELS": "cHJvZHVjdGlvbi1saWtlLWZlcm5ldC1rZXktMDEyMzQ=",
}


def _manage(*args: str, extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))} | extra_env
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.slow
def test_check_deploy_with_production_settings_is_clean():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    "missing",
    ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "SAMENWERK_SITE_URL", "SAMENWERK_AUDIT_KEY", "SAMENWERK_GEHEIMEN_SLEUTELS"],
)
@pytest.mark.parametrize("how", ["unset", "empty"])
def test_production_refuses_to_start_without_required_settings(missing, how):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    if how == "empty":
        env[missing] = "  "
    result = _manage("check", extra_env=env)
    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"SAMENWERK_SITE_URL": "http://samenwerk.gemeente.example"}, "must start with https://"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL must be one of"),
        ({"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"}, "not both"),
        ({"SAMENWERK_AUDIT_KEY": "kort"}, "SAMENWERK_AUDIT_KEY must be at least 32 characters"),
        ({"SAMENWERK_AUDIT_KEY": PRODUCTION_ENV["DJANGO_SECRET_KEY"]}, "differ from DJANGO_SECRET_KEY"),
        (
            {"SAMENWERK_AUDIT_KEY": "development-only-audit-key-NOT-SECRET-never-use-in-production"},
            "SAMENWERK_AUDIT_KEY must be at least 32 characters, random",
        ),
    ],
)
def test_production_refuses_inconsistent_settings(extra, message):
    result = _manage("check", extra_env=PRODUCTION_ENV | extra)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.slow
def test_production_refuses_debug():
    result = _manage("check", extra_env=PRODUCTION_ENV | {"DJANGO_DEBUG": "1"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be off" in result.stderr


@pytest.mark.slow
@pytest.mark.django_db
def test_production_static_files_build_and_pages_use_their_hashed_names(client, personas, settings, tmp_path):
    """`collectstatic` with the production settings (the manifest storage) succeeds, and with
    debug off the login page and a signed-in page answer 200 and link the hashed files.
    Until issue 17 the design tokens' CSS stopped the build, so every page answered 500."""
    result = _manage("collectstatic", "--noinput", extra_env=PRODUCTION_ENV | {"SAMENWERK_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    static_root = tmp_path / "static"
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    for name in ("vendor/utrecht-tokens/index.css", "vendor/utrecht-css/index.css", "vendor/htmx/htmx.min.js"):
        assert (static_root / manifest[name]).is_file() and (static_root / f"{manifest[name]}.br").is_file()

    settings.DEBUG = False
    settings.STATIC_ROOT = static_root
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    }
    hashed = re.compile(r'href="/static/vendor/utrecht-tokens/index\.[0-9a-f]{12}\.css"')
    response = client.get(reverse("login"))
    assert response.status_code == 200 and hashed.search(response.content.decode())
    login(client, personas.professional)
    response = client.get(reverse("portaal:start"))
    assert response.status_code == 200 and hashed.search(response.content.decode())
    assert f'src="/static/{manifest["vendor/htmx/htmx.min.js"]}"' in response.content.decode()


def assert_security_headers(response) -> None:
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_security_headers_on_pages(client, personas):
    assert_security_headers(client.get(reverse("login")))
    login(client, personas.professional)
    for name in ("portaal:start", "accounts:sessions"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert_security_headers(response)
        assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_security_headers_on_api_responses(client, personas):
    assert_security_headers(client.get(reverse("api:mij")))  # 403: not signed in
    login(client, personas.professional)
    response = client.get(reverse("api:mij"))
    assert response.status_code == 200
    assert_security_headers(response)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_security_headers_on_the_two_factor_steps(client, personas):
    client.force_login(personas.professional)  # password step only
    for name in ("accounts:enrol", "accounts:qr"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert_security_headers(response)
        assert "no-store" in response["Cache-Control"]  # the page and the QR code hold the secret key
    response = client.get(reverse("api:mij"))
    assert response.status_code == 403
    assert_security_headers(response)
