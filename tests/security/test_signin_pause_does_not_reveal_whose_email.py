"""Pausing sign-in to an account must not tell a stranger which email address belongs to
a pseudonym (pause it by the pseudonym, then try addresses): a paused sign-in reads, and
takes as long, as a wrong password."""

import statistics
import time

import pytest
from django.conf import global_settings
from django.test import Client

from peersupport import settings as production
from tests.security.test_signin_lock_is_per_account import guess, verified_member
from tests.test_wording import visible_text

pytestmark = pytest.mark.django_db

ROUNDS = 8


@pytest.fixture
def rate_limits_on(settings):
    settings.RATE_LIMITS_ENABLED = True
    settings.ACCOUNT_RATE_LIMITS = production.ACCOUNT_RATE_LIMITS


@pytest.fixture
def production_hasher(settings):
    """The tests' fast hasher would hide the difference that the real one makes."""
    settings.PASSWORD_HASHERS = getattr(
        production, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS
    )


def try_to_sign_in(login, address):
    client = Client(REMOTE_ADDR=address)
    start = time.perf_counter()
    response = client.post("/accounts/login/", {"login": login, "password": "is it this one"})
    return response, time.perf_counter() - start


def test_a_paused_account_reads_like_any_other_wrong_password(rate_limits_on):
    verified_member("SoftRain")
    verified_member("BraveHeron")
    guess("SoftRain", 5)
    logins = ["SoftRain", "softrain@example.com", "braveheron@example.com", "nobody@example.com"]
    pages = {
        visible_text(try_to_sign_in(login, f"198.51.100.{n}")[0]).replace(login, "…")
        for n, login in enumerate(logins)
    }
    assert len(pages) == 1, pages


@pytest.mark.slow  # many timed sign-ins with the production password hasher
def test_a_paused_account_takes_as_long_to_answer_as_a_wrong_password(
    rate_limits_on, production_hasher
):
    verified_member("SoftRain")
    others = [verified_member("BraveHeron"), verified_member("KindFinch")]
    guess("SoftRain", 5)
    paused, wrong = [], []
    # Taken in turn, from fresh addresses, and never more than four wrong passwords for
    # one of the others, so only the paused account is paused.
    for n in range(ROUNDS):
        paused.append(try_to_sign_in("SoftRain", f"198.51.100.{n}")[1])
        other = others[n % 2].email
        wrong.append(try_to_sign_in(other, f"192.0.2.{n}")[1])
    ratio = statistics.median(paused) / statistics.median(wrong)
    assert 0.5 < ratio < 2, (paused, wrong)
