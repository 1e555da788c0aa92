"""The project's own checks: migrations, lint, and production settings."""

import json
import os
import re
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.slow  # a fresh interpreter in a subprocess
def test_ruff_is_clean():
    for command in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def _production_settings(**env):
    """Read settings as a production process would, in a fresh interpreter."""
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'cache': s.CACHES['default']['BACKEND'], "
        "'rate_limits': getattr(s, 'ACCOUNT_RATE_LIMITS', 'allauth defaults'), "
        "'verification': s.ACCOUNT_EMAIL_VERIFICATION, 'debug': s.DEBUG, "
        "'cookies': [s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE], 'ssl_redirect': s.SECURE_SSL_REDIRECT, "
        "'hsts': s.SECURE_HSTS_SECONDS, 'proxy_header': s.SECURE_PROXY_SSL_HEADER}))"
    )
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "REDIS_URL", "RATE_LIMITS_ENABLED", "DATABASE_URL"}
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**clean_env, "DJANGO_SETTINGS_MODULE": "peersupport.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.slow  # a fresh interpreter in a subprocess
def test_production_keeps_rate_limits_on_a_shared_cache_and_verifies_email():
    prod = _production_settings(DEBUG="0", SECRET_KEY="x" * 50)
    assert prod["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert prod["rate_limits"] == {"login_failed": "10/m/ip,5/5m/key"}
    assert prod["verification"] == "mandatory"

    with_redis = _production_settings(
        DEBUG="0", SECRET_KEY="x" * 50, REDIS_URL="redis://127.0.0.1:6379/0"
    )
    assert with_redis["cache"] == "django.core.cache.backends.redis.RedisCache"


@pytest.mark.slow  # a fresh interpreter in a subprocess
def test_production_is_https_only_with_host_only_cookies():
    prod = _production_settings(DEBUG="0", SECRET_KEY="x" * 50)
    assert prod["cookies"] == ["__Host-sessionid", "__Host-csrftoken", True, True]
    assert prod["ssl_redirect"] is True
    assert prod["hsts"] == 365 * 24 * 60 * 60
    assert prod["proxy_header"] is None, "X-Forwarded-Proto is forgeable without a proxy"

    proxied = _production_settings(DEBUG="0", SECRET_KEY="x" * 50, TRUST_X_FORWARDED_PROTO="1")
    assert proxied["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]

    development = _production_settings(DEBUG="1")
    assert development["cookies"] == ["sessionid", "csrftoken", False, False]
    assert development["ssl_redirect"] is False
    assert development["hsts"] == 0


@pytest.mark.slow  # a fresh interpreter in a subprocess
def test_production_settings_pass_the_deployment_checks():
    # Only what a production process is given: nothing left over from the test run.
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "peersupport.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "example.org",
            "DATABASE_URL": "postgres://peersupport@db.example.org:5432/peersupport",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout, result.stdout


@pytest.mark.slow  # a fresh interpreter in a subprocess
def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "peersupport.settings", "DEBUG": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def _canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_dependency_is_pinned_in_the_lock_file():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        wanted += extra
    pinned = {}
    for line in (ROOT / "requirements" / "lock.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pinned[_canonical(name)] = version
    for requirement in wanted:
        name = _canonical(re.split(r"[\[<>=!~ ]", requirement, maxsplit=1)[0])
        assert pinned.get(name), f"{name} is not pinned in requirements/lock.txt"
