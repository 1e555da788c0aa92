"""Addresses everyone knows, which no member lives at: "221b baker street", "4 privet
drive"; a street alone when all of it is famous ("downing street", "wisteria lane")."""

import re

from .words import split

FAMOUS = {
    *split("221b_baker_street 1600_pennsylvania_avenue 4_privet_drive 742_evergreen_terrace"),
    *split("12_grimmauld_place 124_conch_street 31_spooner_street 1313_mockingbird_lane"),
    *split("17_cherry_tree_lane 32_windsor_gardens 1428_elm_street 112_ocean_avenue"),
    *split("7_eccles_street 3_abbey_road 10_downing_street 11_downing_street"),
}
FAMOUS_STREETS = {
    *split("downing_street privet_drive wisteria_lane sesame_street ramsay_street"),
    *split("coronation_street albert_square grimmauld_place evergreen_terrace"),
    *split("abbey_road penny_lane carnaby_street oxford_street grafton_street wall_street"),
    *split("fifth_avenue hollywood_boulevard"),
}
# Streets no member lives on, whatever the number.
NO_HOMES = {"downing_street"}
SHORT_STREETS = {"st": "street", "rd": "road", "ave": "avenue", "av": "avenue", "dr": "drive"}
SHORT_STREETS |= {"ln": "lane", "tce": "terrace", "terr": "terrace", "sq": "square"}
SHORT_STREETS |= {"pl": "place", "gdns": "gardens"}
FAMOUS_WORD = re.compile(r"[a-z\d]+")


def famous(address):
    """ "221b Baker St.", "number 10 downing street": an address no member lives at."""
    words = [SHORT_STREETS.get(word, word) for word in FAMOUS_WORD.findall(address.lower())]
    words = [word for word in words if word not in {"number", "no", "num", "the"}]
    if not words:
        return False
    if "_".join(words) in FAMOUS:
        return True
    if words[0][0].isdigit():
        return "_".join(words[1:]) in NO_HOMES  # "14 baker street" may be anyone's
    return "_".join(words) in FAMOUS_STREETS
