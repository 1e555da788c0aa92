import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that commit (browser tests against the live server, and a few others) end by
    emptying the database, so they run after every other test: on an xdist worker, a test
    after them would find no migration data (crisis resources, watched phrases, groups).
    pytest-django orders them so too, but before tests/browser/conftest.py has marked the
    browser tests; this runs last, once every marker is on."""
    items.sort(key=_commits)


def _commits(item):
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and marker.kwargs.get("transaction"))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


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
