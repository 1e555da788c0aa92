"""Train the statistical risk layer (`model`) and write moderation/risk/model.json.

    python -m moderation.risk.train [--extra PATH ...]   # what `make train-screening` runs
    python -m moderation.risk.train --compare            # the model-selection table

Reads corpus/posts-dev.jsonl (and any moderator-labelled JSON Lines files given with
--extra, same format: {"text", "label": "crisis"|"concern"|"ok", ...}; a later file's
label wins for a text seen twice), turns every post into features as `model` does and
fits a class-balanced multinomial logistic regression. The two thresholds the screening
uses come from out-of-fold predictions (each writer's posts scored by a model trained
without that writer, when the examples come from several; else stratified 5-fold
cross-validation, fixed seed) combined with the concept rules exactly as
`model.combined_level` combines them: the pair that reaches the most crisis and concern
posts while leaving at least 92 % of ok posts alone. (The model-alone figures printed
beside them, at most 2 % of non-crisis posts raised to crisis and 3 % of ok posts to
review, describe the model by itself.)

It prints the cross-validated figures, refits on everything and writes the model.

Model selection (`--compare`, dev file only, 1,293 posts; crisis posts caught at crisis
level by the model alone, with at most 2 % of other posts held; repeated stratified
5-fold CV / each writer's posts held out in turn): WordLlama embedding of the normalised
text 36 % / 36 %; with the raw text's embedding added 38 % / 40 %; tf-idf of words and
word pairs of the normalised text 66 % / 71 %; both together (embeddings weighted 0.35)
74 % / 80 %, with no more false alarms. Concern posts reaching a moderator: 30 % for
the embeddings, 62 % for both. So the default is "ngrams+normalised+raw";
`--features normalised+raw` gives the embedding-only model.

The frozen test split (corpus/*-test.jsonl, corpus/raw/) is refused: it measures this
work and must never shape it. scikit-learn and scipy are needed here only, not at run
time.
"""

import argparse
import json
import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import LeaveOneGroupOut, StratifiedKFold

from . import model as risk_model
from . import rules
from .lexicon import CONCEPTS
from .matching import Lexicon

ROOT = Path(__file__).resolve().parents[2]
DEV_PATH = ROOT / "corpus" / "posts-dev.jsonl"
FROZEN = ROOT / "corpus" / "raw"
LABELS = ("crisis", "concern", "ok")
VERSION = 1
SEED = 0
FOLDS = 5
# Chosen with --compare on the dev file (see the module docstring).
FEATURES = "ngrams+normalised+raw"
C = 3.0
EMBEDDING_WEIGHT = 0.35
MIN_DF = 2  # an n-gram must occur in two training posts to get a column
CRISIS_FALSE_ALARMS = 0.02  # of non-crisis posts raised to crisis
REACH_FALSE_ALARMS = 0.03  # of ok posts sent to a moderator
# With the rules beside it: the share of ok posts that must still be left alone, out of
# fold: the 92 % the screening promises, and no margin above it. Safety comes first: a
# margin costs crisis posts held (at 94 % the crisis threshold rose to 0.9 once the
# development posts held many dark jokes), a false alarm costs a moderator's minute.
OK_LEFT_ALONE = 0.92
CRISIS_GRID = np.round(np.arange(0.30, 0.951, 0.025), 3)
REACH_GRID = np.round(np.arange(0.50, 0.991, 0.01), 3)
EMBEDDING = "wordllama l2_supercat, 256 dimensions, mean of token vectors"


class Example(NamedTuple):
    text: str
    label: str
    category: str = ""
    source: str = ""


def read_examples(path):
    """The labelled posts in a JSON Lines file."""
    path = Path(path).resolve()
    if path.name.endswith("-test.jsonl") or FROZEN in path.parents:
        raise ValueError(f"{path} is part of the frozen test split; never train on it")
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") not in LABELS or not isinstance(row.get("text"), str):
            raise ValueError(f"{path}:{number}: needs a text and a label in {LABELS}")
        examples.append(
            Example(row["text"], row["label"], row.get("category") or "", row.get("source") or "")
        )
    return examples


def merge(*sources):
    """One example per text (compared stripped and lowercased); a later label wins."""
    merged = {}
    for examples in sources:
        for example in examples:
            merged[example.text.strip().lower()] = example
    return [example for example in merged.values() if example.text.strip()]


