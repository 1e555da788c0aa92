"""The watched phrases the site starts with. Admins can change, switch off or add to every
one of them.

Phrases are matched on normalised text (moderation.normalise), so each is written once
in plain words: "kms", "k1ll mys3lf" and "unalive myself" all reach "kill myself", and
"can't", "cant" and "cannot" all read "can not". `*` stands for any one word. Exceptions
are idioms that contain the phrase but are not a risk. "Not"/"never" before a crisis
phrase turns it into a concern (see moderation.screening), so negations need no rows.
"""

from django.db import migrations

SLUR = "It includes a word that hurts people. Please take it out and try again."
SPAM = "It looks like advertising or a link we cannot check, so it cannot go up here."
PRIVATE_CHAT = (
    "Links to private chats are not allowed here, to keep everyone safe. Please keep the "
    "conversation on the forum."
)
TELLING_TO_HARM = (
    "Please never tell anyone to hurt themselves. If someone has upset you, you can flag "
    "their post and a moderator will help."
)

CRISIS = [
    # Intent to end one's life, now or soon.
    ("kill myself", ["told me to kill myself", "tell me to kill myself", "could kill myself for"]),
    ("killing myself", ["killing myself laughing", "killing myself with laughter"]),
    ("want to die", ["want to die of embarrassment"]),
    ("wanting to die", []),
    ("ready to die", []),
    ("end my life", []),
    ("ending my life", []),
    ("take my own life", []),
    ("take my life", []),
    ("end it all", []),
    ("going to end it", ["going to end it with"]),
    ("end it tonight", []),
    ("commit suicide", []),
    ("feeling suicidal", []),
    ("feel suicidal", []),
    ("am suicidal", []),
    ("better off dead", []),
    ("better off without me", []),
    ("wish i was dead", []),
    ("wish i were dead", []),
    ("do not want to be alive", []),
    ("do not want to live", []),
    ("do not want to wake up", []),
    ("suicide note", []),
    ("goodbye note", []),
    # A plan or the means ready.
    ("pills ready", []),
    ("saving up pills", []),
    ("saved up pills", []),
    ("took an overdose", []),
    ("taken an overdose", []),
    ("going to overdose", []),
    ("hang myself", []),
    ("hanging myself", []),
    ("slit my wrists", []),
    ("jump off * bridge", []),
    ("jump off * building", []),
    ("jump in front of * train", []),
    # Self-harm about to happen.
    ("want to hurt myself", []),
    ("going to hurt myself", []),
    ("want to cut myself", []),
    ("going to cut myself", []),
    # Danger to someone the writer describes.
    ("kill herself", []),
    ("kill himself", []),
    ("kill themselves", []),
    ("end her life", []),
    ("end his life", []),
    ("bring a knife to school", []),
    ("shoot up the school", []),
    # Danger to the writer from others.
    ("hits me", ["hits me up", "it hits me", "hits me hard", "reality hits me", "hits me that"]),
    ("is abusing me", []),
    ("not safe at home", []),
    ("scared to go home", []),
]

CONCERN = [
    ("self harm", []),
    ("self harming", []),
    ("self harmed", []),
    ("cut myself", ["cut myself shaving", "cut myself cooking", "cut myself on"]),
    ("cutting myself", []),
    ("used to cut", []),
    ("started cutting", []),
    ("cutting again", []),
    ("relapsed", []),
    ("burn myself", []),
    ("burning myself", []),
    ("hurt myself", ["hurt myself playing", "hurt myself at", "hurt myself falling"]),
    ("hurting myself", []),
    ("suicide", []),
    ("suicidal", []),
    ("overdose", []),
    ("overdosed", []),
    ("hopeless", []),
    ("worthless", []),
    ("no point in anything", []),
    ("no point anymore", []),
    ("no point in living", []),
    ("no reason to live", []),
    ("can not go on", []),
    ("can not cope", []),
    ("can not do this anymore", []),
    ("can not take it anymore", []),
    ("give up on life", []),
    ("giving up on life", []),
    ("hate myself", []),
    ("hate my life", []),
    ("want to disappear", []),
    ("wish i was not here", []),
    ("wish i did not exist", []),
    ("do not want to be here anymore", []),
    ("no one would care if", []),
    ("nobody would care if", []),
    ("no one would miss me", []),
    ("nobody would miss me", []),
    ("everyone hates me", []),
    ("empty inside", []),
    ("feel numb", []),
    ("dying inside", []),
    ("feel like dying", ["feel like dying of"]),
    ("am a burden", []),
    ("starving myself", []),
    ("make myself sick", []),
    ("making myself sick", []),
    ("told me to kill myself", []),
    ("kill me", ["will kill me", "would kill me", "kill me if", "kill me when", "kill me now"]),
    ("killing me", ["is killing me", "are killing me", "killing me softly"]),
]

BLOCKED = [
    ("nigger", [], SLUR),
    ("faggot", [], SLUR),
    ("retard", [], SLUR),
    ("retarded", [], SLUR),
    ("tranny", [], SLUR),
    ("paki", [], SLUR),
    (
        "kill yourself",
        [
            "not kill yourself",
            "never kill yourself",
            "want to kill yourself",
            "wanting to kill yourself",
            "try to kill yourself",
            "trying to kill yourself",
        ],
        TELLING_TO_HARM,
    ),
    ("buy followers", [], SPAM),
    ("cheap followers", [], SPAM),
    ("free followers", [], SPAM),
    ("crypto giveaway", [], SPAM),
    ("bitcoin giveaway", [], SPAM),
    ("free robux", [], SPAM),
    ("free vbucks", [], SPAM),
    ("free v bucks", [], SPAM),
    ("make money fast", [], SPAM),
    ("earn money from home", [], SPAM),
    ("click here to claim", [], SPAM),
    ("bit ly", [], SPAM),
    ("tinyurl", [], SPAM),
    ("grabify", [], SPAM),
    ("iplogger", [], SPAM),
    ("discord gg", [], PRIVATE_CHAT),
    ("chat whatsapp com", [], PRIVATE_CHAT),
]


def add_default_phrases(apps, schema_editor):
    WatchedPhrase = apps.get_model("moderation", "WatchedPhrase")
    rows = [(phrase, "crisis", exceptions, "") for phrase, exceptions in CRISIS]
    rows += [(phrase, "concern", exceptions, "") for phrase, exceptions in CONCERN]
    rows += [(phrase, "blocked", exceptions, reason) for phrase, exceptions, reason in BLOCKED]
    for phrase, level, exceptions, reason in rows:
        WatchedPhrase.objects.get_or_create(
            phrase=phrase,
            level=level,
            defaults={"exceptions": "\n".join(exceptions), "reason": reason},
        )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0003_message_templates")]

    # Going back leaves the phrases alone: admins may have edited them since.
    operations = [migrations.RunPython(add_default_phrases, migrations.RunPython.noop)]
