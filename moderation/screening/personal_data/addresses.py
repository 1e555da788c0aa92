"""Where someone lives: street addresses ("14 oakfield rd", "flat 3b, 27 victoria
terrace", "number 9 on rowan crescent", "mill st, number 31") and Irish rural addresses
("knockmore, ballinrobe, co mayo"). Addresses everyone knows ("221b baker street",
"10 downing street") are no member's (`famous_addresses`)."""

import re

from .famous_addresses import famous
from .gazetteer import town_at
from .word_lists import Typos
from .words import STOP, split

# A house number, then up to five words, one of which may be a street's.
HOUSE = re.compile(
    r"(?<![\w.,/:£$-])(?P<number>(?:no\.?|number|num|#)\s*)?\d{1,4}[a-z]?(?![\w.:%])"
    r"(?:\s*[/,]?\s*\d{1,4}[a-z]?\b)?\s*[/,]?"
    r"(?P<words>(?:\s+|(?<=[,/]))[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,4})"
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
ADDRESS_INTRO = re.compile(r"\b(?:live|living|address|house|home|at|is|its|it's)\W*$")
# Words between "number 17" and its street: "number 9 on rowan crescent".
NUMBER_ON = {"on", "in", "at"}
# "we live on mill lane", "we moved to elm grove": a street without its number.
LIVE_ON = re.compile(
    r"\b(?:i|we|i'?m|im|we're|were|just|we've|i've)\s+(?:live|living|moved|moving|stay"
    r"|staying)\s+(?:on|to|onto)((?:\s+[a-z][\w'-]*){2,4})"
)
# "on Mill St, number 31": the street, then the house's number.
HOUSE_NUMBER = re.compile(r"(?:\bnumber|\bnum|\bno\.?|#)\s*\d{1,4}[a-z]?(?![\w%:/])")
STREET_GAP = re.compile(r"[\s.,]*")
# What may follow a street's name or number: the end of a clause, not a noun ("number 1
# shop", "abbey road studios").
CLAUSE_END = re.compile(r"\s*(?:[^\w\s]|\Z|(?P<word>[a-z']+))")
# Where someone lives, and a street named with capitals in the same sentence: "we moved
# out near Kilkenny, Callan Road".
RESIDENCE = re.compile(r"\b(?:live|living|lives|moved|moving|staying|address|we're\s+on)\b")
RESIDENCE_WORDS = ("liv", "mov", "stay", "address", "we're")
NAMED_STREET = re.compile(
    r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s+(?:Road|Rd|Street|Lane|Avenue|Ave|Drive|Terrace"
    r"|Crescent|Close|Grove|Gardens|Place|Court|Mews|Boulevard|Parade|Square|Heights|Manor"
    r"|Meadows|Park|Way|Hill|Row|View|Walk|Rise|Green)\b"
)
FLAT = re.compile(
    r"\b(?:flat|apartment|apt|hse|house\s+(?:no\.?|number|num))\s*(?:no\.?\s*)?\d+[a-z]?\b"
)

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
SENTENCE_END = re.compile(r"[.!?\n]")
CAPITALISED = re.compile(r"\b[A-Z][a-z]")
RESIDENCES_PER_POST = 20


def _is_street(word):
    return word in STREETS or (
        len(word) >= 5 and word not in STOP and TYPOED_STREETS.get(word) is not None
    )


def _street(low, house):
    """The end of the street address starting at `house`, or None."""
    words = list(PLACE_WORD.finditer(low, house.start("words"), house.end("words")))
    best = None
    for index in range(1, len(words)):
        street = words[index].group()
        names = [word.group() for word in words[:index]]
        # "st" is a street when no name follows it ("2 main st, ballinamore"), a saint
        # when one does ("8 st patrick's terrace").
        saint = street == "st" and re.match(r"\.?\s*[a-z]", low[words[index].end() :])
        if not (_is_street(street) or (street == "st" and not saint)):
            continue
        if house.group("number") and names and names[0] in NUMBER_ON:
            names = names[1:]  # "number 9 on rowan crescent"
            if not names:
                continue
        if names == ["the"] and (
            house.group("number")
            or ADDRESS_INTRO.search(low, max(0, house.start() - 20), house.start())
        ):
            best = words[index].end()  # "i live at 19 the crescent", "number 6, the mews"
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
    if "number" in low or "no" in low or "#" in low:
        for count, number in enumerate(HOUSE_NUMBER.finditer(low)):
            if count == ANCHORS_PER_POST:
                break
            start = _street_before(low, number.start())
            if start is not None and _clause_ends(low, number.end()):
                found.append(copy.span(start, number.end()))
    if " on " in low or " to " in low:
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
    if any(word in low for word in RESIDENCE_WORDS) and RESIDENCE.search(low):
        found += _named_streets(post)
    return [
        post.trim(start, end)
        for start, end in merged(found)
        if not famous(post.original[start:end])
    ]


def _street_before(low, end):
    """The start of "mill st, " ending at `end`: a street's name, then its kind."""
    words = list(PLACE_WORD.finditer(low, max(0, end - 60), end))[-4:]
    if len(words) < 2 or STREET_GAP.fullmatch(low, words[-1].end(), end) is None:
        return None
    if not (_is_street(words[-1].group()) or words[-1].group() == "st"):
        return None
    names = []
    for word in reversed(words[:-1]):
        apart = names and low[word.end() : names[0].start()].strip()
        if word.group() in STOP or word.group()[0].isdigit() or apart:
            break
        names.insert(0, word)
    if not names or low[names[-1].end() : words[-1].start()].strip():
        return None
    return names[0].start()


def _clause_ends(low, end):
    after = CLAUSE_END.match(low, end)
    return bool(after) and (not after.group("word") or after.group("word") in STOP)


def _named_streets(post):
    """Streets named with capitals in a sentence that says where someone lives, and
    names the town too: "we moved out near Kilkenny, Callan Road". A street alone
    ("i live on a street called Maple Way") could be anywhere."""
    text, low = post.working.text, post.low
    spans, towns_at = [], {}
    for count, residence in enumerate(RESIDENCE.finditer(low)):
        if count == RESIDENCES_PER_POST:
            break
        stop = SENTENCE_END.search(low, residence.end(), residence.end() + 100)
        end = stop.start() if stop else min(len(low), residence.end() + 100)
        for street in NAMED_STREET.finditer(text, residence.end(), end):
            if any(word in STOP for word in low[street.start() : street.end()].split()):
                continue
            if not _clause_ends(low, street.end()):
                continue  # "abbey road studios"
            for word in CAPITALISED.finditer(text, residence.end(), end):
                if word.start() not in towns_at:
                    towns_at[word.start()] = town_at(low, word.start()) is not None
            town = any(
                towns_at[word.start()]
                for word in CAPITALISED.finditer(text, residence.end(), end)
                if not street.start() <= word.start() < street.end()
            )
            if town:
                spans.append(post.working.span(*street.span()))
    return spans
