"""Finding the lexicons' words in a sentence of plain words.

Every pattern of every concept is filed under its first word (or, for a pattern that
starts with a wildcard or a prefix, under a short list checked everywhere), so a
sentence is read once, word by word, whatever the size of the lexicons.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    concept: str
    start: int  # index of the first word in the sentence
    end: int  # index after the last word
    words: tuple


def _word_matches(pattern_word, word):
    if pattern_word == "*":
        return True
    if pattern_word.endswith("*"):
        return word.startswith(pattern_word[:-1])
    return pattern_word == word


class Lexicon:
    """Concepts and their patterns, compiled for fast look-up."""

    def __init__(self, concepts):
        self.by_first_word = {}
        self.anywhere = []
        for concept, patterns in concepts.items():
            for pattern in patterns:
                words = tuple(pattern.split())
                if not words:
                    continue
                if words[0].endswith("*"):
                    self.anywhere.append((concept, words))
                else:
                    self.by_first_word.setdefault(words[0], []).append((concept, words))

    def hits(self, sentence):
        """Every (concept, span) found in the sentence, longest pattern first at each
        position; overlapping hits of different concepts are all kept, because one word
        can mean several things ("deep" is depth of a cut, "dead" a wish or a joke)."""
        found = []
        for start, word in enumerate(sentence):
            for concept, words in [*self.by_first_word.get(word, ()), *self.anywhere]:
                end = start + len(words)
                if end <= len(sentence) and all(
                    _word_matches(pattern_word, sentence[start + offset])
                    for offset, pattern_word in enumerate(words)
                ):
                    found.append(Hit(concept, start, end, tuple(sentence[start:end])))
        return found


def overlaps(hit, others):
    """Whether `hit` shares a word with any of `others`."""
    return any(hit.start < other.end and other.start < hit.end for other in others)
