"""Each post scored by a model fitted without it, and the thresholds those scores give."""

import math

import numpy as np
from sklearn.model_selection import LeaveOneGroupOut, StratifiedKFold

from ..model import Thresholds
from .examples import LABELS
from .fitting import C, class_scores, design, fit

SEED = 0
FOLDS = 5
CRISIS_FALSE_ALARMS = 0.02  # of non-crisis posts raised to crisis
REACH_FALSE_ALARMS = 0.03  # of ok posts sent to a moderator


def splits(labels, seed=SEED, folds=FOLDS, groups=None):
    if groups is not None:
        return LeaveOneGroupOut().split(labels, labels, groups)
    return StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(labels, labels)


def out_of_fold(prepared, labels, seed=SEED, C=C, folds=FOLDS, groups=None):
    """Each post's scores from the model fitted without its fold, and its fold."""
    crisis, reach = np.zeros(len(labels)), np.zeros(len(labels))
    fold_of = np.zeros(len(labels), dtype=int)
    for fold, (train, held) in enumerate(splits(labels, seed, folds, groups)):
        classifier, table = fit(prepared, labels, train, C)
        crisis[held], reach[held] = class_scores(classifier, design(prepared, held, table))
        fold_of[held] = fold
    return crisis, reach, fold_of


def threshold(scores, rate):
    """The lowest threshold (6 decimals) with at most `rate` of `scores` at or above it."""
    allowed = math.floor(rate * len(scores) + 1e-9)
    ordered = np.sort(np.asarray(scores, dtype=np.float64))[::-1]
    if allowed >= len(ordered):
        return 0.0
    # Just above the highest score that must stay below the threshold.
    limit = (math.floor(ordered[allowed] * 1e6) + 1) / 1e6
    while np.count_nonzero(ordered >= limit) > allowed:
        limit += 1e-6
    return round(limit, 6)


def levels(crisis, reach, limits):
    """2 = crisis, 1 = concern, 0 = ok for each post, as `model.level_for` decides."""
    return np.where(crisis >= limits.crisis, 2, np.where(reach >= limits.reach, 1, 0))


def choose_thresholds(crisis, reach, labels, crisis_rate, reach_rate):
    return Thresholds(
        crisis=threshold(crisis[labels != "crisis"], crisis_rate),
        reach=threshold(reach[labels == "ok"], reach_rate),
    )


def figures(labels, level):
    def share(mask):
        return round(float(np.mean(mask)), 6) if len(mask) else 0.0

    of = {label: level[labels == label] for label in LABELS}
    return {
        "crisis": {
            "count": len(of["crisis"]),
            "raised_to_crisis": share(of["crisis"] == 2),
            "reaching_review": share(of["crisis"] >= 1),
        },
        "concern": {
            "count": len(of["concern"]),
            "reaching_review": share(of["concern"] >= 1),
            "raised_to_crisis": share(of["concern"] == 2),
        },
        "ok": {
            "count": len(of["ok"]),
            "raised": share(of["ok"] >= 1),
            "raised_to_crisis": share(of["ok"] == 2),
        },
    }


def cross_validate(
    prepared, labels, seed=SEED, C=C, folds=FOLDS, groups=None, crisis_rate=None, reach_rate=None
):
    """The thresholds chosen from the out-of-fold scores, the out-of-fold levels, the
    resulting figures, and the out-of-fold scores themselves (crisis, reach).

    "thresholds_from_other_folds" applies to each fold the thresholds chosen from the
    other folds only, so its false-alarm shares are not fitted to the very posts they
    are measured on."""
    crisis_rate = CRISIS_FALSE_ALARMS if crisis_rate is None else crisis_rate
    reach_rate = REACH_FALSE_ALARMS if reach_rate is None else reach_rate
    crisis, reach, fold_of = out_of_fold(prepared, labels, seed, C, folds, groups)
    limits = choose_thresholds(crisis, reach, labels, crisis_rate, reach_rate)
    level = levels(crisis, reach, limits)
    honest = np.zeros(len(labels), dtype=int)
    for fold in np.unique(fold_of):
        held, rest = fold_of == fold, fold_of != fold
        fold_limits = choose_thresholds(
            crisis[rest], reach[rest], labels[rest], crisis_rate, reach_rate
        )
        honest[held] = levels(crisis[held], reach[held], fold_limits)
    return (
        limits,
        level,
        {
            "folds": len(np.unique(fold_of)),
            "seed": seed,
            "crisis_false_alarm_target": crisis_rate,
            "reach_false_alarm_target": reach_rate,
            **figures(labels, level),
            "thresholds_from_other_folds": figures(labels, honest),
        },
        (crisis, reach),
    )
