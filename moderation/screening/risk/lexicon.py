"""The concepts risk screening reads, and the words that express each one.

Each concept's words live in `concepts/<concept>.txt`, one phrase a line (a line
starting with "#" is a comment). They are written as they read once
`text` has normalised a post:
lowercase, contractions spelled out ("i am", "do not", "will not", "can not"), slang
resolved ("abt" → "about", "sewerslide" → "suicide", "od'd" → "overdosed"). In a
pattern, `*` alone stands for any one word and a word ending in `*` for any word that
starts so ("overdos*"). Admins add words to any concept in the admin (a watched phrase
with a concept); the rules (`rulebook`) combine concepts, so a new word
works in every rule its concept is part of.

The concepts follow the public guidance docs/screening.md cites: the Columbia suicide
severity scale (a wish to be dead, thoughts, method, intent, plan, preparation, an act),
Samaritans' warning signs (goodbyes, giving things away, sudden calm) and the NSPCC's
grooming signs (secrecy, an age gap, gifts, moving to another app, pictures, meeting).
"""

from pathlib import Path

CONCEPTS_DIR = Path(__file__).with_name("concepts")

SUICIDE = "suicide"
VAGUE_ACT = "vague-act"
DEATH_WISH = "death-wish"
DEATH = "death"
IDEATION = "ideation"
INTENT = "intent"
IMMINENCE = "imminence"
MEANS = "means"
PREPARATION = "preparation"
STOCKPILE = "stockpiling"
BODY = "body"
SUICIDAL = "feeling-suicidal"
SEVERE_NOW = "severe-injury"
NEAR_PLACE = "near-a-dangerous-place"
COERCION = "coercion"
DONE = "done"
PLAN_TIME = "plan-made"
ACT_DONE = "act-done"
QUANTITY = "quantity"
TAKEN = "taken"
HARM_NOW = "harm-now"
AT_PLACE = "at-a-dangerous-place"
DANGER_PLACE = "danger-place"
FINALITY = "finality"
FAREWELL = "farewell"
RESOLVE = "resolve"
SELF_HARM = "self-harm"
SELF_HARM_CUE = "self-harm-sign"
SEVERITY = "severity"
HOPELESSNESS = "hopelessness"
HOPELESS_CUE = "low-worth"
BURDEN = "burden"
EATING = "eating"
EATING_CUE = "eating-sign"
SECRECY = "secrecy"
OLDER = "older-person"
MEETING = "meeting"
PICTURES = "pictures"
OTHER_APP = "other-app"
GIFTS = "gifts"
FLATTERY = "flattery"
THREAT = "threat"
ABUSE = "abuse"
TELLING_TO_HARM = "telling-to-harm"
NEGATION = "negation"
DISTANT_PAST = "distant-past"
IDIOM = "idiom"
FICTION = "fiction-or-school"
STORY = "a-story"
OFFER_HELP = "offering-help"
ASKING_HELP = "asking-how-to-help"
ASKING = "asking-the-writer"
QUOTING = "quoting"
TOLD_TO = "told-to"
HYPERBOLE = "hyperbole"
RECOVERY = "recovery"
RELAPSE = "relapse"


def _read(concept):
    lines = (CONCEPTS_DIR / f"{concept}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


CONCEPTS = {
    concept: _read(concept)
    for concept in (
        SUICIDE,
        VAGUE_ACT,
        DEATH_WISH,
        DEATH,
        IDEATION,
        INTENT,
        IMMINENCE,
        MEANS,
        PREPARATION,
        STOCKPILE,
        BODY,
        SUICIDAL,
        SEVERE_NOW,
        NEAR_PLACE,
        COERCION,
        DONE,
        PLAN_TIME,
        ACT_DONE,
        QUANTITY,
        TAKEN,
        HARM_NOW,
        AT_PLACE,
        DANGER_PLACE,
        FINALITY,
        FAREWELL,
        RESOLVE,
        SELF_HARM,
        SELF_HARM_CUE,
        SEVERITY,
        HOPELESSNESS,
        HOPELESS_CUE,
        BURDEN,
        EATING,
        EATING_CUE,
        SECRECY,
        OLDER,
        MEETING,
        PICTURES,
        OTHER_APP,
        GIFTS,
        FLATTERY,
        THREAT,
        ABUSE,
        TELLING_TO_HARM,
        NEGATION,
        DISTANT_PAST,
        IDIOM,
        FICTION,
        STORY,
        OFFER_HELP,
        ASKING_HELP,
        ASKING,
        QUOTING,
        TOLD_TO,
        HYPERBOLE,
        RECOVERY,
        RELAPSE,
    )
}
