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
ALLOWED_HOSTS = ["*"]

# Tests about other things run without rate limits; the rate-limit tests turn them on.
RATE_LIMITS_ENABLED = False
ACCOUNT_RATE_LIMITS = False

# Tests about other things post as brand-new members; the pre-moderation tests set this.
PREMODERATION_FIRST_POSTS = 0
