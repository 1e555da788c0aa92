"""The rules: which concepts, found together, make a finding, and at which level.

A rule fires when its concepts occur together within a few words in one sentence
(`needs`), sometimes with another concept anywhere in the post (`post_needs`): "got
enough tablets saved" is means with preparation, and it is a plan only where the post
also speaks of ending things. `rules.evaluate` finds them; `modifiers` then reads the
words around each one.

A rule marked `hard` — something already taken, a plan with a time, harm happening now
— stays crisis whatever surrounds it; only a distant past ("years ago") or someone
else's story (fiction, news) can lower it, because then it is not happening now.
"""

from dataclasses import dataclass

from . import lexicon as c

CRISIS, CONCERN, BULLYING, BLOCKED, NONE = "crisis", "concern", "bullying", "blocked", ""
LEVEL_RANK = {CRISIS: 4, BLOCKED: 3, CONCERN: 2, BULLYING: 1, NONE: 0}


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    level: str
    needs: tuple  # each item: the concepts any of which fills it, all items within `window`
    window: int = 10
    post_needs: tuple = ()  # concepts, any of which must occur somewhere in the post
    hard: bool = False
    big_number: bool = False  # a large quantity (or QUANTITY words) must be near
    # Danger from someone else: whose sentence it is does not lower it.
    from_others: bool = False


# Groups of concepts the rules' `post_needs` share.
# Ending one's life, said one way or another.
ENDING = (c.SUICIDE, c.VAGUE_ACT, c.DEATH_WISH)
# The signs that go with it: goodbyes and a calm resolve (Samaritans' warning signs).
READY = (c.FINALITY, c.FAREWELL, c.RESOLVE)
# Anything that makes a post about risk at all.
RISK_CONTEXT = (*ENDING, *READY, c.DEATH, c.IDEATION, c.SELF_HARM, c.HOPELESSNESS)

