import re
import string

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from peersupport.accounts.forms import SignupForm
from peersupport.accounts.pseudonyms import suggest_pseudonyms, validate_pseudonym

ACCEPTED = [
    "QuietOtter42",
    "fern",
    "night_owl",
    "Blue-Sky.77",
    "Badminton_Fan",
    "JohnsMoth",
]
REFUSED = {
    "email": ["sam@example.com", "sam(at)mail", "sam[at]gmail"],
    "phone": ["07700900123", "sam07700", "12345", "1a2b3c4d5e6f"],
    "link": ["www.sam", "sam.com", "https-sam", "insta_sam", "snap.sam", "tiktok-fern"],
    "reserved": [
        "admin",
        "Admin",
        "SiteAdmin",
        "adminSam",
        "moderator",
        "The_Moderator",
        "staff",
        "StaffTeam",
        "support",
        "PeerSupport",
        "Samaritans",
        "childline_helper",
        "Papyrus",
        "HOPELINE247",
        "NHS_nurse",
        "Shout",
        "official-fern",
    ],
    "shape": ["", "two words", "_leading", "trailing.", "emoji🙂"],
}


@pytest.mark.parametrize("pseudonym", ACCEPTED)
def test_ordinary_pseudonyms_are_accepted(pseudonym):
    validate_pseudonym(pseudonym)


@pytest.mark.parametrize(
    ("kind", "pseudonym"),
    [(kind, value) for kind, values in REFUSED.items() for value in values],
)
def test_identifying_or_misleading_pseudonyms_are_refused(kind, pseudonym):
    with pytest.raises(ValidationError) as refused:
        validate_pseudonym(pseudonym)
    if kind != "shape":
        assert refused.value.code == kind
    assert "Please" in refused.value.messages[0]


@given(st.integers(min_value=1, max_value=5))
def test_suggested_pseudonyms_always_pass_the_rules(count):
    ideas = suggest_pseudonyms(count)
    assert len(ideas) == count
    for idea in ideas:
        validate_pseudonym(idea)


@given(st.text(max_size=40))
def test_the_rules_never_crash_on_any_text(value):
    try:
        validate_pseudonym(value)
    except ValidationError as refused:
        assert refused.messages


# Pieces people put in names, the identifying ones among them, so that generated names
# are often accepted and often only just refused.
NAME_PIECES = [
    "Quiet",
    "otter",
    "Fern",
    "_",
    ".",
    "-",
    "7",
    "42",
    "077",
    "00900",
    "123",
    "@",
    "(at)",
    "[at]",
    "gmail",
    ".com",
    ".co",
    "uk",
    "www.",
    "http",
    "insta_",
    "snap.",
    "x-",
    "mod",
    "admin",
    "Team",
    "nhs",
    " ",
    "\x00",
    "\u202e",
    "\u200b",
    "é",
    "İ",
]
name_like = st.one_of(
    st.lists(st.sampled_from(NAME_PIECES), max_size=8).map("".join),
    st.text(alphabet=string.ascii_letters + string.digits + "._-@() ", max_size=40),
)
any_name = st.one_of(name_like, st.text(st.characters(exclude_categories=()), max_size=2000))


@settings(max_examples=300)
@given(any_name)
def test_the_rules_only_ever_refuse_kindly(value):
    try:
        validate_pseudonym(value)
    except ValidationError as refused:
        assert refused.messages
        assert all("Please" in message for message in refused.messages)


@settings(max_examples=500)
@given(name_like)
@example("Quiet.Otter_42")
def test_every_accepted_pseudonym_is_free_of_contact_details(value):
    try:
        validate_pseudonym(value)
    except ValidationError:
        return
    assert re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?", value)
    assert "@" not in value
    assert "(at)" not in value.lower()
    assert sum(ch.isdigit() for ch in value) <= 5
    assert not re.search(r"https?|www\.", value, re.IGNORECASE)
    assert not re.search(r"\.(?:com|co|uk|org|net)(?:[._-]|$)", value, re.IGNORECASE)


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name_like)
@example("Quiet.Otter_42")
@example("QuietOtterFernQuietOtterFernQui")
def test_sign_up_takes_only_pseudonyms_within_the_length_limits(value):
    form = SignupForm(
        data={
            "username": value,
            "email": "gentle.fern@example.com",
            "password1": "a long calm password",
            "password2": "a long calm password",
            "age_confirmed": "on",
            "accept_guidelines": "on",
        }
    )
    form.is_valid()
    if "username" in form.errors:
        return
    pseudonym = form.cleaned_data["username"]
    assert 3 <= len(pseudonym) <= 30
    validate_pseudonym(pseudonym)
