"""The statistical layer of risk screening: a small classifier over what a post says.

The concept rules (`rules`) decide a post's level; this layer may only ever RAISE it,
catching wordings the rules have no concept for. It reads a post through the same
normalisation as the rules (`text.sentences`: emoji, leetspeak, censoring,
look-alike letters, contractions and slang undone) and scores it with a multinomial
logistic regression over `features`, whose coefficients live in `model.json` (written
by `python -m moderation.screening.risk.training.train`, which documents how the
features were chosen).

    scores(text)           -> Scores(crisis=P(crisis), reach=P(crisis or concern))
    suggested_level(text)  -> "crisis" | "concern" | ""

Both take `read=sentences(text)` when the caller has already read the post that way,
so the post is not read twice. `moderation.screening.screen` adds the suggestion only
when it is more serious than what the rules found.

The stored thresholds were chosen from cross-validated predictions so that about 2 % of
non-crisis posts are held as crisis and about 3 % of ordinary posts reach a moderator.
To re-tune them with the rules, score posts once with `scores` and sweep
`level_for(scores, Thresholds(crisis=..., reach=...))`; `THRESHOLDS` (or
`thresholds()`) holds the stored pair. Everything heavy (the JSON, wordllama and its
model) is loaded on first use, once per process; only numpy is imported here.
"""

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .features import (
    EMBEDDED,
    EMBEDDING_SIZE,
    FEATURE_SETS,
    NgramTable,
    Reading,
    part_text,
    token_mean,
)

MODEL_PATH = Path(__file__).with_name("model.json")
CRISIS, CONCERN, OK = "crisis", "concern", ""
CLASSES = ("concern", "crisis", "ok")  # the labels the classifier is trained on


class Scores(NamedTuple):
    crisis: float  # P(crisis)
    reach: float  # P(crisis or concern): should a moderator read it


class Thresholds(NamedTuple):
    crisis: float  # scores.crisis at or above this: suggest "crisis"
    reach: float  # scores.reach at or above this: suggest "concern"


@dataclass(frozen=True)
class Model:
    classes: tuple
    coef: np.ndarray  # (classes, n-gram columns + 256 per embedding part)
    intercept: np.ndarray  # (classes,)
    thresholds: Thresholds
    features: str
    embedding_weight: float
    ngrams: NgramTable | None
    trained_on: int

    @functools.cached_property
    def _blocks(self):
        """The n-gram coefficients, and each embedding part with its coefficients."""
        start = len(self.ngrams.idf) if self.ngrams is not None else 0
        ngram_coef = self.coef[:, :start]
        parts = []
        for part in FEATURE_SETS[self.features]:
            if part in EMBEDDED:
                block = np.ascontiguousarray(self.coef[:, start : start + EMBEDDING_SIZE])
                parts.append((part, block))
                start += EMBEDDING_SIZE
        return ngram_coef, parts

    def logits(self, reading):
        ngram_coef, parts = self._blocks
        logits = self.intercept.copy()
        if self.ngrams is not None:
            columns, values = self.ngrams.weights(reading.ngrams)
            logits += ngram_coef[:, columns] @ values
        for part, block in parts:
            vector = token_mean(part_text(reading, part))
            length = float(np.sqrt(vector @ vector))
            if length:
                logits += (block @ vector) * (self.embedding_weight / length)
        return logits

    def scores(self, text, read=None):
        if not text or not text.strip():
            return Scores(0.0, 0.0)
        logits = self.logits(Reading.of(text, read)).tolist()
        top = max(logits)
        exp = [math.exp(logit - top) for logit in logits]  # softmax, in plain floats:
        total = sum(exp)  # faster than numpy for three classes
        crisis = exp[self.classes.index("crisis")] / total
        reach = 1.0 - exp[self.classes.index("ok")] / total
        return Scores(crisis, max(reach, crisis))


