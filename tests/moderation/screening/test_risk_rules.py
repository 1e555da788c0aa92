"""The concept rules and their modifiers (moderation.screening.risk), one behaviour at a time.

Every concept of the lexicons is exercised by at least one rule below, and every
modifier by a sentence it changes; tests/moderation/screening/test_corpus.py and
`make eval-screening` measure the whole on the labelled corpus.
"""

import pytest

from moderation.screening.risk import lexicon, modifiers, rulebook, rules
from moderation.screening.risk.matching import Lexicon
from moderation.screening.risk.text import sentences

LEXICON = Lexicon(lexicon.CONCEPTS)
CRISIS, CONCERN, BULLYING, BLOCKED, NONE = "crisis", "concern", "bullying", "blocked", ""


def read(text):
    return rules.evaluate(sentences(text), LEXICON)


def level(text):
    findings = [finding for finding in read(text) if finding.level]
    return max((finding.level for finding in findings), key=rulebook.LEVEL_RANK.get, default=NONE)


def fired(text):
    return {finding.rule for finding in read(text) if finding.level}


# (text, level, a rule that must be among those that decided it)
CASES = [
    # Crisis: intent, a time, a plan, means gathered, an act, harm now, goodbyes.
    ("i'm going to kill myself", CRISIS, "suicide-intent"),
    ("gonna unalive tonight fr", CRISIS, "suicide-soon"),
    ("planning to ctb soon", CRISIS, "suicide-soon"),
    (
        "got enough of my mums tablets saved now. doing it friday when shes at work",
        CRISIS,
        "means-gathered",
    ),
    ("I took 20 paracetamol an hour ago and feel sick.", CRISIS, "act-taken"),
    ("did it. took them all. calm now", CRISIS, "took-them-all"),
    (
        "i've taken my tablets and feel really dizzy and sick, i want to die",
        CRISIS,
        "act-taken-unwell",
    ),
    ("cut too deep and it won't stop bleeding", CRISIS, "harm-now"),
    ("on the roof of the car park. not scared anymore", CRISIS, "danger-place"),
    ("im on the bridge rn", CRISIS, "near-danger"),
    ("sat on the train tracks. its really quiet", CRISIS, "at-danger-now"),
    ("went deeper than ever tonight. i can see fat", CRISIS, "severe-injury"),
    ("drank the bleach", CRISIS, "act-done"),
    (
        "sorry everyone, this is the last thing i'll ever write on here. thank u for being kind",
        CRISIS,
        "final-message",
    ),
    ("gave my cat to my neighbour. thank you for everything, goodbye", CRISIS, "farewells"),
    ("picked the date. the pills are in my drawer", CRISIS, "plan-made"),
    ("i'm done. actually done this time", CRISIS, "done-resolved"),
    ("i've decided, i want to die and i'm ready", CRISIS, "death-intent"),
    ("i'm going to take all my pills because i want to die", CRISIS, "means-intent"),
    ("bought a rope. i know where i'll do it", CRISIS, "method-plan"),
    ("doing it friday, i've made up my mind", CRISIS, "vague-plan"),
    ("i love you all. nobody would miss me anyway", CRISIS, "farewell"),
    # Danger from someone else now, and grooming.
    ("he's outside my house and he said he's going to hurt me", CRISIS, "danger-from-others"),
    ("my stepdad is hitting me right now", CRISIS, "abuse-now"),
    (
        "a man from a game says im really mature and wants to meet me but says dont tell my mum",
        CRISIS,
        "grooming-meeting",
    ),
    ("this older guy keeps asking for pics and says it's our secret", CRISIS, "grooming-pictures"),
    ("he wants more pics or he'll send the others to my mum", CRISIS, "sextortion"),
    # Concern: C-SSRS wish to be dead and thoughts; self-harm; eating; burden; grooming signs.
    ("i wish i could just disappear", CONCERN, "death-wish"),
    ("thinking abt s.u.i.c.i.d.e a lot lately", CONCERN, "ideation"),
    ("relapsed on sh last night", CONCERN, "self-harm"),
    ("hiding the cuts on my arms with long sleeves", CONCERN, "self-harm-signs"),
    ("there's no point, it's never going to get better", CONCERN, "hopelessness"),
    ("i'm so worthless and empty", CONCERN, "low-worth"),
    ("everyone would be better off without me", CONCERN, "burden"),
    ("purged after dinner again", CONCERN, "eating"),
    ("counting calories and skipped lunch, 300 kcal today", CONCERN, "eating-signs"),
    ("this older guy sends me robux and wants to move to snapchat", CONCERN, "grooming-signs"),
    ("he keeps asking me to delete our chats, hes like 25", CONCERN, "secrecy-asked"),
    ("my dad hits me when he's drunk", CONCERN, "abuse"),
    # Telling someone to harm themselves is refused.
    ("kys", BLOCKED, "telling-to-harm"),
    ("go and die in a hole", BLOCKED, "telling-to-harm"),
]


@pytest.mark.parametrize(("text", "expected_level", "rule"), CASES)
def test_each_rule_reads_what_it_is_for(text, expected_level, rule):
    assert level(text) == expected_level
    assert rule in fired(text)


def test_every_concept_is_used_by_a_rule_or_is_a_modifier():
    used = {concept for rule in rulebook.RULES for need in rule.needs for concept in need}
    used |= {concept for rule in rulebook.RULES for concept in rule.post_needs}
    assert set(lexicon.CONCEPTS) - used - modifiers.MODIFIERS == set()


