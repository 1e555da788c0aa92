"""Moderators arrive at the queue when they sign in, and the header's "Moderation" link
says how many cases are open."""

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache

from tests.factories import PASSWORD, UserFactory

from .case_helpers import make_case, make_moderator

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})


def test_a_moderator_lands_on_the_queue_and_a_member_on_the_home_page(client):
    moderator = make_moderator()
    assert sign_in(client, moderator)["Location"] == "/moderation/"
    client.logout()
    assert sign_in(client, UserFactory())["Location"] == "/"


def test_the_moderation_link_shows_the_open_count(moderator_client):
    cache.clear()
    make_case(), make_case()
    page = moderator_client.get("/").content.decode()
    assert 'Moderation <span class="nav-count">2<span class="visually-hidden"> open cases' in page
