"""The model-selection table (`train --compare`): each candidate's cross-validated figures."""

import numpy as np

from .cross_validation import cross_validate
from .fitting import prepare

CANDIDATES = [  # (features, C, embedding weight) compared by --compare
    ("normalised", 0.3, 1.0),
    ("normalised", 1.0, 1.0),
    ("normalised+raw", 0.3, 1.0),
    ("normalised+raw", 1.0, 1.0),
    ("ngrams", 3.0, 1.0),
    ("ngrams", 10.0, 1.0),
    ("ngrams+normalised+raw", 3.0, 0.25),
    ("ngrams+normalised+raw", 3.0, 0.35),
    ("ngrams+normalised+raw", 3.0, 0.5),
    ("ngrams+normalised+raw", 10.0, 0.35),
]


def compare(examples, seeds=(0, 1, 2), candidates=CANDIDATES, report=print):
    """Each candidate's figures: averaged over repeated stratified cross-validation, and
    with each writer's posts ("source") held out in turn (wording it never saw)."""
    labels = np.array([example.label for example in examples])
    texts = [example.text for example in examples]
    sources = np.array([example.source for example in examples])
    by_writer = len(set(sources)) > 2
    report(
        "features               C     weight  crisis->crisis  crisis->review  concern->review"
        "  ok raised" + ("  | held-out writer: same four" if by_writer else "")
    )
    prepared_for = {}
    for kind, C_value, weight in candidates:
        key = (kind, weight)
        if key not in prepared_for:
            prepared_for[key] = prepare(texts, kind, weight)
        prepared = prepared_for[key]
        runs = [cross_validate(prepared, labels, seed, C_value)[2] for seed in seeds]
        line = f"{kind:22} {C_value:<5} {weight:<6}  " + _columns(runs)
        if by_writer:
            line += "  | " + _columns(
                [cross_validate(prepared, labels, C=C_value, groups=sources)[2]]
            )
        report(line)


def _columns(runs):
    def mean(label, key):
        return np.mean([run[label][key] for run in runs])

    return (
        f"{mean('crisis', 'raised_to_crisis'):14.1%}  {mean('crisis', 'reaching_review'):14.1%}  "
        f"{mean('concern', 'reaching_review'):15.1%}  {mean('ok', 'raised'):9.1%}"
    )
