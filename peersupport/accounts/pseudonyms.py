"""What a pseudonym may be, and ideas for one.

A pseudonym protects the young person behind it, so the rules refuse anything that
could identify or reach them (an email address, a phone number, a link or social
handle, a real-looking name: real_names.py) and anything that could be mistaken for the
team or a crisis service. The words themselves are in pseudonym_words.py.
"""

import re
import secrets
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from peersupport.signposting.defaults import DEFAULT_RESOURCES

from .pseudonym_words import (
    ADJECTIVES,
    EVERYDAY_SERVICES,
    LOOK_ALIKES,
    NOUNS,
    OTHER_RESERVED,
    RESERVED_AT_EDGES,
    RESERVED_INSIDE,
    SERVICES,
    TITLES,
)
from .real_names import looks_like_a_real_name

PSEUDONYM_SHAPE = RegexValidator(
    r"^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$",
    "Please use letters, numbers, dots, dashes or underscores, starting and ending "
    "with a letter or number (no spaces).",
)


class PseudonymConverter:
    """A pseudonym in an address (`<pseudonym:username>`). No pseudonym holds a NUL
    character, and the database refuses to compare text with one, so an address with
    one is "not found" instead of a server error."""

    regex = r"[^/\x00]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


EMAIL_LIKE = re.compile(r"@|\w\s*(?:\(at\)|\[at\])\s*\w", re.IGNORECASE)
URL_LIKE = re.compile(
    r"https?|www\.|\.(?:com|net|org|uk|io|co|me|tv|gg|app|info|ie|us|ly|be)(?:[._-]|$)",
    re.IGNORECASE,
)
SOCIAL_HANDLE_LIKE = re.compile(
    r"^(?:ig|insta|instagram|snap|snapchat|sc|tiktok|tt|twitter|x|discord|yt|youtube|"
    r"fb|facebook|kik|telegram|whatsapp|twitch)[._-]",
    re.IGNORECASE,
)
# Six digits anywhere in the name, or a run of five, reads like part of a phone number.
MAX_DIGITS = 5
DIGIT_RUN = re.compile(r"\d{5,}")


def _letters_and_digits(value):
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _shipped_service_names():
    """The crisis services we ship, each as its letters and digits ("Childline (ISPCC)"
    gives "childline" and "ispcc"; "The Mix crisis messenger" also without "The")."""
    names = set()
    for resource in DEFAULT_RESOURCES:
        for part in re.split(r"[()]", resource["name"]):
            name = _letters_and_digits(part)
            names.update({name, name.removeprefix("the")} - {""})
    return names


SHIPPED_SERVICES = _shipped_service_names()
# Long enough ("emergencyservices", "samaritansireland") to be in no ordinary word.
SHIPPED_INSIDE = {name for name in SHIPPED_SERVICES if len(name) >= 8}


def _spelled_any_way(words):
    """A pattern for any of the words, each letter also written as its look-alikes."""

    def spelled(word):
        letters = []
        for letter in word:
            alikes = letter + LOOK_ALIKES.get(letter, "")
            letters.append("(?:m|rn)" if letter == "m" else f"[{alikes}]")
        return "".join(letters)

    return "(?:" + "|".join(spelled(word) for word in sorted(words, key=len, reverse=True)) + ")"


WHOLE_WORDS = TITLES | SERVICES | EVERYDAY_SERVICES | OTHER_RESERVED | SHIPPED_SERVICES
# Numbers around a word do not make it another word: "Staff7", "Team2024", "NHS111".
RESERVED_NAME = re.compile(rf"\d*{_spelled_any_way(WHOLE_WORDS)}\d*")
RESERVED_WORD = re.compile(
    rf"\d*{_spelled_any_way(TITLES | SERVICES | (SHIPPED_SERVICES - EVERYDAY_SERVICES))}\d*"
)
RESERVED_PART = re.compile(
    rf"{_spelled_any_way(RESERVED_INSIDE | SHIPPED_INSIDE)}"
    rf"|^\d*{_spelled_any_way(RESERVED_AT_EDGES)}"
    rf"|{_spelled_any_way(RESERVED_AT_EDGES)}\d*$"
)
# Words begin after a dot, dash, underscore or space, and where the case changes:
# "DrSmith", "NHSFern", "Team4Life".
WORD_START = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _words(value):
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return [word.lower() for word in WORD_START.split(folded) if word]


def validate_not_contact_details(value):
    if EMAIL_LIKE.search(value):
        raise ValidationError(
            "That looks like an email address. Please choose a pseudonym that does not "
            "include your email, so nobody can contact you outside the forum.",
            code="email",
        )
    digits = sum(ch.isdigit() for ch in value)
    if DIGIT_RUN.search(value) or digits > MAX_DIGITS:
        raise ValidationError(
            "That has a lot of numbers in it and could look like a phone number. "
            "Please use fewer numbers.",
            code="phone",
        )
    if URL_LIKE.search(value) or SOCIAL_HANDLE_LIKE.search(value):
        raise ValidationError(
            "That looks like a web address or a social media account. Please choose a "
            "pseudonym that does not point anywhere else, to keep you safe.",
            code="link",
        )


def validate_not_reserved(value):
    name = _letters_and_digits(value)
    if (
        RESERVED_NAME.fullmatch(name)
        or RESERVED_PART.search(name)
        or any(RESERVED_WORD.fullmatch(word) for word in _words(value))
    ):
        raise ValidationError(
            "Sorry, that name is kept for the team or for a support service, or has a "
            "title in it like Dr, Nurse, Mod or Team (also when numbers stand in for "
            "letters), so that people here always know who they are talking to. Please "
            "choose another.",
            code="reserved",
        )


def validate_not_a_real_name(value):
    if looks_like_a_real_name(value):
        raise ValidationError(
            "Sorry, that looks like it could be a real name: a first name, or a name with "
            "a surname, a birth year or a town. Please choose a made-up pseudonym instead, "
            "like one of the ideas on this page, so that nobody can find out who you are.",
            code="real_name",
        )


# Contact details first: their messages explain the most.
pseudonym_validators = [
    validate_not_contact_details,
    validate_not_reserved,
    validate_not_a_real_name,
    PSEUDONYM_SHAPE,
]


def validate_pseudonym(value):
    """Run every pseudonym rule; raises ValidationError with a kind message."""
    for validator in pseudonym_validators:
        validator(value)


def suggest_pseudonyms(count=3):
    """`count` different random ideas, such as "QuietOtter" or "CosyLantern"."""
    ideas = set()
    while len(ideas) < count:
        ideas.add(f"{secrets.choice(ADJECTIVES)}{secrets.choice(NOUNS)}")
    return list(ideas)
