"""Risk and personal-data screening of what members write.

`screen_text(text)` is the one entry point: it returns what was found and the highest
risk level, with the phrase that matched, so moderators (and the admin's "Try the
screening" page) can see why.

How a watched phrase matches:
- on every normalised reading of the text (moderation.normalise: case, accents,
  leetspeak, spelled-out letters, stretched letters, misspellings and slang), as whole
  words, `*` standing for any one word, never across two sentences;
- not where one of the phrase's `exceptions` (an idiom containing it, such as "is
  killing me" for "killing me") covers the words that matched;
- negation: "not" or "never" shortly before a crisis phrase, in the same clause ("I'm
  not going to kill myself", "I would never hurt myself"), turns it into a concern: the
  post is published and a moderator still glances at it, because people often play down
  how they feel. A negated concern phrase ("I'm not hopeless") counts for nothing.
  "Not" that belongs to another thought ("I can't stop wanting to die", "I'm not okay")
  does not negate.
"""

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.cache import cache

from peersupport.caching import forget

from .models import RiskLevel, WatchedPhrase
from .normalise import text_forms
from .personal_data import PersonalData, find_personal_data

LEVEL_ORDER = [RiskLevel.BLOCKED, RiskLevel.CRISIS, RiskLevel.CONCERN]

NEGATIONS = {"not", "never"}
# "can't stop", "not sure", "not okay": the "not" is about something else.
NOT_NEGATING_BEFORE = {
    "stop",
    "help",
    "sure",
    "even",
    "just",
    "only",
    "okay",
    "ok",
    "fine",
    "coping",
}
# A negation's reach ends at these words, as it does at the end of a clause.
CLAUSE_WORDS = {"but", "and", "because", "so", "though", "although", "yet"}
NEGATION_REACH = 4  # words before the phrase
EXCERPT_WORDS = 5  # words either side of the match
ANY_WORD = r"[a-z0-9]+"
NEVER = re.compile(r"(?!)")
NEGATED_NOTE = 'Said with "not" or "never", so treated as a concern rather than a crisis.'

__all__ = ["Match", "PersonalData", "Screening", "screen_text"]


@dataclass(frozen=True)
class Match:
    phrase: str
    level: str
    excerpt: str
    reason: str = ""


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
            {
                "level": match.level,
                "phrase": match.phrase,
                "excerpt": match.excerpt,
                "reason": match.reason,
            }
            for match in self.matches
        ] + [
            {"level": "personal-data", "phrase": item.kind, "excerpt": item.text}
            for item in self.personal_data
        ]


def _reading(text, runs):
    return next(form.text for form in text_forms(text) if form.runs == runs)


@dataclass(frozen=True)
class Compiled:
    """One reading of a phrase: its pattern, and its longest literal word, which must
    appear in the text for the pattern to match (a fast first check)."""

    pattern: re.Pattern
    needle: str

    def finditer(self, text):
        return self.pattern.finditer(text) if self.needle in text else ()


def _compile(text, runs):
    """A phrase or exception on one reading of repeated letters (`*`: any one word)."""
    literals = []
    words = []
    for index, segment in enumerate(re.split(r"\s*\*\s*", text.strip())):
        if index:
            words.append(ANY_WORD)
        if reading := _reading(segment, runs):
            literals.append(reading)
            words.append(re.escape(reading))
    if not literals:
        return Compiled(NEVER, "")  # punctuation or wildcards alone would match everything
    pattern = re.compile(r"(?<![a-z0-9])" + " ".join(words) + r"(?![a-z0-9])")
    return Compiled(pattern, max(literals, key=len))


@functools.lru_cache(maxsize=2048)
def compile_phrase(text):
    """{"two": Compiled, "one": Compiled}: the phrase on both readings of repeated
    letters. Cached by phrase text, so an admin's edit simply compiles a new entry."""
    return {runs: _compile(text, runs) for runs in ("two", "one")}


@functools.lru_cache(maxsize=1024)
def compile_exceptions(text):
    return [compile_phrase(line.strip()) for line in text.splitlines() if line.strip()]


def _excused(found, form, exceptions):
    return any(
        idiom.start() <= found.start() and found.end() <= idiom.end()
        for patterns in exceptions
        for idiom in patterns[form.runs].finditer(form.text)
    )


def _negated(text, start):
    clause = text[:start].rsplit("|", 1)[-1].split()[-NEGATION_REACH:]
    for index in range(len(clause) - 1, -1, -1):
        if clause[index] in CLAUSE_WORDS:
            clause = clause[index + 1 :]
            break
    following = [*clause[1:], text[start:].split(" ", 1)[0]]
    return any(
        word in NEGATIONS and following[index] not in NOT_NEGATING_BEFORE
        for index, word in enumerate(clause)
    )


def _excerpt(text, found):
    before = text[: found.start()].replace("|", " ").split()[-EXCERPT_WORDS:]
    after = text[found.end() :].replace("|", " ").split()[:EXCERPT_WORDS]
    return " ".join([*before, found.group(0), *after])


def _match_phrase(phrase, forms):
    """The Match for one watched phrase, or None."""
    patterns = compile_phrase(phrase.phrase)
    exceptions = compile_exceptions(phrase.exceptions)
    weighs_negation = phrase.level in (RiskLevel.CRISIS, RiskLevel.CONCERN)
    negated = None
    for form in forms:
        for found in patterns[form.runs].finditer(form.text):
            if exceptions and _excused(found, form, exceptions):
                continue
            if weighs_negation and _negated(form.text, found.start()):
                negated = negated or _excerpt(form.text, found)
                continue
            return Match(phrase.phrase, phrase.level, _excerpt(form.text, found), phrase.reason)
    if negated and phrase.level == RiskLevel.CRISIS:
        return Match(phrase.phrase, RiskLevel.CONCERN, negated, NEGATED_NOTE)
    return None


def find_phrases(text, phrases):
    forms = text_forms(text)
    return [match for phrase in phrases if (match := _match_phrase(phrase, forms))]


class Phrase(NamedTuple):
    """An active WatchedPhrase, as much of it as screening reads."""

    phrase: str
    level: str
    exceptions: str
    reason: str


PHRASES_CACHE_KEY = "moderation:watched-phrases"
# Saving or deleting a phrase drops the list at once (moderation/signals.py); this
# bounds how long a change made any other way (a bulk update) takes to apply.
PHRASES_CACHE_TIMEOUT = 60


def watched_phrases():
    """Every active phrase, read from the database at most once a minute rather than on
    every post: there are over a hundred, and they change only in the admin."""
    phrases = cache.get(PHRASES_CACHE_KEY)
    if phrases is None:
        fields = Phrase._fields
        phrases = [Phrase(*row) for row in WatchedPhrase.objects.active().values_list(*fields)]
        cache.set(PHRASES_CACHE_KEY, phrases, PHRASES_CACHE_TIMEOUT)
    return phrases


def forget_watched_phrases():
    forget(PHRASES_CACHE_KEY)


def screen_text(text):
    return Screening(
        matches=find_phrases(text, watched_phrases()),
        personal_data=find_personal_data(text),
    )
