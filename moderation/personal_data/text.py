"""Working copies of a post that read disguised writing plainly.

Each copy is made from the one before by replacing some spans ("oh seven seven" → "077",
"e m m a x" → "emmax"), and remembers where each part came from, so whatever is found
in a copy is reported as the writer's own words: a real substring of what they wrote.
"""

import bisect
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


UNITS = {
    "zero": 0,
    "oh": 0,
    "o": 0,
    "nought": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
REPEATS = {"double": 2, "treble": 3, "triple": 3}
_WORD = trie([*UNITS, *TEENS, *TENS, *ORDINALS, *REPEATS, "hundred", "thousand"]) + r"\b"
# A run of number words, with single digits ("double 4") and "and" ("two thousand and
# nine") between them; each part of the run is one word, so this never backtracks far.
NUMBER_RUN = re.compile(rf"\b{_WORD}(?:(?:[ \t]*-[ \t]*|[ \t]+)(?:{_WORD}|\d(?!\w)|and\b))*")
TOKEN = re.compile(r"[a-z]+|\d")
# Digits with the letter O for a zero ("O77OO", "9oo"), and l or I for a one after a digit
# ("0l61"; "l15" is a postcode).
O_DIGITS = re.compile(r"\b(?=[oO]*\d)(?=[\doO]*[oO]|\d+[oO]*[lI])[\doO]+(?:[lI][\doOlI]*)?\b")
LETTER_DIGITS = str.maketrans("oOlI", "0011")
OH_DIGITS = re.compile(r"\boh(?=\d{3})")  # "oh7700 900123"
# Number words and digits run together: "0seven9one2", "zero7912", "3four5".
_GLUED_WORD = trie([*(word for word in UNITS if len(word) > 2), *TEENS, *TENS, *REPEATS])
GLUED = re.compile(rf"(?<![a-z\d])(?=[a-z]*\d)(?=\d*[a-z])(?:{_GLUED_WORD}|hundred|\d)+(?![a-z\d])")
GLUED_PART = re.compile(rf"{_GLUED_WORD}|hundred|\d+")
DIGIT = re.compile(r"\d")
GLUED_PER_POST = 50  # a phone number is a few of them; a post of hundreds is no disguise


def _suffix(number):
    if number % 100 in {11, 12, 13}:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _read_run(run):
    """The parts of a run of number words as (start, end, digits); digits is None for
    a word that stands for nothing on its own ("and", a stray "hundred")."""
    tokens = [(found.start(), found.end(), found.group().lower()) for found in TOKEN.finditer(run)]
    numbers = UNITS | TEENS | TENS
    parts, index = [], 0
    while index < len(tokens):
        start, _, word = tokens[index]
        following = tokens[index + 1][2] if index + 1 < len(tokens) else ""
        value, used = None, 1
        if word in REPEATS and (following in UNITS or following.isdigit()):
            value, used = str(UNITS.get(following, following)) * REPEATS[word], 2
        elif word in TENS and UNITS.get(following):
            value, used = str(TENS[word] + UNITS[following]), 2
        elif word in TENS and ORDINALS.get(following, 10) < 10:
            number = TENS[word] + ORDINALS[following]
            value, used = f"{number}{_suffix(number)}", 2
        elif word in ORDINALS:
            value = f"{ORDINALS[word]}{_suffix(ORDINALS[word])}"
        elif word in numbers or word.isdigit():
            value = str(numbers.get(word, word))
        elif word in {"hundred", "thousand"} and parts and len(parts[-1][2] or "") == 1:
            # "nine hundred" → 900; "two thousand and nine" → 2009.
            start, _, digit = parts.pop()
            rest = 0
            if word == "thousand":
                after = index + 1 + (following == "and")
                if after < len(tokens) and tokens[after][2] in numbers:
                    rest, used = numbers[tokens[after][2]], after - index + 1
                    if tokens[after][2] in TENS and after + 1 < len(tokens):
                        unit = UNITS.get(tokens[after + 1][2])
                        rest, used = rest + (unit or 0), used + bool(unit)
            value = str(int(digit) * 1000 + rest) if word == "thousand" else digit + "00"
        parts.append((start, tokens[index + used - 1][1], value))
        index += used
    return parts


def _number_edits(text):
    edits = [
        (found.start(), found.end(), found.group().translate(LETTER_DIGITS))
        for found in O_DIGITS.finditer(text)
    ]
    low = text.lower()
    edits += [(found.start(), found.end(), "0") for found in OH_DIGITS.finditer(low)]
    for run in NUMBER_RUN.finditer(low):
        parts = _read_run(run.group())
        words = [run.group()[start:end].lower() for start, end, value in parts if value]
        if not words or (len(words) == 1 and words[0] in {"o", "oh"}):
            continue  # "oh" on its own is a word, not a zero
        base, previous = run.start(), None
        for start, end, value in parts:
            if value is None:
                previous = None
                continue
            if previous is not None and value.isdigit():
                edits.append((base + previous, base + start, ""))  # "one four" → "14"
            if run.group()[start:end] != value:
                edits.append((base + start, base + end, value))
            previous = end if value.isdigit() else None
    edits.sort()
    return edits


def unglued(copy):
    """Number words run into digits with a space between each: "0seven9" → "0 seven 9"."""
    low = copy.text.lower()
    edits = []
    for found in GLUED.finditer(low):
        if len(edits) == GLUED_PER_POST:
            break
        parts = [part.group() for part in GLUED_PART.finditer(found.group())]
        edits.append((found.start(), found.end(), " ".join(parts)))
    return copy.rewrite(edits)


def with_digits(copy):
    """Number words and letter-O zeros written as digits."""
    if DIGIT.search(copy.text):
        copy = unglued(copy)
    return copy.rewrite(_number_edits(copy.text))


def fold(text):
    """Lowercase ASCII letters without accents: "Coláiste" → "colaiste"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class Post:
    """A post and its working copies: `plain` (NFKC), `unspaced` (single characters
    joined) and `working` (also with digits for number words)."""

    def __init__(self, text):
        self.original = text
        self.plain = plain(text)
        self.unspaced = unspaced(self.plain)
        self.working = with_digits(self.unspaced)
        # Lowercase, the same length: patterns without IGNORECASE run several times
        # faster, and a span in one is the same span in the other.
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
