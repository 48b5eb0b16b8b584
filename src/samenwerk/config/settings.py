"""Settings for the whole product, read from the environment (docs/configuration.md).

DJANGO_ENV=development (default) runs with a throw-away secret key and SQLite;
DJANGO_ENV=production insists on a secret key and allowed hosts and turns on every
transport-security setting.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_choice, env_int, env_list, env_required, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(env_str("SAMENWERK_VAR_DIR", str(BASE_DIR / "var")))

ENVIRONMENT = env_str("DJANGO_ENV", "development")
if ENVIRONMENT not in {"development", "production"}:
    raise ImproperlyConfigured("DJANGO_ENV must be 'development' or 'production'.")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off when DJANGO_ENV=production.")

if PRODUCTION:
    SECRET_KEY = env_required("DJANGO_SECRET_KEY")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is required when DJANGO_ENV=production.")
else:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", "development-only-key-never-use-in-production-0123456789")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

# In development the links follow the port the demo serves on (PORT=8011 make demo).
SITE_URL = (
    env_required("SAMENWERK_SITE_URL")
    if PRODUCTION
    else env_str("SAMENWERK_SITE_URL", f"http://127.0.0.1:{env_int('PORT', 8000)}")
)
if PRODUCTION and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured("SAMENWERK_SITE_URL must start with https:// when DJANGO_ENV=production.")
SITE_URL = SITE_URL.rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "rules.apps.AutodiscoverRulesConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "samenwerk.privacy",
    "samenwerk.gemeenten",
    "samenwerk.berichten",
    "samenwerk.accounts",
    "samenwerk.casussen",
    "samenwerk.plannen",
    "samenwerk.portaal",
    "samenwerk.rendement",
    "samenwerk.overleg",
    "samenwerk.regie",
    "samenwerk.signalering",
    "samenwerk.tafel",
    "samenwerk.leren",
    "samenwerk.zet",
    "samenwerk.leertraject",
    "samenwerk.oidc",
    "samenwerk.ops",
]

MIDDLEWARE = [
    "samenwerk.ops.middleware.RequestMiddleware",  # request id, metrics, /gezondheid/ (docs/deployment.md)
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "samenwerk.portaal.middleware.SecurityHeadersMiddleware",
    "samenwerk.privacy.middleware.AuditContextMiddleware",
    # samenwerk.accounts: the 12-hour limit, "Mijn sessies", then two-factor for everything.
    "samenwerk.accounts.middleware.SessionLimitsMiddleware",
    "samenwerk.accounts.middleware.RequireOTPMiddleware",
    # django-axes turns a lockout into our lockout page; it must come last.
    "axes.middleware.AxesMiddleware",
]

# Widgets render with the project's templates too (templates/ui/ overrides, e.g. radio buttons).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "samenwerk.config.urls"
WSGI_APPLICATION = "samenwerk.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samenwerk.portaal.context_processors.navigation",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
# SQLite by default (WAL, busy timeout, IMMEDIATE transactions so writers queue instead of
# failing); PostgreSQL when DATABASE_URL is set.
DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))}
    # A streaming replica for reports and dashboards (samenwerk.config.replica); in tests the
    # same database as the primary.
    if REPLICA_URL := env_str("SAMENWERK_DATABASE_REPLICA_URL", ""):
        DATABASES["replica"] = dj_database_url.parse(REPLICA_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))
        DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
else:
    SQLITE_PATH = Path(env_str("SQLITE_PATH", str(VAR_DIR / "db.sqlite3")))
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            },
        }
    }
DATABASE_ROUTERS = ["samenwerk.config.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts (samenwerk.accounts; docs/configuration.md) ------------------------------------
AUTH_USER_MODEL = "gemeenten.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out e-mail address + IP
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "samenwerk.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},  # Dutch message
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portaal:start"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after 30 minutes without a request (the expiry moves with activity) and
# 12 hours after login whatever happens (SessionLimitsMiddleware).
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
# The idle limit slides: accounts.sessions.touch() saves the session (and with it the new
# expiry) once a minute of activity, not on every request (a write per page view).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "samenwerk.portaal.fouten.csrf_mislukt"  # the product's page, not Django's

# Sensitive actions (exports, break-the-glass) ask for password + code again when the last
# confirmation is older than this (samenwerk.accounts.reauth).
RECENT_AUTH_SECONDS = 5 * 60

# Two-factor authentication (django-otp, TOTP). Wrong codes slow down exponentially
# (1, 2, 4, 8 ... seconds) per device: django-otp's throttling.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Samenwerkplatform")
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Client address behind reverse proxies: how many proxies of our own append to
# X-Forwarded-For (0: use the connection's address). Used by the lockout and "Mijn sessies".
TRUSTED_PROXY_COUNT = env_int("SAMENWERK_TRUSTED_PROXY_COUNT", 0)

# Lockout (django-axes): 5 wrong passwords for the same e-mail address from the same IP
# address lock that combination for 30 minutes, counted from the last failed attempt.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # the field name of Django's login form (it holds the e-mail)
AXES_USERNAME_CALLABLE = "samenwerk.accounts.lockout.username"
AXES_CLIENT_IP_CALLABLE = "samenwerk.privacy.network.client_ip"
AXES_LOCKOUT_CALLABLE = "samenwerk.accounts.lockout.response"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False  # no banner on every manage.py command; lockouts are still logged

# --- Access log (samenwerk.privacy; docs/privacy.md) -----------------------------------------
# The key of the log's hash chain (an HMAC per row) and the directory of its signed anchors
# (`manage.py checkpoint_audit_log`). Both stay outside the database: whoever holds the
# database cannot recompute the chain, nor cut off its end unseen.
_DEV_AUDIT_KEY = "development-only-audit-key-NOT-SECRET-never-use-in-production"
AUDIT_KEY = env_required("SAMENWERK_AUDIT_KEY") if PRODUCTION else env_str("SAMENWERK_AUDIT_KEY", _DEV_AUDIT_KEY)
if PRODUCTION and (len(AUDIT_KEY) < 32 or AUDIT_KEY in {_DEV_AUDIT_KEY, SECRET_KEY}):
    raise ImproperlyConfigured("SAMENWERK_AUDIT_KEY must be at least 32 characters, random, and differ from DJANGO_SECRET_KEY.")
AUDIT_ANCHOR_DIR = Path(env_str("SAMENWERK_AUDIT_ANCHOR_DIR", str(VAR_DIR / "toegangslog-ankers")))
# Whole months of the access log older than this go (privacy.partities); at least five years.
AUDIT_BEWAARTERMIJN_JAREN = env_int("SAMENWERK_AUDIT_BEWAARTERMIJN_JAREN", 5)

# --- Secrets kept encrypted at rest (samenwerk.privacy.geheimen) ------------------------------
# Fernet keys, comma separated; the first encrypts, all decrypt (rotation: put a new key first).
_DEV_GEHEIMEN_SLEUTEL = "ZGV2ZWxvcG1lbnQtb25seS1ub3Qtc2VjcmV0LWtleSE="  # base64 of 32 bytes, known to all
_GEHEIMEN = (
    env_required("SAMENWERK_GEHEIMEN_SLEUTELS") if PRODUCTION else env_str("SAMENWERK_GEHEIMEN_SLEUTELS", _DEV_GEHEIMEN_SLEUTEL)
)
GEHEIMEN_SLEUTELS = [s.strip() for s in _GEHEIMEN.split(",") if s.strip()]
if PRODUCTION and (not GEHEIMEN_SLEUTELS or _DEV_GEHEIMEN_SLEUTEL in GEHEIMEN_SLEUTELS):
    raise ImproperlyConfigured("SAMENWERK_GEHEIMEN_SLEUTELS must hold the production's own Fernet key(s).")

# --- Internationalisation: Dutch first, English through gettext ------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files: NL Design System CSS and htmx from npm, served by ourselves ---------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
if PRODUCTION:  # in development runserver serves the static files itself
    MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# From npm only the files the templates link, not the packages' whole dist folders (the
# design tokens' holds CSS pointing at images the package lacks): samenwerk.ui.staticfiles.
VENDOR_STATIC = {
    "vendor/utrecht-css/index.css": NODE_MODULES / "@utrecht" / "component-library-css" / "dist" / "index.css",
    "vendor/utrecht-tokens/index.css": NODE_MODULES / "@utrecht" / "design-tokens" / "dist" / "index.css",
    "vendor/htmx/htmx.min.js": NODE_MODULES / "htmx.org" / "dist" / "htmx.min.js",
}
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "samenwerk.ui.staticfiles.VendorFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Background work: the queue lives in the database (outbox) -------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- Signals (samenwerk.signalering; docs/signalering.md) ------------------------------------
# The rules the engine runs (`manage.py signaleer`). Other apps add theirs here.
SIGNALERING_REGELS = [
    "samenwerk.signalering.casusregels.afspraak_te_laat",
    "samenwerk.signalering.casusregels.afspraak_bijna",
    "samenwerk.signalering.casusregels.evaluatie_verstreken",
    "samenwerk.signalering.casusregels.geen_casusregisseur",
    "samenwerk.signalering.casusregels.herhaalmeting",
    "samenwerk.overleg.signalen.overleg_te_laat",
    "samenwerk.overleg.signalen.weigering",
    "samenwerk.regie.signalen.nieuw_zorgsignaal",
    "samenwerk.tafel.signalen.casuscheck",
    "samenwerk.tafel.signalen.procesevaluatie",
    "samenwerk.zet.signalen.verbeterpunt_te_laat",
    "samenwerk.zet.signalen.terugkoppeling",
    "samenwerk.leren.trap.signalen.netwerkoverleg",
    "samenwerk.leren.trap.signalen.steungroep",
    "samenwerk.leren.trap.signalen.intervisie",
    "samenwerk.leren.trap.signalen.bundel",
    "samenwerk.leren.trap.signalen.leergeschiedenis",
    "samenwerk.leren.trap.signalen.dilemma_opgelost",
    "samenwerk.tafel.signalen.geen_bijeenkomst_gepland",
    "samenwerk.tafel.signalen.mdo_te_laat",
    "samenwerk.tafel.signalen.vervolg_te_laat",
    "samenwerk.leren.sessies.signalen.geen_leersessie",
    "samenwerk.leertraject.signalen.maatjesafspraak",
]

# --- ZET (samenwerk.zet; docs/zet.md) --------------------------------------------------------
# Dotted path of `(*, verbeterpunt, door) -> str` that turns an improvement point into a
# dilemma for the netwerkoverleg (the learning staircase); None: no button. Code, not configuration.
ZET_DILEMMA_HOOK: str | None = "samenwerk.leren.trap.koppelingen.zet_dilemma"
# Dotted path of `(tekst, namen) -> str` de-identifying the external report; unset: zet's rules.
ZET_DEIDENTIFICATIE: str | None = None  # never deduce here: the report is made in a request

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Samenwerkplatform <noreply@samenwerk.example>")

# --- REST API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "samenwerk.api.schema.SamenwerkAutoSchema",
    "EXCEPTION_HANDLER": "samenwerk.api.exceptions.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samenwerkplatform API",
    "DESCRIPTION": "Alles wat een scherm kan, kan een client ook.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "ENUM_NAME_OVERRIDES": {
        "CasusStatusEnum": "samenwerk.casussen.workflow.Status",
        "AveNiveauEnum": "samenwerk.regie.models.Niveau",
        "BronEnum": "samenwerk.regie.models.Zorgsignaal.Bron",
        "ZetRondeStatusEnum": "samenwerk.zet.models.Evaluatieronde.Status",
        "VerbeterpuntStatusEnum": "samenwerk.zet.models.Verbeterpunt.Status",
        "InterviewBronEnum": "samenwerk.zet.models.Interview.Bron",
        "TrapoverlegSoortEnum": "samenwerk.leren.models.trap.Trapoverleg.Soort",
        "DilemmaStatusEnum": "samenwerk.leren.models.trap.Dilemma.Status",
        "DilemmaBronEnum": "samenwerk.leren.models.trap.Dilemma.Bron",
        "LeerdocumentSoortEnum": "samenwerk.leren.models.trap.Leerdocument.Soort",
        "LeerdocumentMethodeEnum": "samenwerk.leren.models.trap.Leerdocument.Methode",
        "DilemmaNiveauEnum": "samenwerk.leren.models.trap.Niveau",
        "LeertrajectVormEnum": "samenwerk.leertraject.models.LeertrajectVorm",
    },
}

# --- Security headers (docs/privacy.md) ------------------------------------------------------
# A strict Content Security Policy: no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# --- Demo -----------------------------------------------------------------------------------
# Each app that has demo data adds its loader here, in dependency order (load_demo).
DEMO_LOADERS = [
    "samenwerk.gemeenten.demo.load",
    "samenwerk.plannen.demo.load",
    "samenwerk.overleg.demo.load",
    "samenwerk.rendement.demo.load",
    "samenwerk.regie.demo.load",
    "samenwerk.tafel.demo.load",
    "samenwerk.tafel.demo_werkwijze.load",  # after tafel.demo: carries its suitable cases on
    "samenwerk.tafel.demo_rapport.load",  # the year behind the table, for the stuurgroep report
    "samenwerk.zet.demo.load",
    "samenwerk.leren.sessies.demo.load",
    "samenwerk.leren.inbreng.demo.load",
    "samenwerk.leren.trap.demo.load",
    "samenwerk.leertraject.demo.load",
    "samenwerk.accounts.demo.load",  # after every loader that adds people: each gets the demo authenticator
    "samenwerk.signalering.demo.load",  # after plannen: it runs the engine over the demo cases
]
DEMO_PASSWORD = env_str("SAMENWERK_DEMO_PASSWORD", "Lindenhoven-demo-2026")

LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"))
# json: one object per line with the request id (samenwerk.ops.logs); tekst: for a terminal.
LOG_FORMAT = env_choice("LOG_FORMAT", "json" if PRODUCTION else "tekst", ("json", "tekst"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "samenwerk.ops.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "samenwerk.ops.logs.JsonFormatter"}, "tekst": {"format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # WeasyPrint and fontTools narrate every PDF at INFO; one line per request only when asked.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "weasyprint.progress", "fontTools")}
    | {"samenwerk.verzoek": {"level": env_choice("LOG_REQUESTS", "INFO" if PRODUCTION else "WARNING", ("INFO", "WARNING"))}},
}

# --- Operations (samenwerk.ops; docs/deployment.md) ------------------------------------------
# The periodic commands deploy/systemd runs through `manage.py periodiek`, with their interval
# in seconds: /gezondheid/ reports one whose last success is older than twice that.
PERIODIEKE_COMMANDOS = {
    "checkpoint_audit_log": 5 * 60,
    "berichten_versturen": 60 * 60,
    "overleg_bewaking": 60 * 60,
    "signaleer": 24 * 60 * 60,
    "signaleringen_digest": 24 * 60 * 60,
    "bewaartermijn": 24 * 60 * 60,
    "verify_audit_log": 24 * 60 * 60,
    "bewaar_audit_log": 24 * 60 * 60,
}
HEALTH_QUEUE_LAG_SECONDS = env_int("HEALTH_QUEUE_LAG_SECONDS", 5 * 60)
HEALTH_OUTBOX_AGE_SECONDS = env_int("HEALTH_OUTBOX_AGE_SECONDS", 60 * 60)
METRICS_TOKEN = env_str("SAMENWERK_METRICS_TOKEN", "")
