"""What a member wrote, as sentences of plain lowercase words for the concept rules.

Young people disguise words to get past filters and write fast: emoji for words
("catch the 🚌", 💊), look-alike letters from other alphabets (a Cyrillic "i" in
"kill"), fullwidth letters, leetspeak ("k1ll mys3lf"), symbols for letters ("s*icide",
"k!ll"), spaced or dotted letters ("s u i c i d e"), stretched letters ("diiie"),
typos ("sucide") and slang ("kms", "ctb"). `sentences(text)` undoes each of these
without breaking ordinary words: a disguised or misspelt word is only replaced when
it resolves to a word the lexicons know.
"""

import functools
import re
from itertools import product

from moderation.screening.normalise import LEET, WORDS, fold

from .slang import EMOJI, KEPT_SLANG, S_MEANS_IS, SHORTHAND
from .spelling import correct_typo, english_words, vocabulary

EMOJI_PATTERN = re.compile("|".join(re.escape(emoji) for emoji in EMOJI))

# Letters from other alphabets that look like Latin ones (Cyrillic "a", "e", "o" ...).
# NFKD already handles fullwidth, mathematical and accented letters.
CONFUSABLES = str.maketrans(
    "аеорсхуіїјѕкмтнвзлАЕОРСХУІЈЅКМТНВЗЛαβεηικμνορτυχωΑΒΕΗΙΚΜΝΟΡΤΥΧıſ",
    "aeopcxyiijskmthb3nAEOPCXYIJSKMTHB3NabenikmvoptuxwABEHIKMNOPTYXis",
)

SENTENCE_END = re.compile(r"[!?\n;]+|\.(?=\s|$)|\s[-\u2013\u2014]\s")
# A symbol between letters may stand for one letter ("s*icide", "k!ll", "su!c!de").
CENSOR_CHARS = "*#!?%_-.@$"
SYMBOLS = re.escape(CENSOR_CHARS)  # the same, for a character class
CENSORED = re.compile(
    rf"(?<![a-z0-9{SYMBOLS}])(?=[a-z0-9{SYMBOLS}]*[a-z])(?=[a-z0-9{SYMBOLS}]*[0-9{SYMBOLS}])"
    rf"[a-z0-9@$][a-z0-9{SYMBOLS}]*[a-z0-9]"
)
APOSTROPHE = re.compile(r"(?<=[a-z])['\u2019`](?=[a-z])")
NOT_A_WORD = re.compile(r"[^a-z0-9 ]+")
# "k i l l", "s.u.i.c.i.d.e", "c t b": letters standing alone, three or more in a row.
SPELLED_OUT = re.compile(r"(?<![a-z0-9])[a-z](?: [a-z](?![a-z0-9])){2,}")
RUN = re.compile(r"([a-z])\1+")


def _resolve_censored(found):
    """ "s*icide" → "suicide", "k!ll" → "kill", "d13" → "die": the lexicon word that
    the disguised one can stand for, if there is exactly one."""
    token = found.group(0)
    leet = token.translate(str.maketrans(LEET))
    for reading in (leet, token.replace("1", "l").translate(str.maketrans(LEET))):
        if reading and reading in vocabulary():
            return reading
    pattern = re.escape(token)
    for char in CENSOR_CHARS:
        pattern = pattern.replace(re.escape(char), "[a-z]?")
    for digit, letter in LEET.items():
        if digit.isdigit():
            pattern = pattern.replace(digit, f"[{letter}l]" if digit == "1" else letter)
    regex = re.compile(pattern)
    letters = sum(char.isalnum() for char in token)
    candidates = _words_of_length(letters, len(token))
    matches = {word for word in candidates if regex.fullmatch(word)}
    if len(matches) == 1:
        return matches.pop()
    return token


@functools.lru_cache(maxsize=256)
def _words_of_length(shortest, longest):
    return tuple(word for word in vocabulary() if shortest <= len(word) <= longest)


def _destretch(word):
    """ "diiiie" → "die", "kiiilll" → "kill": each run of letters read as one or two,
    whichever spelling the lexicons know; else two of each ("soooo" → "soo")."""
    runs = list(RUN.finditer(word))
    if not runs or word in vocabulary():
        return word
    if len(runs) > 4:
        return RUN.sub(r"\1\1", word)
    for choice in product((1, 2), repeat=len(runs)):
        parts, last = [], 0
        for run, keep in zip(runs, choice, strict=True):
            parts.append(word[last : run.start()] + run.group(1) * keep)
            last = run.end()
        candidate = "".join(parts) + word[last:]
        if candidate in vocabulary():
            return candidate
    return RUN.sub(r"\1\1", word)


def _plain_word(word):
    word = _destretch(word)
    if word in KEPT_SLANG:
        return KEPT_SLANG[word]
    if word in SHORTHAND:
        return SHORTHAND[word]
    if word.endswith("in") and word + "g" in vocabulary() and word not in english_words():
        return word + "g"  # "doin", "standin", "feelin"
    if word in WORDS:
        return WORDS[word]
    return correct_typo(word)


def _join_letters(found):
    """ "s u i c i d e" → "suicide"; "s u i c i d e a lot" → "suicide a lot": a lone
    "a" or "i" after the spelled word is a word of its own when that leaves a known one."""
    joined = found.group(0).replace(" ", "")
    if joined not in vocabulary() and joined[-1] in "ai" and joined[:-1] in vocabulary():
        return f"{joined[:-1]} {joined[-1]}"
    return joined


APOSTROPHE_S = re.compile(r"\b([a-z]+)['\u2019]s\b")
CONTRACTION = re.compile(r"(?<=[a-z])['\u2019](d|ll|re|ve|m)\b")
CONTRACTED = {"d": " would", "ll": " will", "re": " are", "ve": " have", "m": " am"}


OVERDOSED = re.compile(r"\bod['\u2019]d\b|\boded\b")


def _expand_contractions(sentence):
    sentence = OVERDOSED.sub("overdosed", sentence)
    sentence = APOSTROPHE_S.sub(
        lambda found: f"{found.group(1)} is" if found.group(1) in S_MEANS_IS else found.group(1),
        sentence,
    )
    return CONTRACTION.sub(lambda found: CONTRACTED[found.group(1)], sentence)


def _sentence_words(sentence):
    sentence = _expand_contractions(sentence)
    sentence = APOSTROPHE.sub("", sentence)
    sentence = NOT_A_WORD.sub(" ", sentence)
    sentence = SPELLED_OUT.sub(_join_letters, sentence)
    words = []
    for word in sentence.split():
        words.extend(_plain_word(word).split())
    return words


def prepare(text):
    """Lowercase ASCII with emoji read as words and look-alike letters made Latin."""
    text = EMOJI_PATTERN.sub(lambda found: EMOJI[found.group(0)], text)
    return CENSORED.sub(_resolve_censored, fold(text.translate(CONFUSABLES)))


# A Markdown quote ("> i feel like a burden") is what someone else wrote, screened when
# they posted it; a reply is read for its own words.
QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)


def sentences(text):
    """The text as a list of sentences, each a list of plain words."""
    found = []
    for sentence in SENTENCE_END.split(prepare(QUOTED_LINE.sub("", text))):
        words = _sentence_words(sentence)
        if words:
            found.append(words)
    return found
