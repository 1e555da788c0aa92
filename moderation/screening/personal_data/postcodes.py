"""UK postcodes and Eircodes, and a postcode or zip code written loosely after its cue
("postcode is m 16, 9 e h")."""

import re

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
POSTCODE = re.compile(r"\b([a-z]{1,2})\d[a-z\d]?(?:\s|\s?-\s?)?\d[abd-hjlnp-uw-z]{2}\b")
EIRCODE = re.compile(
    r"\b(?:[ac-fhknprtv-y]\d{2}|d6w)\s?(?=[\dac-fhknprtv-y]{0,3}\d)[\dac-fhknprtv-y]{4}\b"
)
POSTCODE_CUE = re.compile(r"\b(?:post\s?code|eir\s?code|zip(?:\s?code)?|pc)\b[\s:=-]*(?:is\s+)?")
# After "postcode": the characters of one, with anything between them ("m 16, 9 e h").
LOOSE_POSTCODE = re.compile(
    r"([a-z](?:[\s,.]{0,2}[a-z])?)[\s,.]{0,2}(\d)[\s,.]{0,2}([a-z\d]?)[\s,.]{0,2}"
    r"(\d)[\s,.]{0,2}([a-z])[\s,.]{0,2}([a-z])\b"
)
LOOSE_GAPS = re.compile(r"[\s,.]")
ZIP = re.compile(r"\d{5}(?:-\d{4})?\b")


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
            postcode = loose and POSTCODE.fullmatch(LOOSE_GAPS.sub("", "".join(loose.groups())))
            if postcode and postcode.group(1) in AREAS:
                spans.append((post.working, loose.start(), loose.end()))
            zip_code = ZIP.match(post.low, cue.end())
            if zip_code and cue.group().startswith("zip"):
                spans.append((post.working, zip_code.start(), zip_code.end()))
    return [post.words(copy, start, end) for copy, start, end in spans]
