"""Rules that combine concepts into findings, and the modifiers that change them.

A rule fires when its concepts occur together within a few words in one sentence
(`needs`), sometimes with another concept anywhere in the post (`post_needs`): "got
enough tablets saved" is means with preparation, and it is a plan only where the post
also speaks of ending things. Then the modifiers read the words around it:

- negation ("i'm not going to kill myself") turns a crisis into a concern: people
  often play down how they feel, so a moderator still reads it;
- the past and recovery ("i used to want to die", "2 years clean") leave it alone;
- someone else ("my friend wants to kill herself") makes it a concern: the writer is
  worried and a moderator can help them help;
- fiction, school work, news and lyrics, and offering help ("if anyone feels
  suicidal, call 116 123") leave it alone when the writer is not talking of themselves;
- quoting abuse received ("they told me to kys") makes it bullying, never refused;
- a joke or an idiom ("dying of cringe 💀", "kms this test lol") lowers it a step.

A rule marked `hard` — something already taken, a plan with a time, harm happening now
— stays crisis whatever surrounds it; only a distant past ("years ago") or someone
else's story (fiction, news) can lower it, because then it is not happening now.
"""

import re
from dataclasses import dataclass, field

from . import lexicon as c

CRISIS, CONCERN, BULLYING, BLOCKED, NONE = "crisis", "concern", "bullying", "blocked", ""
# Words people put between a negation and what it negates ("not going to ever").
NEGATION_GAP = {
    "i",
    "am",
    "is",
    "are",
    "was",
    "be",
    "going",
    "to",
    "will",
    "would",
    "ever",
    "really",
    "even",
    "actually",
    "want",
    "planning",
    "do",
    "does",
    "did",
    "that",
    "it",
    "have",
    "any",
    "feel",
    "feeling",
    "a",
    "gonna",
    "try",
    "trying",
    "plan",
    "thinking",
    "about",
    "of",
    "ready",
    "gon",
    "wanna",
    "myself",
    "self",
}
SUBJECT_REACH = 5
# "my" is left out: it belongs to the noun after it ("my essay", "my friend").
FIRST_PERSON = {"i", "me", "myself", "im", "ive", "id", "ill", "we", "us"}
SECOND_PERSON = {
    "you",
    "your",
    "yourself",
    "yourselves",
    "u",
    "ur",
    "anyone",
    "anybody",
    "everyone",
    "somebody",
    "someone",
}
THIRD_PERSON = {
    "he",
    "she",
    "they",
    "him",
    "her",
    "his",
    "their",
    "them",
    "himself",
    "herself",
    "themselves",
    "themself",
    "friend",
    "mate",
    "bestie",
    "sister",
    "brother",
    "cousin",
    "character",
    "people",
    "girl",
    "boy",
    "lad",
    "kid",
    "son",
    "daughter",
    "partner",
    "bf",
    "gf",
    "boyfriend",
    "girlfriend",
    "mum",
    "dad",
    "mam",
    "nan",
    "grandad",
    "classmate",
    "romeo",
    "juliet",
    "hamlet",
    "ophelia",
    "macbeth",
    "lennie",
}
BIG_NUMBER_WORDS = {
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "dozen",
    "loads",
    "all",
    "whole",
    "every",
    "everything",
    "shedload",
    "load",
}
BIG_NUMBER = 8
NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    level: str
    needs: tuple  # each item: the concepts any of which fills it, all items within `window`
    window: int = 10
    post_needs: tuple = ()  # concepts, any of which must occur somewhere in the post
    hard: bool = False
    big_number: bool = False  # a large quantity (or QUANTITY words) must be near
    # Danger from someone else: whose sentence it is does not lower it.
    from_others: bool = False


# Groups of concepts the rules' `post_needs` share.
# Ending one's life, said one way or another.
ENDING = (c.SUICIDE, c.VAGUE_ACT, c.DEATH_WISH)
# The signs that go with it: goodbyes and a calm resolve (Samaritans' warning signs).
READY = (c.FINALITY, c.FAREWELL, c.RESOLVE)
# Anything that makes a post about risk at all.
RISK_CONTEXT = (*ENDING, *READY, c.DEATH, c.IDEATION, c.SELF_HARM, c.HOPELESSNESS)

