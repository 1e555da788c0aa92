"""Reading a post with the rules: every rule that fires, at its most serious.

Each rule of the `rulebook` is tried on every sentence, on the lexicon's hits with
idioms set aside ("this homework is killing me"); the `modifiers` then decide the level
of each way its concepts were found together.
"""

import re
from dataclasses import dataclass, field

from . import lexicon as c
from .matching import overlaps
from .modifiers import MODIFIERS, modify
from .rulebook import LEVEL_RANK, RULES

BIG_NUMBER_WORDS = {
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "dozen",
    "loads",
    "all",
    "whole",
    "every",
    "everything",
    "shedload",
    "load",
}
BIG_NUMBER = 8
NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Finding:
    rule: str
    title: str
    level: str
    words: tuple
    concepts: tuple
    modifiers: tuple = ()
    excerpt: str = ""


@dataclass
class Context:
    """What the post as a whole says: which concepts occur anywhere in it."""

    concepts: set = field(default_factory=set)

    @property
    def looks_back(self):
        """The post tells of recovery or a distant past somewhere."""
        return bool(self.concepts.intersection((c.RECOVERY, c.DISTANT_PAST)))


def _combinations(rule, hits):
    """Each way the hits fill the rule's needs within its window: one per anchor (a hit
    for the first need), with the nearest hit for every other need."""
    by_need = [[hit for hit in hits if hit.concept in need] for need in rule.needs]
    if not all(by_need):
        return
    for anchor in by_need[0]:
        chosen = [anchor]
        for candidates in by_need[1:]:
            others = [hit for hit in candidates if not overlaps(hit, chosen)]
            if not others:
                break
            chosen.append(min(others, key=lambda hit: abs(hit.start - anchor.start)))
        else:
            start = min(hit.start for hit in chosen)
            end = max(hit.end for hit in chosen)
            if end - start <= rule.window or len(chosen) == 1:
                yield chosen


def _big_number_near(sentence, chosen, hits, reach=6):
    start = max(min(hit.start for hit in chosen) - reach, 0)
    end = max(hit.end for hit in chosen) + reach
    nearby = sentence[start:end]
    if any(hit.concept == c.QUANTITY and start <= hit.start < end for hit in hits):
        return True
    return any(
        (NUMBER.fullmatch(word) and int(word[:6]) >= BIG_NUMBER) or word in BIG_NUMBER_WORDS
        for word in nearby
    )


def _without_idioms(hits):
    """The hits, less those inside an idiom ("this homework is killing me")."""
    idioms = [hit for hit in hits if hit.concept == c.IDIOM]
    return [
        hit
        for hit in hits
        if hit.concept in MODIFIERS
        or not any(idiom.start <= hit.start and hit.end <= idiom.end for idiom in idioms)
    ]


def is_evidence(finding):
    """A finding the model may build a crisis on: one the rules kept at a level of its own,
    not one a modifier lowered on purpose (negation, someone else, a story, a joke)."""
    return bool(finding.level) and not finding.modifiers


def reading_of(findings):
    """What the rules made of a post, for the model (`model.combined_level`): "evidence",
    "lowered" (every finding a modifier lowered) or "" (nothing fired)."""
    if any(is_evidence(finding) for finding in findings):
        return "evidence"
    return "lowered" if findings else ""


def evaluate(sentences, lexicon):
    """Every finding in the post: each rule at most once, at its most serious."""
    all_hits = [_without_idioms(lexicon.hits(sentence)) for sentence in sentences]
    context = Context({hit.concept for hits in all_hits for hit in hits})
    best = {}
    for sentence, hits in zip(sentences, all_hits, strict=True):
        for rule in RULES:
            if rule.post_needs and not context.concepts.intersection(rule.post_needs):
                continue
            for chosen in _combinations(rule, hits):
                if (
                    rule.big_number
                    and c.QUANTITY not in context.concepts
                    and not _big_number_near(sentence, chosen, hits)
                ):
                    continue
                level, modifiers = modify(rule, sentence, chosen, hits, context)
                finding = Finding(
                    rule=rule.id,
                    title=rule.title,
                    level=level,
                    words=tuple(
                        word for hit in sorted(chosen, key=lambda h: h.start) for word in hit.words
                    ),
                    concepts=tuple(dict.fromkeys(hit.concept for hit in chosen)),
                    modifiers=modifiers,
                    excerpt=_excerpt(sentence, chosen),
                )
                previous = best.get(rule.id)
                if previous is None or LEVEL_RANK[level] > LEVEL_RANK[previous.level]:
                    best[rule.id] = finding
    return list(best.values())


def _excerpt(sentence, chosen, reach=6):
    start = max(min(hit.start for hit in chosen) - reach, 0)
    end = max(hit.end for hit in chosen) + reach
    return " ".join(sentence[start:end])
