"""Two-step sign-in (allauth.mfa) for moderators, leads and staff (REQUIRE_MFA_FOR_STAFF)."""

import base64
import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from peersupport.accounts.mfa import SET_UP_FIRST
from tests.factories import PASSWORD, UserFactory
from tests.moderation.case_helpers import make_case, make_lead, make_moderator
from tests.test_wording import assert_kind

pytestmark = pytest.mark.django_db

ACTIVATE = "/accounts/2fa/totp/activate/"
AUTHENTICATE = "/accounts/2fa/authenticate/"


@pytest.fixture(autouse=True)
def _two_step_required(settings):
    settings.REQUIRE_MFA_FOR_STAFF = True
    # A step either side of "now", so a test that crosses a 30-second boundary between
    # reading the clock and posting the code does not fail by chance.
    settings.MFA_TOTP_TOLERANCE = 1


def with_verified_email(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in(client, user):
    """Through allauth's sign-in form, as a person does (force_login skips its steps)."""
    return client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})


def confirm_password(client):
    """allauth asks for the password again before sign-in settings change."""
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302


def current_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def set_up_two_step(client, user):
    """Sign in and add an authenticator app with the key the page shows; returns the key."""
    sign_in(client, user)
    confirm_password(client)
    page = client.get(ACTIVATE).content.decode()
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7=]+)"', page).group(1)
    response = client.post(ACTIVATE, {"code": current_code(secret)})
    assert response.status_code == 302
    return secret


