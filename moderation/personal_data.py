"""Finding personal information a young person may not mean to share in public.

Phone numbers, email addresses, street addresses, UK postcodes, school names, social
media handles and birthday giveaways ("I'm 15 today"). Crisis-line numbers the site
itself lists (116 123, 0800 1111, 85258 ...) are not personal data: people share them
to help each other.
"""

import re
import unicodedata
from dataclasses import dataclass

from peersupport.signposting.models import CrisisResource


@dataclass(frozen=True)
class PersonalData:
    kind: str
    text: str


# Each name starts only where a run of its characters starts: trying every position
# inside a long run would take quadratic time on a 10,000-character post.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SPELLED_EMAIL = re.compile(
    r"(?<![\w.])[\w.]+\s*(?:\(at\)|\[at\]|\bat\b)\s*(?:gmail|hotmail|yahoo|outlook|icloud|live|aol)"
    r"\s*(?:\(dot\)|\[dot\]|\bdot\b|\.)\s*(?:com|co\s*\.?\s*uk)\b",
    re.IGNORECASE,
)
# Digits with the separators people type (spaces, dashes, dots, brackets).
NUMBER = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d(?:[\s\-.()]{0,2}\d){5,15}(?![\w])")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", re.IGNORECASE)
# Street names are names: "2 miles along the road" is not an address.
NOT_A_NAME = r"(?!(?:the|a|an|my|your|our|this|that|along|down|up|on|in|of|to|across)\b)"
STREET = re.compile(
    rf"\b\d{{1,4}}[a-z]?,?\s+(?:{NOT_A_NAME}[a-z][\w'\u2019-]*\s+){{1,3}}"
    r"(?:road|rd|street|avenue|ave|lane|crescent|terrace|gardens|mews)\b",
    re.IGNORECASE,
)
# Weaker street words ("close", "way", "park") count only after capitalised names.
NAMED_STREET = re.compile(
    r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][\w'\u2019-]*\s+){1,3}"
    r"(?:Close|Drive|Way|Grove|Place|Court|Hill|Park|Walk|Square|View|Row|Rise)\b"
)
FLAT = re.compile(r"\b(?:flat|apartment|apt)\s*(?:no\.?\s*)?\d+[a-z]?\b", re.IGNORECASE)
# Words of at most 40 characters, for the same reason: a school's name has no longer.
SCHOOL = re.compile(
    r"\b((?:[\w'\u2019.-]{1,40}\s+){1,4})"
    r"(?:high school|grammar school|school|academy|college|sixth form)\b",
    re.IGNORECASE,
)
SCHOOL_WORD = re.compile(r"school|academy|college|sixth form", re.IGNORECASE)
SCHOOL_PREPOSITIONS = {"to", "at", "attend", "attends", "from", "called", "in"}
# Words that make a school generic ("my school", "a new high school"), never a name.
GENERIC_SCHOOL_WORDS = {
    "a",
    "an",
    "the",
    "my",
    "our",
    "your",
    "his",
    "her",
    "their",
    "this",
    "that",
    "same",
    "new",
    "old",
    "big",
    "small",
    "local",
    "high",
    "secondary",
    "primary",
    "middle",
    "elementary",
    "grammar",
    "boarding",
    "private",
    "public",
    "state",
    "catholic",
    "faith",
    "special",
    "girls",
    "boys",
    "mixed",
    "sixth",
    "form",
    "summer",
    "sunday",
    "night",
    "dance",
    "art",
    "music",
    "drama",
    "driving",
    "language",
    "film",
    "medical",
    "law",
    "business",
    "i",
    "im",
    "i'm",
    "me",
    "at",
    "to",
    "in",
    "from",
    "for",
    "after",
    "before",
    "of",
    "and",
    "or",
    "but",
    "go",
    "goes",
    "went",
    "going",
    "attend",
    "attends",
    "called",
    "is",
    "was",
    "any",
    "every",
    "no",
    "one",
    "stupid",
    "whole",
}
HANDLE = re.compile(r"(?<![\w.@])@(?=[\w.]*[a-z])[a-z0-9_.]{2,30}\b", re.IGNORECASE)
TIME = re.compile(r"@\d{1,2}(?:[:.]\d{2})?(?:am|pm)?", re.IGNORECASE)
APPS = (
    r"snap(?:chat)?|insta(?:gram)?|ig|tik\s?tok|discord|kik|whats\s?app|telegram|facebook"
    r"|fb|twitter|twitch|roblox|steam|wattpad|signal"
)
ADD_ME = re.compile(
    rf"\b(?:add|follow|message|dm|msg|text|find|chat to)\s+me\s+on\s+(?:{APPS})\b", re.IGNORECASE
)
MY_HANDLE = re.compile(
    rf"\bmy\s+(?:{APPS})(?:\s+(?:name|handle|username|user|id|tag))?\s*(?:is|=|:)\s*@?[\w.]+",
    re.IGNORECASE,
)
BIRTHDAY = re.compile(
    r"\b(?:i'?m|i am|im)\s+\d{1,2}\s+(?:today|tomorrow)\b"
    r"|\bturn(?:ed|ing|s)?\s+\d{1,2}\s+(?:today|tomorrow|yesterday|on\s+\w+)"
    r"|\bmy\s+\d{1,2}(?:st|nd|rd|th)\s+(?:birthday|bday)\b"
    r"|\b(?:it'?s|it is)\s+my\s+(?:birthday|bday)\s+today\b"
    r"|\bmy\s+(?:birthday|bday)\s+is\s+(?:today|tomorrow|on\s+\w+)",
    re.IGNORECASE,
)


