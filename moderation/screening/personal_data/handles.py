"""Social media handles: "sc: lilyy.xo", "my insta is liam underscore kelly", "@r0bynn__",
"voidwalker#0412", "t.me/nightshift_nina", "add me on snap", "my roblox is SleepyPandaKing",
"my gamertag is Sleepy Otter 42", "riot id: name#EUW", "poems.tumblr.com". Talking about an
app ("i deleted snapchat", "insta makes me sad") gives no handle; "@everyone", "@ mods",
"@5pm" and a reply to another member here ("@sam_x well done") are not handles."""

import re

from .copies import Taken
from .word_lists import Typos, trie
from .words import STOP, split

# Apps whose name may come a few words before the handle ("snap is in my bio lol jk its
# kaylaa.m3"); the short names ("sc", "ig") only right before it.
APPS = [
    *split("snapchat snap instagram insta discord tiktok tik tok kik telegram whatsapp"),
    *split("roblox twitter twitch yubo bereal pinterest psn xbox gamertag tumblr facebook"),
    *split("youtube wattpad vsco bluesky reddit amongus spotify soundcloud valorant"),
    *split("minecraft fortnite playstation nintendo deviantart letterboxd goodreads depop"),
    *split("vinted duolingo lemon8 wechat viber skype mastodon ao3 osu lichess genshin"),
    *split("finsta gamertags"),
    *["whats app", "among us", "ghost app", "yellow app", "riot id", "epic id", "xbox live"],
    *["friend code", "in game name", "be real", "apple music", "activision id"],
]
# Short names, and apps whose names are ordinary words: only right before the handle.
SHORT_APPS = ["sc", "ig", "dc", "tt", "yt", "fb", "steam", "threads", "disc", "tg", "ign"]
SHORT_APPS += ["epic", "riot", "signal"]
APP = rf"(?<![\w@.#/]){trie(APPS + SHORT_APPS)}(?:'?s)?(?![\w@])"
CUE = re.compile(APP + "|\U0001f47b")
TYPOED_APPS = Typos(
    split(
        "snapchat snap instagram insta discord tiktok telegram whatsapp roblox twitter"
        " spotify tumblr pinterest gamertag"
    )
)
# What comes between an app and a handle: "my snap user is", "kik me at", "sc/ig both:".
FILLERS = {
    *split("is its it's it s user username usernme name handle id tag acc account called"),
    *split("me at as both mines mine also too on add just under new main spam private priv"),
    *split("alt code uid gamertag"),
}
# Games and the names people play under: a handle there may be words and a number
# ("my gamertag is Sleepy Otter 42").
GAMING = {*split("gamertag xbox psn playstation steam roblox minecraft fortnite ign epic")}
GAMING |= {"riot id", "epic id", "xbox live", "in game name", "friend code", "activision id"}
NUMBER = re.compile(r"\d{1,4}")
# A name with capitals inside it, in the writer's own case: "SleepyPandaKing".
CAMEL = re.compile(r"['\"]?@?[A-Za-z]*[a-z][A-Z][A-Za-z\d]*['\"]?")
QUOTED = re.compile(r"(['\"]).+\1")
QUOTE = re.compile(r"['\"]")
LEET = re.compile(r"[a-z]+(?:[013457][a-z]+)+")
# A reply to another member, by their name on this site: "@sam_x well done". Only
# at the start of a post or line, and only when no app is named anywhere in it.
REPLYING = re.compile(r"\b(?:replying|reply|replied|responding)\s+to\s*:?\s*\Z")
REPLY = re.compile(r"@[\w.]+[ \t,:]+(?!(?:on|is|for)\b)[a-z]")
INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
TOKEN = re.compile(
    r"(?P<mark>[:~=\u27a1\u2192>|\-\u2013\u2014]+|@(?!\w)|/)"
    r"|(?P<word>['\"]?@?[\w.'-]+(?:\s+(?:dot|underscore)\s+[\w.-]+)*['\"]?)"
    r"|(?P<other>\S)"
)
# Without one of these soon after an app's name, no handle follows it.
HINT = re.compile(r"[\d_.:~=@>|\u27a1\u2192-]|\b(?:dot|underscore)\b")
SHAPE = re.compile(r"[a-z\d_.-]{3,30}")
NOT_A_HANDLE = re.compile(
    r"\d+[a-z]{1,4}|\d{1,2}(?:[:.]\d\d)?(?:am|pm)?|(?:any|some|no|every)1"
    r"|www\..*|.*\.(?:com|org|net|ie|uk|co|gov|edu|nhs|tv|gg|me|io|ly)"
)
# Endings of ordinary adjectives and verbs: "insta: toxic", "snap: boring".
WORD_ENDING = re.compile(r"(?:ing|ed|ive|ful|less|ous|ly|ic|able|ible|est)$")
SPELLED = re.compile(r"\s(?:dot|underscore)\s")
BARE = re.compile(r"(?<![\w.@])@(\s?)([\w.]{2,30})")
NOT_MENTIONS = re.compile(
    r"(?:everyone|everybody|here|mods?|moderators?|admins?|staff|team|all|channel)[es]*"
)
# "@evryone", "@everyon e": the same mentions, misspelt.
MENTIONS = Typos(split("everyone everybody moderators moderator admins admin channel"))
# Discord's "voidwalker#0412", Riot's "moonpie#EUW": a name, "#" and its tag, with no
# space before the "#" as a hashtag has.
TAG = re.compile(r"(?<![\w#])([\w.]{2,32})#(?:\d{4}(?!\d)|[a-z\d]{2,5}(?![\w#]))")
PROFILE = re.compile(
    r"\b(?:https?://)?(?:www\.)?(?:instagram\.com|tiktok\.com|snapchat\.com/add|twitter\.com"
    r"|x\.com|t\.me|twitch\.tv|youtube\.com|facebook\.com|fb\.com|threads\.net|wa\.me"
    r"|steamcommunity\.com/id|linktr\.ee|soundcloud\.com|pinterest\.[a-z.]+|reddit\.com/u(?:ser)?"
    r"|open\.spotify\.com/user|deviantart\.com|github\.com|vsco\.co|bsky\.app/profile"
    r"|wattpad\.com/user|ko-fi\.com|cash\.app|venmo\.com|paypal\.me)/@?[\w.-]+"
)
# A page of one's own on a site's own address: "inkypaws.tumblr.com".
SITE_PAGE = re.compile(
    r"\.(?:tumblr\.com|carrd\.co|neocities\.org|wordpress\.com|blogspot\.com|substack\.com"
    r"|bandcamp\.com|itch\.io|bsky\.social)\b"
)
PAGE_NAME = re.compile(r"(?<![\w.-])[\w-]{3,40}\Z")
# "add me on snap", with no handle: an invitation to find them. Not on WhatsApp, where
# what they go by is their phone number.
GIVEAWAY = re.compile(
    r"\b(?:add|follow|message|msg|dm|text|find|hmu|hit me up|talk to me|chat to me|snap)"
    r"\s+(?:me\s+)?on\s+(?!whats\s?app)" + APP
)
# Someone else's words: "used to message me on insta", '"add me on telegram" he said'.
REPORTED = re.compile(
    r"(?:[\"“]|\b(?:to|would|did|does|do|used|said|says|asked|told|tells|wants|wanted|keeps"
    r"|kept|will|never|not|didnt|didn't|dont|don't|him|her|them|guy|man|someone|he|she)\s+)$"
)
GIVEAWAY_WORDS = re.compile(r"\b(?:add|follow|dm|message|msg|hmu|find)\s+me\b")
MY = re.compile(r"\bmy\s+\Z")
ON_APP = re.compile(r"\s+(?:on|at)\s+(?:my\s+)?(\w+)")
# Tokens with the marks of a handle, for spotting a misspelt app near them.
MARKED = re.compile(r"(?<![\w.@#/])(?=\w*(?:[\d_]|\.\w))[\w.]{3,30}(?![\w@#/])")
CUES_PER_POST = 200
MARKED_PER_POST = 50