def assert_sent_to_set_up(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE
    # allauth may first ask for the password again; the reason is shown either way.
    assert SET_UP_FIRST in client.get(path, follow=True).content.decode()


@pytest.mark.parametrize("where", ["queue", "case"])
def test_a_moderator_without_an_app_is_asked_to_set_one_up(client, where):
    client.force_login(make_moderator())
    path = "/moderation/" if where == "queue" else f"/moderation/cases/{make_case().pk}/"
    assert_sent_to_set_up(client, path)


def test_a_lead_without_an_app_is_asked_to_set_one_up(client):
    client.force_login(make_lead())
    assert_sent_to_set_up(client, "/moderation/escalated/")


def test_staff_without_an_app_are_asked_to_set_one_up_before_the_admin(client):
    client.force_login(UserFactory(is_staff=True))
    assert_sent_to_set_up(client, "/admin/")
    assert_sent_to_set_up(client, "/admin/signposting/crisisresource/")


def test_a_moderator_without_an_app_can_still_use_the_forum_as_a_member(client):
    client.force_login(make_moderator())
    assert client.get("/").status_code == 200
    assert client.get("/settings/").status_code == 200


def test_a_member_is_not_asked_for_two_step_sign_in(member_client):
    response = member_client.get("/moderation/")
    assert response.status_code == 403
    assert SET_UP_FIRST not in response.content.decode()


def test_with_the_setting_off_moderators_and_staff_go_straight_in(client, settings):
    settings.REQUIRE_MFA_FOR_STAFF = False
    client.force_login(make_moderator(is_staff=True))
    assert client.get("/moderation/").status_code == 200
    assert client.get("/admin/").status_code == 200


# allauth says "done" once the transaction commits, as in real use; the shipped rows
# (crisis resources, groups) are put back afterwards for the tests that follow.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_setting_up_the_app_a_moderator_reaches_the_queue(client):
    moderator = with_verified_email(make_moderator())
    sign_in(client, moderator)
    assert client.get(ACTIVATE)["Location"].startswith("/accounts/reauthenticate/")
    assert_kind(client.get("/accounts/reauthenticate/"), 200, "Please confirm it is you")
    confirm_password(client)
    page = client.get(ACTIVATE)
    assert_kind(page, 200, "Add two-step sign-in")
    secret = re.search(
        r'id="authenticator_secret"[^>]*value="([A-Z2-7=]+)"', page.content.decode()
    ).group(1)

    response = client.post(ACTIVATE, {"code": current_code(secret)}, follow=True)

    assert_kind(response, 200, "Two-step sign-in is on.")
    assert "Go to the moderation queue" in response.content.decode()
    codes = re.search(
        r'<textarea[^>]*id="recovery_codes"[^>]*>(.*?)</textarea>', response.content.decode(), re.S
    )
    assert len(codes.group(1).split()) == 10
    types = set(Authenticator.objects.filter(user=moderator).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    assert client.get("/moderation/").status_code == 200


def test_a_wrong_code_does_not_set_up_the_app_and_is_explained_kindly(client):
    moderator = with_verified_email(make_moderator())
    sign_in(client, moderator)
    confirm_password(client)
    client.get(ACTIVATE)
    response = client.post(ACTIVATE, {"code": "not a code"})
    assert_kind(response, 200, "That code did not match.")
    assert not Authenticator.objects.filter(user=moderator).exists()


def test_the_qr_code_is_an_inline_image_the_content_security_policy_allows(client):
    sign_in(client, with_verified_email(make_moderator()))
    confirm_password(client)
    response = client.get(ACTIVATE)
    page = response.content.decode()
    assert "img-src 'self' data:" in response["Content-Security-Policy"]
    src = re.search(r'<img class="totp-qr" src="([^"]+)"', page).group(1)
    assert src.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(src.split(",", 1)[1]).decode()
    # Nothing in the picture or on the page loads from anywhere else.
    assert "href" not in svg
    assert "url(" not in svg
    assert svg.count("http") == 1  # the SVG namespace, which is a name, not a load
    for loaded in re.findall(r'<(?:img|script|link)\b[^>]*(?:src|href)="([^"]+)"', page):
        assert loaded.startswith(("/", "data:")), loaded


def test_once_set_up_sign_in_asks_for_a_code(client):
    moderator = with_verified_email(make_moderator())
    secret = set_up_two_step(client, moderator)
    client.logout()

    response = sign_in(client, moderator)
    assert response.status_code == 302
    assert response["Location"] == AUTHENTICATE
    assert "_auth_user_id" not in client.session
    assert_kind(client.get(AUTHENTICATE), 200, "One more step to sign in")

    response = client.post(AUTHENTICATE, {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(moderator.pk)
    assert client.get("/moderation/").status_code == 200


def test_a_wrong_code_at_sign_in_is_refused_kindly(client):
    moderator = with_verified_email(make_moderator())
    secret = set_up_two_step(client, moderator)
    client.logout()
    sign_in(client, moderator)
    now = int(time.time()) // 30
    valid = {format_hotp_value(hotp_value(secret, now + step)) for step in (-1, 0, 1)}
    wrong = next(code for code in ("123456", "654321", "111111") if code not in valid)

    response = client.post(AUTHENTICATE, {"code": wrong})

    assert_kind(response, 200, "That code did not match.")
    assert "_auth_user_id" not in client.session
    assert client.get("/moderation/").status_code == 302


def test_a_recovery_code_signs_in_once(client):
    moderator = with_verified_email(make_moderator())
    set_up_two_step(client, moderator)
    page = client.get("/accounts/2fa/recovery-codes/").content.decode()
    code = re.search(r'id="recovery_codes"[^>]*>\s*(\S+)', page).group(1)
    client.logout()

    sign_in(client, moderator)
    client.post(AUTHENTICATE, {"code": code})
    assert client.session["_auth_user_id"] == str(moderator.pk)

    client.logout()
    sign_in(client, moderator)
    client.post(AUTHENTICATE, {"code": code})
    assert "_auth_user_id" not in client.session


def test_the_pages_for_managing_two_step_sign_in_read_kindly(client):
    set_up_two_step(client, with_verified_email(make_moderator()))
    assert_kind(client.get("/accounts/2fa/"), 200, "You have 10 unused recovery codes.")
    assert_kind(client.get("/accounts/2fa/totp/deactivate/"), 200, "Turn off two-step sign-in")
    page = client.get("/accounts/2fa/recovery-codes/generate/")
    assert_kind(page, 200, "Make new recovery codes")


def test_members_find_two_step_sign_in_and_their_sessions_from_settings(member_client):
    page = member_client.get("/settings/").content.decode()
    assert 'href="/accounts/2fa/"' in page
    assert 'href="/accounts/sessions/"' in page
    assert member_client.get("/accounts/2fa/").status_code == 200
