"""Dates of birth and birthday giveaways.

A date of birth is a date with a birth cue (born, dob, birthday, bday, "a 2008 baby")
just before it: "born 14/03/2010", "dob 3.7.09", "bday: one four, oh three, two oh one
oh"; or what one is for being born then ("im a virgo, 2 sept 09", "11/25/2009, a thanksgiving
baby", "im 4th april 2009 too"). With a year it is a "date of birth"; a day and month
alone is a "birthday". An exam date, a pet's or a singer's birthday, or "born in 2009"
alone are fine to publish.
"""

import datetime
import re

from .copies import Taken
from .word_lists import Typos
from .words import STOP, split

SIGNS = "aries|taurus|gemini|cancer|leo|virgo|libra|scorpio|sagittarius|capricorn|aquarius|pisces"
CUE = re.compile(
    r"(?<![\w.])(?:born|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s?(?:date|day)|birthday"
    r"|b-?day|b'day|b\.(?=\s*\d)|(?:19|20)\d\d\s+baby)(?:'?s)?(?![\w'])"
)
CUE_WORDS = ("born", "dob", "d.o.b", "birth", "bday", "b-day", "b'day", "baby", "b.")
# What one is, for being born then: "i'm a virgo", "a thanksgiving baby", "a new years
# baby"; "i'm" right before a whole date ("im 4th april 2009 too"). Each kind is looked for
# only in a post with its word.
OTHER_CUES = [
    (
        "sign",
        tuple(SIGNS.split("|")),
        re.compile(
            rf"(?:i'?m|i\s+am)\s+(?:a|an)\s+(?:{SIGNS})\b|\b(?:{SIGNS})\s+(?:baby|szn|season)\b"
        ),
    ),
    ("baby", ("baby",), re.compile(r"\b(?:a|an)\s+(?:[a-z']+\s+){1,2}?baby\b")),
    ("me", ("i",), re.compile(r"(?<![\w'])(?:i'?m|i\s+am)(?=[ \t]+\d)")),
]
# "brithday", "birhtday", "birtday": a cue misspelt.
TYPOED_CUES = Typos(["born", "birthday", "bday", "birthdate"])
CUE_LIKE = re.compile(r"\bb[a-z]{3,9}\b")
MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
ABBREVIATIONS = {name[:3]: number for name, number in MONTHS.items()} | {"sept": 9}
TYPOED_MONTHS = Typos(MONTHS)
_YEAR = r"(?:'?\d{4}|'?\d{2})(?!\d)"
DATES = [
    # 14/03/2010, 3.7.09, 14, 03, 2010, 14 . 03 . 2010
    re.compile(
        r"(?P<a>\d{1,2})[ \t]*(?P<s>[/.,-])[ \t]*(?P<b>\d{1,2})[ \t]*(?P=s)[ \t]*"
        rf"(?P<y>{_YEAR})"
    ),
    # 2010-05-21
    re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<b>\d{1,2})-(?P<a>\d{1,2})(?!\d)"),
    # 12th march 2011, 2 nd of june 2009, 21st of jan 09, 14-mar-2010
    re.compile(
        r"(?P<a>\d{1,2})[ \t]*(?:st|nd|rd|th)?(?:[ \t]+(?:of[ \t]+)?|[-/.])(?P<m>[a-z]{3,9})\.?"
        rf"(?:(?:,?[ \t]+|[-/.])(?P<y>{_YEAR}))?",
    ),
    # feb 29 2008, march 12th, 2011
    re.compile(
        r"(?P<m>[a-z]{3,9})\.?[ \t]+(?:the[ \t]+)?(?P<a>\d{1,2})(?:st|nd|rd|th)?"
        rf"(?:,?[ \t]+(?P<y>{_YEAR}))?(?![\w:])",
    ),
    # born in 2009, the 3rd of may
    re.compile(
        r"(?:in[ \t]+)?(?P<y>(?:19|20)\d\d),?[ \t]+(?:on[ \t]+)?(?:the[ \t]+)?(?P<a>\d{1,2})"
        r"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<m>[a-z]{3,9})\b"
    ),
    # dob 170309
    re.compile(r"(?P<a>\d\d)(?P<b>\d\d)(?P<y>\d\d|\d{4})(?!\d)"),
]
# A few more words before a whole date: "my bday in words is 21, 04, 09".
LOOSE_BETWEEN = re.compile(r"(?:[\s:=,~-]*[a-z']+){1,4}[\s:=,~-]*")
# What may stand between a cue and its date: "born on the", "my bday is", "dob:".
BETWEEN = re.compile(
    r"[\s:=,~-]*(?:(?:is|was|on|the|its|it's|to|be|exact|date|i|me|my)\b[\s:=,~-]*){0,4}"
)
# Someone else's: "my dog's birthday", "my cat was born".
SOMEONE_ELSE = re.compile(
    r"(?:\b(?:his|her|their|your|our)|\w's|\ws'|\b(?:mums?|moms?|dads?|nans?|brothers?|"
    r"sisters?|cousins?|friends?|mates?|dogs?|cats?|pets?|babys?))\s*$"
    r"|\b(?!i\b)\w+\s+(?:was|were|is|got|been)\s+$"
)
# A name right before the cue is whose it is: "billie eilish birthday is 18 december",
# "zendaya born 1/9/1996". Words one says of one's own birthday are not names.
NAME_BEFORE = re.compile(r"(?<![\w'])([a-z]+)[ \t]+\Z")
OWN = STOP | set(SIGNS.split("|")) | {*split("happy own real actual exact official baby")}
OWN |= {*split("we're i'm sweet")}
# "I'm 15 today", "I turn 14 tomorrow", "my 15th birthday", "it's my bday tmrw". Each
# starts with a word written out, so that the search skips fast to where one might be;
# what must come before it is checked after.
GIVEAWAYS = re.compile(
    r"(?:i'?m|i am)\s+\d{1,2}\s+(?:today|tomorrow|tmrw|tmr)\b"
    r"|turn(?:ed|ing|s)?\s+\d{1,2}\s+(?:today|tomorrow|tmrw|yesterday|on\s+\w+)"
    r"|my\s+(?:\d{1,2}(?:st|nd|rd|th)\s+(?:birthday|bday)\b|(?:birthday|bday)(?:'?s|\s+is|\s+was)\s+"
    r"(?:today|tomorrow|tmrw|yesterday|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)"
    r"|(?:birthday|bday|b-day)\s+(?:today|tomorrow|tmrw|tmr)\b"
)
BEFORE_GIVEAWAY = {
    "t": re.compile(r"\b(?:i|im|i'm|i am)\s+\Z"),  # "i turn", not "my dog turned"
    "b": re.compile(r"\b(?:it'?s|its|it is)\s+my\s+\Z"),
}
GIVEAWAY_WORDS = ("day", "tom", "tmr")


