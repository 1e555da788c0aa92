"""The modifiers: what the words around a rule that fired make of it.

- negation ("i'm not going to kill myself") turns a crisis into a concern: people
  often play down how they feel, so a moderator still reads it;
- the past and recovery ("i used to want to die", "2 years clean") leave it alone;
- someone else ("my friend wants to kill herself") makes it a concern: the writer is
  worried and a moderator can help them help;
- fiction, school work, news and lyrics, and offering help ("if anyone feels
  suicidal, call 116 123") leave it alone when the writer is not talking of themselves;
- quoting abuse received ("they told me to kys") makes it bullying, never refused;
- a joke or an idiom ("dying of cringe 💀", "kms this test lol") lowers it a step.

A `hard` rule (`rulebook`) is lowered only by a distant past or someone else's story.
"""

from . import lexicon as c
from .matching import overlaps
from .rulebook import BLOCKED, BULLYING, CONCERN, CRISIS, NONE

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
# The concepts that change what a rule found rather than fire one of their own.
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


def _negated(sentence, chosen, hits):
    start = min(hit.start for hit in chosen)
    negations = {
        hit.start for hit in hits if hit.concept == c.NEGATION and not overlaps(hit, chosen)
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
        and not overlaps(hit, chosen)
        and hit.end >= start - before
        and hit.start <= end + after
        for hit in hits
    )


def modify(rule, sentence, chosen, hits, context):
    """(level, modifiers that changed it) for a rule that fired."""
    level = rule.level
    subject = _subject(sentence, chosen)
    # A negation inside the words that fired is part of them ("do not want to live").
    here = {hit.concept for hit in hits if hit.concept != c.NEGATION or not overlaps(hit, chosen)}
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
