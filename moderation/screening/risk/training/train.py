"""Train the statistical risk layer (`model`) and write moderation/screening/risk/model.json.

    python -m moderation.screening.risk.training.train [--extra PATH ...]
    python -m moderation.screening.risk.training.train --compare

The first is what `make train-screening` runs; the second prints the model-selection
table.

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
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from .. import model as risk_model
from ..features import FEATURE_SETS
from .compare import compare
from .cross_validation import FOLDS, SEED, cross_validate, out_of_fold
from .examples import DEV_PATH, LABELS, merge, read_examples
from .fitting import EMBEDDING_WEIGHT, FEATURES, C, fit, prepare
from .with_rules import OK_LEFT_ALONE, choose_joint_thresholds, rule_readings

VERSION = 1
EMBEDDING = "wordllama l2_supercat, 256 dimensions, mean of token vectors"


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
    weight = embedding_weight if "ngrams" in FEATURE_SETS[features] else 1.0
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


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m moderation.screening.risk.training.train",
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
    parser.add_argument("--features", default=FEATURES, choices=FEATURE_SETS)
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
