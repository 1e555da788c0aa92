"""A stranger guessing a member's password gets no fresh guesses by typing their email
address instead of their pseudonym: failed sign-ins are counted per account. The pause
this causes is short and a password reset lifts it, so it cannot keep a member out."""

import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.core.internal import ratelimit
from django.core import mail
from django.test import Client

from peersupport import settings as production
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a new and gentle password"


@pytest.fixture
def rate_limits_on(settings):
    settings.RATE_LIMITS_ENABLED = True
    settings.ACCOUNT_RATE_LIMITS = production.ACCOUNT_RATE_LIMITS


def verified_member(username):
    member = UserFactory(username=username)
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


@pytest.fixture
def member(db):
    return verified_member("SoftRain")


class Clock:
    """The rate limits' clock, moved on without waiting."""

    def __init__(self):
        self.ahead = 0

    def time(self):
        return time.time() + self.ahead

    def __getattr__(self, name):
        return getattr(time, name)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(ratelimit, "time", clock)
    return clock


def sign_in(login, password, address):
    client = Client(REMOTE_ADDR=address)
    client.post("/accounts/login/", {"login": login, "password": password})
    return "_auth_user_id" in client.session


def guess(login, times, first_address=1):
    # From a different address each time, as a stranger with many would.
    for n in range(first_address, first_address + times):
        assert not sign_in(login, "is it this one", f"203.0.113.{n}")


def test_guesses_by_pseudonym_and_by_email_address_count_together(rate_limits_on, member):
    guess("SoftRain", 3)
    guess("softrain@example.com", 2, first_address=10)
    assert not sign_in("SoftRain", PASSWORD, "198.51.100.4")
    assert not sign_in("softrain@example.com", PASSWORD, "198.51.100.4")


def test_other_members_are_not_paused(rate_limits_on, member):
    verified_member("BraveHeron")
    guess("SoftRain", 5)
    assert sign_in("BraveHeron", PASSWORD, "198.51.100.4")


def test_the_pause_lasts_a_few_minutes_at_most(rate_limits_on, member, clock):
    guess("SoftRain", 5)
    assert not sign_in("SoftRain", PASSWORD, "198.51.100.4")
    clock.ahead = 5 * 60 + 1
    assert sign_in("SoftRain", PASSWORD, "198.51.100.4")


def test_a_password_reset_lifts_the_pause_on_every_way_of_signing_in(rate_limits_on, member):
    guess("SoftRain", 5)
    client = Client(REMOTE_ADDR="198.51.100.4")
    client.post("/accounts/password/reset/", {"email": "softrain@example.com"})
    link = re.search(r"http://[^/\s]+(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)
    form = client.get(link.group(1))
    client.post(form["Location"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert sign_in("SoftRain", NEW_PASSWORD, "198.51.100.4")