class Prepared(NamedTuple):
    """Everything about the posts that does not depend on which of them are trained on."""

    kind: str
    ngrams: list  # each post's n-grams (empty lists if the kind has none)
    dense: np.ndarray  # each post's weighted embedding parts

    @property
    def uses_ngrams(self):
        return "ngrams" in risk_model.FEATURE_SETS[self.kind]


def prepare(texts, kind=FEATURES, embedding_weight=EMBEDDING_WEIGHT):
    readings = [risk_model.Reading.of(text) for text in texts]
    uses_ngrams = "ngrams" in risk_model.FEATURE_SETS[kind]
    return Prepared(
        kind,
        [reading.ngrams if uses_ngrams else [] for reading in readings],
        risk_model.embedded_features(readings, kind, embedding_weight),
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
    return risk_model.NgramTable({gram: column for column, gram in enumerate(kept)}, idf)


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
    return risk_model.Thresholds(
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


def rule_readings(texts):
    """(level, reading) of the concept rules for each post: the level the rules give
    ("crisis", "concern", "bullying", "blocked" or ""), and what they made of it for the
    model (`rules.reading_of`)."""
    lexicon = Lexicon(CONCEPTS)
    readings = []
    for text in texts:
        findings = rules.evaluate(risk_model.sentences(text), lexicon)
        level = max((finding.level for finding in findings), key=rules.LEVEL_RANK.get, default="")
        readings.append((level, rules.reading_of(findings)))
    return readings


def combined_outcomes(readings, crisis, reach, words, limits):
    """2 = crisis, 1 = a moderator reads it, 0 = left alone, -1 = refused, for each post,
    as `model.combined_level` decides with the rules beside the model."""
    outcome = {"crisis": 2, "concern": 1, "bullying": 1, "blocked": -1, "": 0}
    return np.array(
        [
            outcome[risk_model.combined_level(level, reading, risk_model.Scores(c, r), n, limits)]
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
            limits = risk_model.Thresholds(float(crisis_limit), float(reach_limit))
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


def _rounded(value):
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    if isinstance(value, np.ndarray):
        return _rounded(value.tolist())
    if isinstance(value, float | np.floating):
        return round(float(value), 6)
    if isinstance(value, np.integer):
        return int(value)
    return value


def train(
    examples,
    seed=SEED,
    *,
    C=C,
    features=FEATURES,
    embedding_weight=EMBEDDING_WEIGHT,
    folds=FOLDS,
    report=None,
    **rates,
):
    """The model (the dict `write` stores) trained on `examples`, with thresholds and
    figures from `folds`-fold cross-validation. `report(line)` receives a per-category
    breakdown of the out-of-fold levels; `rates` may set crisis_rate and reach_rate."""
    examples = list(examples)
    labels = np.array([example.label for example in examples])
    counts = Counter(labels.tolist())
    if set(counts) != set(LABELS):
        raise ValueError(f"training needs examples of every label {LABELS}, got {dict(counts)}")
    folds = min(folds, min(counts.values()))
    if folds < 2:
        raise ValueError("training needs at least two examples of every label")
    weight = embedding_weight if "ngrams" in risk_model.FEATURE_SETS[features] else 1.0
    texts = [example.text for example in examples]
    prepared = prepare(texts, features, weight)
    _alone, level, cv, (crisis, reach) = cross_validate(prepared, labels, seed, C, folds, **rates)
    # The thresholds the screening uses are chosen with the rules beside the model, from
    # scores of each writer's posts by a model that never saw that writer: the screening
    # meets new people's words, not more of the same writers'.
    sources = np.array([example.source for example in examples])
    if len(set(sources)) > 2:
        crisis, reach, _fold = out_of_fold(prepared, labels, seed, C, folds, groups=sources)
    words = [len(text.split()) for text in texts]
    limits, joint = choose_joint_thresholds(rule_readings(texts), crisis, reach, words, labels)
    cv["with_the_rules"] = {"ok_left_alone_at_least": OK_LEFT_ALONE, **joint}
    if report:
        _report_categories(examples, level, report)
    classifier, table = fit(prepared, labels, np.arange(len(examples)), C)
    model = {
        "version": VERSION,
        "trained_on": len(examples),
        "features": features,
        "embedding": EMBEDDING,
        "embedding_weight": weight,
        "classifier": f"multinomial logistic regression, class_weight=balanced, C={C}",
        "classes": list(classifier.classes_),
        "crisis_threshold": limits.crisis,
        "reach_threshold": limits.reach,
        "cv": cv,
        "intercept": classifier.intercept_,
    }
    if table is not None:
        model["ngrams"] = list(table.columns)
        model["idf"] = table.idf
    model["coef"] = classifier.coef_
    return _rounded(model)


COMPACT = ("intercept", "ngrams", "idf")  # written on one line each


def write(model, path=risk_model.MODEL_PATH):
    """Store `model` as JSON: the figures readable at the top, then the long lists on
    one line each and the coefficients one class to a line."""
    head = {key: value for key, value in model.items() if key not in (*COMPACT, "coef")}
    text = json.dumps(head, indent=2, ensure_ascii=False)[:-2]
    for key in COMPACT:
        if key in model:
            text += f',\n  "{key}": {json.dumps(model[key], ensure_ascii=False)}'
    rows = ",\n    ".join(json.dumps(row) for row in model["coef"])
    text += f',\n  "coef": [\n    {rows}\n  ]\n}}\n'
    Path(path).write_text(text, encoding="utf-8")


def _report_categories(examples, level, report):
    by_category = defaultdict(list)
    for example, found in zip(examples, level, strict=True):
        by_category[(example.label, example.category or "-")].append(found)
    report("out-of-fold levels by category (crisis / concern / ok):")
    for (label, category), found in sorted(by_category.items()):
        found = np.array(found)
        shares = " / ".join(f"{np.mean(found == value):4.0%}" for value in (2, 1, 0))
        report(f"  {label:8} {category:22} n={len(found):4}  {shares}")


def _describe(cv):
    return (
        f"crisis posts (n={cv['crisis']['count']}): "
        f"{cv['crisis']['raised_to_crisis']:.1%} raised to crisis, "
        f"{cv['crisis']['reaching_review']:.1%} reaching review\n"
        f"concern posts (n={cv['concern']['count']}): "
        f"{cv['concern']['reaching_review']:.1%} reaching review "
        f"({cv['concern']['raised_to_crisis']:.1%} raised to crisis)\n"
        f"ok posts (n={cv['ok']['count']}): {cv['ok']['raised']:.1%} raised "
        f"({cv['ok']['raised_to_crisis']:.1%} to crisis)"
    )


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


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m moderation.risk.train",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--extra",
        nargs="+",
        action="extend",
        default=[],
        metavar="PATH",
        help="moderator-labelled JSON Lines files to train on as well",
    )
    parser.add_argument("--dev", default=DEV_PATH, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", default=risk_model.MODEL_PATH, type=Path)
    parser.add_argument("--seed", default=SEED, type=int)
    parser.add_argument("--C", default=C, type=float, dest="C")
    parser.add_argument("--features", default=FEATURES, choices=risk_model.FEATURE_SETS)
    parser.add_argument("--embedding-weight", default=EMBEDDING_WEIGHT, type=float)
    parser.add_argument(
        "--compare", action="store_true", help="print the model-selection table instead"
    )
    args = parser.parse_args(argv)

    examples = merge(read_examples(args.dev), *(read_examples(path) for path in args.extra))
    counts = Counter(example.label for example in examples)
    print(f"{len(examples)} posts: " + ", ".join(f"{counts[label]} {label}" for label in LABELS))
    if args.compare:
        compare(examples)
        return
    model = train(
        examples,
        args.seed,
        C=args.C,
        features=args.features,
        embedding_weight=args.embedding_weight,
        report=print,
    )
    cv = model["cv"]
    print(f"\n{cv['folds']}-fold cross-validation, seed {cv['seed']}, the model alone:")
    print(_describe(cv))
    print("with each fold's thresholds chosen from the other folds:")
    print(_describe(cv["thresholds_from_other_folds"]))
    joint = cv["with_the_rules"]
    print(
        f"\nwith the rules beside it (model.combined_level), at crisis_threshold = "
        f"{model['crisis_threshold']} and reach_threshold = {model['reach_threshold']}:\n"
        f"crisis held {joint['crisis_held']:.1%}, crisis reaching a moderator "
        f"{joint['crisis_reaching_review']:.1%}, concern reaching a moderator "
        f"{joint['concern_reaching_review']:.1%}, ok left alone {joint['ok_left_alone']:.1%} "
        f"(at least {joint['ok_left_alone_at_least']:.0%} asked)"
    )
    write(model, args.output)
    print(f"\nwrote {args.output} (trained on {model['trained_on']} posts)")


if __name__ == "__main__":
    main()
