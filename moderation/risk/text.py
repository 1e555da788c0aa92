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

from moderation.normalise import LEET, WORDS, fold

# Emoji that stand for words. Laughing and skull emoji mark a joke ("i'm dead 💀").
EMOJI = {
    "🔪": " knife ",
    "🗡": " knife ",
    "💊": " pills ",
    "🩸": " blood ",
    "🚌": " bus ",
    "🚍": " bus ",
    "🪢": " rope ",
    "⚰": " coffin ",
    "🪦": " grave ",
    "🔫": " gun ",
    "🌉": " bridge ",
    "🚆": " train ",
    "🚂": " train ",
    "🚄": " train ",
    "🚇": " train ",
    "🚉": " train ",
    "🛤": " tracks ",
    "🏢": " building ",
    "💀": " skull ",
    "☠": " skull ",
    "😂": " lol ",
    "🤣": " lol ",
    "😹": " lol ",
    "😆": " lol ",
    "🧂": " salt ",
    "🍝": " pasta ",
    "🩹": " bandage ",
    "🦓": " zebra ",
    "✂": " scissors ",
    "🔥": " fire ",
    "👻": " snap ",
}
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
MIN_TYPO_LENGTH = 4
KNOWN_WORD_COUNT = 50


@functools.lru_cache(maxsize=1)
def vocabulary():
    """Every single word the lexicons use, and the words they are made of."""
    from .lexicon import CONCEPTS

    words = set()
    for patterns in CONCEPTS.values():
        for pattern in patterns:
            words.update(word.rstrip("*") for word in pattern.split() if word != "*")
    words.update(word for plain in WORDS.values() for word in plain.split())
    words.update(WORDS)
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def typo_index():
    """Each lexicon word of four letters or more under every spelling one
    letter shorter, so a typo one letter off ("sucide", "suicdie", "paracetmol",
    "overdsoe") is found with a dictionary look-up instead of a scan."""
    index = {}
    for word in vocabulary():
        if len(word) >= MIN_TYPO_LENGTH and word.isalpha():
            for variant in _deletions(word):
                index.setdefault(variant, set()).add(word)
    return index


def _deletions(word):
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@functools.lru_cache(maxsize=1)
def english_words():
    """Words of ordinary English (pyspellchecker's frequency list, shipped in its
    wheel): a real word is never "corrected" into another ("smashed" is not "stashed")."""
    from spellchecker import SpellChecker

    frequencies = SpellChecker(distance=1).word_frequency
    return frozenset(word for word, count in frequencies.items() if count >= KNOWN_WORD_COUNT)


def _correct_typo(word):
    """The one lexicon word `word` is a slip of (a letter missing, extra, changed or
    two swapped, same first letter), or `word` itself."""
    if len(word) < MIN_TYPO_LENGTH or word in vocabulary() or not word.isalpha():
        return word
    if word in english_words():
        return word
    index = typo_index()
    candidates = set(index.get(word, ()))  # a letter missing from word
    for variant in _deletions(word):
        if variant in vocabulary() and len(variant) >= MIN_TYPO_LENGTH:
            candidates.add(variant)  # an extra letter in word
        candidates.update(index.get(variant, ()))  # a letter changed or two swapped
    candidates = {candidate for candidate in candidates if candidate[0] == word[0]}
    if len(candidates) == 1:
        return candidates.pop()
    return _sounds_like(word)


