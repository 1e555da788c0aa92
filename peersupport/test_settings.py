"""Test settings: PostgreSQL, a fast hasher, and a per-process cache."""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/peersupport")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from peersupport.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once even where REDIS_URL is set (tests/test_two_app_servers.py runs a worker).
CELERY_TASK_ALWAYS_EAGER = True
ALLOWED_HOSTS = ["*"]

# Production's security settings, except that the test client and the live server speak
# plain http: no redirect to https (tests/test_security_headers.py turns it on). The
# __Host- cookies still work, as Chromium treats http://localhost as secure.
SECURE_SSL_REDIRECT = False

# Tests about other things run without rate limits; the rate-limit tests turn them on.
RATE_LIMITS_ENABLED = False
ACCOUNT_RATE_LIMITS = False

# Tests about other things sign moderators and staff straight in; the two-step sign-in
# tests (tests/accounts/test_mfa.py) turn this on.
REQUIRE_MFA_FOR_STAFF = False

# Tests about other things post as brand-new members; the pre-moderation tests set this.
PREMODERATION_FIRST_POSTS = 0
