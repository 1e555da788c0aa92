from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client, override_settings

from peersupport.signposting.defaults import DEFAULT_RESOURCES
from peersupport.signposting.models import CrisisResource
from tests.pages import crisis_box

pytestmark = pytest.mark.urls("tests.urls_errors")


@pytest.fixture
def uk_resources(db):
    return list(CrisisResource.objects.for_region("uk"))


def _assert_error_page(response, status, resources):
    assert response.status_code == status
    content = response.content.decode()
    assert 'id="quick-exit"' in content
    box = crisis_box(response)
    assert resources, "the data migration ships the UK defaults"
    for resource in resources:
        if resource.is_emergency:
            assert f'href="{resource.tel_href}"' in box
        else:
            assert resource.name in box


@pytest.mark.parametrize("status", [400, 403, 500])
def test_error_pages_carry_the_crisis_box(db, uk_resources, status):
    client = Client(raise_request_exception=False)
    response = client.get(f"/test-errors/{status}/")
    _assert_error_page(response, status, uk_resources)


def test_404_page(client, uk_resources):
    _assert_error_page(client.get("/no-such-page/"), 404, uk_resources)


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_bad_host_gets_the_400_page(client, uk_resources):
    _assert_error_page(client.get("/", HTTP_HOST="not-our-site.example"), 400, uk_resources)


def test_csrf_failure_page(member, uk_resources):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/settings/", {"region": "us", "bio": ""})
    _assert_error_page(response, 403, uk_resources)
    assert "Please try that again" in response.content.decode()
    member.refresh_from_db()
    assert member.region == "uk"


def test_500_page_shows_built_in_help_when_the_database_is_down(db):
    client = Client(raise_request_exception=False)
    down = OperationalError("could not connect to server")
    with mock.patch.object(connection, "ensure_connection", side_effect=down):
        response = client.get("/test-errors/500/")
    assert response.status_code == 500
    box = crisis_box(response)
    for fields in DEFAULT_RESOURCES:
        if fields["region"] == "uk" and not fields.get("is_emergency"):
            assert fields["name"] in box
    assert 'href="tel:999"' in box  # the emergency line, from the built-in defaults
    assert 'href="tel:116123"' in box
    assert 'href="sms:85258?body=SHOUT"' in box
    assert "Lifeline" not in box  # Northern Ireland only


def test_500_page_shows_built_in_help_when_the_server_closed_the_connection(db):
    # A PostgreSQL restart mid-request leaves a closed connection: InterfaceError, which
    # is not a DatabaseError.
    client = Client(raise_request_exception=False)
    closed = InterfaceError("connection already closed")
    with mock.patch.object(connection, "ensure_connection", side_effect=closed):
        response = client.get("/test-errors/500/")
    assert response.status_code == 500
    assert 'href="tel:116123"' in crisis_box(response)


def test_500_page_shows_built_in_help_when_the_cache_is_down(db):
    client = Client(raise_request_exception=False)
    with mock.patch("peersupport.caching.cache") as cache:
        cache.get.side_effect = ConnectionError("Redis is not answering")
        response = client.get("/test-errors/500/")
    assert response.status_code == 500
    assert 'href="tel:116123"' in crisis_box(response)