def handle_shaped(word):
    """Looks like a username rather than a word: "lilyy.xo", "h0llowbones",
    "liam underscore kelly", not "2am", "5th", "jigsaw.ie" or "any1"."""
    word = word.strip("'\".,!? \t\n").removeprefix("@").lower()
    if SPELLED.search(word):
        return True
    if not SHAPE.fullmatch(word) or NOT_A_HANDLE.fullmatch(word):
        return False
    letters = sum(character.isalpha() for character in word)
    if "-" in word.strip("-") and "_" not in word and "." not in word.strip("._"):
        return False  # "covid-19", "well-known"; but "grim_reaper-99"
    return letters >= 3 and (
        "_" in word
        or "." in word.strip("._")
        or (letters < len(word) and any(map(str.isdigit, word)))
    )


def _tokens(low, start, limit):
    for count, found in enumerate(TOKEN.finditer(low, start, min(len(low), start + 120))):
        if count >= limit:
            return
        yield found.lastgroup, found.start(), found.end(), found.group()


def _gaming_name(low, start):
    """The end of a name of words and a number from `start`: "sleepy otter 42"."""
    for index, (kind, _, end, word) in enumerate(_tokens(low, start, 4)):
        if kind != "word":
            return None
        if NUMBER.fullmatch(word):
            return end if index else None
        if word in STOP or not word.isalpha() or WORD_ENDING.search(word):
            return None
    return None


