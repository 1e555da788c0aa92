"""Settings read from the environment, with safe defaults for development.

Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
# Development only: production refuses to start without a real key.
_DEV_SECRET_KEY = "dev-only-not-secret-peersupport"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY") or (_DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "peersupport.accounts",
    "peersupport.signposting",
    "peersupport.carenotes",
    "forum",
    "moderation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Each member's sessions, indexed, so a ban ends them all (accounts/sessions.py);
    # members see and end their own at /accounts/sessions/ (which needs humanize).
    "allauth.usersessions",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "django_htmx",
    "csp",
]

MIDDLEWARE = [
    # Outermost, so every response says it, static files and the redirect to HTTPS too.
    "peersupport.search_engines.noindex_middleware",
    "django.middleware.security.SecurityMiddleware",
    "peersupport.headers.PermissionsPolicy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "peersupport.headers.NoStoreForSignedIn",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After allauth's: moderators, leads and staff set up two-step sign-in first.
    "peersupport.accounts.mfa.RequireMFAForStaffMiddleware",
    # At most one write a day per member: their last visit (accounts/visits.py).
    "peersupport.accounts.visits.NoteVisits",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "peersupport.urls"
WSGI_APPLICATION = "peersupport.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "peersupport.signposting.context_processors.crisis_support",
                "forum.context_processors.notifications",
                "forum.context_processors.reading",
                "moderation.context_processors.moderation",
                "peersupport.accounts.context_processors.roles",
            ],
        },
    },
]

# Unset DATABASE_URL means a zero-setup SQLite file, so `make run` needs no server;
# tests and production use PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'peersupport.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# allauth's rate limits need a cache shared by every process: Redis when configured,
# otherwise the database. Never the dummy or per-process cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "peersupport_cache",
        }
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["peersupport.accounts.backends.MemberBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "forum:home"
LOGOUT_REDIRECT_URL = "forum:home"

# django-allauth: pseudonymous sign-up, private email, no account enumeration.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_FORMS = {
    "signup": "peersupport.accounts.forms.SignupForm",
    "login": "peersupport.accounts.forms.LoginForm",
}
ACCOUNT_ADAPTER = "peersupport.accounts.adapter.AccountAdapter"
ACCOUNT_USERNAME_VALIDATORS = "peersupport.accounts.pseudonyms.pseudonym_validators"
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = os.environ.get(
    "ACCOUNT_EMAIL_VERIFICATION", "optional" if DEBUG else "mandatory"
)
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Peer Support] "

# Sign-in: two-step sign-in (an authenticator app, with recovery codes as the fallback)
# for moderators, leads and staff (REQUIRE_MFA_FOR_STAFF below), and the real client
# address behind a reverse proxy, for rate limits and flags.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Peer Support"
MFA_ADAPTER = "peersupport.accounts.mfa.MFAAdapter"
# How many proxies we run in front of the app (each appends to X-Forwarded-For); 0 trusts
# no header, so a client cannot pick its own address to dodge a limit.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "0"))

# Failed sign-ins: ten a minute from one client address, and five in five minutes on one
# account, counted together whether its pseudonym or its email address was typed
# (accounts/adapter.py). The account's pause is short, and a password reset lifts it, so
# a stranger cannot keep a member out for long; it reads like a wrong password, so it
# never tells whose an email address is. allauth's other limits are its defaults.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
# Posting, flagging and sign-in limits (allauth's included). Tests about other things
# turn this off; everything else keeps it on.
RATE_LIMITS_ENABLED = env_bool("RATE_LIMITS_ENABLED", True)
if not RATE_LIMITS_ENABLED:
    ACCOUNT_RATE_LIMITS = False
# How many threads and replies one member may post: (posts, within seconds) pairs,
# counted from their own recent posts (forum/limits.py). Roomy enough for someone in
# distress sending several short replies in a row, tight enough to stop a flood; words
# that screen as crisis are always taken, whatever the count.
POSTING_RATE_LIMITS = {
    "thread": [(5, 10 * 60), (20, 24 * 60 * 60)],
    "reply": [(10, 5 * 60), (100, 24 * 60 * 60)],
}

# Email: SMTP when EMAIL_HOST is set, the console in development.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
elif os.environ.get("EMAIL_FILE_PATH"):
    # One file per email in this folder: for staging, and the test with two app servers.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Peer Support <noreply@localhost>")
# Links in emails are sent outside any request, so they need the site's address.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# How the safeguarding leads hear about a crisis case (moderation/notifiers.py): dotted
# paths of notifier classes, comma-separated in the environment. Adding
# "moderation.notifiers.WebhookNotifier" also posts to CRISIS_WEBHOOK_URL (a chat room's
# incoming webhook, or an SMS gateway's). A case still open CRISIS_REMINDER_MINUTES after
# the alert is sent again, to every lead.
CRISIS_NOTIFIERS = [
    path.strip()
    for path in os.environ.get("CRISIS_NOTIFIERS", "moderation.notifiers.EmailNotifier").split(",")
    if path.strip()
]
CRISIS_WEBHOOK_URL = os.environ.get("CRISIS_WEBHOOK_URL", "")
CRISIS_REMINDER_MINUTES = int(os.environ.get("CRISIS_REMINDER_MINUTES", "10"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Sessions live in the database: they survive a Redis restart, and every app server
# sees the same ones. allauth.usersessions indexes them by member (docs/deploy.md).
# With Redis they are also read through the cache, which spares every page a query;
# ending a session (a ban, signing out) deletes both copies.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# Task queue: emails and scheduled jobs run in a Celery worker, on Redis unless
# CELERY_BROKER_URL names another broker (docs/deploy.md). With no broker they run at
# once in the process that asks, so `make run` and the tests need nothing more.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or REDIS_URL
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# `celery -A peersupport beat` runs these; the management commands of the same names
# do the same work at once, by hand or from cron instead (never both). The leads'
# reminders need the minute-by-minute run: `make run` runs that command every minute.
CELERY_BEAT_SCHEDULE = {
    "alert-safeguarding-leads": {
        "task": "moderation.tasks.alert_safeguarding_leads",
        "schedule": 60.0,
    },
    # Once per thread (forum.peer_support), so the run can be frequent.
    "tell-peer-supporters": {
        "task": "forum.tasks.tell_peer_supporters",
        "schedule": 600.0,
    },
    "send-notification-digests": {
        "task": "forum.tasks.send_notification_digests",
        "schedule": crontab(hour=18, minute=0),
    },
    "apply-retention": {
        "task": "peersupport.accounts.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=30),
    },
}

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CSRF_FAILURE_VIEW = "peersupport.signposting.views.csrf_failure"

# HTTPS only, outside development. Load balancers probe /healthz over plain http and
# count a redirect as a failure, and it says nothing but "ok".
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Behind a proxy that terminates TLS, only the proxy knows the request was HTTPS. Trust
# its X-Forwarded-Proto only when told to: without such a proxy, clients could forge it.
# This is the only place that decides: gunicorn.conf.py stops gunicorn from believing
# such headers itself (by default it does, from 127.0.0.1, before Django sees them).
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
# The header covers only this host's own subdomains, which serve nothing over http.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading binds the whole registrable domain in every browser for months and is slow
# to undo: the domain owner's decision, so off unless asked for, and its check silenced.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]

# __Host- cookies are Secure, host-only and path /, so no subdomain or http page can set
# or overwrite them. Development over http keeps the plain names, which need no HTTPS.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_NAME = "__Host-sessionid" if SESSION_COOKIE_SECURE else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if CSRF_COOKIE_SECURE else "csrftoken"
SESSION_COOKIE_HTTPONLY = True
# Every form, htmx's included, sends the token as a field: no script reads the cookie.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Browser features the site never uses, denied to every origin (peersupport/headers.py).
PERMISSIONS_POLICY = [
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    # FLoC's name, before browsing-topics: older browsers still read it.
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]

# Nothing loads from third parties: every script, style and font is our own. Pages put
# a per-request nonce on their tags, so no inline code runs without one.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# Where the quick-exit button goes: a neutral site that gives nothing away.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")

# Product settings (DESIGN.md, "Settings that tests and deployments tune").
# How long data is kept before `manage.py apply_retention` removes it, in days
# (peersupport/accounts/retention.py; the privacy notice quotes these numbers).
RETENTION_DAYS = {
    # Where a flag came from (its address and browser, hashed): long enough to spot one
    # person flagging from many accounts, then it goes.
    "flag_ip_address": 30,
    "read_notification": 180,
    # Sign-ups whose email address was never confirmed and that never signed in.
    "unconfirmed_account": 30,
}
# Where members write about their data (the privacy notice shows it when set).
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "")
# Where someone stuck with their account writes (the confirmation and password pages and
# emails give it); the privacy address unless set. With neither, they ask no one to write.
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL") or PRIVACY_CONTACT_EMAIL
# Visitors without an account may read boards, threads and search. Off by default: the
# ICO Children's Code asks for high privacy by default, so only members read the forum.
PUBLIC_READING = env_bool("PUBLIC_READING", False)
PREMODERATION_FIRST_POSTS = int(os.environ.get("PREMODERATION_FIRST_POSTS", "3"))
FLAG_HIDE_THRESHOLD = int(os.environ.get("FLAG_HIDE_THRESHOLD", "3"))
# The public transparency page (/transparency/) shows a count below this as "fewer
# than ...", and no median or share of fewer cases, so no one can be picked out.
TRANSPARENCY_SMALLEST_SHOWN = 5

# The most members a small circle holds: few enough for someone easily overwhelmed.
CIRCLE_SIZE = int(os.environ.get("CIRCLE_SIZE", "8"))
REQUIRE_MFA_FOR_STAFF = env_bool("REQUIRE_MFA_FOR_STAFF", not DEBUG)
# After this many distressing cases decided in a row, a moderator's next page gently
# suggests a break (moderation/breaks.py); 0 turns the prompt off.
MODERATION_BREAK_AFTER = int(os.environ.get("MODERATION_BREAK_AFTER", "5"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
