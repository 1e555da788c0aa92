"""Pseudonym ideas on the sign-up page work without JavaScript: "Show other ideas" shows
new ones and choosing one puts it in the pseudonym box, keeping what was typed (never
the passwords); ideas never look like a birth year and are never already taken."""

import re
from html import unescape

import pytest

from peersupport.accounts.models import User
from peersupport.accounts.pseudonyms import suggest_pseudonyms
from tests.accounts.test_signup import signup_data
from tests.factories import UserFactory
from tests.test_wording import assert_kind

pytestmark = pytest.mark.django_db

IDEA = re.compile(r'name="pick" value="([^"]+)"')


def ideas_on(response):
    return [unescape(idea) for idea in IDEA.findall(response.content.decode())]


def field_value(response, name):
    found = re.search(rf'<input[^>]*name="{name}"[^>]*>', response.content.decode())
    value = found and re.search(r'value="([^"]*)"', found.group())
    return unescape(value.group(1)) if value else ""


def checked(response, name):
    found = re.search(rf'<input[^>]*name="{name}"[^>]*>', response.content.decode())
    return " checked" in found.group()


def test_the_page_offers_three_ideas_without_numbers(client):
    ideas = ideas_on(client.get("/accounts/signup/"))
    assert len(ideas) == 3
    assert not any(re.search(r"\d", idea) for idea in ideas)


def test_other_ideas_shows_new_ones_and_keeps_what_was_typed_but_the_passwords(client):
    shown = set(ideas_on(client.get("/accounts/signup/")))
    response = client.post(
        "/accounts/signup/", {**signup_data(username="half a thought"), "ideas": "more"}
    )
    assert_kind(response, 200, "Need an idea?")
    seen = set()
    for _ in range(5):
        seen |= set(ideas_on(client.post("/accounts/signup/", {"ideas": "more"})))
    assert seen - shown, "the same three ideas came back every time"
    assert field_value(response, "username") == "half a thought"
    assert field_value(response, "email") == "gentle.fern@example.com"
    assert field_value(response, "password1") == ""
    assert field_value(response, "password2") == ""
    assert b"a long calm password" not in response.content
    assert checked(response, "age_confirmed")
    assert checked(response, "accept_guidelines")
    # Shown again, not checked: no "please" about the half-typed pseudonym, no account.
    assert "Please use letters" not in response.content.decode()
    assert User.objects.count() == 0


def test_choosing_an_idea_puts_it_in_the_pseudonym_box(client):
    idea = ideas_on(client.get("/accounts/signup/"))[0]
    response = client.post("/accounts/signup/", {"email": "gentle.fern@example.com", "pick": idea})
    assert response.status_code == 200
    assert field_value(response, "username") == idea
    assert field_value(response, "email") == "gentle.fern@example.com"
    assert not checked(response, "age_confirmed")
    assert User.objects.count() == 0

    joined = client.post("/accounts/signup/", signup_data(username=idea))
    assert joined.status_code == 302
    assert User.objects.filter(username=idea).exists()


def test_pressing_enter_in_a_field_joins_rather_than_choosing_an_idea(client):
    # Enter presses the form's first submit button: a plain one, before any idea.
    form = client.get("/accounts/signup/").content.decode().split('class="signup-form"')[1]
    first_button = re.search(r"<button[^>]*>", form).group()
    assert 'type="submit"' in first_button
    assert "name=" not in first_button


def test_ideas_already_taken_are_not_offered(client, monkeypatch):
    UserFactory(username="QuietOtter")
    offered = ["QuietOtter", "CosyLantern", "BraveHeron", "CalmMoth", "KindWren"]
    monkeypatch.setattr(
        "peersupport.accounts.views.suggest_pseudonyms", lambda count: offered[:count]
    )
    assert ideas_on(client.get("/accounts/signup/")) == ["CosyLantern", "BraveHeron", "CalmMoth"]


def test_ideas_are_different_from_each_other():
    for _ in range(20):
        ideas = suggest_pseudonyms(9)
        assert len(set(ideas)) == 9
