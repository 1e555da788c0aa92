"""The screening corpus: well formed, and its test split frozen (docs/screening.md)."""

import hashlib
import json

import pytest

from moderation.screening.evaluation import CORPUS, LABELS

PERSONAL_DATA_KINDS = {"phone", "email", "handle", "address", "postcode", "date-of-birth", "school"}


def recorded_checksums():
    lines = (CORPUS / "test-split.sha256").read_text().splitlines()
    return {name: digest for digest, name in (line.split() for line in lines if line)}


def test_the_test_split_is_frozen():
    """Changing a test file needs its new checksum recorded on purpose: nobody tunes
    the screening against the test split, and nobody moves examples out of it."""
    recorded = recorded_checksums()
    assert set(recorded) == {"posts-test.jsonl", "personal-data-test.jsonl"}
    for name, digest in recorded.items():
        assert hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() == digest, name


def read(name):
    return [json.loads(line) for line in (CORPUS / name).read_text().splitlines() if line]


@pytest.mark.parametrize("split", ["dev", "test"])
def test_posts_are_labelled(split):
    posts = read(f"posts-{split}.jsonl")
    assert all(post["label"] in LABELS and post["text"].strip() for post in posts)
    assert all(post["category"] and post["style"] for post in posts)


def test_the_corpus_is_as_large_as_promised():
    posts = read("posts-dev.jsonl") + read("posts-test.jsonl")
    personal = read("personal-data-dev.jsonl") + read("personal-data-test.jsonl")
    assert len(posts) >= 1500
    assert len(personal) >= 400
    assert sum(not example["kinds"] for example in personal) >= 100  # look-alikes


@pytest.mark.parametrize("split", ["dev", "test"])
def test_personal_data_is_labelled(split):
    for example in read(f"personal-data-{split}.jsonl"):
        assert set(example["kinds"]) <= PERSONAL_DATA_KINDS


def test_no_example_is_in_both_splits():
    for name in ("posts", "personal-data"):
        dev = {example["text"].strip().lower() for example in read(f"{name}-dev.jsonl")}
        test = {example["text"].strip().lower() for example in read(f"{name}-test.jsonl")}
        assert not dev & test