def load(path=MODEL_PATH):
    """The model stored at `path` (a JSON file written by `train.write`)."""
    stored = json.loads(Path(path).read_text(encoding="utf-8"))
    classes = tuple(stored["classes"])
    kind = stored["features"]
    if set(classes) != set(CLASSES) or kind not in FEATURE_SETS:
        raise ValueError(f"{path}: expected classes {CLASSES} and features in {FEATURE_SETS}")
    table = None
    if "ngrams" in FEATURE_SETS[kind]:
        grams = stored["ngrams"]
        table = NgramTable(
            {gram: column for column, gram in enumerate(grams)},
            np.asarray(stored["idf"], dtype=np.float64),
        )
        if len(table.idf) != len(grams):
            raise ValueError(f"{path}: one idf per n-gram expected")
    width = (len(table.idf) if table else 0) + EMBEDDING_SIZE * sum(
        part in EMBEDDED for part in FEATURE_SETS[kind]
    )
    coef = np.asarray(stored["coef"], dtype=np.float64)
    intercept = np.asarray(stored["intercept"], dtype=np.float64)
    if coef.shape != (len(classes), width) or intercept.shape != (len(classes),):
        raise ValueError(f"{path}: coefficients of shape {(len(classes), width)} expected")
    return Model(
        classes=classes,
        coef=coef,
        intercept=intercept,
        thresholds=Thresholds(float(stored["crisis_threshold"]), float(stored["reach_threshold"])),
        features=kind,
        embedding_weight=float(stored.get("embedding_weight", 1.0)),
        ngrams=table,
        trained_on=int(stored["trained_on"]),
    )


@functools.cache
def model():
    """The shipped model, loaded once per process."""
    return load()


def thresholds():
    """The thresholds stored with the shipped model."""
    return model().thresholds


def __getattr__(name):
    # `from moderation.screening.risk.model import THRESHOLDS` without loading anything at import.
    if name == "THRESHOLDS":
        return thresholds()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The model learnt from short posts (a median of 18 words). A long post reaches it as
# one blended whole, and a long, kind reply full of coping ideas could read as risk though
# no part of it does. So a post longer than this counts as risky only as far as its
# most worrying part, read alone, does too.
LONGEST_READ_WHOLE = 40
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def scores(text, read=None):
    """P(crisis) and P(crisis or concern) for one post. `read`: `text.sentences(text)`,
    if the caller has it already."""
    found = model().scores(text, read)
    # Reading the parts can only lower the scores, so they are read only when the whole
    # would otherwise reach a stored threshold: most long posts are spared the work.
    limits = thresholds()
    below = found.crisis < limits.crisis and found.reach < limits.reach
    if below or len(text.split()) <= LONGEST_READ_WHOLE:
        return found
    parts = [model().scores(part) for part in _parts(text)]
    return Scores(
        min(found.crisis, max(part.crisis for part in parts)),
        min(found.reach, max(part.reach for part in parts)),
    )


def _parts(text):
    """Runs of whole sentences of up to LONGEST_READ_WHOLE words each."""
    parts, current = [], []
    for sentence in filter(str.strip, SENTENCE_BREAK.split(text)):
        if current and len(" ".join([*current, sentence]).split()) > LONGEST_READ_WHOLE:
            parts.append(" ".join(current))
            current = []
        current.append(sentence)
    return [*parts, " ".join(current)] if current else parts


def level_for(found, limits=None):
    """The level that `found` scores suggest under `limits` (default: the stored ones)."""
    limits = limits or thresholds()
    if found.crisis >= limits.crisis:
        return CRISIS
    if found.reach >= limits.reach:
        return CONCERN
    return OK


def suggested_level(text, limits=None, read=None):
    """ "crisis", "concern" or "" for one post, by the model alone. `read` as for `scores`."""
    return level_for(scores(text, read), limits)


# A post this short says too little for the model alone to hold it ("Here for you."),
# and one of a word or two too little for it to ask a moderator ("kmsl").
MIN_WORDS_TO_HOLD = 6
MIN_WORDS_TO_RAISE = 3


def combined_level(rules_level, reading, found, words, limits=None):
    """The level once the model has read the post: never lower than the rules' level.

    `reading` is what the rules made of the post: "evidence" (a finding no modifier
    lowered, `rules.is_evidence`), "lowered" (everything they found, a modifier lowered
    on purpose: "i'm not going to…", a friend, a story) or "" (nothing). The model makes
    a post a crisis when its crisis score says so and the post is long enough to judge
    or the rules saw evidence. It never overrules a modifier (a post whose findings were
    all lowered keeps the rules' level), and for a post the rules left alone its reach
    score asks a moderator to look.
    `rules_level` is "crisis", "concern", "bullying", "blocked" or ""."""
    limits = limits or thresholds()
    if rules_level in (CRISIS, "blocked") or reading == "lowered":
        return rules_level
    holds = reading == "evidence" or (reading == "" and words >= MIN_WORDS_TO_HOLD)
    if found.crisis >= limits.crisis and holds:
        return CRISIS
    reads_risk = found.crisis >= limits.crisis or found.reach >= limits.reach
    if rules_level == OK and reads_risk and words >= MIN_WORDS_TO_RAISE:
        return CONCERN
    return rules_level
