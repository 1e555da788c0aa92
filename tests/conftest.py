import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The crisis resources are cached; a test's rolled-back rows must not outlive it.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(db):
    return UserFactory(username="QuietOtter12", email="quiet.otter@example.com")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def reader_client(db):
    """Another member, who wrote nothing, signed in: only members read the forum unless
    PUBLIC_READING is on."""
    reader = Client()
    reader.force_login(UserFactory(username="ReadingRobin"))
    return reader


@pytest.fixture
def admin_user(db):
    return UserFactory(username="SiteKeeper", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
