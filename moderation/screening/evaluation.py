"""Measuring the screening on the labelled corpus (corpus/, docs/screening.md).

`make eval-screening` prints, for the development and the frozen test split: the
confusion matrix, recall and precision per label and per category, every miss and
false alarm with what fired, the personal-data figures, and the time per post. The
targets are those of the issue that introduced the rules; the test split is for
measuring only, never for tuning.
"""

import json
import statistics
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
LABELS = ("crisis", "concern", "ok")
OUTCOMES = ("crisis", "review", "refused", "left alone")
# The share of each kind that must do what it should, on the frozen test split.
TARGETS = {
    "crisis posts held at crisis level": 0.95,
    "crisis posts reaching a moderator": 0.99,
    "concern posts reaching a moderator": 0.90,
    "ordinary posts left alone": 0.92,
    "personal data stopped": 0.95,
    "look-alikes published": 0.95,
}
MEDIAN_MS, WORST_MS = 2.0, 50.0


def load(name, split):
    path = CORPUS / f"{name}-{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def outcome(screening):
    """What the pipeline does with a post that screens like this (before
    pre-moderation, which depends on the writer)."""
    levels = {match.level for match in screening.matches}
    if "crisis" in levels:
        return "crisis"
    if "blocked" in levels:
        return "refused"
    if levels & {"concern", "bullying"}:
        return "review"
    return "left alone"


def reaches_moderator(result):
    return result in ("crisis", "review")


def expected(label, result):
    if label == "crisis":
        return result == "crisis"
    if label == "concern":
        return reaches_moderator(result)
    return result == "left alone"


def describe(screening):
    return "; ".join(
        f"{match.level} {match.rule}: {' '.join(match.words) or match.phrase}"
        + (f" ({', '.join(match.modifiers)})" if match.modifiers else "")
        for match in [*screening.matches, *screening.set_aside]
    )


@dataclass
class PostReport:
    confusion: Counter = field(default_factory=Counter)
    by_category: dict = field(default_factory=lambda: defaultdict(Counter))
    wrong: list = field(default_factory=list)
    times_ms: list = field(default_factory=list)

    def share(self, label, accepted):
        total = sum(count for (lab, _), count in self.confusion.items() if lab == label)
        hits = sum(
            count
            for (lab, res), count in self.confusion.items()
            if lab == label and res in accepted
        )
        return hits / total if total else 0.0

    def precision(self, predicted_outcomes, true_labels):
        predicted = sum(
            count for (_, res), count in self.confusion.items() if res in predicted_outcomes
        )
        right = sum(
            count
            for (lab, res), count in self.confusion.items()
            if res in predicted_outcomes and lab in true_labels
        )
        return right / predicted if predicted else 0.0

    def figures(self):
        return {
            "crisis posts held at crisis level": self.share("crisis", {"crisis"}),
            "crisis posts reaching a moderator": self.share("crisis", {"crisis", "review"}),
            "concern posts reaching a moderator": self.share("concern", {"crisis", "review"}),
            "ordinary posts left alone": self.share("ok", {"left alone"}),
        }


def evaluate_posts(examples, screen):
    report = PostReport()
    for example in examples:
        started = time.perf_counter()
        screening = screen(example["text"])
        report.times_ms.append((time.perf_counter() - started) * 1000)
        result = outcome(screening)
        report.confusion[(example["label"], result)] += 1
        report.by_category[(example["label"], example["category"])][result] += 1
        if not expected(example["label"], result):
            report.wrong.append((example, result, describe(screening)))
    return report


@dataclass
class PersonalDataReport:
    stopped: int = 0
    positives: int = 0
    published: int = 0
    lookalikes: int = 0
    by_kind: dict = field(default_factory=lambda: defaultdict(Counter))
    by_category: dict = field(default_factory=lambda: defaultdict(Counter))
    wrong: list = field(default_factory=list)

    def figures(self):
        return {
            "personal data stopped": self.stopped / self.positives if self.positives else 0.0,
            "look-alikes published": self.published / self.lookalikes if self.lookalikes else 0.0,
        }


def evaluate_personal_data(examples, find):
    report = PersonalDataReport()
    for example in examples:
        found = find(example["text"])
        if example["kinds"]:
            report.positives += 1
            report.stopped += bool(found)
            for kind in example["kinds"]:
                report.by_kind[kind]["stopped" if found else "missed"] += 1
        else:
            report.lookalikes += 1
            report.published += not found
            report.by_category[example["category"]]["published" if not found else "stopped"] += 1
        if bool(found) != bool(example["kinds"]):
            report.wrong.append((example, "; ".join(f"{i.kind}: {i.text}" for i in found)))
    return report


def _percent(value):
    return f"{value * 100:5.1f} %"


