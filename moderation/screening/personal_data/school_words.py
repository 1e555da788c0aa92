"""The words that make or unmake a school's name: school words ("academy", "high"),
saints and religious orders that start one, year groups, and the generic words ("my new
school", "a catholic school", "driving school") that name no school."""

import re

from .word_lists import Typos, trie
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
