"""The statistical layer of risk screening (moderation/screening/risk/model.py, features.py
and training/).

The model is statistical: trained on about 1,300 written examples, it misses posts the
rules catch and the reverse, which is why it may only ever raise a level. The examples
below are ones it should get right by a wide margin; a failure there means the stored
model or the features went wrong, not that one post was borderline.

Training needs scikit-learn (the "train" extra), which the site itself never imports;
the tests of training are skipped, with a reason, where it is not installed.
"""

import json
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pytest

from moderation.screening.risk import features as risk_features
from moderation.screening.risk import model as risk_model

ROOT = risk_model.MODEL_PATH.parents[3]

CLEAR_CRISIS = [
    "i took all my pills an hour ago and i feel dizzy",
    "im going to kill myself tonight, i have the rope ready",
    "kms tonight fr, already wrote the notes",
]
CLEAR_OK = [
    "had a lovely walk with my dog",
    "revising for my maths gcse, wish me luck",
    "this homework is killing me lol",
    "just finished a really sad book where the main character dies",
]

# A tiny made-up training set: eight posts of each label.
SYNTHETIC = {
    "crisis": [
        "i am going to kill myself tonight",
        "i took all the pills tonight goodbye",
        "going to end it tonight i have the pills",
        "this is goodbye i am going to kill myself",
        "i have the rope and i am doing it tonight",
        "took the pills an hour ago goodbye everyone",
        "tonight i end it all goodbye",
        "i am going to end it tonight with the pills",
    ],
    "concern": [
        "i feel so hopeless all the time",
        "sometimes i wish i was not here",
        "i feel like a burden to everyone",
        "i have been cutting again and i feel hopeless",
        "i wish i could disappear sometimes",
        "everything feels hopeless and i am a burden",
        "i keep thinking everyone would be better off without me",
        "i feel hopeless and i wish i could disappear",
    ],
    "ok": [
        "had a lovely walk with my dog today",
        "my exam went well and we got pizza",
        "anyone watching the football tonight",
        "lovely day at the beach with my dog",
        "got a new game today it is so good",
        "we got pizza after school today",
        "the football was great today",
        "my dog loves the beach",
    ],
}


# Training's tests are slow (marked so): scikit-learn takes seconds to import, and more
# to fit.
@pytest.fixture(scope="module")
def training():
    pytest.importorskip("sklearn", reason="training needs the 'train' extra (scikit-learn)")
    from moderation.screening.risk.training import cross_validation, examples, fitting, train

    return SimpleNamespace(
        cross_validation=cross_validation, examples=examples, fitting=fitting, train=train
    )


def synthetic_examples(training):
    return [
        training.examples.Example(text, label)
        for label, texts in SYNTHETIC.items()
        for text in texts
    ]


@pytest.fixture(scope="module")
def stored():
    return json.loads(risk_model.MODEL_PATH.read_text(encoding="utf-8"))


def test_the_stored_model_fits_the_embedding_and_its_features(stored):
    assert set(stored["classes"]) == set(risk_model.CLASSES)
    size = risk_features.embedder().embedding.shape[1]
    assert size == risk_features.EMBEDDING_SIZE
    parts = risk_features.FEATURE_SETS[stored["features"]]
    width = len(stored.get("ngrams", [])) + size * sum(p in risk_features.EMBEDDED for p in parts)
    assert np.array(stored["coef"]).shape == (3, width)
    assert len(stored["intercept"]) == 3
    assert len(stored.get("idf", [])) == len(stored.get("ngrams", []))
    assert 0 < stored["crisis_threshold"] < 1
    assert 0 < stored["reach_threshold"] < 1
    assert stored["trained_on"] >= 800
    assert {"crisis", "concern", "ok", "thresholds_from_other_folds"} <= set(stored["cv"])
    loaded = risk_model.model()
    assert loaded.thresholds == (stored["crisis_threshold"], stored["reach_threshold"])


def test_the_thresholds_are_there_to_retune(stored):
    assert risk_model.thresholds() == risk_model.THRESHOLDS
    assert risk_model.THRESHOLDS.crisis == stored["crisis_threshold"]
    text = CLEAR_CRISIS[0]
    assert risk_model.suggested_level(text, risk_model.Thresholds(1.01, 1.01)) == ""
    assert risk_model.suggested_level(text, risk_model.Thresholds(0.0, 0.0)) == "crisis"
    assert risk_model.level_for(risk_model.Scores(0.1, 0.6), risk_model.Thresholds(0.5, 0.5)) == (
        "concern"
    )


