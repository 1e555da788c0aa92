import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

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
