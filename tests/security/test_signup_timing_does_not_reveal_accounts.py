"""Sign-up must not tell, by how long it takes, whether an email address already has an
account: with a known address the password is hashed all the same, as for a new one."""

import statistics
import time

import pytest
from django.conf import global_settings
from django.test import Client

from peersupport import settings as production
from tests.accounts.test_signup import signup_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROUNDS = 10


@pytest.fixture
def production_hasher(settings):
    """The tests' fast hasher would hide the difference that the real one makes."""
    settings.PASSWORD_HASHERS = getattr(
        production, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS
    )


def seconds_to_sign_up(number, email):
    client = Client()
    start = time.perf_counter()
    response = client.post(
        "/accounts/signup/", signup_data(username=f"QuietOtter{number}", email=email)
    )
    seconds = time.perf_counter() - start
    assert response["Location"] == "/accounts/confirm-email/"
    return seconds


@pytest.mark.slow  # many timed sign-ups with the production password hasher
def test_a_known_email_address_takes_as_long_to_sign_up_with_as_a_new_one(production_hasher):
    UserFactory(username="FirstFern", email="taken@example.com")
    seconds_to_sign_up(10, "taken@example.com")
    seconds_to_sign_up(11, "warm.up@example.com")
    known, new = [], []
    # Taken in turn, so a busy moment on the machine slows both alike.
    for n in range(ROUNDS):
        known.append(seconds_to_sign_up(20 + n, "taken@example.com"))
        new.append(seconds_to_sign_up(40 + n, f"new{n}@example.com"))
    ratio = statistics.median(known) / statistics.median(new)
    # Today's hasher makes a new account's sign-up several times slower than skipping it:
    # within a factor of two either way, the two cannot be told apart by their timing.
    assert 0.5 < ratio < 2, (known, new)
