"""What a pseudonym may be, and ideas for one.

A pseudonym protects the young person behind it, so the rules refuse anything that
could identify or reach them (an email address, a phone number, a link or social
handle) and anything that could be mistaken for the team or a crisis service.
"""

import re
import secrets
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

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

# Compared after removing everything but letters, so "Mod_Team" and "m.o.d" count too.
RESERVED_WORDS = {
    "admin",
    "administrator",
    "moderator",
    "mod",
    "mods",
    "modteam",
    "staff",
    "support",
    "peersupport",
    "team",
    "official",
    "system",
    "safeguarding",
    "helpline",
    "crisis",
    "samaritans",
    "shout",
    "childline",
    "papyrus",
    "hopeline",
    "hopelineuk",
    "nhs",
    "themix",
    "lifeline",
    "breathingspace",
    "pieta",
    "ispcc",
    "crisistextline",
    "trevorproject",
    "police",
    "doctor",
    "nurse",
    "therapist",
    "counsellor",
    "counselor",
}
# Reserved words that must not appear anywhere inside a pseudonym, not only as all of it.
RESERVED_INSIDE = (
    "moderator",
    "support",
    "samaritans",
    "childline",
    "papyrus",
    "hopeline",
    "safeguarding",
    "official",
)
# Short words that would catch ordinary names inside ("badminton"), so only at either end.
RESERVED_AT_EDGES = ("admin", "staff", "nhs")


def _letters_only(value):
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", folded.lower())


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
    letters = _letters_only(value)
    if (
        letters in RESERVED_WORDS
        or any(word in letters for word in RESERVED_INSIDE)
        or letters.startswith(RESERVED_AT_EDGES)
        or letters.endswith(RESERVED_AT_EDGES)
    ):
        raise ValidationError(
            "That name is kept for the team or for a support service, so people are "
            "never confused about who they are talking to. Please choose another.",
            code="reserved",
        )


# Contact details first: their messages explain the most.
pseudonym_validators = [validate_not_contact_details, validate_not_reserved, PSEUDONYM_SHAPE]


def validate_pseudonym(value):
    """Run every pseudonym rule; raises ValidationError with a kind message."""
    for validator in pseudonym_validators:
        validator(value)


ADJECTIVES = [
    "Quiet",
    "Gentle",
    "Brave",
    "Calm",
    "Kind",
    "Sunny",
    "Misty",
    "Steady",
    "Bright",
    "Cosy",
    "Hopeful",
    "Patient",
    "Mellow",
    "Soft",
    "Warm",
    "Little",
    "Wandering",
    "Curious",
    "Silver",
    "Golden",
    "Velvet",
    "Drifting",
    "Starry",
    "Breezy",
]
NOUNS = [
    "Otter",
    "Fern",
    "Robin",
    "Willow",
    "Heron",
    "Pebble",
    "Maple",
    "Badger",
    "Wren",
    "Comet",
    "Harbour",
    "Meadow",
    "Owl",
    "Lantern",
    "Hedgehog",
    "Puffin",
    "Clover",
    "Acorn",
    "River",
    "Kestrel",
    "Moth",
    "Tide",
    "Birch",
    "Sparrow",
]


def suggest_pseudonyms(count=3):
    """Random pseudonyms that identify nobody, e.g. "QuietOtter42"."""
    return [
        f"{secrets.choice(ADJECTIVES)}{secrets.choice(NOUNS)}{secrets.randbelow(90) + 10}"
        for _ in range(count)
    ]
