"""The site names itself everywhere: a favicon of its own on every page (served here,
never by a third party) and its own name on the admin."""

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

FAVICON_LINK = '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'


@pytest.mark.parametrize("path", ["/", "/help/", "/accounts/login/", "/no-such-page/"])
def test_every_page_links_the_favicon(client, path):
    assert FAVICON_LINK in client.get(path).content.decode()


def test_the_favicon_is_one_of_our_static_files():
    with open(finders.find("favicon.svg"), encoding="utf-8") as svg:
        icon = svg.read()
    assert icon.startswith("<svg") and "http://www.w3.org/2000/svg" in icon
    assert "href" not in icon  # nothing loaded from elsewhere
    with open(finders.find("favicon.ico"), "rb") as ico:
        assert ico.read(4) == b"\x00\x00\x01\x00"


def test_browsers_asking_for_favicon_ico_find_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"


def test_the_admin_carries_the_sites_name(admin_client):
    page = admin_client.get("/admin/").content.decode()
    assert "Django administration" not in page and "Django site admin" not in page
    assert "<title>What you can look after | Peer Support admin</title>" in page
    assert '<a href="/admin/">Peer Support admin</a>' in page
    assert FAVICON_LINK in page
