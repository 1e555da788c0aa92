"""Working copies of a post that read disguised writing plainly.

Each copy is made from the one before by replacing some spans ("oh seven seven" → "077",
"e m m a x" → "emmax"), and remembers where each part came from, so whatever is found
in a copy is reported as the writer's own words: a real substring of what they wrote.
"""

import bisect
import re
import unicodedata

from .number_words import with_digits


class Copy:
    """A text made from its parent by replacing spans; maps its spans back to the root."""

    def __init__(self, text, parent=None, edits=()):
        self.text = text
        self.parent = parent
        # (start, end) in this copy, then (start, end) in the parent, of each edit.
        self._edits = list(edits)
        self._starts = [edit[0] for edit in self._edits]

    def _start(self, index):
        at = bisect.bisect_right(self._starts, index) - 1
        if at < 0:
            return index
        _, end, parent_start, parent_end = self._edits[at]
        return parent_start if index < end else parent_end + index - end

    def _end(self, index):
        at = bisect.bisect_left(self._starts, index) - 1
        if at < 0:
            return index
        _, end, _, parent_end = self._edits[at]
        return parent_end if index <= end else parent_end + index - end

    def span(self, start, end):
        """Where this copy's text[start:end] came from in the root text."""
        copy = self
        while copy.parent is not None:
            start, end = copy._start(start), copy._end(end)
            copy = copy.parent
        return start, end

    def rewrite(self, replacements):
        """A new copy with each (start, end, new text) replaced; they must be in order
        and must not overlap."""
        pieces, edits, done, shift = [], [], 0, 0
        for start, end, new in replacements:
            pieces.append(self.text[done:start])
            pieces.append(new)
            edits.append((start + shift, start + shift + len(new), start, end))
            shift += len(new) - (end - start)
            done = end
        if not edits:
            return self
        pieces.append(self.text[done:])
        return Copy("".join(pieces), self, edits)


# Characters NFKC leaves alone that people use for ordinary punctuation.
PUNCTUATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00b7": ".",
        "\u2022": ".",
        "\u2024": ".",
        "\u00a0": " ",
    }
)
NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _plain_character(character):
    if unicodedata.category(character) in {"Cf", "Cc"} or "\ufe00" <= character <= "\ufe0f":
        return ""  # zero-width and direction marks, emoji variation selectors
    plain = unicodedata.normalize("NFKC", character.translate(PUNCTUATION))
    # Every copy is searched in lowercase, which must keep its length ("İ" → "i").
    return "".join(letter.lower()[0] if len(letter.lower()) > 1 else letter for letter in plain)


def plain(text):
    """Full-width letters, ligatures and look-alike punctuation read as plain text."""
    root = Copy(text)
    if text.isascii():
        return root
    replacements = []
    for run in NON_ASCII.finditer(text):
        start = run.start()
        for offset, character in enumerate(run.group()):
            new = _plain_character(character)
            if new != character:
                replacements.append((start + offset, start + offset + 1, new))
    return root.rewrite(replacements)


# Single letters and digits with a space between each ("e m m a x 2 0 1 0", "E C 1 A 1 B
# B", "s t . m a r y s", "i g : m a y a"); letters with a dash or a dot between each
# ("i-n-s-t-a", "s.n.a.p").
SPACED = re.compile(r"(?<!\S)[\w.@:](?: [\w.@:]){3,}(?!\S)")
SPACED_PIECE = re.compile(r"[\w.@](?: [\w.@])+")  # each side of a ":" on its own
SPELLED_LETTERS = re.compile(r"(?<![\w.-])[^\W\d_](?:([.-])[^\W\d_])(?:\1[^\W\d_])+(?![\w-])")


def unspaced(copy):
    """ "e m m a x" → "emmax", "i g : m a y a" → "ig : maya", "i-n-s-t-a" → "insta"."""
    edits = [
        (piece.start(), piece.end(), piece.group().replace(" ", ""))
        for found in SPACED.finditer(copy.text)
        for piece in SPACED_PIECE.finditer(copy.text, found.start(), found.end())
    ]
    if "-" in copy.text or "." in copy.text:
        taken = Taken((start, end) for start, end, _ in edits)
        edits += [
            (found.start(), found.end(), found.group().replace(found.group(1), ""))
            for found in SPELLED_LETTERS.finditer(copy.text)
            if taken.free(*found.span())
        ]
    return copy.rewrite(sorted(edits))


class Post:
    """A post and its working copies: `plain` (NFKC), `unspaced` (single characters
    joined) and `working` (also with digits for number words)."""

    def __init__(self, text):
        self.original = text
        self.plain = plain(text)
        self.unspaced = unspaced(self.plain)
        self.working = with_digits(self.unspaced)
        # Lowercase, the same length: patterns without IGNORECASE run much faster, and
        # a span in one is the same span in the other.
        self.low = self.working.text.lower()
        self.unspaced_low = self.unspaced.text.lower()

    def words(self, copy, start, end):
        """The writer's own words for copy.text[start:end]."""
        return self.trim(*copy.span(start, end))

    def trim(self, start, end):
        """The original text[start:end] without spaces or punctuation around it, but with
        both of a pair of brackets or quotes: "(555) 201-3344"."""
        text = self.original
        while start < end and (text[start].isspace() or text[start] in "\"'([{,;:"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "\"',;:!?)]}."):
            end -= 1
        for opening, closing in ("()", "[]", "''", '""'):
            inside = text[start:end]
            if inside.count(opening) < inside.count(closing) and text[start - 1 : start] == opening:
                start -= 1
            elif inside.count(closing) < inside.count(opening) and text[end : end + 1] == closing:
                end += 1
            elif (
                opening == closing
                and opening in inside
                and inside.count(opening) % 2
                and inside[:1] != opening
            ):
                end += text[end : end + 1] == closing  # 'my insta is "lofi_lark"'
        return text[start:end]


class Taken:
    """Spans already reported, none overlapping another, in order: a new span overlaps
    one only if it overlaps the last to start before it ends."""

    def __init__(self, spans=()):
        self.starts, self.ends = [], []
        for start, end in sorted(spans):
            self.take(start, end)

    def free(self, start, end):
        at = bisect.bisect_left(self.starts, end)
        return at == 0 or self.ends[at - 1] <= start

    def take(self, start, end):
        """Take the span if it is free; say whether it was."""
        if not self.free(start, end):
            return False
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)
        return True
