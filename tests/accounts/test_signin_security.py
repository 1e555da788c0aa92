"""Sign-in safety: the admin signs in through allauth, sign-in limits count the real
client behind our proxy, nothing says whether an email is registered, and passwords
meet Django's validators."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from moderation.flag_sources import address_hash
from moderation.models import Flag
from peersupport import settings as production
from peersupport.accounts.models import User
from tests.accounts.test_signup import signup_data
from tests.factories import PASSWORD, UserFactory, make_thread
from tests.test_wording import visible_text

pytestmark = pytest.mark.django_db

# A pause reads like a wrong password, which says that pauses happen
# (tests/security/test_signin_pause_does_not_reveal_whose_email.py).
REFUSED = "We could not sign you in with those details"
PAUSES_HAPPEN = "we pause signing in to an account for a few minutes"


@pytest.fixture
def rate_limits_on(settings):
    """Limits as deployed (the test settings switch them off)."""
    settings.RATE_LIMITS_ENABLED = True
    settings.ACCOUNT_RATE_LIMITS = production.ACCOUNT_RATE_LIMITS


@pytest.fixture
def soft_rain(db):
    member = UserFactory(username="SoftRain")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


def fail_to_sign_in(client, login="SoftRain", **headers):
    return client.post("/accounts/login/", {"login": login, "password": "not it"}, **headers)


def signs_in(**headers):
    client = Client()
    client.post("/accounts/login/", {"login": "SoftRain", "password": PASSWORD}, **headers)
    return "_auth_user_id" in client.session


# The admin


def test_the_admin_sign_in_page_sends_people_to_the_site_sign_in(client):
    response = client.get("/admin/")
    assert response["Location"] == "/admin/login/?next=/admin/"
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_the_admin_password_form_cannot_sign_anyone_in(client, admin_user):
    response = client.post("/admin/login/", {"username": admin_user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_staff_signed_in_through_the_site_reach_the_admin(client, admin_user):
    EmailAddress.objects.create(
        user=admin_user, email=admin_user.email, verified=True, primary=True
    )
    response = client.post(
        "/accounts/login/?next=/admin/", {"login": admin_user.username, "password": PASSWORD}
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


# Sign-in limits


def test_repeated_failed_sign_ins_are_paused_kindly(client, rate_limits_on, soft_rain):
    for _ in range(5):
        assert REFUSED in visible_text(fail_to_sign_in(client))
    # Even the right password waits, so guessing gains nothing.
    right = client.post("/accounts/login/", {"login": "SoftRain", "password": PASSWORD})
    assert right.status_code == 200
    assert PAUSES_HAPPEN in visible_text(right)
    assert "_auth_user_id" not in client.session


def test_behind_our_proxy_the_limit_counts_the_forwarded_client(
    client, rate_limits_on, settings, soft_rain
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # Our proxy connects from one address for everyone and appends the real client.
    for n in range(10):
        fail_to_sign_in(
            client, f"Guess{n}", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7"
        )
    assert not signs_in(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert signs_in(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.4")


def test_without_a_trusted_proxy_a_made_up_forwarded_address_changes_nothing(
    client, rate_limits_on, settings, soft_rain
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for n in range(10):
        fail_to_sign_in(client, f"Guess{n}", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert not signs_in(HTTP_X_FORWARDED_FOR="192.0.2.99")


# Flags record the same client address


@pytest.fixture
def post(db):
    return make_thread(author=UserFactory(username="BraveHeron7")).opening_post


def flag_from(client, post, **headers):
    client.force_login(UserFactory(username="KindFinch"))
    client.post(f"/posts/{post.pk}/flag/", {"reason": "spam", "note": ""}, **headers)
    return Flag.objects.get(post=post)


def test_behind_our_proxy_a_flag_records_the_forwarded_client(client, post, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    flag = flag_from(client, post, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert flag.address_hash == address_hash("203.0.113.7")


def test_without_a_trusted_proxy_a_flag_records_the_connecting_address(client, post, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    flag = flag_from(client, post, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert flag.address_hash == address_hash("10.0.0.2")


# Nothing says whether an email is registered


def test_sign_up_with_a_registered_email_looks_the_same_as_with_a_new_one(db):
    UserFactory(username="FirstFern", email="taken@example.com")

    def sign_up(username, email):
        client = Client()
        response = client.post("/accounts/signup/", signup_data(username=username, email=email))
        page = visible_text(client.get(response["Location"])).replace(email, "…")
        return response.status_code, response["Location"], page

    assert sign_up("NewFern", "new@example.com") == sign_up("OtherFern", "taken@example.com")
    # The owner of the registered address is told by email, not the person signing up.
    assert [message.to for message in mail.outbox] == [["new@example.com"], ["taken@example.com"]]


def test_a_taken_pseudonym_is_said_to_be_taken(client, db):
    # Pseudonyms are unique, so sign-up has to say so. It tells only that a pseudonym
    # exists, which its posts show visitors anyway; never the email behind it.
    UserFactory(username="GentleFern21", email="private@example.com")
    response = client.post("/accounts/signup/", signup_data(email="other@example.com"))
    page = response.content.decode()
    assert "already exists" in page
    assert "private@example.com" not in page


def test_password_reset_looks_the_same_for_a_known_and_an_unknown_email(client, member):
    known = client.post("/accounts/password/reset/", {"email": member.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known["Location"] == "/accounts/password/reset/done/"
    # Each address gets its own email: a reset link, or word that it has no account.
    assert [message.to for message in mail.outbox] == [[member.email], ["nobody@example.com"]]


# Passwords


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("calm9", "This password is too short. It must contain at least 10 characters."),
        ("qwertyuiop", "This password is too common."),
        ("8364920175", "This password is entirely numeric."),
        ("gentlefern21!", "The password is too similar to the pseudonym."),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(client, db, password, message):
    response = client.post("/accounts/signup/", signup_data(password1=password, password2=password))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="GentleFern21").exists()
