"""Numbers written as words or disguised, read as digits: "oh seven seven double oh
nine" → "07700 9", "O77OO" → "07700", "0seven9one2" → "07912"."""

import re

from .word_lists import trie

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
