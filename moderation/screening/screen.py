"""Risk and personal-data screening of what members write.

`screen_text(text)` is the one entry point. It reads a post three ways and keeps every
finding with what decided it, so moderators (on the case page) and admins (the "Try the
screening" page) can see why:

1. the concept rules (`risk.rules`): lexicons of what matters (intent, methods,
   timing, goodbyes, self-harm, grooming ...) combined by rules within a sentence, and
   modifiers for negation, the past, someone else, fiction, offering help and quoting
   abuse received; admins add words to any concept (a watched phrase with a concept);
2. the admins' watched phrases (`risk.phrases`); a blocked phrase inside what
   someone said to the writer ("they called me a ...") is bullying, never refused;
3. the statistical layer (`risk.model`), which may raise a post's level when
   the rules found less, never lower it.
"""

import functools
from dataclasses import dataclass, field

from peersupport.caching import cached, forget

from ..models import RiskLevel, WatchedPhrase
from .personal_data import PersonalData, find_personal_data
from .risk import model, rules
from .risk.lexicon import CONCEPTS, QUOTING, TOLD_TO
from .risk.matching import Lexicon
from .risk.phrases import Match, Phrase, find_phrases
from .risk.rulebook import LEVEL_RANK
from .risk.text import sentences

# The most serious first. Blocked comes before crisis only in this order of labels:
# the pipeline still holds a crisis post and shows help, whatever else it says.
LEVEL_ORDER = [RiskLevel.BLOCKED, RiskLevel.CRISIS, RiskLevel.CONCERN, RiskLevel.BULLYING]
TELLING_TO_HARM_REASON = (
    "Please never tell anyone to hurt themselves. If someone has upset you, you can flag "
    "their post and a moderator will help."
)
MODEL_TITLE = "The statistical layer read it as more serious than the rules did"

__all__ = ["Match", "PersonalData", "Screening", "screen_text"]


@dataclass
class Screening:
    matches: list = field(default_factory=list)
    personal_data: list = field(default_factory=list)
    # Rules that fired but that a modifier set aside ("i used to ..."), for the console.
    set_aside: list = field(default_factory=list)

    @property
    def level(self):
        """The most serious level found: blocked, crisis, concern, bullying; or ""."""
        found = {match.level for match in self.matches}
        return next((level for level in LEVEL_ORDER if level in found), "")

    @property
    def is_crisis(self):
        return any(match.level == RiskLevel.CRISIS for match in self.matches)

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
                "rule": match.rule,
                "phrase": match.phrase,
                "excerpt": match.excerpt,
                "words": list(match.words),
                "concepts": list(match.concepts),
                "modifiers": list(match.modifiers),
                "reason": match.reason,
            }
            for match in self.matches
        ] + [
            {
                "level": "personal-data",
                "rule": "personal-data",
                "phrase": item.kind,
                "excerpt": item.text,
            }
            for item in self.personal_data
        ]


PHRASES_CACHE_KEY = "moderation:watched-phrases"
# Saving or deleting a phrase drops the list at once (moderation/signals.py); this
# bounds how long a change made any other way (a bulk update) takes to apply.
PHRASES_CACHE_TIMEOUT = 60


def watched_phrases():
    """Every active phrase, read from the database at most once a minute rather than on
    every post: they change only in the admin."""
    return cached(
        PHRASES_CACHE_KEY,
        PHRASES_CACHE_TIMEOUT,
        lambda: [
            Phrase(*row) for row in WatchedPhrase.objects.active().values_list(*Phrase._fields)
        ],
    )


def forget_watched_phrases():
    forget(PHRASES_CACHE_KEY)


@functools.lru_cache(maxsize=8)
def _lexicon(added_words):
    """The built-in lexicons with the admins' concept words added."""
    concepts = {concept: list(words) for concept, words in CONCEPTS.items()}
    for concept, words in added_words:
        concepts.setdefault(concept, []).append(words)
    return Lexicon(concepts)


def _rule_matches(read, lexicon):
    matches, set_aside = [], []
    for finding in rules.evaluate(read, lexicon):
        match = Match(
            phrase=finding.title,
            level=finding.level,
            excerpt=finding.excerpt,
            reason=TELLING_TO_HARM_REASON if finding.level == RiskLevel.BLOCKED else "",
            rule=finding.rule,
            words=finding.words,
            concepts=finding.concepts,
            modifiers=finding.modifiers,
        )
        (matches if finding.level else set_aside).append(match)
    return matches, set_aside


def _quotes_abuse(read, lexicon):
    """Whether the post reports what someone said or did to the writer ("they called me
    ...", "keeps telling me to ...")."""
    return any(
        hit.concept in (QUOTING, TOLD_TO) for sentence in read for hit in lexicon.hits(sentence)
    )


def _unless_quoted(match, read, lexicon):
    """A blocked phrase in a post reporting what was said to the writer is bullying they
    received, for a moderator to see; it is never refused (as in `risk.modifiers`)."""
    if match.level != RiskLevel.BLOCKED or not _quotes_abuse(read, lexicon):
        return match
    return Match(
        match.phrase,
        RiskLevel.BULLYING,
        match.excerpt,
        rule=match.rule,
        modifiers=("quoting abuse received",),
    )


def _model_match(text, read, matches, set_aside):
    """The statistical layer's reading, when it is more serious than the rest."""
    rank = LEVEL_RANK
    rules_level = max((match.level for match in matches), key=rank.get, default="")
    level = model.combined_level(
        rules_level,
        reading=rules.reading_of([*matches, *set_aside]),
        found=model.scores(text, read),
        words=len(text.split()),
    )
    if rank[level] <= rank[rules_level]:
        return None
    return Match(phrase=MODEL_TITLE, level=level, excerpt="", rule="model")


def screen_text(text):
    phrases = watched_phrases()
    added = tuple(sorted((p.concept, p.phrase) for p in phrases if p.concept))
    lexicon = _lexicon(added)
    read = sentences(text)
    matches, set_aside = _rule_matches(read, lexicon)
    plain_phrases = [phrase for phrase in phrases if not phrase.concept]
    matches += [_unless_quoted(m, read, lexicon) for m in find_phrases(text, plain_phrases)]
    if not any(match.level == RiskLevel.BLOCKED for match in matches):
        model_match = _model_match(text, read, matches, set_aside)
        if model_match:
            matches.append(model_match)
    return Screening(matches=matches, personal_data=find_personal_data(text), set_aside=set_aside)


def load_everything():
    """Load what screening reads once per process (the statistical model, the word lists,
    the gazetteer, phone-number metadata), so no member's post waits for it. Needs no
    database: app servers call it as they start (peersupport/wsgi.py)."""
    import phonenumbers

    from .personal_data.gazetteer import towns
    from .risk.spelling import english_words, typo_index

    model.model()
    model.scores("warming up", sentences("warming up"))
    english_words()
    typo_index()
    towns()
    phonenumbers.is_possible_number(phonenumbers.parse("07700 900123", "GB"))
    _lexicon(())
