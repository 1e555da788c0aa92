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

from .gazetteer import town_at
from .school_words import (
    ANCHORS_PER_POST,
    AT,
    BETWEEN_NAME_AND_TYPE,
    CONNECTORS,
    DETERMINERS,
    GENERIC,
    GOING,
    GOING_NOW,
    LOOSE_TYPE,
    NAME_WORD,
    NOT_A_SCHOOL,
    NOT_GRAMMAR,
    PLACE_AFTER,
    ROMAN,
    SCHOOL_AT,
    START,
    STREET_WORDS,
    THE_BEFORE,
    THE_IN,
    TOWN_AFTER,
    TYPE,
    TYPES,
    TYPOED_GENERIC,
    TYPOED_TYPES,
    WEAK_TYPES,
    WHOLE_NAME,
    WORD,
    YEAR,
    YEAR_AT,
)
from .word_lists import fold
from .words import STOP


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
