"""On a shared computer, Back (or the browser's cache) must not show the next person what
a signed-in young person read. Every response to a signed-in person says
`Cache-Control: no-store`, without loosening what a page already asked for."""

import pytest
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from peersupport.headers import NoStoreForSignedIn
from tests.security.walker import all_routes, url_for

pytestmark = pytest.mark.django_db

PAGES = [route for route in all_routes() if route.name and not route.name.startswith("admin:")]


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.mark.parametrize("who", ["member", "moderator"])
def test_every_page_a_signed_in_person_opens_is_not_stored(client, world, who):
    client.force_login(world[who])
    opened = 0
    for route in PAGES:
        response = client.get(url_for(route, world))
        if response.status_code == 200:
            opened += 1
            assert "no-store" in cache_control(response), route
    assert opened >= 15


def test_the_admin_is_not_stored_either(admin_client):
    assert "no-store" in cache_control(admin_client.get("/admin/"))


def test_a_page_that_asked_for_more_keeps_it(member_client):
    response = member_client.post("/settings/export/")
    assert response.status_code == 200
    assert "no-store" in cache_control(response)


def test_a_cacheable_answer_is_made_private_for_a_signed_in_person(rf, member):
    def shared(request):
        response = HttpResponse("hello")
        patch_cache_control(response, public=True, max_age=600)
        return response

    request = rf.get("/")
    request.user = member
    directives = cache_control(NoStoreForSignedIn(shared)(request))
    assert {"no-store", "private"} <= directives
    assert "public" not in directives


def test_visitors_pages_may_still_be_cached(client, world):
    assert "no-store" not in cache_control(client.get("/"))
