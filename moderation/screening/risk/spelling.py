"""Typos and spelling by sound, resolved to the words the lexicons know.

A word one slip away from a lexicon word ("sucide", "paracetmol") or spelt as it sounds
("sooside", "tablits") is read as that word, but only when exactly one word fits and
the word is not ordinary English already ("smashed" is never "stashed").
"""

import functools
import re

from moderation.screening.normalise import WORDS

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


def correct_typo(word):
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
