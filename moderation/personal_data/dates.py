"""Dates of birth and birthday giveaways.

A date of birth is a date with a birth cue (born, dob, birthday, bday, "a 2008 baby")
just before it: "born 14/03/2010", "dob 3.7.09", "bday: one four, oh three, two oh one
oh". With a year it is a "date of birth"; a day and month alone is a "birthday". An exam
date, a pet's birthday or "born in 2009" alone are fine to publish.
"""

import datetime
import re

from .text import Typos

CUE = re.compile(
    r"(?<![\w.])(?:born|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s?(?:date|day)|birthday"
    r"|b-?day|b'day|b\.(?=\s*\d)|(?:19|20)\d\d\s+baby)(?:'?s)?(?![\w'])"
)
CUE_WORDS = ("born", "dob", "d.o.b", "birth", "bday", "b-day", "b'day", "baby", "b.")
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
    # dob 170309
    re.compile(r"(?P<a>\d\d)(?P<b>\d\d)(?P<y>\d\d|\d{4})(?!\d)"),
]
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
# "I'm 15 today", "I turn 14 tomorrow", "my 15th birthday", "it's my bday tmrw". Each
# starts with a word written out, so that the search skips fast to where one might be;
# what must come before it is checked after.
GIVEAWAYS = re.compile(
    r"(?:i'?m|i am)\s+\d{1,2}\s+(?:today|tomorrow|tmrw|tmr)\b"
    r"|turn(?:ed|ing|s)?\s+\d{1,2}\s+(?:today|tomorrow|tmrw|yesterday|on\s+\w+)"
    r"|my\s+(?:\d{1,2}(?:st|nd|rd|th)\s+(?:birthday|bday)\b|(?:birthday|bday)\s+(?:is|was)\s+"
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


# A date before its cue: "2010-05-21 is my birthday".
BEFORE_CUE = re.compile(r"[ \t]*(?:is|was|=|:|-|,)?[ \t]*(?:my)?[ \t]*\Z")


def _date_before(text, cue):
    """(start, whole date) of a date just before a cue, or None."""
    start = max(0, cue.start() - 40)
    for pattern in DATES[:-1]:
        for date in pattern.finditer(text, start, cue.start()):
            if BEFORE_CUE.match(text, date.end(), cue.start()):
                full = _date(date)
                if full is not None:
                    return date.start(), full
    return None


DIGIT = re.compile(r"\d")
CUES_PER_POST = 200


def find_dates_of_birth(post):
    """(kind, words) of each date of birth and birthday giveaway."""
    copy, text = post.working, post.low
    found = []
    cues = CUE.finditer(text) if any(word in text for word in CUE_WORDS) else ()
    for count, cue in enumerate(cues):
        if count == CUES_PER_POST:
            break
        if not DIGIT.search(text, max(0, cue.start() - 40), cue.end() + 60):
            continue
        before = _date_before(text, cue)
        if before:
            kind = "date of birth" if before[1] else "birthday"
            found.append((kind, post.words(copy, before[0], cue.end())))
            continue
        if SOMEONE_ELSE.search(text, max(0, cue.start() - 30), cue.start()):
            continue
        between = BETWEEN.match(text, cue.end())
        start = between.end()
        for index, pattern in enumerate(DATES):
            date = pattern.match(text, start)
            if not date or (index == len(DATES) - 1 and start - cue.end() > 3):
                continue
            full = _date(date)
            if full is not None:
                kind = "date of birth" if full else "birthday"
                found.append((kind, post.words(copy, cue.start(), date.end())))
                break
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