RULES = [
    # Crisis: C-SSRS active ideation with method, intent or plan, preparation, an act.
    Rule(
        "act-taken",
        "Has taken something or harmed themselves now",
        CRISIS,
        ((c.TAKEN,), (c.MEANS, c.SUICIDE)),
        window=8,
        hard=True,
        big_number=True,
    ),
    Rule(
        "act-taken-unwell",
        "Has taken something and feels its effects",
        CRISIS,
        ((c.TAKEN,), (c.MEANS, c.SUICIDE)),
        window=10,
        post_needs=(c.HARM_NOW, *RISK_CONTEXT),
        hard=True,
    ),
    Rule(
        "took-them-all",
        "Has taken all of something",
        CRISIS,
        ((c.TAKEN,), (c.QUANTITY,)),
        window=4,
        post_needs=(*ENDING, *READY, c.MEANS, c.HARM_NOW),
        hard=True,
    ),
    Rule(
        "harm-now",
        "Self-harm needing help now",
        CRISIS,
        ((c.SEVERITY,),),
        post_needs=(c.SELF_HARM, c.SELF_HARM_CUE, c.TAKEN),
        hard=True,
    ),
    Rule(
        "means-gathered",
        "Means gathered for an overdose or a method",
        CRISIS,
        ((c.STOCKPILE,),),
        post_needs=(c.MEANS,),
        hard=True,
    ),
    Rule(
        "plan-made",
        "A plan made: a date, a place or a method",
        CRISIS,
        ((c.PLAN_TIME,),),
        post_needs=(
            *ENDING,
            *READY,
            c.DEATH,
            c.MEANS,
            c.DANGER_PLACE,
            c.IMMINENCE,
            c.AT_PLACE,
            c.STOCKPILE,
            c.IDEATION,
        ),
        hard=True,
    ),
    Rule(
        "done-resolved",
        "Done, and resolved",
        CRISIS,
        ((c.DONE,),),
        post_needs=(c.RESOLVE, c.FINALITY, c.IMMINENCE, c.VAGUE_ACT, c.SUICIDE),
    ),
    Rule("at-danger-now", "At a dangerous place now", CRISIS, ((c.AT_PLACE,),), hard=True),
    Rule(
        "near-danger",
        "Near a dangerous place, ready",
        CRISIS,
        ((c.NEAR_PLACE,),),
        post_needs=(*ENDING, *READY, c.IMMINENCE, c.HOPELESS_CUE),
        hard=True,
    ),
    Rule("act-done", "Has taken or done something dangerous", CRISIS, ((c.ACT_DONE,),), hard=True),
    Rule("severe-injury", "An injury that needs help now", CRISIS, ((c.SEVERE_NOW,),), hard=True),
    Rule(
        "means-intent",
        "Means with an intent",
        CRISIS,
        ((c.INTENT,), (c.MEANS,)),
        window=5,
        post_needs=(*ENDING, c.DEATH, c.FINALITY, c.RESOLVE, c.IDEATION, c.BURDEN, c.HOPELESSNESS),
    ),
    Rule(
        "suicide-soon",
        "Ending their life with a time",
        CRISIS,
        ((c.SUICIDE, c.DEATH_WISH, c.SUICIDAL), (c.IMMINENCE,)),
        window=16,
        hard=True,
    ),
    Rule(
        "vague-plan",
        "Doing \u201cit\u201d with a time or the means",
        CRISIS,
        ((c.VAGUE_ACT,), (c.IMMINENCE, c.MEANS, c.PREPARATION, c.RESOLVE)),
        window=10,
        post_needs=(
            *READY,
            c.MEANS,
            c.SUICIDE,
            c.DEATH_WISH,
            c.DEATH,
            c.PREPARATION,
            c.HOPELESSNESS,
            c.BURDEN,
        ),
        hard=True,
    ),
    Rule(
        "method-plan",
        "Means gathered or a method chosen",
        CRISIS,
        ((c.MEANS,), (c.PREPARATION, c.INTENT)),
        window=10,
        post_needs=(*ENDING, *READY, c.DEATH, c.IDEATION, c.BURDEN),
        hard=True,
    ),
    Rule(
        "danger-place",
        "At a dangerous place, ready",
        CRISIS,
        ((c.DANGER_PLACE,),),
        post_needs=(*ENDING, *READY),
        hard=True,
    ),
    Rule("suicide-intent", "Intends to end their life", CRISIS, ((c.SUICIDE,),), window=8),
    Rule(
        "death-intent",
        "Intends to die",
        CRISIS,
        ((c.INTENT, c.RESOLVE), (c.DEATH, c.DEATH_WISH, c.VAGUE_ACT)),
        window=6,
        post_needs=(*READY, c.MEANS, c.IMMINENCE, c.SUICIDE),
    ),
    Rule("final-message", "A goodbye or last message", CRISIS, ((c.FINALITY,),)),
    Rule(
        "farewell",
        "A goodbye with thoughts of ending",
        CRISIS,
        ((c.FAREWELL,),),
        post_needs=(*ENDING, c.RESOLVE, c.BURDEN, c.HOPELESSNESS, c.MEANS),
    ),
    Rule("farewells", "Goodbyes", CRISIS, ((c.FAREWELL,), (c.FAREWELL, c.FINALITY)), window=40),
    Rule(
        "danger-from-others",
        "In danger from someone else now",
        CRISIS,
        ((c.THREAT,),),
        from_others=True,
    ),
    Rule(
        "abuse-now",
        "Abuse happening now",
        CRISIS,
        ((c.ABUSE,), (c.IMMINENCE,)),
        window=20,
        from_others=True,
    ),
    Rule(
        "grooming-meeting",
        "An older contact arranging to meet in secret",
        CRISIS,
        ((c.MEETING,), (c.SECRECY, c.OLDER, c.GIFTS)),
        window=30,
        post_needs=(c.SECRECY, c.OLDER),
        from_others=True,
    ),
    Rule(
        "sextortion",
        "Threatened over pictures or gifts",
        CRISIS,
        ((c.PICTURES, c.GIFTS), (c.COERCION, c.THREAT)),
        window=25,
        from_others=True,
    ),
    Rule(
        "grooming-pictures",
        "An older contact asking for pictures",
        CRISIS,
        ((c.PICTURES,), (c.SECRECY, c.OLDER, c.THREAT)),
        window=30,
        post_needs=(c.SECRECY, c.THREAT),
        from_others=True,
    ),
    # Concern: C-SSRS wish to be dead and non-specific thoughts; self-harm; eating;
    # hopelessness and burden; grooming signs; abuse.
    Rule("death-wish", "Wishes not to be alive", CONCERN, ((c.DEATH_WISH,),)),
    Rule("ideation", "Thoughts of suicide", CONCERN, ((c.IDEATION,),)),
    Rule("self-harm", "Self-harm", CONCERN, ((c.SELF_HARM,),)),
    Rule(
        "self-harm-signs",
        "Signs of self-harm",
        CONCERN,
        ((c.SELF_HARM_CUE,), (c.SELF_HARM_CUE, c.BODY, c.HOPELESSNESS, c.HOPELESS_CUE)),
        window=20,
    ),
    Rule("hopelessness", "Hopelessness", CONCERN, ((c.HOPELESSNESS,),)),
    Rule(
        "low-worth",
        "Feeling worthless",
        CONCERN,
        ((c.HOPELESS_CUE,), (c.HOPELESS_CUE, c.BURDEN, c.DEATH)),
        window=20,
    ),
    Rule("burden", "Feels a burden", CONCERN, ((c.BURDEN,),)),
    Rule("eating", "Eating-disorder behaviour", CONCERN, ((c.EATING,),)),
    Rule(
        "eating-signs",
        "Signs of disordered eating",
        CONCERN,
        ((c.EATING_CUE,), (c.EATING_CUE,)),
        window=25,
    ),
    Rule(
        "grooming-signs",
        "Signs of grooming",
        CONCERN,
        (
            (c.SECRECY, c.OLDER, c.GIFTS, c.PICTURES),
            (c.SECRECY, c.OLDER, c.GIFTS, c.PICTURES, c.OTHER_APP, c.FLATTERY, c.MEETING),
        ),
        window=30,
        from_others=True,
    ),
    Rule("abuse", "Abuse or violence", CONCERN, ((c.ABUSE,),), from_others=True),
    Rule(
        "secrecy-asked",
        "Asked to keep secrets or move apps",
        CONCERN,
        ((c.ASKING,), (c.SECRECY, c.PICTURES, c.OTHER_APP, c.MEETING)),
        window=10,
        post_needs=(c.OLDER, c.FLATTERY, c.GIFTS, c.SECRECY),
        from_others=True,
    ),
    Rule("telling-to-harm", "Telling someone to harm themselves", BLOCKED, ((c.TELLING_TO_HARM,),)),
]
LEVEL_RANK = {CRISIS: 4, BLOCKED: 3, CONCERN: 2, BULLYING: 1, NONE: 0}


