"""Phone numbers: UK, Irish, US and international, however they are written.

Digits are gathered from the working copy, where "oh seven seven double oh nine",
"0seven9one2" and "O77OO 9OO" already read as digits; phonenumbers decides what could
be a number. A booking reference, an NHS number or an organisation's line ("the forced
marriage unit is 020 ...") is no one's own number.
"""

import re

import phonenumbers
from phonenumbers import PhoneNumberType

# A run of digit groups with what people type between them: spaces, dashes, dots,
# brackets, ", ", "then", "and", "second half", "the rest is". Not after a currency sign
# or inside a word or a link; a comma with no space after it is a thousands separator,
# and ends the run.
_BETWEEN_GROUPS = (
    r"[\s\-.()]|,(?=\s)|\b(?:then|and|followed\s+by|(?:the\s+)?rest(?:\s+is)?"
    r"|(?:first|second|1st|2nd|last|other|next)\s+(?:half|part|bit|three|four))\b"
)
RUN = re.compile(rf"(?<![\w£$€#@/.,])(?:\+\s?)?\(?\d+(?:(?:{_BETWEEN_GROUPS})+\d+)*(?![\w%/]|\.\d)")
GROUP = re.compile(r"\d+(?![a-z])")  # not the "2" of "2nd half"
DIGIT = re.compile(r"\d")
# 14/03/2010 is not written with spaces, but 14.03.2010 and 2026-05-21 are dates too.
DATE = re.compile(
    r"\b\d{1,2}\s*([.\-])\s*\d{1,2}\s*\1\s*(?:(?:19|20)\d\d|\d\d)\b|\b(?:19|20)\d\d-\d\d?-\d\d?\b"
)
ORGANISATIONS = {
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.PREMIUM_RATE,
    PhoneNumberType.SHARED_COST,
    PhoneNumberType.UAN,
}
# Someone giving a freephone number as their own ("call me on 0800 ...", "my work
# number is 0800 ..."), not telling of one ("my mum rang 0808 ...").
THEIR_OWN = re.compile(
    r"(?:\b(?:call|ring|text|phone|reach|contact|message|msg|whatsapp|get)\s+(?:me|us)\b"
    r"|\b(?:me|us)\s+(?:on|at)\b|\b(?:my|our)\s+(?:\w+\s+)?(?:number|num|no|mobile|phone"
    r"|cell|landline|line|digits)\b|\b(?:mine|i'?m|im)\b)[^\n.!?]{0,20}$"
)
# A number that refers to something, not someone: "order number 07912 345678".
REFERENCE = re.compile(
    r"\b(?:ref|reference|booking|order|tracking|account|acc|invoice|case|ticket|confirmation"
    r"|membership|member|customer|student|candidate|exam|receipt|serial|policy|claim|parcel"
    r"|sort\s+code|nhs|ppsn?|pps|national\s+insurance|ni|barcode|imei|model|product|uci|uln)"
    r"(?:\s+(?:no\.?|number|num|#|code|id|ref|reference))?\s*(?:is|was|:|#|=|-)?\s*\Z"
)
# A number an organisation answers: "the eating disorder team is 0161 ...", "the
# crisis team's line", "ring the surgery on ..." (unless someone says it is theirs).
ORGANISATION = re.compile(
    r"\b(?:helpline|hotline|line|unit|service|services|team|centre|center|clinic|surgery"
    r"|office|council|police|hospital|ward|reception|switchboard|charity|trust|foundation"
    r"|practice|pharmacy|gp|camhs|nhs|embassy|consulate)(?:'s)?\b[^.!?\n\d]{0,25}\Z"
)
# A local US number and its area code given apart: "555-0147, area code 212".
AREA_CODE = re.compile(r"\barea\s*code\s*(?:is\s*|'s\s*)?[:=]?\s*\(?\d{3}\)?")
LOCAL_US = re.compile(r"(?<![\d\-.])[2-9]\d\d[\s.-]?\d{4}(?![\d\-])")
COUNTING = "01234567890123456789"
COUNTING_UP = "".join(str(number) for number in range(1, 40))
CALLS_PER_POST = 100
SHAPED = object()  # a number judged by its shape alone


def _counting(number):
    """1 2 3 4 5 6 7 8 9 10, 9876543, 0000000: counting, not a phone number."""
    return (
        len(set(number)) < 2
        or number in COUNTING
        or number in COUNTING[::-1]
        or number in COUNTING_UP
    )


def _overlaps(span, spans):
    return any(span[0] < end and start < span[1] for start, end in spans)


def _parse(number, region):
    try:
        return phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None


def _possible(parsed):
    return (
        parsed is not None
        and phonenumbers.is_possible_number_with_reason(parsed)
        == phonenumbers.ValidationResult.IS_POSSIBLE
    )


def _national(number):
    """A number dialled without a country code, or None. UK numbers have 10 or 11 digits
    with the 0 (mobiles 07, 11); Irish 9 or 10 (mobiles 08); each region is read once."""
    regions = ("IE", "GB") if number.startswith("08") and len(number) <= 10 else ("GB", "IE")
    if number.startswith("07") and len(number) == 11:
        regions = ("GB",)
    parsed = {}
    for region in regions:
        parsed[region] = _parse(number, region)
        if parsed[region] is not None and phonenumbers.is_valid_number(parsed[region]):
            return parsed[region]
    # Numbers kept for drama (07700 900 ...) are possible but never valid.
    if 10 <= len(number) <= 11 and number[1] in "1237":
        return parsed.get("GB") if _possible(parsed.get("GB")) else None
    if 9 <= len(number) <= 10 and number[1] in "124589":
        return parsed.get("IE") if _possible(parsed.get("IE")) else None
    return None


