"""Production's security headers and cookies, on every kind of page and error page."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client, override_settings

from tests.factories import PASSWORD
from tests.moderation.case_helpers import make_moderator

pytestmark = [
    pytest.mark.urls("tests.urls_errors"),
    pytest.mark.django_db,
    pytest.mark.usefixtures("https_only"),
]

ONE_YEAR = 365 * 24 * 60 * 60


@pytest.fixture
def https_only():
    with override_settings(SECURE_SSL_REDIRECT=True):
        yield


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    directives = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


def assert_security_headers(response):
    assert response["Strict-Transport-Security"] == f"max-age={ONE_YEAR}; includeSubDomains"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]

    policy = response["Content-Security-Policy"]
    assert "unsafe-" not in policy
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    # The page's own tags carry the nonce the header allows, and only that one.
    nonces = set(re.findall(r'nonce="([^"]+)"', response.content.decode()))
    assert len(nonces) == 1, nonces
    nonce = nonces.pop()
    assert directives["script-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert directives["style-src"] == ["'self'", f"'nonce-{nonce}'"]


def assert_host_only_cookie(response, name):
    cookie = response.cookies[name]
    assert name.startswith("__Host-")
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert not cookie["domain"]


def test_visitor_page(client):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    assert_security_headers(response)
    # The crisis box's region form sets the CSRF cookie.
    assert_host_only_cookie(response, settings.CSRF_COOKIE_NAME)


def test_member_page(member_client):
    response = member_client.get("/settings/", secure=True)
    assert response.status_code == 200
    assert_security_headers(response)


def test_moderator_page(client):
    client.force_login(make_moderator())
    response = client.get("/moderation/", secure=True)
    assert response.status_code == 200
    assert_security_headers(response)


def test_signing_in_sets_host_only_session_and_csrf_cookies(member):
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    client = Client(enforce_csrf_checks=True)
    login_page = client.get("/accounts/login/", secure=True)
    assert_host_only_cookie(login_page, settings.CSRF_COOKIE_NAME)
    token = client.cookies[settings.CSRF_COOKIE_NAME].value

    response = client.post(
        "/accounts/login/",
        {"login": member.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        secure=True,
        headers={"Referer": "https://testserver/accounts/login/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert_host_only_cookie(response, settings.SESSION_COOKIE_NAME)
    assert client.get("/settings/", secure=True).status_code == 200


def test_each_request_gets_a_new_nonce(client):
    first = csp_directives(client.get("/", secure=True))["script-src"]
    second = csp_directives(client.get("/", secure=True))["script-src"]
    assert first != second


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/test-errors/400/", 400),
        ("/test-errors/403/", 403),
        ("/no-such-page/", 404),
        ("/test-errors/500/", 500),
    ],
)
def test_error_pages(path, status):
    client = Client(raise_request_exception=False)
    response = client.get(path, secure=True)
    assert response.status_code == status
    assert_security_headers(response)


def test_csrf_failure_page(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/settings/", {"region": "us", "bio": ""}, secure=True)
    assert response.status_code == 403
    assert "Please try that again" in response.content.decode()
    assert_security_headers(response)


def test_http_is_redirected_to_https(client):
    response = client.get("/help/?region=uk")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/help/?region=uk"


def test_the_health_check_answers_load_balancers_over_http(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
