"""Every page carries the crisis box for the viewer's region and the quick exit."""

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

from peersupport.signposting.models import CrisisResource
from tests.factories import CrisisResourceFactory
from tests.pages import assert_signposted

# Not pages: a liveness probe for load balancers, the icon browsers ask for, robots.txt,
# and POST-only form targets.
# Moderators' bulk approval is a form target behind the moderators' sign-in.
NOT_PAGES = {"signposting:healthz", "signposting:favicon", "robots_txt", "moderation:approve_plain"}
POST_ONLY = {
    "signposting:choose_region",
    "accounts:export_data",
    "accounts:ease_back_in",
    "accounts:not_now",
    "accounts:end_break",
    "carenotes:save_post",
    "carenotes:download_pdf",
    "forum:mark_notifications_read",
}


def _names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _names(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


def urls_without_arguments():
    found = []
    for name in sorted(set(_names(get_resolver().url_patterns)) - NOT_PAGES):
        try:
            found.append((name, reverse(name)))
        except NoReverseMatch:
            continue  # takes arguments
    return found


URLS = urls_without_arguments()


def test_the_walk_covers_the_main_pages():
    names = {name for name, _ in URLS}
    assert {"forum:home", "signposting:help", "signposting:guidelines"} <= names
    assert {"signposting:professionals", "accounts:settings"} <= names
    assert {"account_signup", "account_login", "account_reset_password"} <= names


@pytest.fixture
def resources(db):
    CrisisResourceFactory(name="Test Listening Line", sms_number="60000", sms_keyword="TALK")
    return {
        "shown": list(CrisisResource.objects.for_region("uk")),
        "absent": [
            CrisisResourceFactory(name="Retired Line", is_active=False),
            CrisisResourceFactory(name="Faraway Line", region="us"),
        ],
    }


@pytest.mark.parametrize("viewer", ["visitor", "member"])
@pytest.mark.parametrize(("name", "url"), URLS, ids=[name for name, _ in URLS])
def test_every_page_is_signposted(client, member, resources, viewer, name, url):
    if viewer == "member":
        client.force_login(member)
    response = client.get(url, follow=True)
    if name in POST_ONLY:
        assert response.status_code == 405
        return
    assert response.status_code in {200, 400, 403, 404}
    assert_signposted(response, resources["shown"], resources["absent"])


def test_healthz_answers_ok_when_the_database_does(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
