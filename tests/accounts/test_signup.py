import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import IntegrityError
from django.test import override_settings

from peersupport.accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def signup_data(**changes):
    data = {
        "username": "GentleFern21",
        "email": "gentle.fern@example.com",
        "password1": "a long calm password",
        "password2": "a long calm password",
        "age_confirmed": "on",
        "accept_guidelines": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_signup_page_offers_pseudonym_ideas_and_warns_against_real_names(client):
    content = client.get("/accounts/signup/").content.decode()
    assert "do not use your real name" in content
    assert content.count('name="pick"') == 3
    for field in [
        "username",
        "email",
        "password1",
        "password2",
        "age_confirmed",
        "accept_guidelines",
    ]:
        assert f'name="{field}"' in content
    assert 'name="first_name"' not in content
    assert 'name="last_name"' not in content


def test_signing_up_records_both_agreements_and_asks_to_verify_the_email(client):
    response = client.post("/accounts/signup/", signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(username="GentleFern21")
    assert user.email == "gentle.fern@example.com"
    assert user.age_confirmed_at is not None
    assert user.guidelines_accepted_at is not None
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "gentle.fern@example.com" in mail.outbox[0].to

    # Verification is mandatory outside development: no session until it is done.
    client.logout()
    login = client.post(
        "/accounts/login/", {"login": "GentleFern21", "password": "a long calm password"}
    )
    assert login.status_code == 302
    assert "confirm-email" in login["Location"]
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("age_confirmed", "This forum is for people aged 13 and over"),
        ("accept_guidelines", "Please read the community guidelines"),
    ],
)
def test_signup_is_refused_without_each_agreement(client, missing, message):
    response = client.post("/accounts/signup/", signup_data(**{missing: None}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="GentleFern21").exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("pseudonym", "message"),
    [
        ("fern@example.com", "looks like an email address"),
        ("07700900123", "could look like a phone number"),
        ("insta_fern", "social media account"),
        ("Samaritans", "kept for the team or for a support service"),
        ("Moderator", "kept for the team or for a support service"),
    ],
)
def test_signup_refuses_pseudonym_rules_with_a_clear_message(client, pseudonym, message):
    response = client.post("/accounts/signup/", signup_data(username=pseudonym))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == 0


def test_pseudonyms_are_unique_without_regard_to_case(client):
    UserFactory(username="GentleFern21")
    response = client.post(
        "/accounts/signup/", signup_data(username="gentlefern21", email="other@example.com")
    )
    assert response.status_code == 200
    assert User.objects.count() == 1
    with pytest.raises(IntegrityError):
        User.objects.create(username="GENTLEFERN21", email="third@example.com")


def test_sign_in_by_pseudonym_ignores_case(client):
    user = UserFactory(username="GentleFern21")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post("/accounts/login/", {"login": "gentlefern21", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signup_does_not_reveal_that_an_email_is_registered(client):
    UserFactory(username="FirstFern", email="taken@example.com")
    response = client.post("/accounts/signup/", signup_data(email="taken@example.com"))
    # The same "check your email" outcome as a fresh address; the owner is told by email.
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "taken@example.com" in mail.outbox[0].to
    assert User.objects.filter(email="taken@example.com").count() == 1


def test_the_user_model_has_no_name_fields():
    field_names = {field.name for field in User._meta.get_fields()}
    assert "first_name" not in field_names
    assert "last_name" not in field_names


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "3/m/ip"})
def test_failed_sign_ins_are_rate_limited(client):
    member = UserFactory(username="GentleFern21")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    for _ in range(3):
        client.post("/accounts/login/", {"login": "GentleFern21", "password": "wrong"})
    # Paused, the right password is refused too, in the words of a wrong one.
    response = client.post("/accounts/login/", {"login": "GentleFern21", "password": PASSWORD})
    assert "we pause signing in to an account" in response.content.decode()
    assert "_auth_user_id" not in client.session