@dataclass(frozen=True)
class Finding:
    rule: str
    title: str
    level: str
    words: tuple
    concepts: tuple
    modifiers: tuple = ()
    excerpt: str = ""


@dataclass
class Context:
    """What the post as a whole says: which concepts occur anywhere in it."""

    concepts: set = field(default_factory=set)

    @property
    def looks_back(self):
        """The post tells of recovery or a distant past somewhere."""
        return bool(self.concepts.intersection((c.RECOVERY, c.DISTANT_PAST)))


def _combinations(rule, hits):
    """Each way the hits fill the rule's needs within its window: one per anchor (a hit
    for the first need), with the nearest hit for every other need."""
    by_need = [[hit for hit in hits if hit.concept in need] for need in rule.needs]
    if not all(by_need):
        return
    for anchor in by_need[0]:
        chosen = [anchor]
        for candidates in by_need[1:]:
            others = [hit for hit in candidates if not _overlaps(hit, chosen)]
            if not others:
                break
            chosen.append(min(others, key=lambda hit: abs(hit.start - anchor.start)))
        else:
            start = min(hit.start for hit in chosen)
            end = max(hit.end for hit in chosen)
            if end - start <= rule.window or len(chosen) == 1:
                yield chosen


def _big_number_near(sentence, chosen, hits, reach=6):
    start = max(min(hit.start for hit in chosen) - reach, 0)
    end = max(hit.end for hit in chosen) + reach
    nearby = sentence[start:end]
    if any(hit.concept == c.QUANTITY and start <= hit.start < end for hit in hits):
        return True
    return any(
        (NUMBER.fullmatch(word) and int(word[:6]) >= BIG_NUMBER) or word in BIG_NUMBER_WORDS
        for word in nearby
    )