# Spelling by sound ("sooside", "tablits", "goodby", "leter"): words compared by their
# consonants, read as they sound, with vowels dropped after the first letter.
SOUNDS = [
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"ck|c|q"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"z"), "s"),
    (re.compile(r"(?<=.)[aeiouyhw]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
]
MIN_SOUND_KEY = 3


def sound_key(word):
    for pattern, replacement in SOUNDS:
        word = pattern.sub(replacement, word)
    return word


@functools.lru_cache(maxsize=1)
def sound_index():
    """Each lexicon word of five letters or more under its sound key."""
    index = {}
    for word in vocabulary():
        if len(word) >= 5 and word.isalpha():
            index.setdefault(sound_key(word), set()).add(word)
    return index


def _sounds_like(word):
    """The one lexicon word that sounds like `word`, or `word` itself."""
    key = sound_key(word)
    candidates = sound_index().get(key, ()) if len(key) >= MIN_SOUND_KEY else ()
    return next(iter(candidates)) if len(candidates) == 1 else word


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


# Slang the watched phrases read as other words, kept as it is here because the
# lexicons know it ("unalive" is not any "kill": it is about oneself).
KEPT_SLANG = {
    "unalive": "unalive",
    "unalived": "unalive",
    "unaliving": "unaliving",
    "kms": "kms",
}
# Shorthand the lexicons read as the plain word (on top of moderation.normalise.WORDS).
SHORTHAND = {
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "ppl": "people",
    "smth": "something",
    "sth": "something",
    "wiv": "with",
    "wot": "what",
    "nowt": "nothing",
    "owt": "anything",
    "tho": "though",
    "thru": "through",
    "til": "till",
    "mesel": "myself",
    "masel": "myself",
    "maself": "myself",
    "yerself": "yourself",
    "ya": "you",
    "ye": "you",
    "yous": "you",
    "youse": "you",
    "r": "are",
    "cannae": "can not",
    "dinnae": "do not",
    "didnae": "did not",
    "wouldnae": "would not",
    "willnae": "will not",
    "isnae": "is not",
    "tryna": "trying to",
    "morra": "tomorrow",
    "2moro": "tomorrow",
    "2nite": "tonight",
    "2day": "today",
    "shd": "sh",
    "shing": "sh",
    "msg": "message",
    "ths": "this",
    "thnk": "thank",
    "thnx": "thanks",
    "thx": "thanks",
    "ty": "thank you",
    "evryone": "everyone",
    "every1": "everyone",
    "any1": "anyone",
    "some1": "someone",
    "no1": "no one",
    "pls": "please",
    "plz": "please",
    "kil": "kill",
    "kiled": "killed",
    "kilin": "killing",
    "nite": "night",
    "tonite": "tonight",
    "tomorow": "tomorrow",
    "tommorow": "tomorrow",
    "tmrw": "tomorrow",
    "havnt": "have not",
    "evry": "every",
    "evrything": "everything",
    "evryones": "everyone is",
    "l8r": "later",
    "luv": "love",
    "m8": "mate",
    "jus": "just",
    "rlly": "really",
    "alr": "already",
    "sumthin": "something",
    "nd": "and",
    "wknd": "weekend",
    "tmw": "tomorrow",
    "2nyt": "tonight",
    "youre": "you are",
    "theyre": "they are",
    "thats": "that is",
    "whats": "what is",
    "wen": "when",
    "naebody": "nobody",
    "naewan": "no one",
    "wud": "would",
    "nevr": "never",
    "beter": "better",
    "skiped": "skipped",
    "brekkie": "breakfast",
    "relaps": "relapse",
    "genuinly": "genuinely",
    "befor": "before",
    "insted": "instead",
    "addy": "address",
}


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
    return _correct_typo(word)


def _join_letters(found):
    """ "s u i c i d e" → "suicide"; "s u i c i d e a lot" → "suicide a lot": a lone
    "a" or "i" after the spelled word is a word of its own when that leaves a known one."""
    joined = found.group(0).replace(" ", "")
    if joined not in vocabulary() and joined[-1] in "ai" and joined[:-1] in vocabulary():
        return f"{joined[:-1]} {joined[-1]}"
    return joined


# "it's", "that's": "'s" is "is"; elsewhere ("mia's back", "mum's tablets") it is
# dropped, so the word itself is read.
S_MEANS_IS = {
    "it",
    "that",
    "he",
    "she",
    "there",
    "what",
    "who",
    "where",
    "here",
    "everything",
    "nothing",
    "everyone",
    "nobody",
    "life",
    "mia",
    "ana",
    "si",
    "sh",
    "tonight",
    "today",
    "friday",
    "saturday",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "night",
}
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