def test_the_fast_embedding_is_wordllamas():
    texts = ["had a lovely walk with my dog", "k1ll mys3lf tn 💊", "", "A Longer Post. Two!"]
    expected = risk_features.embedder().embed(texts)
    assert np.allclose(risk_features.embed(texts), expected, atol=1e-6)


@pytest.mark.parametrize(
    "text", [*CLEAR_CRISIS, *CLEAR_OK, "x", "💀💀💀", "a\x00b", "lone \ud800 surrogate", "i" * 5000]
)
def test_scores_are_probabilities(text):
    found = risk_model.scores(text)
    assert 0.0 <= found.crisis <= found.reach <= 1.0


def test_sentences_already_read_give_the_same_scores():
    from moderation.screening.risk.text import sentences

    for text in [*CLEAR_CRISIS, *CLEAR_OK]:
        assert risk_model.scores(text, read=sentences(text)) == risk_model.scores(text)


@pytest.mark.parametrize("text", ["", "   \n"])
def test_a_blank_post_scores_nothing(text):
    assert risk_model.scores(text) == (0.0, 0.0)
    assert risk_model.suggested_level(text) == ""


@pytest.mark.parametrize("text", CLEAR_CRISIS)
def test_clear_crisis_posts_are_raised_to_crisis(text):
    assert risk_model.suggested_level(text) == "crisis", risk_model.scores(text)


@pytest.mark.parametrize("text", CLEAR_OK)
def test_clear_ordinary_posts_are_left_alone(text):
    assert risk_model.suggested_level(text) == "", risk_model.scores(text)


# A long, kind reply made of coping ideas: read as one blended whole, the model once
# held it as crisis, though no part of it says anything of the kind.
LONG_KIND_REPLY = (
    "It took courage to put all of that into words, so well done. Music with no words is "
    "what calms me down when it gets loud. Be gentle with yourself while you work out what "
    "helps. Writing things down before bed stops my thoughts going round. My sleep was all "
    "over the place until I kept a routine.\n\n> A short walk outside, even in the rain, "
    "resets me a little.\n\nThings that help me:\n\n- five slow breaths, in and out\n"
    "- tidying **one** small corner\n- stepping outside for fresh air\n\nLook after "
    "yourself, and let us know how you are getting on."
)


def test_a_long_kind_reply_is_read_part_by_part_and_left_alone():
    assert len(LONG_KIND_REPLY.split()) > risk_model.LONGEST_READ_WHOLE
    assert risk_model.suggested_level(LONG_KIND_REPLY) == "", risk_model.scores(LONG_KIND_REPLY)


@pytest.mark.parametrize("text", CLEAR_CRISIS)
def test_a_crisis_inside_a_long_post_still_reads_as_crisis(text):
    long_post = f"{LONG_KIND_REPLY}\n\n{text}"
    assert risk_model.suggested_level(long_post) == "crisis", risk_model.scores(long_post)


