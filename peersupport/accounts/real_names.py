"""Whether a pseudonym reads as a real person's name.

A young person's own name, with a surname, a birth year or a home town beside it, is
enough for someone to find them. So a pseudonym is refused when all its words are a
common first name on its own ("Oliver"), a first name with a surname or an initial
("EmilyWatson", "jake_s", "J.Smith", also run together: "emilywatson"), a first name with
what looks like a birth year ("jessica2010", "Jess09"), or a first name with a town
("sarah_from_leeds", "LeedsSarah"). One ordinary word in it ("QuietSarah", "JakeTheOtter")
and it is no longer read as a name.

The names, towns and everyday words come from name_lists.py.
"""

import functools
import re
import unicodedata
from itertools import islice, product

from .name_lists import (
    FILLERS,
    PLACE_WORDS,
    STROKES,
    everyday,
    family_names,
    first_names,
    known_words,
    surnames,
    towns,
)

NOT_NAMES = FILLERS | PLACE_WORDS
# A birth year: 1900 to 2099, or two digits that could be one or an age (00 to 25 and
# 85 to 99). Other numbers ("Sam.7", "Oliver42") are not read as a year.
YEAR = re.compile(r"(?:19|20)\d\d|[01]\d|2[0-5]|8[5-9]|9\d")
# Words begin after a dot, dash, underscore or space, where the case changes ("EmilyW",
# "NHSFern"), and where letters meet digits ("JakeSmith2011").
WORD_START = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
UNIT = re.compile(r"[a-z]+|\d+")
# Digits before letters or between them may stand for the letters they look like
# ("Em1ly", "0liver", "J4ke_Smith", "L33ds"): such names are read both ways.
DIGITS_FOR_LETTERS = re.compile(r"(?:(?<=[A-Za-z])|(?<![A-Za-z0-9]))[0-9]{1,3}(?=[A-Za-z])")
DIGIT_LETTERS = {
    "0": "o",
    "1": "il",
    "2": "",
    "3": "e",
    "4": "a",
    "5": "s",
    "6": "",
    "7": "t",
    "8": "b",
    "9": "g",
}
MOST_SPELLINGS = 16
# A word written all in one case may be names run together ("emilywatson"): read as at
# most four names or place words, each of three letters or more.
SHORTEST_PART = 3
MOST_PARTS = 4
MOST_READINGS = 64


def _name_part(part):
    return part in first_names() or part in surnames() or part in towns()


def _run_together(word):
    """The ways to read a word as names and place words run together, longest first."""

    @functools.cache
    def readings(start, parts_left):
        if start == len(word):
            return [()]
        if parts_left == 0:
            return []
        found = []
        for end in range(len(word), start + SHORTEST_PART - 1, -1):
            part = word[start:end]
            if _name_part(part) or part in PLACE_WORDS:
                found += [(part, *rest) for rest in readings(end, parts_left - 1)]
        return found

    return [list(reading) for reading in readings(0, MOST_PARTS) if len(reading) > 1]


def _readings(word):
    """`word` as it is and, when it is no word or name we know, as names run together."""
    if word.isdigit() or _name_part(word) or word in known_words():
        return [[word]]
    return [[word], *_run_together(word)]


def _words(value):
    folded = (
        unicodedata.normalize("NFKD", value.translate(STROKES)).encode("ascii", "ignore").decode()
    )
    return [unit for word in WORD_START.split(folded) for unit in UNIT.findall(word.lower())]


def _name_only(word):
    return not everyday(word)


def _surname(word):
    """A surname on the lists, or a word that is no English word: beside a first name
    that is no word either, most likely a surname the lists lack ("ElijahHoyle")."""
    return word in surnames() or (
        len(word) >= SHORTEST_PART and word not in known_words() and not _name_part(word)
    )


def _person(words):
    """ "full" for a first name with a surname, middle names or an initial, "first" for
    a first name alone, else None."""
    first = first_names()
    if len(words) == 1:
        return "first" if words[0] in first else None
    *given, family = words
    if len(family) == 1:  # an initial: "EmilyW", "jake_s"
        return "full" if len(given) == 1 and given[0] in first else None
    if len(given) == 1 and len(given[0]) == 1:  # "J.Smith"
        return "full" if family in surnames() else None
    if all(name in first for name in given) and family in family_names():
        return "full"
    if len(words) != 2:
        return None
    one, other = words
    if one in first and _name_only(one) and _surname(other):
        return "full"
    if other in first and _name_only(one) and _surname(one):  # "Watson.Emily"
        return "full"
    return None


def _reads_as_name(words, numbers):
    placed = any(word in PLACE_WORDS for word in words)
    core = [word for word in words if word not in NOT_NAMES]
    if not core:
        return False
    year = any(YEAR.fullmatch(number) for number in numbers)
    splits = [(core, None)]
    for cut in range(1, len(core)):
        splits += [(core[:cut], "".join(core[cut:])), (core[cut:], "".join(core[:cut]))]
    for person, town in splits:
        if town is not None and town not in towns():
            continue
        kind = _person(person)
        named = [word for word in person if len(word) > 1]
        if kind == "full" and any(_name_only(word) for word in named):
            return True
        if kind == "first" and town is not None and (placed or _name_only(town)):
            return True
        if kind == "first" and town is None and (year or (not numbers and _name_only(core[0]))):
            return True
    return False


def _spellings(value):
    """`value`, and `value` with digits that stand for letters read as those letters."""
    places = [
        place
        for found in DIGITS_FOR_LETTERS.finditer(value)
        for place in range(found.start(), found.end())
    ]
    options = [[value[place], *DIGIT_LETTERS[value[place]]] for place in places]
    for choice in islice(product(*options), MOST_SPELLINGS):
        spelling = list(value)
        for place, letter in zip(places, choice, strict=True):
            spelling[place] = letter
        yield "".join(spelling)


def _reads_as_name_spelled(value):
    words = _words(value)
    letters = [word for word in words if not word.isdigit()]
    numbers = [word for word in words if word.isdigit()]
    readings = islice(product(*(_readings(word) for word in letters)), MOST_READINGS)
    return any(
        _reads_as_name([part for word in reading for part in word], numbers) for reading in readings
    )


def looks_like_a_real_name(value):
    """Whether all of `value` reads as someone's name (see the module's docstring)."""
    return any(_reads_as_name_spelled(spelling) for spelling in _spellings(value))
