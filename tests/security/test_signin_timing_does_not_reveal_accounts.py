"""A wrong password must not tell, by how long the answer takes, whether an email address
has an account: the password is checked once for a registered address, as much work as
the stand-in check for an unknown one."""

import statistics
import time

import pytest
from django.conf import global_settings
from django.test import Client

from peersupport import settings as production
from tests.security.test_signin_lock_is_per_account import verified_member

pytestmark = pytest.mark.django_db

ROUNDS = 8


@pytest.fixture
def production_hasher(settings):
    """The tests' fast hasher would hide the difference that the real one makes."""
    settings.PASSWORD_HASHERS = getattr(
        production, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS
    )


def seconds_to_refuse(login, address):
    client = Client(REMOTE_ADDR=address)
    start = time.perf_counter()
    response = client.post("/accounts/login/", {"login": login, "password": "is it this one"})
    seconds = time.perf_counter() - start
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
    return seconds


@pytest.mark.slow  # many timed sign-ins with the production password hasher
def test_a_registered_email_address_is_refused_as_quickly_as_an_unknown_one(production_hasher):
    verified_member("SoftRain")
    seconds_to_refuse("nobody@example.com", "192.0.2.1")
    known, unknown = [], []
    # Taken in turn, so a busy moment on the machine slows both alike.
    for n in range(ROUNDS):
        known.append(seconds_to_refuse("softrain@example.com", f"198.51.100.{n}"))
        unknown.append(seconds_to_refuse(f"nobody{n}@example.com", f"203.0.113.{n}"))
    ratio = statistics.median(known) / statistics.median(unknown)
    # Checking the password twice made a registered address take about twice as long.
    assert 0.7 < ratio < 1.4, (known, unknown)