def _digits(text):
    return re.sub(r"\D", "", text)


def _is_phone(number):
    digits = _digits(number)
    international = number.startswith(("+", "00"))
    if international:
        return 8 <= len(digits) <= 15
    if digits.startswith("0"):
        return 8 <= len(digits) <= 11
    return 10 <= len(digits) <= 11


def _crisis_numbers():
    """The digits of every crisis line the site lists ("116 123" → "116123")."""
    numbers = CrisisResource.objects.active().values_list("phone", "sms_number")
    return {_digits(number) for pair in numbers for number in pair if number}


def _phones(text):
    candidates = [found.group(0).strip() for found in NUMBER.finditer(text)]
    phones = [number for number in candidates if _is_phone(number)]
    if not phones:
        return []
    crisis_lines = _crisis_numbers()
    return [number for number in phones if _digits(number) not in crisis_lines]


def _schools(text):
    if not SCHOOL_WORD.search(text):
        return []  # a cheap first look: most posts name no school at all
    found_schools = []
    for found in SCHOOL.finditer(text):
        words = found.group(1).split()
        name = []
        for word in reversed(words):
            if word.lower().strip(".") in GENERIC_SCHOOL_WORDS:
                break
            name.insert(0, word)
        if not name:
            continue
        before = words[: len(words) - len(name)]
        capitalised = all(word[0].isupper() for word in name)
        introduced = bool(before) and before[-1].lower() in SCHOOL_PREPOSITIONS
        if capitalised or introduced:
            found_schools.append(" ".join([*name, found.group(0)[len(found.group(1)) :]]))
    return found_schools


def _handles(text):
    handles = [
        found.group(0) for found in HANDLE.finditer(text) if not TIME.fullmatch(found.group(0))
    ]
    return handles + [
        found.group(0) for pattern in (ADD_ME, MY_HANDLE) for found in pattern.finditer(text)
    ]


def _emails(text):
    return [
        found.group(0) for pattern in (EMAIL, SPELLED_EMAIL) for found in pattern.finditer(text)
    ]


def _addresses(text):
    return [
        found.group(0)
        for pattern in (STREET, NAMED_STREET, FLAT)
        for found in pattern.finditer(text)
    ]


def find_personal_data(text):
    """Every piece of personal data in `text`, in a fixed order of kinds."""
    text = unicodedata.normalize("NFKC", text)
    emails = _emails(text)
    without_emails = EMAIL.sub(" ", text)
    found = [
        *(PersonalData("email address", item) for item in emails),
        *(PersonalData("phone number", item) for item in _phones(without_emails)),
        *(PersonalData("street address", item) for item in _addresses(text)),
        *(PersonalData("postcode", found.group(0)) for found in POSTCODE.finditer(text)),
        *(PersonalData("school name", item) for item in _schools(text)),
        *(PersonalData("social media handle", item) for item in _handles(without_emails)),
        *(PersonalData("birthday", found.group(0)) for found in BIRTHDAY.finditer(text)),
    ]
    return list(dict.fromkeys(found))