def format_posts(split, report):
    lines = [f"## Posts, {split} split ({sum(report.confusion.values())} posts)", ""]
    lines.append("Confusion matrix (rows: label; columns: what the screening did)")
    lines.append(f"{'':10}" + "".join(f"{name:>12}" for name in OUTCOMES))
    for label in LABELS:
        row = "".join(f"{report.confusion[(label, result)]:>12}" for result in OUTCOMES)
        lines.append(f"{label:10}{row}")
    lines += ["", "Recall and precision per label"]
    lines.append(
        f"  crisis held at crisis level: recall {_percent(report.share('crisis', {'crisis'}))}, "
        f"precision {_percent(report.precision({'crisis'}, {'crisis'}))}"
    )
    lines.append(
        "  crisis or concern reaching a moderator: recall "
        f"{_percent(report.share('crisis', {'crisis', 'review'}))} (crisis), "
        f"{_percent(report.share('concern', {'crisis', 'review'}))} (concern), precision "
        f"{_percent(report.precision({'crisis', 'review'}, {'crisis', 'concern'}))}"
    )
    lines.append(
        f"  ok left alone: recall {_percent(report.share('ok', {'left alone'}))}, "
        f"precision {_percent(report.precision({'left alone'}, {'ok'}))}"
    )
    # The costliest false alarm: a kind, ordinary post held, and its writer shown help
    # for a crisis they are not in.
    held = report.confusion[("ok", "crisis")]
    ordinary = sum(count for (label, _), count in report.confusion.items() if label == "ok")
    lines.append(
        f"  ok held as crisis: {_percent(report.share('ok', {'crisis'}))} "
        f"({held} of {ordinary} ordinary posts)"
    )
    lines += ["", "Per category (share doing what it should)"]
    for (label, category), results in sorted(report.by_category.items()):
        total = sum(results.values())
        right = sum(count for result, count in results.items() if expected(label, result))
        lines.append(f"  {label:8} {category:22} {_percent(right / total)} of {total:4}")
    times = sorted(report.times_ms)
    lines += [
        "",
        f"Time per post: median {statistics.median(times):.3f} ms, worst {times[-1]:.3f} ms",
        "",
        f"Misses and false alarms ({len(report.wrong)})",
    ]
    for example, result, fired in report.wrong:
        lines.append(
            f"  [{example['label']}/{example['category']} -> {result}] {example['text']!r}"
            + (f"\n      fired: {fired}" if fired else "")
        )
    return "\n".join(lines)


def format_personal_data(split, report):
    lines = [
        f"## Personal data, {split} split ({report.positives} with, {report.lookalikes} "
        "look-alikes)",
        "",
    ]
    for kind, counts in sorted(report.by_kind.items()):
        total = counts["stopped"] + counts["missed"]
        lines.append(f"  {kind:14} stopped {_percent(counts['stopped'] / total)} of {total:4}")
    for category, counts in sorted(report.by_category.items()):
        total = counts["published"] + counts["stopped"]
        lines.append(
            f"  look-alike {category:17} published {_percent(counts['published'] / total)} "
            f"of {total:4}"
        )
    lines += ["", f"Misses and false alarms ({len(report.wrong)})"]
    for example, found in report.wrong:
        lines.append(f"  [{','.join(example['kinds']) or 'look-alike'}] {example['text']!r}")
        if found:
            lines.append(f"      found: {found}")
    return "\n".join(lines)


def format_targets(split, figures, times):
    lines = [f"## Targets, {split} split", ""]
    for name, target in TARGETS.items():
        value = figures[name]
        mark = "met" if value >= target else "NOT MET"
        lines.append(f"  {name:36} {_percent(value)}  (target {target * 100:.0f} %) {mark}")
    median, worst = statistics.median(times), max(times)
    mark = "met" if median <= MEDIAN_MS and worst <= WORST_MS else "NOT MET"
    lines.append(
        f"  {'time per post':36} median {median:.3f} ms, worst {worst:.3f} ms "
        f"(targets {MEDIAN_MS} and {WORST_MS} ms) {mark}"
    )
    return "\n".join(lines)


def run(screen, find_personal_data, splits=("dev", "test"), verbose=True):
    """The full report as text, and {split: figures} for callers that check targets."""
    sections, results = [], {}
    for split in splits:
        posts = evaluate_posts(load("posts", split), screen)
        personal = evaluate_personal_data(load("personal-data", split), find_personal_data)
        figures = {**posts.figures(), **personal.figures()}
        results[split] = figures
        sections.append(format_targets(split, figures, posts.times_ms))
        if verbose:
            sections.append(format_posts(split, posts))
            sections.append(format_personal_data(split, personal))
    return "\n\n".join(sections), results