def _subject(sentence, chosen):
    """Whose act or feeling this is: "self", "you" or "other" (someone else), or ""
    when the sentence does not say (most posts drop the "i": "took 20 an hour ago")."""
    words = [word for hit in chosen for word in hit.words]
    if any(word in {"myself", "my", "me"} for word in words):
        return "self"
    if any(word in {"yourself", "urself", "yourselves"} for word in words):
        return "you"
    if any(word in {"himself", "herself", "themselves", "themself"} for word in words):
        return "other"
    start = min(hit.start for hit in chosen)
    for word in reversed(sentence[max(start - SUBJECT_REACH, 0) : start]):
        if word in FIRST_PERSON:
            return "self"
        if word in SECOND_PERSON:
            return "you"
        if word in THIRD_PERSON:
            return "other"
    return ""


def _overlaps(hit, chosen):
    return any(hit.start < other.end and other.start < hit.end for other in chosen)


def _negated(sentence, chosen, hits):
    start = min(hit.start for hit in chosen)
    negations = {
        hit.start for hit in hits if hit.concept == c.NEGATION and not _overlaps(hit, chosen)
    }
    index = start - 1
    while index >= 0 and start - index <= 6:
        if index in negations:
            return True
        if sentence[index] not in NEGATION_GAP:
            return False
        index -= 1
    return False


def _near(concept, chosen, hits, before=6, after=6):
    """A hit of `concept` within `before` words before the rule's words or `after`
    words after them (touching counts), not part of them."""
    start = min(hit.start for hit in chosen)
    end = max(hit.end for hit in chosen)
    return any(
        hit.concept == concept
        and not _overlaps(hit, chosen)
        and hit.end >= start - before
        and hit.start <= end + after
        for hit in hits
    )


def _without_idioms(hits):
    """The hits, less those inside an idiom ("this homework is killing me")."""
    idioms = [hit for hit in hits if hit.concept == c.IDIOM]
    return [
        hit
        for hit in hits
        if hit.concept in MODIFIERS
        or not any(idiom.start <= hit.start and hit.end <= idiom.end for idiom in idioms)
    ]