@pytest.mark.slow  # a fresh interpreter in a subprocess
def test_importing_the_model_loads_nothing_heavy():
    code = (
        "import sys, moderation.screening.risk.model as m\n"
        "assert 'wordllama' not in sys.modules, 'wordllama imported'\n"
        "m.scores('hello')\n"
        "assert 'sklearn' not in sys.modules and 'scipy' not in sys.modules, 'training deps'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.slow
@pytest.mark.parametrize("features", ["ngrams+normalised+raw", "normalised+raw"])
def test_training_on_a_small_set_writes_a_model_that_scores_as_trained(
    training, tmp_path, features
):
    examples = synthetic_examples(training)
    trained = training.train.train(examples, seed=0, features=features)
    assert trained == training.train.train(examples, seed=0, features=features)  # deterministic
    path = tmp_path / "model.json"
    training.train.write(trained, path)
    assert json.loads(path.read_text(encoding="utf-8")) == trained
    assert trained["trained_on"] == len(examples)
    assert trained["cv"]["folds"] == 5
    assert trained["cv"]["crisis"]["count"] == 8

    loaded = risk_model.load(path)
    # numpy scoring from the stored file agrees with scikit-learn's probabilities.
    texts = [example.text for example in examples] + ["something else entirely"]
    labels = np.array([example.label for example in examples])
    fitting = training.fitting
    prepared = fitting.prepare(texts, features, trained["embedding_weight"])
    classifier, table = fitting.fit(prepared, labels, np.arange(len(examples)), C=fitting.C)
    crisis, reach = fitting.class_scores(
        classifier, fitting.design(prepared, np.arange(len(texts)), table)
    )
    found = np.array([loaded.scores(text) for text in texts])
    assert np.allclose(found[:, 0], crisis, atol=1e-4)
    assert np.allclose(found[:, 1], reach, atol=1e-4)

    assert (
        loaded.scores("i am going to end it tonight").crisis
        > loaded.scores("had a lovely walk with my dog").crisis
    )


@pytest.mark.slow
def test_the_command_trains_on_the_dev_file_and_extras(training, tmp_path, capsys):
    dev, extra, output = tmp_path / "dev.jsonl", tmp_path / "moderated.jsonl", tmp_path / "m.json"
    rows = [{"text": e.text, "label": e.label} for e in synthetic_examples(training)]
    dev.write_text("\n".join(json.dumps(row) for row in rows[1:]) + "\n", encoding="utf-8")
    extra.write_text(json.dumps(rows[0]) + "\n\n", encoding="utf-8")
    training.train.main(["--dev", str(dev), "--extra", str(extra), "--output", str(output)])
    assert risk_model.load(output).trained_on == len(rows)
    printed = capsys.readouterr().out
    assert "crisis_threshold" in printed
    assert "raised to crisis" in printed


@pytest.mark.slow
def test_the_frozen_test_split_is_refused(training, tmp_path):
    examples = training.examples
    for path in (tmp_path / "posts-test.jsonl", examples.FROZEN / "anything.jsonl"):
        with pytest.raises(ValueError, match="frozen test split"):
            examples.read_examples(path)


@pytest.mark.slow
def test_reading_examples(training, tmp_path):
    examples = training.examples
    path = tmp_path / "extra.jsonl"
    path.write_text('{"text": "hi", "label": "maybe"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="label"):
        examples.read_examples(path)
    first = [examples.Example("Same post", "ok"), examples.Example("other", "concern")]
    later = [examples.Example("same post ", "crisis")]
    assert examples.merge(first, later) == [examples.Example("same post ", "crisis"), first[1]]


@pytest.mark.slow
def test_thresholds_are_the_lowest_that_keep_false_alarms_in_bounds(training):
    threshold = training.cross_validation.threshold
    scores = np.arange(100) / 100  # 0.00 ... 0.99
    limit = threshold(scores, 0.02)
    assert np.count_nonzero(scores >= limit) == 2  # 0.98 and 0.99
    assert np.count_nonzero(scores >= limit - 1e-6) > 2
    assert threshold(scores, 0.0) > 0.99


LIMITS = risk_model.Thresholds(crisis=0.7, reach=0.8)
HIGH = risk_model.Scores(crisis=0.9, reach=0.95)


@pytest.mark.parametrize(
    ("rules_level", "reading", "words", "expected"),
    [
        ("", "", 8, "crisis"),  # long enough for the model alone to hold it
        ("", "", 4, "concern"),  # too short to hold: a moderator looks
        ("", "", 2, ""),  # a word or two: too little to read
        ("concern", "evidence", 2, "crisis"),  # the rules saw something to hold on to
        ("concern", "lowered", 8, "concern"),  # a modifier's judgement stands
        ("", "lowered", 8, ""),
        ("crisis", "evidence", 8, "crisis"),
        ("blocked", "evidence", 8, "blocked"),  # refused stays refused
    ],
)
def test_the_model_only_raises_and_within_its_limits(rules_level, reading, words, expected):
    assert risk_model.combined_level(rules_level, reading, HIGH, words, LIMITS) == expected


def test_low_scores_change_nothing():
    low = risk_model.Scores(crisis=0.1, reach=0.2)
    assert risk_model.combined_level("", "", low, 20, LIMITS) == ""
    assert risk_model.combined_level("concern", "evidence", low, 20, LIMITS) == "concern"
