"""The statistical layer of risk screening: a small classifier over what a post says.

The concept rules (`rules`) decide a post's level; this layer may only ever RAISE it,
catching wordings the rules have no concept for. It reads a post through the same
normalisation as the rules (`text.sentences`: emoji, leetspeak, censoring,
look-alike letters, contractions and slang undone) and scores it with a multinomial
logistic regression whose coefficients live in `model.json` (written by
`python -m moderation.risk.train`, which documents how the features were chosen).

    scores(text)           -> Scores(crisis=P(crisis), reach=P(crisis or concern))
    suggested_level(text)  -> "crisis" | "concern" | ""

Both take `read=sentences(text)` when the caller has already read the post that way
(about a third of their time for a short post, most of it for a long one).
`moderation.screening` adds the suggestion only when it is more serious than what the
rules found.

Features (`FEATURE_SETS`; the stored model names its set), concatenated:

- "ngrams": tf-idf of the normalised words and of word pairs within a sentence
  (sublinear counts, scaled to length 1), over the n-grams of the training posts;
- "normalised": WordLlama's static embedding (256 dimensions, shipped inside the
  `wordllama` wheel, so nothing is downloaded) of the normalised sentences joined by
  " . ", scaled to length 1;
- "raw": the same embedding of the raw text lowercased, which keeps what
  normalisation drops (punctuation, unknown emoji, the writer's own spelling).

Embedding parts are multiplied by the stored `embedding_weight`.

The stored thresholds were chosen from cross-validated predictions so that about 2 % of
non-crisis posts are held as crisis and about 3 % of ordinary posts reach a moderator.
To re-tune them with the rules, score posts once with `scores` and sweep
`level_for(scores, Thresholds(crisis=..., reach=...))`; `THRESHOLDS` (or
`thresholds()`) holds the stored pair. Everything heavy (the JSON, wordllama and its
16 MB model) is loaded on first use, once per process; only numpy is imported here.
"""

import functools
import json
import math
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .text import sentences

MODEL_PATH = Path(__file__).with_name("model.json")
CRISIS, CONCERN, OK = "crisis", "concern", ""
CLASSES = ("concern", "crisis", "ok")  # the labels the classifier is trained on
EMBEDDING_SIZE = 256
FEATURE_SETS = {
    "ngrams+normalised+raw": ("ngrams", "normalised", "raw"),
    "ngrams": ("ngrams",),
    "normalised+raw": ("normalised", "raw"),
    "normalised": ("normalised",),
}
EMBEDDED = ("normalised", "raw")


class Scores(NamedTuple):
    crisis: float  # P(crisis)
    reach: float  # P(crisis or concern): should a moderator read it


class Thresholds(NamedTuple):
    crisis: float  # scores.crisis at or above this: suggest "crisis"
    reach: float  # scores.reach at or above this: suggest "concern"


class Reading(NamedTuple):
    """A post read once for every feature: its sentences of plain words, and the raw text."""

    sentences: list
    raw: str

    @classmethod
    def of(cls, text, read=None):
        """`read`: `text.sentences(text)` if the caller has it already."""
        return cls(sentences(text) if read is None else read, text)

    @property
    def normalised(self):
        """The post as the rules read it: plain words, sentences joined by " . "."""
        return " . ".join(" ".join(words) for words in self.sentences)

    @property
    def ngrams(self):
        """Every word, and every pair of neighbouring words within a sentence."""
        found = []
        for words in self.sentences:
            found.extend(words)
            found.extend(f"{first} {second}" for first, second in pairwise(words))
        return found


class NgramTable(NamedTuple):
    """Which column each known n-gram has, and its inverse document frequency."""

    columns: dict
    idf: np.ndarray

    def weights(self, ngrams):
        """(columns, values) of the tf-idf vector of `ngrams`: 1 + log(count) times idf,
        scaled to length 1; n-grams the table does not know are left out."""
        counts = Counter(gram for gram in ngrams if gram in self.columns)
        if not counts:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        columns = np.fromiter((self.columns[gram] for gram in counts), np.intp, len(counts))
        values = np.fromiter((1.0 + math.log(n) for n in counts.values()), float, len(counts))
        values *= self.idf[columns]
        return columns, values / np.linalg.norm(values)


@functools.cache
def embedder():
    """WordLlama's 256-dimensional static embeddings, from the files in its wheel."""
    import wordllama  # here, not at the top: importing this module stays cheap

    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )


def token_mean(text):
    """WordLlama's embedding of `text`: the mean of its tokens' vectors, as
    `WordLlama.embed` computes it (tests/moderation/test_risk_model.py checks they
    agree), without the batching, padding and threads that make `embed` twice as slow
    for one short post. Zeros for a text without tokens."""
    llama = embedder()
    try:
        ids = llama.tokenizer.encode(text, add_special_tokens=False).ids
    except TypeError:  # a lone surrogate ("\ud800") is not text the tokenizer can read
        text = text.encode("utf-8", "replace").decode("utf-8")
        ids = llama.tokenizer.encode(text, add_special_tokens=False).ids
    if not ids:
        return np.zeros(llama.embedding.shape[1], dtype=llama.embedding.dtype)
    return llama.embedding[ids].mean(axis=0)


def embed(texts):
    """`token_mean` of each text, as rows."""
    return np.array([token_mean(text) for text in texts], dtype=np.float64).reshape(
        len(texts), EMBEDDING_SIZE
    )


def _part_text(reading, part):
    return reading.normalised if part == "normalised" else reading.raw.lower()


def _unit(vectors):
    lengths = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(lengths == 0, 1.0, lengths)


def embedded_features(readings, kind, weight=1.0):
    """The embedding parts of `kind` for each reading, each scaled to length `weight`:
    (len(readings), 256 * parts). Training uses this; `Model.logits` computes the same
    for one post without building the matrix."""
    blocks = [
        _unit(embed([_part_text(reading, part) for reading in readings]))
        for part in FEATURE_SETS[kind]
        if part in EMBEDDED
    ]
    if not blocks:
        return np.zeros((len(readings), 0))
    return weight * np.hstack(blocks)


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
            vector = token_mean(_part_text(reading, part))
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
    # `from moderation.risk.model import THRESHOLDS` without loading anything at import.
    if name == "THRESHOLDS":
        return thresholds()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def scores(text, read=None):
    """P(crisis) and P(crisis or concern) for one post. `read`: `text.sentences(text)`,
    if the caller has it already."""
    return model().scores(text, read)


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
