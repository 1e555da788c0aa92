"""What the statistical layer (`model`) reads of a post, as numbers.

Features (`FEATURE_SETS`; the stored model names its set), concatenated:

- "ngrams": tf-idf of the normalised words and of word pairs within a sentence
  (sublinear counts, scaled to length 1), over the n-grams of the training posts;
- "normalised": WordLlama's static embedding (256 dimensions, shipped inside the
  `wordllama` wheel, so nothing is downloaded) of the normalised sentences joined by
  " . ", scaled to length 1;
- "raw": the same embedding of the raw text lowercased, which keeps what
  normalisation drops (punctuation, unknown emoji, the writer's own spelling).

Embedding parts are multiplied by the stored `embedding_weight`. WordLlama and its
16 MB model are loaded on first use, once per process, not when this is imported.
"""

import functools
import math
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .text import sentences

EMBEDDING_SIZE = 256
FEATURE_SETS = {
    "ngrams+normalised+raw": ("ngrams", "normalised", "raw"),
    "ngrams": ("ngrams",),
    "normalised+raw": ("normalised", "raw"),
    "normalised": ("normalised",),
}
EMBEDDED = ("normalised", "raw")


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
    `WordLlama.embed` computes it (tests/moderation/screening/test_risk_model.py checks they
    agree), without the batching, padding and threads that slow `embed` down for one
    short post. Zeros for a text without tokens."""
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


def part_text(reading, part):
    return reading.normalised if part == "normalised" else reading.raw.lower()


def _unit(vectors):
    lengths = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(lengths == 0, 1.0, lengths)


def embedded_features(readings, kind, weight=1.0):
    """The embedding parts of `kind` for each reading, each scaled to length `weight`:
    (len(readings), 256 * parts). Training uses this; `Model.logits` computes the same
    for one post without building the matrix."""
    blocks = [
        _unit(embed([part_text(reading, part) for reading in readings]))
        for part in FEATURE_SETS[kind]
        if part in EMBEDDED
    ]
    if not blocks:
        return np.zeros((len(readings), 0))
    return weight * np.hstack(blocks)