def _month(word):
    return MONTHS.get(word) or ABBREVIATIONS.get(word) or MONTHS.get(TYPOED_MONTHS.get(word))


def _year(text):
    """A year someone on the forum could have been born in, or None."""
    if not text:
        return None
    year = int(text.lstrip("'"))
    if year < 100:
        this_century = datetime.date.today().year % 100
        year += 2000 if year <= this_century else 1900
    today = datetime.date.today().year
    return year if today - 40 <= year <= today - 8 else None


def _date(found):
    """True for a whole date of birth, False for a day and month alone, None for no
    birthday at all (not a date; a year no member could be born in)."""
    parts = found.groupdict()
    day = int(parts["a"])
    month = _month(parts["m"]) if parts.get("m") else int(parts["b"])
    if not month:
        return None
    if month > 12 and day <= 12:
        day, month = month, day  # 03/30/2009
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if parts.get("y") is None:
        return False if parts.get("m") else None
    return True if _year(parts["y"]) else None


# A date before its cue: "2010-05-21 is my birthday"; a few words may come between a
# date and what one is for being born on it: "11/25/2009 yes a thanksgiving baby".
BEFORE_CUE = re.compile(r"[ \t]*(?:is|was|=|:|-|,)?[ \t]*(?:my)?[ \t]*\Z")
BEFORE_WHAT = re.compile(r"[^.!?\n\d]{0,25}\Z")


