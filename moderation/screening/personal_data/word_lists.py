"""Looking words up in lists: as one regular expression, within a typo, without accents."""

import re
import unicodedata


def trie(words):
    """A regular expression for any of `words`, as a tree of their shared beginnings: far
    faster to try at every word of a long post than the words one after another. A space
    in a word stands for any run of spaces."""
    tree = {}
    for word in words:
        node = tree
        for character in word.lower():
            node = node.setdefault(character, {})
        node[""] = {}

    def build(node):
        branches = [re.escape(key) + build(child) for key, child in sorted(node.items()) if key]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree).replace("\\ ", r"\s+")


def fold(text):
    """Lowercase ASCII letters without accents: "Coláiste" → "colaiste"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _deletions(word):
    return {word[:index] + word[index + 1 :] for index in range(len(word))}


class Typos:
    """Words within one slip of a known word: a letter missing, added, changed or two
    swapped ("acdemy", "snapp", "mrach", "discrod")."""

    def __init__(self, words, shortest=5):
        self.words = set(words)
        self.shortest = shortest
        self._deleted = {}
        for word in self.words:
            if len(word) >= shortest - 1:
                for deleted in _deletions(word):
                    self._deleted.setdefault(deleted, word)

    def get(self, token):
        token = token.lower()
        if token in self.words:
            return token
        if len(token) < self.shortest or not token.isalpha():
            return None
        if token in self._deleted:
            return self._deleted[token]
        for deleted in _deletions(token):
            if deleted in self.words:
                return deleted
            if deleted in self._deleted and len(self._deleted[deleted]) >= self.shortest:
                return self._deleted[deleted]
        return None
