"""A page that someone injects into, or a script that goes wrong, must not reach for a
young person's camera, microphone or whereabouts, or let advertisers profile them. Every
response carries a `Permissions-Policy` denying each powerful feature the site never uses."""

import pytest
from django.test import Client

pytestmark = [pytest.mark.urls("tests.urls_errors"), pytest.mark.django_db]

NEVER_USED = [
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "serial",
    "hid",
    "midi",
    "display-capture",
    "browsing-topics",
]


def policy(response):
    allowed = {}
    for directive in response["Permissions-Policy"].split(","):
        feature, _, allowlist = directive.strip().partition("=")
        allowed[feature] = allowlist
    return allowed


@pytest.mark.parametrize(
    ("path", "status"),
    [("/", 200), ("/help/", 200), ("/no-such-page/", 404), ("/test-errors/500/", 500)],
)
def test_every_kind_of_page_denies_what_the_site_never_uses(path, status):
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == status
    allowed = policy(response)
    for feature in NEVER_USED:
        assert allowed.get(feature) == "()", feature


def test_a_signed_in_page_carries_it_too(member_client):
    allowed = policy(member_client.get("/settings/"))
    assert all(allowed.get(feature) == "()" for feature in NEVER_USED)


def test_nothing_is_allowed_anywhere(client):
    # Denying is the only thing the policy does: no feature is granted to any origin.
    assert set(policy(client.get("/")).values()) == {"()"}
