"""School names, with or without the word "school": "Oakwood Academy", "st marys in
croydon", "year 10 at st aidan's", "the grammar in ballymena", "coláiste mhuire".

A name is a school's when it ends in a school word ("academy", "high") or starts with one
("st", "scoil", "loreto"), and something says it is a school: the kind of word, a year
group nearby, "i go to", capitals, or a town after it ("in croydon", ", barnet") from the
gazetteer; or the only one of its kind somewhere ("the only catholic school in
ballina", "the academy on station road"). "my school", "high school", "st patrick's
day", "grammar homework" and "year 10 is hard" name no school.
"""

import bisect
import re

from .places import town_at
from .text import Typos, fold, trie
from .words import STOP, split

TYPES = [
    *["sixth form college", "integrated college", "community college", "community school"],
    *["comprehensive school", "grammar school", "high school", "secondary school"],
    *["primary school", "prep school", "middle school", "elementary school"],
    *split("comprehensive collegiate academy college school grammar high secondary primary comp"),
    *split("skool skewl scool schl"),  # "i go to skool at Brookfield"
]
# Ordinary words too ("so high", "bad grammar"): a name before them needs more to go on.
WEAK_TYPES = {"grammar", "high", "secondary", "primary", "comp"}
TYPE = re.compile(rf"\b{trie(TYPES)}\b")
TYPOED_TYPES = Typos(["academy", "college", "school", "grammar", "secondary"], shortest=6)
LOOSE_TYPE = re.compile(r"(?:ac|co|sc|gr|se)(?<![a-z]..)[a-z]{4,9}\b")
# Words that make a school generic: "my new school", "a catholic school", "driving school".
GENERIC = STOP | {
    *split("catholic protestant christian muslim jewish faith religious state public private"),
    *split("independent boarding local village town city country new old big small little huge"),
    *split("tiny nice great strict posh rough shit shitty crap stupid dumb single-sex mixed"),
    *split("girls boys girls' boys' all-girls all-boys primary secondary high grammar middle"),
    *split("elementary junior senior infant infants nursery prep sixth form summer sunday"),
    *split("weekend evening driving dance drama music art arts film acting stage theatre"),
    *split("language english irish welsh french spanish german gaelic scottish british"),
    *split("american medical med law nursing business beauty cooking flight swim swimming"),
    *split("football rugby hockey tennis gymnastics boxing karate ballet sport sports special"),
    *split("hospital online alternative pupil referral further education fe uni university"),
    *split("community technical tech vocational previous current former nearest nearby top"),
    *split("closest free cheap expensive elite selective school schools college academy"),
    *split("year group class form tutor head lunch break lunchtime breaktime assembly pe"),
    *split("gcse gcses exams exam mocks work church therapy camhs sky knee waist chest"),
    *split("feeling anxiety stress level levels standards hopes expectations way dream"),
    *split("bunk skive wag mitch dread ditch dodge survive enjoy join reach restart switch"),
    *split("visit phone email call contact tell ring text message"),
    *split("rubbish terrible toxic decent amazing boring weird massive normal regular"),
    *split("mainstream specialist secular virtual holiday perfect proper correct poor"),
    *split("excellent basic latin greek italian japanese chinese korean polish russian"),
    *split("arabic sugar record natural adrenaline runner runners aim fly jump rise climb"),
    *split("stand hold ride rank sit set hang pile stack shoot keep mate mates bf gf"),
    *split("boyfriend girlfriend partner son daughter kid child children cousins bestie"),
    *split("bestfriend siblings niece nephew uncle aunt auntie mile feet foot inches"),
    *split("else outside inside christmas easter halloween face avoid"),
}
# Misspelt, they are as generic: "a diffrent school", "my prevous school".
TYPOED_GENERIC = Typos(
    split(
        "different another previous current primary secondary catholic private local"
        " boarding special public grammar"
    ),
    shortest=6,
)
DETERMINERS = {*split("a an the my your our his her their this that every any no each which")}
DETERMINERS |= {"what", "such", "ur", "yr"}
# Words that start a school's name: a saint, an Irish or Welsh word for a school, a
# religious order; some are a name by themselves ("loreto", "sacred heart").
SAINT = r"(?:st\b\.?|saint\b|s\.t\b\.?)\s*(?=[^\W\d_])"
IRISH = r"(?:gaelscoil|gaelcholaiste|gaelcholáiste|scoil|meanscoil|meánscoil|pobalscoil"
IRISH += r"|coláiste|colaiste|ysgol)\b\s*(?=[^\W\d_])"
WHOLE_NAMES = (
    r"loreto|ursuline|marist|cbs|methody|notre\s+dame|de\s+la\s+salle|la\s+salle"
    r"|christian\s+brothers|sacred\s+heart|our\s+lady'?s?|(?:mount|mt\.?)\s+carmel"
    r"|holy\s+(?:cross|family|faith|trinity|child|spirit|rosary|name|redeemer)"
)
ORDERS = (
    rf"(?:{WHOLE_NAMES}|presentation|pres|dominican|mercy|cardinal|bishop|archbishop"
    r"|blessed|pope|kings?|king's|queens?|queen's)\b\s*"
)
START = re.compile(rf"\b(?:(?P<saint>{SAINT})|(?P<irish>{IRISH})|(?P<order>{ORDERS}))")
WHOLE_NAME = re.compile(rf"(?:{WHOLE_NAMES})\s*")
CONNECTORS = {*split("girls boys girls' boys' catholic community integrated model rc")}
NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019.]*(?<!\.)")
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "x", "xi", "xii"}  # "st pius x"
# Words that may stand between a name and its school word: "st annes catholic college".
BETWEEN_NAME_AND_TYPE = re.compile(
    r"\s*(?:(?:catholic|girls'?|boys'?|community|integrated|grammar|roman catholic|rc"
    r"|c\.?\s?of\s?e|church of england|ce|comprehensive)\s+){0,2}"
)
# After a saint's name: a day, a church, a street; not a school.
NOT_A_SCHOOL = re.compile(
    r"\s*(?:day|eve|night|weekend|parade|church|cathedral|chapel|hospital|hospice|wort"
    r"|terrace|road|rd|street|st|avenue|ave|park|way|close|drive|lane|gardens|station|square"
    r"|place|green|centre|center|shopping|retail|fc|gaa|football|cross)\b"
)
YEAR = re.compile(
    r"\b(?:year|yr|y)\s?\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)\s+(?:years?|yrs?|grade|form|class)\b"
    r"|\b[sp][1-7]\b|\bgrade\s?\d{1,2}\b|\b(?:freshman|sophomore|fresher|ty)\b"
    r"|\b(?:junior|senior)\s+(?:year|at)\b"
)
YEAR_AT = re.compile(r"\s*(?:at|@)\s+")
# What comes before a school's name: "i go to", "moved to", "at", "its".
GOING = {"go", "goes", "went", "going", "goin", "moved", "moving", "started", "starting"}
GOING |= {"changed", "transferred", "sent"}
GOING_NOW = {"go", "goes", "going", "goin"}
AT = {"attend", "attends", "attended", "attending", "at", "@", "from", "its", "it's", "is"}
AT |= {"called"}
TOWN_AFTER = re.compile(r"\s*(?:,\s*(?:the\s+one\s+)?(?:in\s+)?|\s+in\s+|\s+)")
THE_IN = re.compile(
    r"\bthe\s+(?:grammar|academy|high|college|convent|comp|tech|gaelscoil|integrated|mercy"
    r"|pres|presentation|loreto|brothers|nuns|christian\s+brothers|cbs)\s+in\s+"
)
# "the only catholic school in ballina", "the new academy on station road", "the
# grammar school in enniskillen": the only school of its kind in a town or on a street.
THE_BEFORE = re.compile(r"(?<![\w'])the\s+((?:[a-z'-]+\s+){0,3})\Z")
PLACE_AFTER = re.compile(r"\s+(?:in|on|at|near|by)\s+")
STREET_WORDS = re.compile(
    r"(?:[^\W\d_][\w'-]*\s+){1,2}(?:road|rd|street|st|lane|avenue|ave|drive|way|hill)\b"
)
# "skool at Brookfield in Croydon", "my school is called westfield": a school word, then its name.
SCHOOL_AT = re.compile(r"\s+(?:at|@|(?:is\s+|was\s+|'s\s+)?(?P<called>called|named))\s+")
NOT_GRAMMAR = re.compile(
    r"\s*(?:homework|mistakes?|errors?|checks?|checker|rules?|tests?|lessons?|exercises?"
    r"|nazi|police|books?)\b"
)
WORD = re.compile(r"[\w'\u2019.-]+")
ANCHORS_PER_POST = 300


