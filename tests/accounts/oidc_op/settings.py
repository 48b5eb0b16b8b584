"""A real OpenID provider for the tests (django-oidc-provider), in its own process on loopback:
serve.py starts it. Not part of the product."""

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
PORT = int(os.environ.get("OP_PORT", "0"))
SITE_URL = f"http://127.0.0.1:{PORT}"
SECRET_KEY = "test-provider-only-not-a-secret-0123456789abcdef"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "oidc_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "tests.accounts.oidc_op.hooks.ForgeSignatureMiddleware",
]
ROOT_URLCONF = "tests.accounts.oidc_op.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": ["django.template.context_processors.request", "django.contrib.auth.context_processors.auth"]
        },
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ.get("OP_DB", ":memory:")}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_TZ = True
LOGIN_URL = "/login/"
# Both servers run on 127.0.0.1 and browsers keep cookies per host, not per port.
SESSION_COOKIE_NAME = "op_sessionid"
CSRF_COOKIE_NAME = "op_csrftoken"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # test accounts only
OIDC_IDTOKEN_INCLUDE_CLAIMS = True
OIDC_USERINFO = "tests.accounts.oidc_op.hooks.userinfo"
OIDC_IDTOKEN_PROCESSING_HOOK = "tests.accounts.oidc_op.hooks.id_token"
OIDC_SKIP_CONSENT_EXPIRE = 1
