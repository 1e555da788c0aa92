"""A pseudonym that reads as a real person's name (a first name, or one with a surname, a
birth year or a town) is refused with a kind message; ordinary words that are also names
stay free, and so do the site's own ideas."""

import re

import pytest
from django.core.exceptions import ValidationError

from peersupport.accounts.models import User
from peersupport.accounts.pseudonym_words import ADJECTIVES, NOUNS
from peersupport.accounts.pseudonyms import suggest_pseudonyms, validate_pseudonym
from tests.accounts.test_signup import signup_data
from tests.test_wording import assert_kind

REFUSED = [
    # The findings
    "EmilyWatson",
    "JakeSmith2011",
    "Oliver",
    "sarah_from_leeds",
    "jessica2010",
    # A first name with a surname, however written
    "emilywatson",
    "EMILY_WATSON",
    "emily.watson",
    "Emily-Watson",
    "Watson.Emily",
    "JakeSmith",
    "ChloeBrown",
    "PriyaPatel",
    "Siobhan_Kelly",
    "EmilyJaneWatson",
    "HopeWatson",
    "ElijahHoyle",
    "Ryan.Murphy.2009",
    # ... or an initial
    "J.Smith",
    "EmilyW",
    "jake_s",
    # A first name alone, in any case, also one the national lists miss
    "oliver",
    "OLIVER",
    "Muhammad",
    "Aisha",
    "Freddie",
    "Kacper",
    # A first name with a birth year, or an age
    "Oliver2011",
    "Jess09",
    "amelia07",
    "Harry99",
    "sophie_2008",
    "Lily2010",
    # A first name with a town
    "sarahfromleeds",
    "LeedsSarah",
    "Jake_of_York",
    "oliver_in_london",
    "emily_from_milton_keynes",
    "Rose_from_Bath",
    "Dylan_Jones_Cardiff",
    # Around a name, words that leave it a name
    "its_oliver",
    "TheRealEmily",
    "emily_watson_x",
    # Digits for letters
    "Em1ly",
    "0liver",
    "J4ke_Smith",
    "S4rah_from_L33ds",
]

ACCEPTED = [
    # The site's own kind of idea, and ordinary made-up names
    "QuietOtter",
    "GentleFern21",
    "CosyLantern",
    "QuietRiver",
    "HopefulSky",
    "night_owl",
    "nightowl",
    "moonchild",
    "sunnyday",
    "StarGazer",
    "Badminton_Fan",
    "TeaAndToast",
    "Bookworm_42",
    "Calm4ever",
    "Lost1n_Thought",
    # Everyday words that are also names, alone or together
    "River",
    "Hope",
    "Sky",
    "Storm",
    "Autumn",
    "Joy",
    "Rose",
    "Lily",
    "Willow",
    "fern",
    "Misty",
    "MistyBath",
    "RobinHood",
    "LilyMoon",
    "Shy.Violet",
    # Words that hide a name inside ("Mel", "Jordan") but are words
    "Mellow",
    "Guardian",
    "Marigold",
    "Caramel",
    "bluebell",
    # A name with a word of its own is no longer a name
    "QuietSarah",
    "JakeTheOtter",
    "SarahSings",
    "JohnsMoth",
    "Sandra_Fern",
    # A surname or a town on its own, or a town with a word
    "Watson",
    "Leeds",
    "LeedsLantern",
    # A number that is no year beside a first name, and a year beside no name
    "Sam.7",
    "Oliver42",
    "QuietOtter95",
]


@pytest.mark.parametrize("pseudonym", REFUSED)
def test_real_looking_names_are_refused_kindly(pseudonym):
    with pytest.raises(ValidationError) as refused:
        validate_pseudonym(pseudonym)
    assert refused.value.code == "real_name"
    assert refused.value.messages[0].startswith("Sorry, that looks like it could be a real")


@pytest.mark.parametrize("pseudonym", ACCEPTED)
def test_made_up_names_and_everyday_words_are_accepted(pseudonym):
    validate_pseudonym(pseudonym)


def test_every_idea_the_site_can_suggest_passes_the_rules_and_has_no_number():
    for adjective in ADJECTIVES:
        for noun in NOUNS:
            validate_pseudonym(f"{adjective}{noun}")
    ideas = suggest_pseudonyms(50)
    assert len(set(ideas)) == 50
    assert not any(re.search(r"\d", idea) for idea in ideas)


@pytest.mark.django_db
@pytest.mark.parametrize("pseudonym", ["EmilyWatson", "jessica2010", "sarah_from_leeds"])
def test_sign_up_refuses_a_real_looking_name_and_says_why(client, pseudonym):
    response = client.post("/accounts/signup/", signup_data(username=pseudonym))
    assert_kind(response, 200, "Sorry, that looks like it could be a real name")
    assert "Please choose a made-up pseudonym" in response.content.decode()
    assert not User.objects.filter(username=pseudonym).exists()
