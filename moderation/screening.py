"""Risk and personal-data screening of what members write.

`screen_text(text)` is the one entry point: it returns what was found and the highest
risk level, with the phrase that matched, so moderators (and the admin's "try the
screening" page) can see why.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from .models import RiskLevel, WatchedPhrase

LEVEL_ORDER = [RiskLevel.BLOCKED, RiskLevel.CRISIS, RiskLevel.CONCERN]


@dataclass(frozen=True)
class Match:
    phrase: str
    level: str
    excerpt: str
    reason: str = ""


@dataclass(frozen=True)
class PersonalData:
    kind: str
    text: str


@dataclass
class Screening:
    matches: list = field(default_factory=list)
    personal_data: list = field(default_factory=list)

    @property
    def level(self):
        """The most serious level found: blocked, then crisis, then concern; or ""."""
        found = {match.level for match in self.matches}
        return next((level for level in LEVEL_ORDER if level in found), "")

    @property
    def blocked_reason(self):
        return next(
            (match.reason for match in self.matches if match.level == RiskLevel.BLOCKED), ""
        )

    def as_findings(self):
        """A JSON-friendly record for the moderation case."""
        return [
            {"level": match.level, "phrase": match.phrase, "excerpt": match.excerpt}
            for match in self.matches
        ] + [
            {"level": "personal-data", "phrase": item.kind, "excerpt": item.text}
            for item in self.personal_data
        ]


def normalise(text):
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9' ]+", " ", folded)).strip()


def _phrase_pattern(phrase):
    words = [r"\w+" if word == "*" else re.escape(word) for word in normalise(phrase).split()]
    return re.compile(r"\b" + r" ".join(words) + r"\b")


def find_phrases(text, phrases):
    normalised = normalise(text)
    matches = []
    for phrase in phrases:
        found = _phrase_pattern(phrase.phrase).search(normalised)
        if found is None:
            continue
        exceptions = [normalise(line) for line in phrase.exceptions.splitlines() if line.strip()]
        if any(exception and exception in normalised for exception in exceptions):
            continue
        matches.append(Match(phrase.phrase, phrase.level, found.group(0), phrase.reason))
    return matches


PERSONAL_DATA_PATTERNS = [
    ("email address", re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")),
    ("phone number", re.compile(r"(?<!\d)(?:\+?44\s?|0)(?:\d[\s-]?){9,10}(?!\d)")),
]


def find_personal_data(text):
    return [
        PersonalData(kind, found.group(0))
        for kind, pattern in PERSONAL_DATA_PATTERNS
        for found in pattern.finditer(text)
    ]


def screen_text(text):
    return Screening(
        matches=find_phrases(text, WatchedPhrase.objects.active()),
        personal_data=find_personal_data(text),
    )
