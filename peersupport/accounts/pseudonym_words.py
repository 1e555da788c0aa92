"""The words the pseudonym rules reserve (pseudonyms.py), and the kind words its ideas
are made from. Data only: the rules that use them are in pseudonyms.py."""

# Each reserved word is refused also when digits or look-alike letters stand in for its
# letters ("Adm1n", "M0derat0r", "St4ff", "ChildIine", "Adrnin"): a 1, an I and an l look
# the same in many fonts, so each may stand for either of the others.
LOOK_ALIKES = {
    "a": "4",
    "b": "8",
    "e": "3",
    "g": "9",
    "i": "1l",
    "l": "1i",
    "o": "0",
    "s": "5",
    "t": "7",
}

# The team's roles and the titles of people who treat or protect. Refused as a whole
# name and as any word of one ("Dr.Smith", "Team-Leo", "ModSam", "NurseJoy"), never
# inside an ordinary word ("Modesty", "Teamwork", "Drizzle", "Nursery").
TITLES = {
    "admin",
    "administrator",
    "mod",
    "mods",
    "moderator",
    "staff",
    "team",
    "official",
    "helpline",
    "safeguarding",
    "support",
    "dr",
    "doctor",
    "nurse",
    "prof",
    "therapist",
    "counsellor",
    "counselor",
    "police",
}
# Crisis services and helplines young people know, whatever the services we ship (whose
# names pseudonyms.py reads from signposting/defaults.py and reserves the same way).
# Refused as a whole name and as any word of one.
SERVICES = {
    "samaritans",
    "childline",
    "papyrus",
    "hopeline",
    "hopelineuk",
    "themix",
    "kooth",
    "youngminds",
    "nspcc",
    "ispcc",
    "nhs",
    "lifeline",
    "nightline",
    "switchboard",
    "pieta",
    "calmzone",
}
# Services whose names are everyday words: refused only as the whole name, so "QuietMind"
# and "Shoutout" stay free.
EVERYDAY_SERVICES = {"mind", "shout"}
# Reserved only as the whole name.
OTHER_RESERVED = {"modteam", "peersupport", "system", "crisis"}
# Long enough to be in no ordinary word, so refused anywhere inside a name too, as are
# the longer names of the services we ship (SHIPPED_INSIDE in pseudonyms.py).
RESERVED_INSIDE = {
    "moderator",
    "administrator",
    "support",
    "official",
    "safeguarding",
    "samaritans",
    "childline",
    "papyrus",
    "hopeline",
    "youngminds",
    "nightline",
}
# Short words that would catch ordinary names inside ("badminton"), so only at either
# end, where a name written all in one case hides its words.
RESERVED_AT_EDGES = {"admin", "staff", "nhs", "kooth", "nspcc", "ispcc"}

# Ideas are an adjective and a noun from these kind words: no number, so nothing reads
# as a birth year or an age, and no word that is also a popular name (tests check every
# pair against the rules).
ADJECTIVES = [
    "Quiet",
    "Gentle",
    "Brave",
    "Calm",
    "Kind",
    "Steady",
    "Bright",
    "Cosy",
    "Hopeful",
    "Patient",
    "Mellow",
    "Soft",
    "Warm",
    "Little",
    "Wandering",
    "Curious",
    "Silver",
    "Golden",
    "Velvet",
    "Drifting",
    "Starry",
    "Breezy",
    "Cheerful",
    "Thoughtful",
    "Peaceful",
    "Friendly",
    "Dreamy",
    "Sleepy",
    "Hidden",
    "Humble",
    "Snowy",
    "Mossy",
    "Dappled",
    "Twinkling",
    "Restful",
    "Tender",
    "Clever",
    "Sturdy",
    "Nimble",
    "Rustling",
]
NOUNS = [
    "Otter",
    "Fern",
    "Heron",
    "Pebble",
    "Badger",
    "Wren",
    "Comet",
    "Harbour",
    "Meadow",
    "Owl",
    "Lantern",
    "Hedgehog",
    "Puffin",
    "Clover",
    "Acorn",
    "Kestrel",
    "Moth",
    "Tide",
    "Birch",
    "Sparrow",
    "Teapot",
    "Raincloud",
    "Seashell",
    "Mitten",
    "Pinecone",
    "Dandelion",
    "Bumblebee",
    "Starfish",
    "Squirrel",
    "Kite",
    "Lighthouse",
    "Cocoa",
    "Moonbeam",
    "Snowdrop",
    "Bluebell",
    "Pancake",
    "Tortoise",
    "Firefly",
    "Walrus",
    "Dormouse",
]