def _date_before(text, cue):
    """(start, whole date) of a date just before a cue, or None."""
    start = max(0, cue.start() - 40)
    between = BEFORE_WHAT if cue.lastgroup in {"sign", "baby"} else BEFORE_CUE
    for pattern in DATES[:-2]:
        for date in pattern.finditer(text, start, cue.start()):
            if between.match(text, date.end(), cue.start()):
                full = _date(date)
                if full is not None:
                    return date.start(), full
    return None


class _Cue:
    """A cue of another kind than CUE's, shaped like a match of CUE."""

    def __init__(self, start, end, kind=None):
        self._span = start, end
        self.lastgroup = kind

    def start(self):
        return self._span[0]

    def end(self):
        return self._span[1]


def _cues(text):
    """Each cue, written right or misspelt, in order."""
    cues = list(CUE.finditer(text)) if any(word in text for word in CUE_WORDS) else []
    for kind, words, pattern in OTHER_CUES:
        if any(word in text for word in words):
            cues += [_Cue(*found.span(), kind) for found in pattern.finditer(text)]
    for word in CUE_LIKE.finditer(text):
        if TYPOED_CUES.get(word.group()) and not CUE.fullmatch(word.group()):
            cues.append(_Cue(*word.span()))
    return sorted(cues, key=lambda cue: cue.start())


DIGIT = re.compile(r"\d")
CUES_PER_POST = 200


def _date_after(text, cue):
    """(whole date, end) of a date after a cue, or None. A whole date may be a few
    words after a birth word; a day and month alone, or any date after "i'm", "i'm a
    virgo" or "a thanksgiving baby", only right after it."""
    start = BETWEEN.match(text, cue.end()).end()
    for index, pattern in enumerate(DATES):
        date = pattern.match(text, start)
        if not date or (index == len(DATES) - 1 and start - cue.end() > 3):
            continue
        full = _date(date)
        if full is not None and (full or cue.lastgroup != "me"):
            return full, date.end()
    if cue.lastgroup in {"me", "sign", "baby"}:
        return None  # "im a cancer survivor since 2015"
    loose = LOOSE_BETWEEN.match(text, cue.end(), cue.end() + 40)
    for pattern in DATES[:-1] if loose else ():
        date = pattern.match(text, loose.end())
        if date and _date(date):
            return True, date.end()
    return None


def find_dates_of_birth(post):
    """(kind, words) of each date of birth and birthday giveaway."""
    copy, text = post.working, post.low
    found, taken = [], Taken()
    cues = _cues(text) if DIGIT.search(text) else ()
    for count, cue in enumerate(cues):
        if count == CUES_PER_POST:
            break
        if not DIGIT.search(text, max(0, cue.start() - 40), cue.end() + 60):
            continue
        before = _date_before(text, cue) if cue.lastgroup != "me" else None
        if before:
            kind = "date of birth" if before[1] else "birthday"
            if taken.take(before[0], cue.end()):
                found.append((kind, post.words(copy, before[0], cue.end())))
            continue
        if SOMEONE_ELSE.search(text, max(0, cue.start() - 30), cue.start()):
            continue
        name = NAME_BEFORE.search(text, max(0, cue.start() - 20), cue.start())
        if name and name.group(1) not in OWN:
            continue  # "billie eilish birthday"
        date = _date_after(text, cue)
        if date:
            full, end = date
            kind = "date of birth" if full else "birthday"
            if taken.take(cue.start(), end):  # "birthday twins, im 5th may 2009"
                found.append((kind, post.words(copy, cue.start(), end)))
    if any(word in text for word in GIVEAWAY_WORDS):
        for said in GIVEAWAYS.finditer(text):
            start = said.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "'_"):
                continue
            before = BEFORE_GIVEAWAY.get(said.group()[0])
            if before and not before.search(text, max(0, start - 12), start):
                continue
            if said.group()[0] == "b":
                start = before.search(text, max(0, start - 12), start).start()
            found.append(("birthday", post.words(copy, start, said.end())))
    return found
