"""Folding what members write into plain forms the watched phrases can match.

People disguise words ("k1ll", "s.u.i.c.i.d.e", "sooooo"), misspell them ("sucide") or
use community slang ("kms", "unalive", "sewerslide"). `text_forms(text)` returns a few
plain-lowercase versions of the text that differ only in how such tricks were undone;
a phrase matches if it matches any of them. A "|" stands where a clause ended (",",
"!", "?", ". " or a new line), so a phrase never spans two sentences and a "not" in one
clause never cancels the next.
"""

import re
import unicodedata
from dataclasses import dataclass

LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
# "1" stands for "i" as often as for "l" ("k1ll", "se1f"), so both readings are kept.
LEET_ONE_AS_I = str.maketrans(LEET)
LEET_ONE_AS_L = str.maketrans(LEET | {"1": "l"})

# Whole words swapped before matching: contractions (so a phrase need not list both
# "can't" and "cannot"), misspellings and slang. Keys are as they look once apostrophes
# are dropped; values are plain words the default phrases use.
WORDS = {
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "didnt": "did not",
    "doesnt": "does not",
    "cant": "can not",
    "cannot": "can not",
    "couldnt": "could not",
    "wont": "will not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "havent": "have not",
    "aint": "am not",
    "wanna": "want to",
    "gonna": "going to",
    "gunna": "going to",
    "gona": "going to",
    "imma": "i am going to",
    "ima": "i am going to",
    "u": "you",
    "ur": "your",
    "urself": "yourself",
    "myslef": "myself",
    "meself": "myself",
    "killmyself": "kill myself",
    "suicde": "suicide",
    "sucide": "suicide",
    "suiside": "suicide",
    "suicid": "suicide",
    "suacide": "suicide",
    "sewerslide": "suicide",
    "sucidal": "suicidal",
    "suicdal": "suicidal",
    "suisidal": "suicidal",
    "suicidel": "suicidal",
    "kms": "kill myself",
    "kys": "kill yourself",
    "kmsl": "killing myself laughing",
    "unalive": "kill",
    "unalived": "killed",
    "unaliving": "killing",
    "selfharm": "self harm",
    "selfharming": "self harming",
    "selfharmed": "self harmed",
    "od": "overdose",
    "oding": "overdosing",
    "oded": "overdosed",
    "hopless": "hopeless",
}
# The same words when the writer stretched them ("kmsss", "gonnaaa").
WORDS_STRETCHED = {re.sub(r"([a-z])\1+", r"\1", word): plain for word, plain in WORDS.items()}
PHRASES = [
    (re.compile(r"\bsewer slide\b"), "suicide"),
    (re.compile(r"\bun alive\b"), "kill"),
    (re.compile(r"\bmy self\b"), "myself"),
]

CLAUSE_END = re.compile(r"[,;:!?()\[\]\n]|\.(?:\s|$)|\s[-\u2013\u2014]\s")
# Starts only where a run starts, so a long run without digits is read once, not once
# from every letter in it.
LEET_TOKEN = re.compile(r"(?<![a-z0-9@$])[a-z0-9@$]*[013457@$][a-z0-9@$]*")
ORDINAL_OR_TIME = re.compile(r"\d+(?:st|nd|rd|th|am|pm|s|k|m|x)")
# "k.i.l.l", "k i l l", "s-u-i-c-i-d-e": three or more single letters in a row.
SPELLED_OUT = re.compile(r"\b[a-z](?: [a-z]\b){2,}")
RUN_OF_THREE = re.compile(r"([a-z])\1{2,}")
RUN = re.compile(r"([a-z])\1+")


@dataclass(frozen=True)
class Form:
    """One normalised reading of the text: `runs` says how repeated letters were
    collapsed ("two": "soooo" → "soo", keeping "kill"; "one": → "so", "kil")."""

    text: str
    runs: str


def fold(text):
    """Lowercase ASCII with accents removed ("Ñ" → "n", "ﬁ" → "fi")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode().lower()


def _undo_leet(text, table):
    def token(found):
        word = found.group(0)
        if not re.search(r"[a-z]", word) or ORDINAL_OR_TIME.fullmatch(word):
            return word
        return word.translate(table)

    return LEET_TOKEN.sub(token, text)


def _plain_words(text):
    text = CLAUSE_END.sub(" | ", text)
    text = re.sub(r"(?<=[a-z])['*](?=[a-z])", "", text)
    text = re.sub(r"[^a-z0-9|]+", " ", text)
    text = SPELLED_OUT.sub(lambda found: found.group(0).replace(" ", ""), text)
    return re.sub(r"(?:\s*\|\s*)+", " | ", text).strip(" |")


STRETCHED_WORD = re.compile(r"\b[a-z]*([a-z])\1{2,}[a-z]*\b")


def _swap_words(text):
    text = " ".join([WORDS.get(word, word) for word in text.split(" ")])
    text = STRETCHED_WORD.sub(
        lambda found: WORDS_STRETCHED.get(RUN.sub(r"\1", found.group(0)), found.group(0)), text
    )
    for pattern, plain in PHRASES:
        text = pattern.sub(plain, text)
    return text


def collapse_runs(text, keep):
    """ "soooo" → "soo" (keep=2) or "so" (keep=1)."""
    if keep == 1:
        return RUN.sub(r"\1", text)
    return RUN_OF_THREE.sub(r"\1\1", text)


def text_forms(text):
    """Every normalised reading of `text`, without duplicates, most literal first."""
    folded = fold(text)
    readings = [_undo_leet(folded, LEET_ONE_AS_I)]
    if "1" in folded:
        readings.append(_undo_leet(folded, LEET_ONE_AS_L))
    forms = []
    for reading in readings:
        two = _swap_words(collapse_runs(_plain_words(reading), keep=2))
        for form in (Form(two, "two"), Form(collapse_runs(two, keep=1), "one")):
            if form not in forms:
                forms.append(form)
    return forms


def normalise(text):
    """The most literal normalised reading: what a phrase or exception is written as."""
    return text_forms(text)[0].text
