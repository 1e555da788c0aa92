"""CSRF: a form posted from another site, without our token, is turned away with the
kind page at every address the project serves (found by walking the URL resolver, so a
new form is covered the day it is added), and nothing changes."""

import pytest
from django.test import Client
from django.urls import resolve

from tests.security.walker import all_routes, snapshot, url_for

pytestmark = pytest.mark.django_db

ROUTES = all_routes()
POST_DATA = {
    "title": "From elsewhere",
    "body": "Posted by another site",
    "content_warning": "",
    "reason": "spam",
    "note": "",
    "kind": "hug",
    "duration": "always",
    "action": "hide",
    "text": "a note",
    "region": "scotland",
    "login": "WriterWren",
    "password": "a calm test password 1",
}


def test_no_view_opts_out_of_csrf_checks(world):
    exempt = [
        str(route)
        for route in ROUTES
        if getattr(resolve(url_for(route, world).split("?")[0]).func, "csrf_exempt", False)
    ]
    assert exempt == []


@pytest.mark.parametrize("who", ["visitor", "member", "moderator", "admin"])
def test_every_post_without_a_token_is_refused_kindly_and_changes_nothing(world, who):
    client = Client(enforce_csrf_checks=True)
    person = {"member": world["member"], "moderator": world["moderator"]}.get(who)
    if who == "admin":
        person = world["member"]
        person.is_staff = person.is_superuser = True
        person.save()
    if person is not None:
        client.force_login(person)
    assert len(ROUTES) > 100
    before = snapshot()
    refused_unkindly = []
    for route in ROUTES:
        response = client.post(url_for(route, world), POST_DATA)
        page = response.content.decode()
        if not (
            response.status_code == 403
            and "Please try that again" in page
            and 'id="crisis-support"' in page
        ):
            refused_unkindly.append((str(route), response.status_code))
    assert refused_unkindly == []
    assert snapshot() == before