def _modify(rule, sentence, chosen, hits, context):
    """(level, modifiers that changed it) for a rule that fired."""
    level = rule.level
    subject = _subject(sentence, chosen)
    # A negation inside the words that fired is part of them ("do not want to live").
    here = {hit.concept for hit in hits if hit.concept != c.NEGATION or not _overlaps(hit, chosen)}
    # Whoever writes of themselves beside words telling someone to die is far more often
    # quoting what was said to them than saying it: never refuse them.
    speaks_of_self = any(word in {"i", "me", "my", "myself"} for word in sentence)
    story_here = c.FICTION in here
    if rule.level == BLOCKED:
        if c.OFFER_HELP in context.concepts and not speaks_of_self:
            return NONE, ("offering help",)
        # Someone quoting abuse aimed at them is never refused: any sign of it will do.
        if speaks_of_self or context.concepts & {c.QUOTING, c.TOLD_TO}:
            return BULLYING, ("quoting abuse received",)
        if _negated(sentence, chosen, hits):
            return NONE, ("negation",)
        return level, ()
    distant_past = _near(c.DISTANT_PAST, chosen, hits, before=10, after=10)
    if rule.from_others:
        return _from_others(level, sentence, here, context, distant_past)
    if _near(c.TOLD_TO, chosen, hits, before=1, after=0) and subject != "other":
        return BULLYING, ("quoting abuse received",)
    if distant_past and not (rule.hard and c.IMMINENCE in here):
        return NONE, ("the past",)
    if rule.hard:
        if subject in ("other", "you") and c.FICTION in context.concepts:
            return NONE, ("someone else's story",)
        if subject == "you" and context.concepts & {c.OFFER_HELP, c.ASKING_HELP}:
            return NONE, ("offering help",)
        return level, ()
    if c.RELAPSE not in context.concepts and (c.RECOVERY in here or context.looks_back):
        # Told in recovery, a crisis reading is still read by a moderator.
        return (CONCERN if level == CRISIS else NONE), (
            "recovery" if c.RECOVERY in here else "the past",
        )
    if _negated(sentence, chosen, hits):
        return (CONCERN if level == CRISIS else NONE), ("negation",)
    if (story_here and subject != "self") or (subject == "" and c.FICTION in context.concepts):
        return NONE, ("fiction, school work or news",)
    if subject in ("other", "you"):
        if c.FICTION in context.concepts:
            return NONE, ("fiction, school work or news",)
        if c.OFFER_HELP in context.concepts and c.ASKING_HELP not in context.concepts:
            return NONE, ("offering help",)
        if level == CRISIS:
            return CONCERN, ("someone else",)
        return level, ()
    if subject == "" and c.OFFER_HELP in context.concepts:
        return NONE, ("offering help",)
    if c.HYPERBOLE in here and level == CRISIS:
        # "lol" is everywhere: it makes a crisis a concern, never nothing.
        return CONCERN, ("joking",)
    return level, ()


def _from_others(level, sentence, here, context, distant_past):
    """Danger from someone else: whose sentence it is does not lower it, but a story,
    advice to others, or a past the writer has recovered from does."""
    first_person = any(word in FIRST_PERSON for word in sentence)
    if c.STORY in here:
        return NONE, ("fiction, school work or news",)
    if not first_person and c.OFFER_HELP in context.concepts:
        return NONE, ("offering help",)
    if distant_past and c.RECOVERY in context.concepts:
        return NONE, ("recovery",)
    if distant_past and level == CRISIS:
        return CONCERN, ("the past",)
    return level, ()


def is_evidence(finding):
    """A finding the model may build a crisis on: one the rules kept at a level of its own,
    not one a modifier lowered on purpose (negation, someone else, a story, a joke)."""
    return bool(finding.level) and not finding.modifiers


def reading_of(findings):
    """What the rules made of a post, for the model (`model.combined_level`): "evidence",
    "lowered" (every finding a modifier lowered) or "" (nothing fired)."""
    if any(is_evidence(finding) for finding in findings):
        return "evidence"
    return "lowered" if findings else ""


def evaluate(sentences, lexicon):
    """Every finding in the post: each rule at most once, at its most serious."""
    all_hits = [_without_idioms(lexicon.hits(sentence)) for sentence in sentences]
    context = Context({hit.concept for hits in all_hits for hit in hits})
    best = {}
    for sentence, hits in zip(sentences, all_hits, strict=True):
        for rule in RULES:
            if rule.post_needs and not context.concepts.intersection(rule.post_needs):
                continue
            for chosen in _combinations(rule, hits):
                if (
                    rule.big_number
                    and c.QUANTITY not in context.concepts
                    and not _big_number_near(sentence, chosen, hits)
                ):
                    continue
                level, modifiers = _modify(rule, sentence, chosen, hits, context)
                finding = Finding(
                    rule=rule.id,
                    title=rule.title,
                    level=level,
                    words=tuple(
                        word for hit in sorted(chosen, key=lambda h: h.start) for word in hit.words
                    ),
                    concepts=tuple(dict.fromkeys(hit.concept for hit in chosen)),
                    modifiers=modifiers,
                    excerpt=_excerpt(sentence, chosen),
                )
                previous = best.get(rule.id)
                if previous is None or LEVEL_RANK[level] > LEVEL_RANK[previous.level]:
                    best[rule.id] = finding
    return list(best.values())


MODIFIERS = {
    c.NEGATION,
    c.DISTANT_PAST,
    c.RECOVERY,
    c.RELAPSE,
    c.FICTION,
    c.STORY,
    c.OFFER_HELP,
    c.ASKING_HELP,
    c.QUOTING,
    c.TOLD_TO,
    c.HYPERBOLE,
    c.IDIOM,
    c.BODY,
}


def _excerpt(sentence, chosen, reach=6):
    start = max(min(hit.start for hit in chosen) - reach, 0)
    end = max(hit.end for hit in chosen) + reach
    return " ".join(sentence[start:end])