def read_number(number, international):
    """A phone number for a string of digits, or None."""
    if international:
        parsed = _parse("+" + number, None)
        return parsed if _possible(parsed) else None
    if number.startswith("0"):
        return _national(number)
    # Without the leading zero: a UK or Irish mobile ("seven seven double zero ...").
    if len(number) == 10 and number[0] == "7":
        return _national("0" + number)
    if len(number) == 9 and number[0] == "8":
        parsed = _parse("0" + number, "IE")
        mobile = parsed is not None and phonenumbers.is_valid_number(parsed)
        return parsed if mobile and phonenumbers.number_type(parsed) == 1 else None
    # Irish freephone and shared-cost numbers: 1800 ..., 1850 ...
    if len(number) == 10 and number.startswith(("1800", "1850", "1890")):
        parsed = _parse(number, "IE")
        return parsed if parsed is not None and phonenumbers.is_valid_number(parsed) else None
    # North American: (NXX) NXX-XXXX, with or without the 1 before it.
    if len(number) == 11 and number[0] == "1":
        number = number[1:]
    if len(number) == 10 and number[0] in "23456789" and number[3] in "23456789":
        parsed = _parse(number, "US")
        return parsed if _possible(parsed) else None
    return None


def _looks_like_a_number(number, international):
    """After CALLS_PER_POST numbers, the shape alone: a post with hundreds of numbers
    need not cost hundreds of phonenumbers calls."""
    if international:
        return 8 <= len(number) <= 15
    if number.startswith("0"):
        return 9 <= len(number) <= 11
    return len(number) == 10 and number[0] in "23456789" and number[3] in "23456789"


class Phones:
    def __init__(self, post, crisis):
        self.post = post
        self.crisis = crisis
        self.calls = 0
        self.read = {}
        self.spans = []

    def _number(self, number, international):
        key = (number, international)
        if key not in self.read:
            self.calls += 1
            if self.calls <= CALLS_PER_POST:
                self.read[key] = read_number(number, international)
            else:
                self.read[key] = SHAPED if _looks_like_a_number(number, international) else None
        return self.read[key]

    def _personal(self, number, parsed, before):
        if self.crisis.has_number(number):
            return False
        key = ("organisation", number)
        if key not in self.read:
            self.read[key] = (
                parsed is not SHAPED
                and phonenumbers.is_valid_number(parsed)
                and phonenumbers.number_type(parsed) in ORGANISATIONS
            )
        return not self.read[key] or bool(THEIR_OWN.search(before))

    def _candidates(self, groups, international):
        """(first group, last group, digits, parsed) of each phone number in a run."""
        whole = "".join(digits for _, _, digits in groups)
        if 7 <= len(whole) <= 15 and not _counting(whole):
            parsed = self._number(whole, international)
            if parsed is not None:
                return [(0, len(groups) - 1, whole, parsed)]
        # Too long, or not a number as a whole: numbers one after another.
        found, first = [], 0
        while first < len(groups):
            best = None
            if first == 0 or groups[first][2].startswith("0") or len(groups[first][2]) == 3:
                total = ""
                for last in range(first, len(groups)):
                    total += groups[last][2]
                    if len(total) > 15:
                        break
                    if len(total) >= 9 and not (first == 0 and last == len(groups) - 1):
                        parsed = self._number(total, international and first == 0)
                        if parsed is not None and not _counting(total):
                            best = (first, last, total, parsed)
            if best:
                found.append(best)
                first = best[1] + 1
            else:
                first += 1
        return found

    def find(self, skip=()):
        working = self.post.working
        text = self.post.low
        for run in RUN.finditer(text):
            if sum(map(str.isdigit, run.group())) < 7 or DATE.search(run.group()):
                continue
            groups = [
                (run.start() + found.start(), run.start() + found.end(), found.group())
                for found in GROUP.finditer(run.group())
            ]
            international = run.group().startswith("+")
            if not international and groups[0][2].startswith("00") and len(groups[0][2]) > 2:
                international = True  # 0044 ...
                groups[0] = (groups[0][0], groups[0][1], groups[0][2][2:])
            if _counting("".join(group[2] for group in groups)):
                continue
            for first, last, number, parsed in self._candidates(groups, international):
                start = run.start() if first == 0 else groups[first][0]
                end = groups[last][1]
                if _overlaps(working.span(start, end), skip):
                    continue  # inside an email address
                before = text[max(0, start - 40) : start]
                if before != before.upper() and (  # words before it, to read
                    REFERENCE.search(before)
                    or (ORGANISATION.search(before) and not THEIR_OWN.search(before))
                ):
                    continue
                if self._personal(number, parsed, before):
                    self.spans.append((start, end))
                    yield self.post.words(working, start, end)

    def local_with_area_code(self):
        """A seven-digit US number with its area code a few words away."""
        text = self.post.low
        for area in AREA_CODE.finditer(text):
            window = max(0, area.start() - 40), min(len(text), area.end() + 40)
            for local in LOCAL_US.finditer(text, *window):
                if local.end() <= area.start() or local.start() >= area.end():
                    start, end = min(local.start(), area.start()), max(local.end(), area.end())
                    if not _overlaps((start, end), self.spans):
                        yield self.post.words(self.post.working, start, end)
                    break


def find_phones(post, crisis, skip=()):
    """The writer's words for each phone number, but for crisis lines and numbers inside
    the spans in `skip`. phonenumbers is only asked when there are 7 digits or more."""
    if len(DIGIT.findall(post.low)) < 7:
        return []
    phones = Phones(post, crisis)
    found = list(phones.find(skip))
    if "area" in post.low:
        found += [number for number in phones.local_with_area_code() if number not in found]
    return found