RULES = [
    # Crisis: C-SSRS active ideation with method, intent or plan, preparation, an act.
    Rule(
        "act-taken",
        "Has taken something or harmed themselves now",
        CRISIS,
        ((c.TAKEN,), (c.MEANS, c.SUICIDE)),
        window=8,
        hard=True,
        big_number=True,
    ),
    Rule(
        "act-taken-unwell",
        "Has taken something and feels its effects",
        CRISIS,
        ((c.TAKEN,), (c.MEANS, c.SUICIDE)),
        window=10,
        post_needs=(c.HARM_NOW, *RISK_CONTEXT),
        hard=True,
    ),
    Rule(
        "took-them-all",
        "Has taken all of something",
        CRISIS,
        ((c.TAKEN,), (c.QUANTITY,)),
        window=4,
        post_needs=(*ENDING, *READY, c.MEANS, c.HARM_NOW),
        hard=True,
    ),
    Rule(
        "harm-now",
        "Self-harm needing help now",
        CRISIS,
        ((c.SEVERITY,),),
        post_needs=(c.SELF_HARM, c.SELF_HARM_CUE, c.TAKEN),
        hard=True,
    ),
    Rule(
        "means-gathered",
        "Means gathered for an overdose or a method",
        CRISIS,
        ((c.STOCKPILE,),),
        post_needs=(c.MEANS,),
        hard=True,
    ),
    Rule(
        "plan-made",
        "A plan made: a date, a place or a method",
        CRISIS,
        ((c.PLAN_TIME,),),
        post_needs=(
            *ENDING,
            *READY,
            c.DEATH,
            c.MEANS,
            c.DANGER_PLACE,
            c.IMMINENCE,
            c.AT_PLACE,
            c.STOCKPILE,
            c.IDEATION,
        ),
        hard=True,
    ),
    Rule(
        "done-resolved",
        "Done, and resolved",
        CRISIS,
        ((c.DONE,),),
        post_needs=(c.RESOLVE, c.FINALITY, c.IMMINENCE, c.VAGUE_ACT, c.SUICIDE),
    ),
    Rule("at-danger-now", "At a dangerous place now", CRISIS, ((c.AT_PLACE,),), hard=True),
    Rule(
        "near-danger",
        "Near a dangerous place, ready",
        CRISIS,
        ((c.NEAR_PLACE,),),
        post_needs=(*ENDING, *READY, c.IMMINENCE, c.HOPELESS_CUE),
        hard=True,
    ),
    Rule("act-done", "Has taken or done something dangerous", CRISIS, ((c.ACT_DONE,),), hard=True),
    Rule("severe-injury", "An injury that needs help now", CRISIS, ((c.SEVERE_NOW,),), hard=True),
    Rule(
        "means-intent",
        "Means with an intent",
        CRISIS,
        ((c.INTENT,), (c.MEANS,)),
        window=5,
        post_needs=(*ENDING, c.DEATH, c.FINALITY, c.RESOLVE, c.IDEATION, c.BURDEN, c.HOPELESSNESS),
    ),
    Rule(
        "suicide-soon",
        "Ending their life with a time",
        CRISIS,
        ((c.SUICIDE, c.DEATH_WISH, c.SUICIDAL), (c.IMMINENCE,)),
        window=16,
        hard=True,
    ),
    Rule(
        "vague-plan",
        "Doing \u201cit\u201d with a time or the means",
        CRISIS,
        ((c.VAGUE_ACT,), (c.IMMINENCE, c.MEANS, c.PREPARATION, c.RESOLVE)),
        window=10,
        post_needs=(
            *READY,
            c.MEANS,
            c.SUICIDE,
            c.DEATH_WISH,
            c.DEATH,
            c.PREPARATION,
            c.HOPELESSNESS,
            c.BURDEN,
        ),
        hard=True,
    ),
    Rule(
        "method-plan",
        "Means gathered or a method chosen",
        CRISIS,
        ((c.MEANS,), (c.PREPARATION, c.INTENT)),
        window=10,
        post_needs=(*ENDING, *READY, c.DEATH, c.IDEATION, c.BURDEN),
        hard=True,
    ),
    Rule(
        "danger-place",
        "At a dangerous place, ready",
        CRISIS,
        ((c.DANGER_PLACE,),),
        post_needs=(*ENDING, *READY),
        hard=True,
    ),
    Rule("suicide-intent", "Intends to end their life", CRISIS, ((c.SUICIDE,),), window=8),
    Rule(
        "death-intent",
        "Intends to die",
        CRISIS,
        ((c.INTENT, c.RESOLVE), (c.DEATH, c.DEATH_WISH, c.VAGUE_ACT)),
        window=6,
        post_needs=(*READY, c.MEANS, c.IMMINENCE, c.SUICIDE),
    ),
    Rule("final-message", "A goodbye or last message", CRISIS, ((c.FINALITY,),)),
    Rule(
        "farewell",
        "A goodbye with thoughts of ending",
        CRISIS,
        ((c.FAREWELL,),),
        post_needs=(*ENDING, c.RESOLVE, c.BURDEN, c.HOPELESSNESS, c.MEANS),
    ),
    Rule("farewells", "Goodbyes", CRISIS, ((c.FAREWELL,), (c.FAREWELL, c.FINALITY)), window=40),
    Rule(
        "danger-from-others",
        "In danger from someone else now",
        CRISIS,
        ((c.THREAT,),),
        from_others=True,
    ),
    Rule(
        "abuse-now",
        "Abuse happening now",
        CRISIS,
        ((c.ABUSE,), (c.IMMINENCE,)),
        window=20,
        from_others=True,
    ),
    Rule(
        "grooming-meeting",
        "An older contact arranging to meet in secret",
        CRISIS,
        ((c.MEETING,), (c.SECRECY, c.OLDER, c.GIFTS)),
        window=30,
        post_needs=(c.SECRECY, c.OLDER),
        from_others=True,
    ),
    Rule(
        "sextortion",
        "Threatened over pictures or gifts",
        CRISIS,
        ((c.PICTURES, c.GIFTS), (c.COERCION, c.THREAT)),
        window=25,
        from_others=True,
    ),
    Rule(
        "grooming-pictures",
        "An older contact asking for pictures",
        CRISIS,
        ((c.PICTURES,), (c.SECRECY, c.OLDER, c.THREAT)),
        window=30,
        post_needs=(c.SECRECY, c.THREAT),
        from_others=True,
    ),
    # Concern: C-SSRS wish to be dead and non-specific thoughts; self-harm; eating;
    # hopelessness and burden; grooming signs; abuse.
    Rule("death-wish", "Wishes not to be alive", CONCERN, ((c.DEATH_WISH,),)),
    Rule("ideation", "Thoughts of suicide", CONCERN, ((c.IDEATION,),)),
    Rule("self-harm", "Self-harm", CONCERN, ((c.SELF_HARM,),)),
    Rule(
        "self-harm-signs",
        "Signs of self-harm",
        CONCERN,
        ((c.SELF_HARM_CUE,), (c.SELF_HARM_CUE, c.BODY, c.HOPELESSNESS, c.HOPELESS_CUE)),
        window=20,
    ),
    Rule("hopelessness", "Hopelessness", CONCERN, ((c.HOPELESSNESS,),)),
    Rule(
        "low-worth",
        "Feeling worthless",
        CONCERN,
        ((c.HOPELESS_CUE,), (c.HOPELESS_CUE, c.BURDEN, c.DEATH)),
        window=20,
    ),
    Rule("burden", "Feels a burden", CONCERN, ((c.BURDEN,),)),
    Rule("eating", "Eating-disorder behaviour", CONCERN, ((c.EATING,),)),
    Rule(
        "eating-signs",
        "Signs of disordered eating",
        CONCERN,
        ((c.EATING_CUE,), (c.EATING_CUE,)),
        window=25,
    ),
    Rule(
        "grooming-signs",
        "Signs of grooming",
        CONCERN,
        (
            (c.SECRECY, c.OLDER, c.GIFTS, c.PICTURES),
            (c.SECRECY, c.OLDER, c.GIFTS, c.PICTURES, c.OTHER_APP, c.FLATTERY, c.MEETING),
        ),
        window=30,
        from_others=True,
    ),
    Rule("abuse", "Abuse or violence", CONCERN, ((c.ABUSE,),), from_others=True),
    Rule(
        "secrecy-asked",
        "Asked to keep secrets or move apps",
        CONCERN,
        ((c.ASKING,), (c.SECRECY, c.PICTURES, c.OTHER_APP, c.MEETING)),
        window=10,
        post_needs=(c.OLDER, c.FLATTERY, c.GIFTS, c.SECRECY),
        from_others=True,
    ),
    Rule("telling-to-harm", "Telling someone to harm themselves", BLOCKED, ((c.TELLING_TO_HARM,),)),
]
