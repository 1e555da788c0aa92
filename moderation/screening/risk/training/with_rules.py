"""The thresholds chosen with the concept rules beside the model, as the screening
combines them (`model.combined_level`)."""

import numpy as np

from .. import rules
from ..lexicon import CONCEPTS
from ..matching import Lexicon
from ..model import Scores, Thresholds, combined_level
from ..rulebook import LEVEL_RANK
from ..text import sentences
from .examples import LABELS

# With the rules beside it: the share of ok posts that must still be left alone, out of
# fold: the 92 % the screening promises, and no margin above it. Safety comes first: a
# margin costs crisis posts held (at 94 % the crisis threshold rose to 0.9 once the
# development posts held many dark jokes), a false alarm costs a moderator's minute.
OK_LEFT_ALONE = 0.92
CRISIS_GRID = np.round(np.arange(0.30, 0.951, 0.025), 3)
REACH_GRID = np.round(np.arange(0.50, 0.991, 0.01), 3)


def rule_readings(texts):
    """(level, reading) of the concept rules for each post: the level the rules give
    ("crisis", "concern", "bullying", "blocked" or ""), and what they made of it for the
    model (`rules.reading_of`)."""
    lexicon = Lexicon(CONCEPTS)
    readings = []
    for text in texts:
        findings = rules.evaluate(sentences(text), lexicon)
        level = max((finding.level for finding in findings), key=LEVEL_RANK.get, default="")
        readings.append((level, rules.reading_of(findings)))
    return readings


def combined_outcomes(readings, crisis, reach, words, limits):
    """2 = crisis, 1 = a moderator reads it, 0 = left alone, -1 = refused, for each post,
    as `model.combined_level` decides with the rules beside the model."""
    outcome = {"crisis": 2, "concern": 1, "bullying": 1, "blocked": -1, "": 0}
    return np.array(
        [
            outcome[combined_level(level, reading, Scores(c, r), n, limits)]
            for (level, reading), c, r, n in zip(readings, crisis, reach, words, strict=True)
        ]
    )


def joint_figures(labels, outcomes):
    def share(mask):
        return round(float(np.mean(mask)), 6) if len(mask) else 0.0

    of = {label: outcomes[labels == label] for label in LABELS}
    return {
        "crisis_held": share(of["crisis"] == 2),
        "crisis_reaching_review": share(of["crisis"] >= 1),
        "concern_reaching_review": share(of["concern"] >= 1),
        "ok_left_alone": share(of["ok"] == 0),
    }


def choose_joint_thresholds(readings, crisis, reach, words, labels, ok_left_alone=OK_LEFT_ALONE):
    """The thresholds that, with the rules, reach the most crisis and concern posts
    while leaving at least `ok_left_alone` of ok posts alone (out-of-fold scores)."""
    best = None
    for crisis_limit in CRISIS_GRID:
        for reach_limit in REACH_GRID:
            limits = Thresholds(float(crisis_limit), float(reach_limit))
            found = joint_figures(labels, combined_outcomes(readings, crisis, reach, words, limits))
            if found["ok_left_alone"] < ok_left_alone:
                continue
            gain = (
                found["crisis_held"]
                + found["crisis_reaching_review"]
                + found["concern_reaching_review"]
            )
            # The highest thresholds among equals: fewer surprises on new words.
            key = (round(gain, 6), crisis_limit, reach_limit)
            if best is None or key > best[0]:
                best = (key, limits, found)
    if best is None:
        raise ValueError("no thresholds leave enough ordinary posts alone")
    return best[1], best[2]
