"""The labelled posts training reads: the development split, and moderators' examples."""

import json
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[4]
DEV_PATH = ROOT / "corpus" / "posts-dev.jsonl"
FROZEN = ROOT / "corpus" / "raw"
LABELS = ("crisis", "concern", "ok")


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