def _generic(word):
    word = fold(word).strip(".'\u2019").removesuffix("'s").removesuffix("\u2019s")
    if word.endswith("s") and word[:-1] in STOP:
        return True  # "everyones school", "someones college"
    return word in GENERIC or (len(word) >= 6 and TYPOED_GENERIC.get(word) is not None)


class Schools:
    def __init__(self, post):
        self.text, self.low = post.working.text, post.low
        self.years = [found.span() for found in YEAR.finditer(self.low)]
        self.year_ends = [end for _, end in self.years]
        self.spans = []
        self._found_types = None

    def _year_near(self, start, end):
        """A year group ("year 10", "s4", "2nd yr") within 60 characters."""
        at = bisect.bisect_left(self.year_ends, start - 60)
        return at < len(self.years) and self.years[at][0] <= end + 60

    def _town_after(self, end):
        gap = TOWN_AFTER.match(self.low, end)
        return bool(gap) and town_at(self.low, gap.end()) is not None

    def _introduced(self, start, at=True):
        """ "i go to", "moved to the", "its" just before; with `at` False, not "at" nor
        "went to" or "moved to": one is "at st thomas'" hospital, or "went to st ives" on
        holiday, as often as at school."""
        words = self.low[max(0, start - 30) : start].split()[-3:]
        if words and words[-1] == "the":
            words.pop()
        if not words:
            return False
        if words[-1] in {"to", "2"}:
            return len(words) > 1 and words[-2] in (GOING if at else GOING_NOW)
        return words[-1] in (AT if at else AT - {"at", "@", "from"})

    def _capitalised(self, start, end):
        words = self.text[start:end].split()
        return all(word[0].isupper() for word in words) and not self.text[start:end].isupper()

    def _types(self):
        if self._found_types is None:
            self._found_types = self._find_types()
        return self._found_types

    def _find_types(self):
        types = [(found.start(), found.end(), found.group()) for found in TYPE.finditer(self.low)]
        for found in LOOSE_TYPE.finditer(self.low):
            typed = found.group() not in TYPES and TYPOED_TYPES.get(found.group())
            if typed:
                types.append((found.start(), found.end(), typed))  # "acdemy"
        return types[:ANCHORS_PER_POST]

    def after_types(self):
        """ "Oakwood Academy", "kingsford high", "bishop vesey grammar"."""
        low = self.low
        for type_start, type_end, kind in self._types():
            kind = " ".join(kind.split())
            offset = max(0, type_start - 80)
            before = list(WORD.finditer(low, offset, type_start))
            names, gap_end = [], type_start
            for word in reversed(before[-5:]):
                if low[word.end() : gap_end].strip() or not word.group()[0].isalpha():
                    break
                if word.group().endswith(".") and len(word.group()) > 4:
                    break  # a sentence's end: "it's draining. school, work, sleep"
                if not names and word.group() in CONNECTORS:
                    gap_end = word.start()  # "ashfield girls high"
                    continue
                if _generic(word.group()):
                    break
                names.insert(0, word)
                gap_end = word.start()
            if not names or NOT_A_SCHOOL.match(low, type_end):
                continue  # "kings college hospital", "castle high street"
            start, last = names[0].start(), names[-1].group()
            if last.endswith(("ed", "ing")) and not self.text[names[-1].start()].isupper():
                continue  # "skipped school", "missing college"
            if kind == "grammar" and NOT_GRAMMAR.match(low, type_end):
                continue
            preceding = before[-len(names) - 1] if len(before) > len(names) else None
            designator = preceding and START.match(low, preceding.start())
            if designator and designator.end() > preceding.end():
                start = preceding.start()  # "our lady's grammar"
            named = (
                START.match(low, start)
                or self._capitalised(start, type_end)
                or town_at(low, start) is not None
            )
            if preceding and preceding.group() in DETERMINERS and not named:
                continue  # "a rubbish school", "the sugar high"
            if (
                kind not in WEAK_TYPES
                or named
                or (kind == "high" and not last.endswith("ly"))
                or self._introduced(start)
                or self._year_near(start, type_end)
                or self._town_after(type_end)
            ):
                self.spans.append((start, type_end))

    def after_starts(self):
        """ "st marys in croydon", "scoil mhuire", "loreto in swords", "sacred heart, y10"."""
        low = self.low
        for count, found in enumerate(START.finditer(low)):
            if count == ANCHORS_PER_POST:
                break
            start, end = found.span()
            words = []
            for word in NAME_WORD.finditer(low, end, min(len(low), end + 40)):
                gap = low[(words[-1].end() if words else end) : word.start()]
                if gap.strip() or len(words) == 2 or TYPE.fullmatch(word.group()):
                    break
                if _generic(word.group()) and not (words and word.group() in ROMAN):
                    break
                words.append(word)
            if any(NOT_A_SCHOOL.fullmatch(word.group()) for word in words):
                continue  # "st patrick's terrace", "kings cross"
            if words:
                name_end = words[-1].end()
            elif WHOLE_NAME.fullmatch(found.group()):
                name_end = start + len(found.group().rstrip())
            else:
                continue
            if NOT_A_SCHOOL.match(low, name_end):
                continue
            school_type = TYPE.match(low, BETWEEN_NAME_AND_TYPE.match(low, name_end).end())
            if school_type and not (
                school_type.group() == "grammar" and NOT_GRAMMAR.match(low, school_type.end())
            ):
                self.spans.append((start, school_type.end()))
            elif (
                found.group("irish")
                or self._introduced(start, at=not found.group("saint"))
                or self._year_near(start, name_end)
                or self._town_after(name_end)
            ):
                self.spans.append((start, name_end))

    def after_years(self):
        """ "year 13 at methody", "yr 9 @ parkfield"."""
        for _, year_end in self.years[:ANCHORS_PER_POST]:
            at = YEAR_AT.match(self.low, year_end)
            if not at:
                continue
            words = []
            for word in NAME_WORD.finditer(self.low, at.end(), at.end() + 40):
                gap = self.low[(words[-1].end() if words else at.end()) : word.start()]
                if gap.strip() or len(words) == 3 or _generic(word.group()):
                    break
                words.append(word)
            if words:
                self.spans.append((words[0].start(), words[-1].end()))

    def the_in_town(self):
        """ "the grammar in ballymena"."""
        for found in THE_IN.finditer(self.low):
            town = town_at(self.low, found.end())
            if town:
                self.spans.append((found.start(), town[1]))

    def the_kind_in_place(self):
        """ "the only catholic school in ballina", "the academy on station road"."""
        for type_start, type_end, _ in self._types():
            place = PLACE_AFTER.match(self.low, type_end)
            the = place and THE_BEFORE.search(self.low, max(0, type_start - 60), type_start)
            if not the or not all(_generic(word) for word in the.group(1).split()):
                continue  # "the kids from school in town"
            town = town_at(self.low, place.end())
            street = STREET_WORDS.match(self.low, place.end())
            end = town[1] if town else street.end() if street else None
            if end and self.low[place.end() : end].split()[0] not in STOP:
                self.spans.append((the.start(), end))  # not "the school on the hill"

    def school_at(self):
        """ "i go to skool at Brookfield in Croydon", "college called Westfield"."""
        for type_start, type_end, _ in self._types():
            found = SCHOOL_AT.match(self.low, type_end)
            if not found:
                continue
            words = []
            for word in NAME_WORD.finditer(self.low, found.end(), found.end() + 40):
                gap = self.low[(words[-1].end() if words else found.end()) : word.start()]
                if gap.strip() or len(words) == 3 or _generic(word.group()):
                    break
                words.append(word)
            if not words:
                continue
            start, end = words[0].start(), words[-1].end()
            called = bool(found.group("called"))
            if (called or self._capitalised(start, end)) and (
                called
                or self._town_after(end)
                or self._year_near(start, end)
                or self._introduced(type_start)
            ):
                self.spans.append((start, end))

    def merged(self):
        merged = []
        for start, end in sorted(self.spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


def find_schools(post):
    schools = Schools(post)
    schools.after_types()
    schools.after_starts()
    schools.after_years()
    if "the " in post.low:
        schools.the_in_town()
        schools.the_kind_in_place()
    schools.school_at()
    return [post.words(post.working, start, end) for start, end in schools.merged()]
