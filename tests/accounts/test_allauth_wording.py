"""allauth's pages and emails speak as the rest of the site does: they name Peer Support
(never the host they were sent from), say kindly what happens next, give the team's
address where they ask someone to write, and never tell a stranger whose address was
typed in which pseudonym signed up with it."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from tests.factories import PASSWORD, UserFactory
from tests.test_wording import assert_kind, visible_text

pytestmark = pytest.mark.django_db

CONTACT = "team@peersupport.example"
STOCK_WORDS = re.compile(
    r"Sign In|Sign Out|If you have not created an account yet|Please contact us|"
    r"contact us if|Reset My Password|Password Reset|Verify Your Email Address|"
    r"Hello from|Thank you for using|has given your email address|You're receiving|"
    r"Email Addresses|Make Primary|Re-send Verification|Change Password|Remember Me|"
    r"Sessions|Started At|IP Address|Set Password|Password successfully set"
)


def _signup(client, username="GentleFern21", email="gentle.fern@example.com"):
    return client.post(
        "/accounts/signup/",
        {
            "username": username,
            "email": email,
            "password1": "a long calm password",
            "password2": "a long calm password",
            "age_confirmed": "on",
            "accept_guidelines": "on",
        },
    )


def _assert_in_our_words(response, expected):
    assert_kind(response, 200, expected)
    text = visible_text(response)
    assert not STOCK_WORDS.search(text), STOCK_WORDS.findall(text)


def test_sign_in_page(client):
    response = client.get("/accounts/login/")
    _assert_in_our_words(response, "Sign in to Peer Support")
    page = response.content.decode()
    assert "<title>Sign in · Peer Support</title>" in page
    assert 'href="/accounts/signup/">Join Peer Support</a>' in page
    assert 'href="/accounts/password/reset/">Forgotten your password?</a>' in page
    assert "Keep me signed in on this device" in page


def test_sign_out_page(member_client):
    _assert_in_our_words(member_client.get("/accounts/logout/"), "Sign out of Peer Support")


def test_a_members_own_account_pages(member_client, member):
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    email_page = member_client.get("/accounts/email/")
    _assert_in_our_words(email_page, "No other member can see it.")
    assert f"{member.email} (confirmed) (the one we write to)" in visible_text(email_page)
    _assert_in_our_words(member_client.get("/accounts/password/change/"), "Change your password")


def test_password_reset_pages_give_the_teams_address(client, settings):
    settings.CONTACT_EMAIL = CONTACT
    response = client.get("/accounts/password/reset/")
    _assert_in_our_words(response, "Forgotten your password?")
    assert f'<a href="mailto:{CONTACT}">{CONTACT}</a>' in response.content.decode()
    done = client.post("/accounts/password/reset/", {"email": "someone@example.com"}, follow=True)
    _assert_in_our_words(done, "Please check your email")
    assert f'<a href="mailto:{CONTACT}">{CONTACT}</a>' in done.content.decode()


def test_the_verification_page_gives_the_teams_address(client, settings):
    settings.CONTACT_EMAIL = CONTACT
    response = _signup(client)
    page = client.get(response["Location"])
    _assert_in_our_words(page, "Please confirm your email address")
    assert f'<a href="mailto:{CONTACT}">{CONTACT}</a>' in page.content.decode()


def test_without_an_address_the_pages_do_not_ask_anyone_to_write(client, settings):
    settings.CONTACT_EMAIL = ""
    page = client.get(_signup(client)["Location"])
    _assert_in_our_words(page, "spam or junk folder")
    assert "write to us" not in visible_text(page)
    reset = client.get("/accounts/password/reset/")
    _assert_in_our_words(reset, "Forgotten your password?")
    assert "write to us" not in visible_text(reset)


def test_the_confirmation_email_names_the_site_and_not_the_pseudonym(client, settings):
    settings.CONTACT_EMAIL = CONTACT
    _signup(client)
    (email,) = mail.outbox
    assert email.subject == "[Peer Support] Please confirm your email address"
    assert "Someone has just joined Peer Support" in email.body
    assert re.search(r"http://testserver/accounts/confirm-email/\S+/", email.body)
    assert "If it was not you, you can ignore this email" in email.body
    assert "GentleFern21" not in email.body
    assert "testserver!" not in email.body and not STOCK_WORDS.search(email.body)
    assert "http://127.0.0.1:8000" in email.body  # SITE_URL, not the host that asked
    assert CONTACT in email.body


def test_the_password_reset_email(client):
    member = UserFactory(username="SoftRain", email="soft.rain@example.com")
    client.post("/accounts/password/reset/", {"email": member.email})
    (email,) = mail.outbox
    assert email.subject == "[Peer Support] Choosing a new password"
    assert "new password for your Peer Support account" in email.body
    assert "http://testserver/accounts/password/reset/key/" in email.body
    assert "Your pseudonym is SoftRain" in email.body
    assert not STOCK_WORDS.search(email.body)


def test_a_reset_for_an_address_with_no_account(client):
    client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    (email,) = mail.outbox
    assert email.subject == "[Peer Support] Your password request"
    assert "no Peer Support account uses this email address" in email.body
    assert "http://testserver/accounts/signup/" in email.body
    assert not STOCK_WORDS.search(email.body)


def test_joining_with_an_address_already_in_use(client):
    UserFactory(username="SoftRain", email="soft.rain@example.com")
    _signup(client, username="OtherName22", email="soft.rain@example.com")
    (email,) = mail.outbox
    assert email.subject == "[Peer Support] You already have an account"
    assert "already has a Peer Support account" in email.body
    assert "OtherName22" not in email.body and "SoftRain" not in email.body
    assert "http://testserver/accounts/password/reset/" in email.body
    assert not STOCK_WORDS.search(email.body)


def test_sign_in_messages(client):
    member = UserFactory(username="SoftRain")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    signed_in = client.post(
        "/accounts/login/", {"login": "SoftRain", "password": PASSWORD}, follow=True
    )
    assert "Welcome back, SoftRain." in visible_text(signed_in)
    signed_out = client.post("/accounts/logout/", follow=True)
    assert "You have signed out. Take care." in visible_text(signed_out)


def test_where_a_member_is_signed_in(client):
    member = UserFactory(username="SoftRain")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    client.post("/accounts/login/", {"login": "SoftRain", "password": PASSWORD})
    page = client.get("/accounts/sessions/", REMOTE_ADDR="203.0.113.9")
    _assert_in_our_words(page, "Where you are signed in")
    assert "This is the only place you are signed in." in visible_text(page)
    # A shared screen shows no address the member signed in from.
    assert "127.0.0.1" not in page.content.decode()

    elsewhere = type(client)()
    elsewhere.post("/accounts/login/", {"login": "SoftRain", "password": PASSWORD})
    page = client.get("/accounts/sessions/")
    _assert_in_our_words(page, "Sign out everywhere else")
    done = client.post("/accounts/sessions/", follow=True)
    assert "You are now signed out everywhere else." in visible_text(done)
    assert elsewhere.get("/settings/").status_code == 302


def test_choosing_a_first_password(client):
    member = UserFactory(username="SoftRain")
    member.set_unusable_password()
    member.save()
    client.force_login(member)
    page = client.get("/accounts/password/set/")
    _assert_in_our_words(page, "Choose a password")
    done = client.post(
        "/accounts/password/set/",
        {"password1": "a long calm password", "password2": "a long calm password"},
        follow=True,
    )
    assert "Your password is saved." in visible_text(done)
