"""Production-like settings for the benchmark: DEBUG off, hashed static files, the cache
production uses, persistent connections. Only the limits that would throttle a load
test, pre-moderation and staff two-factor sign-in are off."""

import os

from bench import TEMPLATES_DIR

DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/peersupport_bench"

# Forced, not defaulted: a DATABASE_URL or DEBUG left in the shell must never point the
# benchmark (which writes) at another database, nor measure a debug build.
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or DEFAULT_BENCH_DATABASE_URL
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production")
os.environ["RATE_LIMITS_ENABLED"] = "0"
os.environ["PREMODERATION_FIRST_POSTS"] = "0"
os.environ["REQUIRE_MFA_FOR_STAFF"] = "0"
# Plain HTTP on 127.0.0.1: TLS is the proxy's work and not what is measured.
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ["SECURE_HSTS_SECONDS"] = "0"
os.environ.setdefault("CONN_MAX_AGE", "600")
# Production keeps its cache in Redis (docs/deploy.md), so the benchmark does too: its own
# database number, emptied at the start of each run (bench.run).
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/7")

from peersupport.settings import *  # noqa: E402, F403
from peersupport.settings import BASE_DIR, MIDDLEWARE, TEMPLATES  # noqa: E402

ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "bench.urls"
# Outermost, so the Server-Timing figure covers every middleware as well as the view.
MIDDLEWARE = ["bench.middleware.server_timing", *MIDDLEWARE]
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], TEMPLATES_DIR]}]
# Its own collected files, so the benchmark never races another checkout's collectstatic.
STATIC_ROOT = BASE_DIR / "var" / "bench-static"
# Secure (__Host-) cookies are never sent back over plain HTTP.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
# As in production, a request only queues its slow work (telling a thread's followers,
# emails) and a Celery worker does it: bench.server starts one on this broker, its own
# Redis database number (not the cache's), emptied at the start of each run. Set here,
# not from CELERY_BROKER_URL, so a broker left in the shell never gets the bench's tasks.
CELERY_BROKER_URL = os.environ.get("BENCH_CELERY_BROKER_URL") or "redis://127.0.0.1:6379/8"
CELERY_TASK_ALWAYS_EAGER = False
# The worker's emails go nowhere.
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