def _after_app(low, text, cue):
    """The span of the handle given after an app's name, if there is one. `text` is
    `low` in the writer's own case."""
    window = cue.end(), cue.end() + 100
    if not (
        HINT.search(low, *window)
        or INNER_CAPITAL.search(text, *window)
        or QUOTE.search(low, *window)
    ):
        return None
    app = re.sub(r"'?s$", "", cue.group())
    marked, fillers = False, 0
    for kind, start, end, word in _tokens(low, cue.end(), 8):
        if kind == "mark":
            marked = marked or word != "/"
            continue
        if kind == "other":
            break
        plain = word.strip("'\".,!?")
        if plain.removesuffix("'s") in FILLERS or CUE.fullmatch(plain):
            fillers += 1
            if fillers > 4:
                break
            continue
        gaming_end = app in GAMING and _gaming_name(low, start)
        if gaming_end:
            return start, gaming_end
        quoted = QUOTED.fullmatch(word.rstrip(".,!?"))  # "my tiktok is 'lofilark'"
        if (
            handle_shaped(word)
            or CAMEL.fullmatch(text[start:end].rstrip(".,!?"))
            or (
                (marked or quoted)
                and plain not in STOP
                and len(plain) >= 3
                and SHAPE.fullmatch(plain)
                and not WORD_ENDING.search(plain)
            )
        ):
            # "my insta is otter.pics" is shown whole: the writer sees what gave it away.
            mine = MY.search(low, max(0, cue.start() - 4), cue.start())
            return (mine.start() if mine else start), end
        break
    if app in SHORT_APPS or app == "\U0001f47b":
        return None
    # "snap is in my bio lol jk its kaylaa.m3": a handle a few words on; not a word
    # with numbers for letters ("valorant made me unst0ppable").
    for kind, start, end, word in _tokens(low, cue.end(), 12):
        if kind == "word" and handle_shaped(word) and not LEET.fullmatch(word.strip(".,!?")):
            return start, end
    return None


def _starts_line(low, index):
    """Nothing but spaces, or "replying to", between the start of the post or of a line
    and `index`."""
    before = REPLYING.sub("", low[max(0, index - 30) : index]).rstrip(" \t")
    return before.endswith("\n") or (index <= 30 and not before.strip())


def find_handles(post, skip=()):
    copy, low = post.unspaced, post.unspaced_low
    spans, taken = [], Taken(skip)

    def add(start, end):
        if taken.take(*copy.span(start, end)):
            spans.append((start, end))

    if "/" in low:
        for found in PROFILE.finditer(low):
            add(*found.span())
    if "." in low:
        for found in SITE_PAGE.finditer(low):
            name = PAGE_NAME.search(low, max(0, found.start() - 40), found.start())
            if name:
                add(name.start(), found.end())
    if "#" in low:
        for found in TAG.finditer(low):
            if found.group(1) not in STOP:
                add(*found.span())
    if "@" in low:
        replies = None
        for found in BARE.finditer(low):
            if REPLY.match(low, found.start()) and _starts_line(low, found.start()):
                if replies is None:
                    replies = not CUE.search(low) and not GIVEAWAY_WORDS.search(low)
                if replies:
                    continue  # "@sam_x well done", at the start of the post or a line
            spaced, name = found.group(1), found.group(2).rstrip(".")
            if (
                NOT_MENTIONS.fullmatch(name)
                or name in STOP
                or "a" + name in STOP
                or (len(name) >= MENTIONS.shortest and MENTIONS.get(name))
            ):
                continue  # "@everyone", "@evryone", "@ me", "t00k th3m @ll"
            if (not spaced and len(name) < 3) or NOT_A_HANDLE.fullmatch(name):
                continue
            if (not spaced or handle_shaped(name)) and any(map(str.isalpha, name)):
                add(found.start(), found.start(2) + len(name))
    given = []
    for count, cue in enumerate(CUE.finditer(low)):
        if count == CUES_PER_POST:
            break
        handle = _after_app(low, copy.text, cue)
        if handle:
            add(*handle)
            given.append(cue.start())
    if " on " in low:
        for found in GIVEAWAY.finditer(low):
            if any(found.start() <= cue < found.end() for cue in given) or any(
                found.end() <= start < found.end() + 40 for start, _ in spans
            ):
                continue  # the handle itself is reported: "dm me on discord jess#4421"
            if not REPORTED.search(low, max(0, found.start() - 12), found.start()):
                add(*found.span())
    # A misspelt app near something shaped like a handle: "snapp me its lucy_l0u",
    # "i'm moonlight_02 on discrod".
    for count, found in enumerate(MARKED.finditer(low)):
        if count == MARKED_PER_POST:
            break
        if not handle_shaped(found.group()):
            continue
        before = low[max(0, found.start() - 40) : found.start()].split()[-5:]
        after = ON_APP.match(low, found.end())
        if (after and TYPOED_APPS.get(after.group(1))) or any(
            TYPOED_APPS.get(word.strip(".,:;!?'\"")) for word in before
        ):
            add(*found.span())
    return [post.words(copy, start, end) for start, end in spans]
