"""Posts as features, and the classifier fitted on them, as `risk.model` reads them."""

import math
from collections import Counter
from typing import NamedTuple

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from ..features import FEATURE_SETS, NgramTable, Reading, embedded_features

# Chosen with --compare on the dev file (see `train`).
FEATURES = "ngrams+normalised+raw"
C = 3.0
EMBEDDING_WEIGHT = 0.35
MIN_DF = 2  # an n-gram must occur in two training posts to get a column


class Prepared(NamedTuple):
    """Everything about the posts that does not depend on which of them are trained on."""

    kind: str
    ngrams: list  # each post's n-grams (empty lists if the kind has none)
    dense: np.ndarray  # each post's weighted embedding parts

    @property
    def uses_ngrams(self):
        return "ngrams" in FEATURE_SETS[self.kind]


def prepare(texts, kind=FEATURES, embedding_weight=EMBEDDING_WEIGHT):
    readings = [Reading.of(text) for text in texts]
    uses_ngrams = "ngrams" in FEATURE_SETS[kind]
    return Prepared(
        kind,
        [reading.ngrams if uses_ngrams else [] for reading in readings],
        embedded_features(readings, kind, embedding_weight),
    )


def ngram_table(ngram_lists, min_df=MIN_DF):
    """The n-grams in at least `min_df` of the posts, in order, with smoothed idf
    (as scikit-learn's TfidfVectorizer: ln((1 + posts) / (1 + posts with it)) + 1)."""
    document_frequency = Counter()
    for grams in ngram_lists:
        document_frequency.update(set(grams))
    kept = sorted(gram for gram, count in document_frequency.items() if count >= min_df)
    posts = len(ngram_lists)
    idf = np.array([math.log((1 + posts) / (1 + document_frequency[gram])) + 1 for gram in kept])
    return NgramTable({gram: column for column, gram in enumerate(kept)}, idf)


def design(prepared, rows, table):
    """The feature matrix of the posts at `rows`: n-gram columns (if any), then dense."""
    dense = prepared.dense[rows]
    if table is None:
        return dense
    data, indices, pointers = [], [], [0]
    for row in rows:
        columns, values = table.weights(prepared.ngrams[row])
        order = np.argsort(columns)
        indices.append(columns[order])
        data.append(values[order])
        pointers.append(pointers[-1] + len(columns))
    grams = sparse.csr_matrix(
        (np.concatenate(data), np.concatenate(indices), pointers),
        shape=(len(rows), len(table.idf)),
    )
    return sparse.hstack([grams, sparse.csr_matrix(dense)], format="csr")


def fit(prepared, labels, rows, C=C):
    """The classifier and n-gram table fitted on the posts at `rows`."""
    table = ngram_table([prepared.ngrams[row] for row in rows]) if prepared.uses_ngrams else None
    classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    return classifier.fit(design(prepared, rows, table), labels[rows]), table


def class_scores(classifier, vectors):
    """(P(crisis), P(crisis or concern)) as `model.Model.scores` computes them."""
    probabilities = classifier.predict_proba(vectors)
    classes = list(classifier.classes_)
    crisis = probabilities[:, classes.index("crisis")]
    return crisis, np.maximum(1.0 - probabilities[:, classes.index("ok")], crisis)
