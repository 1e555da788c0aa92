"""Matching the admins' watched phrases.

A phrase matches on every normalised reading of the text (`moderation.screening.normalise`: case,
accents, leetspeak, spelled-out letters, stretched letters, misspellings and slang), as
whole words, `*` standing for any one word, never across two sentences; not where one
of its `exceptions` (an idiom containing it, such as "is killing me" for "killing me")
covers the words that matched. "Not" or "never" shortly before a crisis phrase, in the
same clause ("I'm not going to kill myself"), turns it into a concern: people often
play down how they feel, so a moderator still glances at it. A negated concern phrase
counts for nothing. "Not" that belongs to another thought ("I can't stop wanting to
die", "I'm not okay") does not negate.
"""

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from moderation.screening.normalise import text_forms

CRISIS, CONCERN = "crisis", "concern"
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


@dataclass(frozen=True)
class Match:
    """Something screening found: a watched phrase, a concept rule or the model."""

    phrase: str  # what fired, for people: the phrase, or the rule's title
    level: str
    excerpt: str
    reason: str = ""
    rule: str = "phrase"  # "phrase", a concept rule's id, or "model"
    words: tuple = ()
    concepts: tuple = ()
    modifiers: tuple = ()


class Phrase(NamedTuple):
    """An active WatchedPhrase, as much of it as screening reads."""

    phrase: str
    level: str
    exceptions: str
    reason: str
    concept: str


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
    weighs_negation = phrase.level in (CRISIS, CONCERN)
    negated = None
    for form in forms:
        for found in patterns[form.runs].finditer(form.text):
            if exceptions and _excused(found, form, exceptions):
                continue
            if weighs_negation and _negated(form.text, found.start()):
                negated = negated or _excerpt(form.text, found)
                continue
            return Match(phrase.phrase, phrase.level, _excerpt(form.text, found), phrase.reason)
    if negated and phrase.level == CRISIS:
        return Match(phrase.phrase, CONCERN, negated, NEGATED_NOTE, modifiers=("negation",))
    return None


def find_phrases(text, phrases):
    forms = text_forms(text)
    return [match for phrase in phrases if (match := _match_phrase(phrase, forms))]
