"""Someone could pose as the team or a crisis service with a name like "Moderat0r",
"Samar1tans" or "Dr.Smith": pseudonyms are read with digits turned back into the letters
they imitate, and titles are refused as a word of the name, not only as all of it."""

import pytest
from django.core.exceptions import ValidationError

from peersupport.accounts.models import User
from peersupport.accounts.pseudonym_words import ADJECTIVES, NOUNS
from peersupport.accounts.pseudonyms import suggest_pseudonyms, validate_pseudonym
from peersupport.signposting.defaults import DEFAULT_RESOURCES
from tests.accounts.test_signup import signup_data
from tests.test_wording import HARSH_WORDS, assert_kind

REFUSED = [
    # Digits (and look-alike letters) for letters
    "Moderat0r",
    "M0d",
    "Adm1n",
    "4dmin",
    "AdrnIn",
    "St4ff",
    "5taff",
    "S7aff99",
    "Samar1tans",
    "Childl1ne",
    "ChildIine",
    "1ifel1ne",
    "0fficial",
    "Sh0ut",
    "Papyru5",
    "NH5",
    "Nur5e",
    "T3am",
    "K00th",
    # A title or role as one word of the name
    "Dr.Smith",
    "dr_smith",
    "DrSmith",
    "Smith.Dr",
    "Nurse-Joy",
    "NurseJoy",
    "Team-Leo",
    "TeamLeo",
    "BlueTeam",
    "ModSam",
    "Sam_Mod",
    "mods.fern",
    "The.Mod.42",
    "Prof.Fern",
    "Doctor_Who",
    "Therapist_Ann",
    "Official.Fern",
    "Helpline-Fern",
    "Police.Sam",
    # Crisis services, by their own names or as a word of the name
    "Kooth",
    "Kooth_helper",
    "YoungMinds",
    "Mind",
    "The_Mix",
    "Th3Mix",
    "Pieta",
    "Pieta.Fern",
    "NSPCC_Sam",
    "Nightline",
    "BreathingSpace",
    "Switchboard",
]

ACCEPTED = [
    "Modesty",
    "MODERN_ART",
    "ModernFern",
    "Teamwork",
    "Steamboat",
    "Drizzle",
    "Dream.On",
    "Sandra_Fern",
    "Nursery_Rhyme",
    "Hadrian",
    "Shoutout",
    "QuietMind",
    "MindfulOtter",
    "Mixer",
    "Pietro",
    "Kindness",
    "Calm4ever",
    "Blue-Sky.77",
    "Badminton_Fan",
    "Starfish",
    "Moth_42",
    "Lost1n_Thought",
    "Fern1e",
    "Sam.7",
]


@pytest.mark.parametrize("pseudonym", REFUSED)
def test_lookalike_and_titled_names_are_refused(pseudonym):
    with pytest.raises(ValidationError) as refused:
        validate_pseudonym(pseudonym)
    assert refused.value.code == "reserved"
    message = refused.value.messages[0]
    assert "Please choose another" in message
    assert not HARSH_WORDS.search(message)


@pytest.mark.parametrize("pseudonym", ACCEPTED)
def test_ordinary_words_that_start_like_a_title_are_accepted(pseudonym):
    validate_pseudonym(pseudonym)


@pytest.mark.parametrize("resource", DEFAULT_RESOURCES, ids=lambda resource: resource["name"])
def test_every_crisis_service_we_ship_is_reserved(resource):
    pseudonym = "".join(word.capitalize() for word in resource["name"].split() if word.isalnum())
    with pytest.raises(ValidationError):
        validate_pseudonym(pseudonym)


def test_every_suggested_pseudonym_passes_the_rules():
    for adjective in ADJECTIVES:
        for noun in NOUNS:
            for number in (10, 11, 31, 40, 50, 70, 88, 99):
                validate_pseudonym(f"{adjective}{noun}{number}")
    for idea in suggest_pseudonyms(20):
        validate_pseudonym(idea)


@pytest.mark.django_db
@pytest.mark.parametrize("pseudonym", ["Moderat0r", "Dr.Smith", "Samar1tans"])
def test_sign_up_refuses_a_lookalike_name_and_says_why(client, pseudonym):
    response = client.post("/accounts/signup/", signup_data(username=pseudonym))
    assert_kind(response, 200, "Please choose another")
    assert not User.objects.filter(username=pseudonym).exists()