def test_every_rule_is_exercised_here():
    assert {rule.id for rule in rulebook.RULES} == {rule for *_, rule in CASES}


# Ordinary posts with frightening words, left alone.
ORDINARY = [
    "this homework is killing me",
    "my mum will kill me if she sees my screen time",
    "i'm dead 💀 that video",
    "got my allergy tablets ready for the school trip",
    "took 2 paracetamol for my headache",
    "killed the final boss, this shotgun is lethal",
    "we were dying of laughter",
    "she hits me up every weekend",
    "i cut myself shaving this morning",
    "had a rubbish day and feel really low, exams are stressing me out",
    "my english essay is on why romeo kills himself",
    "feeling better today, went for a walk",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_talk_is_left_alone(text):
    assert level(text) == NONE, [f for f in read(text) if f.level]


# Modifiers: (text, level, modifier named on the finding)
MODIFIED = [
    ("i'm not going to kill myself", CONCERN, "negation"),
    ("i would never hurt myself", NONE, "negation"),
    ("i used to want to kill myself years ago", NONE, "the past"),
    ("proud of myself, 100 days clean from self harm today!!", NONE, "recovery"),
    ("my friend says she wants to kill herself", CONCERN, "someone else"),
    ("the character kills herself in chapter 5 of the book", NONE, "fiction, school work or news"),
    (
        "if anyone is feeling suicidal tonight please call samaritans on 116 123, you matter",
        NONE,
        "offering help",
    ),
    ("people keep telling me to kys", BULLYING, "quoting abuse received"),
    ("someone at school told me to kill myself", BULLYING, "quoting abuse received"),
    ("i want to kill myself this maths test is so long lol", CONCERN, "joking"),
]


@pytest.mark.parametrize(("text", "expected_level", "modifier"), MODIFIED)
def test_modifiers_change_the_level_and_say_so(text, expected_level, modifier):
    findings = read(text)
    assert level(text) == expected_level
    assert any(modifier in finding.modifiers for finding in findings)


# Something taken, a plan with a time, harm now: nothing around it lowers them.
HARD = [
    "i'm not scared. i took 30 sertraline an hour ago",
    "lol i took the whole packet of paracetamol and i feel dizzy",
    "i used to be fine but i'm not going to be here tomorrow, i'm doing it tonight",
    "my english homework can wait. i've taken all my pills and feel sick",
    "my best friend just took 20 pills and is being sick, what do i do",
]


@pytest.mark.parametrize("text", HARD)
def test_what_is_happening_now_stays_crisis(text):
    assert level(text) == CRISIS


def test_a_distant_past_is_not_happening_now():
    assert level("i took an overdose of 30 pills years ago and i'm glad i survived") == NONE


def test_the_worst_reading_of_a_sentence_wins():
    # One "want to die" is negated, the other is not.
    assert level("i don't want to die exactly, i just don't want to be alive") == CONCERN


def test_a_finding_names_its_words_and_concepts():
    (finding,) = [f for f in read("gonna unalive myself tonight") if f.rule == "suicide-soon"]
    assert finding.words == ("going", "to", "unalive", "tonight")
    assert finding.concepts == (lexicon.SUICIDE, lexicon.IMMINENCE)
    assert "unalive myself tonight" in finding.excerpt


# Normalising: disguises undone without breaking words.
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i'm gonna k1ll mys3lf", ["i", "am", "going", "to", "kill", "myself"]),
        ("s*icide", ["suicide"]),
        ("k!ll", ["kill"]),
        ("s u i c i d e", ["suicide"]),
        ("k\u0456ll myself", ["kill", "myself"]),  # a Cyrillic "i"
        ("\uff4b\uff49\uff4c\uff4c", ["kill"]),  # fullwidth
        ("catch the 🚌", ["catch", "the", "bus"]),
        ("diiiie", ["die"]),
        ("sucide", ["suicide"]),
        ("thinking abt it", ["thinking", "about", "it"]),
        ("mia's back", ["mia", "is", "back"]),
        ("everyone'd be fine", ["everyone", "would", "be", "fine"]),
        ("talking to my mum", ["talking", "to", "my", "mum"]),  # not "taking"
        ("bookkeeper", ["bookkeeper"]),
    ],
)
def test_normalising(text, words):
    assert [word for sentence in sentences(text) for word in sentence] == words


def test_sentences_are_read_apart():
    assert sentences("i am fine. tonight is the night!") == [
        ["i", "am", "fine"],
        ["tonight", "is", "the", "night"],
    ]


def test_an_admin_word_joins_its_concept_in_every_rule():
    extended = Lexicon(
        {**lexicon.CONCEPTS, lexicon.MEANS: [*lexicon.CONCEPTS[lexicon.MEANS], "zopiclone"]}
    )
    findings = rules.evaluate(sentences("took 30 zopiclone"), extended)
    assert any(f.rule == "act-taken" and f.level == CRISIS for f in findings)
    assert not any(f.level for f in read("took 30 zopiclone"))


@pytest.mark.parametrize("concept", sorted(lexicon.CONCEPTS))
def test_every_word_of_every_concept_is_found_once_normalised(concept):
    """A lexicon word written the way normalising never leaves text ("i'm", "gonna",
    "wont") could never match: each is found as its own concept in its own words."""
    unreachable = [
        words
        for words in lexicon.CONCEPTS[concept]
        if "*" not in words
        and not any(
            hit.concept == concept
            for sentence in sentences(words)
            for hit in LEXICON.hits(sentence)
        )
    ]
    assert unreachable == []
