"""The demo forum's conversations (seed_demo): a handful of kind threads between
pseudonymous members, with nested replies, reactions, a post behind a content warning,
threads still waiting for a reply, a peer supporter's reply, and a queue with open cases
of every priority. Every post goes through the moderation pipeline and every flag and
reaction through its service, so what the demo shows (held posts, cases, search,
counters) is what the site really does.
"""

from allauth.account.models import EmailAddress
from django.utils import timezone

from forum.drafts import Draft
from forum.models import Board, ContentWarning, ReactionKind
from forum.services import toggle_reaction
from moderation.models import FlagReason
from moderation.pipeline import submit_reply, submit_thread
from moderation.services import flag_post
from peersupport.accounts.models import User

# The other members: voices in the conversations, who cannot sign in.
MEMBERS = [
    "QuietFern",
    "BlueKite",
    "SoftRain",
    "MossyStep",
    "LanternMoth",
    "PaperBoat",
    "BrightPixel",
]

# The forum is seeded once, as a whole; this thread says it is there (seed_demo checks).
FIRST_TITLE = "Sleep has been all over the place"
CRISIS_TITLE = "Can't see a way through tonight"


def demo_account(username, email):
    """A member with a confirmed address and both agreements, as if they had joined."""
    now = timezone.now()
    user, _ = User.objects.get_or_create(
        username=username,
        defaults={"email": email, "age_confirmed_at": now, "guidelines_accepted_at": now},
    )
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed_conversations(people):
    """The conversations, the reactions and the queue's cases; `people` are the accounts
    to sign in with, by username, who take part too."""
    people = dict(people)
    for name in MEMBERS:
        member = demo_account(name, f"{name.lower()}@example.com")
        member.set_unusable_password()
        member.save()
        people[name] = member
    boards = {board.slug: board for board in Board.objects.all()}

    def thread(author, board, title, body, **kwargs):
        draft = Draft(title=title, body=body, **kwargs)
        return submit_thread(author=people[author], board=boards[board], draft=draft)

    def reply(author, to, body, **kwargs):
        outcome = submit_reply(
            author=people[author], thread=to.thread, parent=to, draft=Draft(body=body, **kwargs)
        )
        return outcome.post

    def react(post, *pairs):
        for author, kind in pairs:
            toggle_reaction(member=people[author], post=post, kind=kind)

    welcome = thread(
        "DemoModerator",
        "introduce-yourself",
        "Welcome to Peer Support",
        "Hello, and welcome. This is a place to talk about how things are, under a "
        "pseudonym, with people who get it.\n\nA few things that help everyone: be kind, "
        "keep out anything that could identify you, and use a content warning if your post "
        "touches on something heavy. If you need someone right now, the services in the "
        "crisis box are there day and night.",
    ).post
    react(welcome, ("QuietFern", ReactionKind.THANK_YOU), ("PaperBoat", ReactionKind.THANK_YOU))

    hello = thread(
        "PaperBoat",
        "introduce-yourself",
        "Hello from a new member",
        "Hi, I'm new. I found this place after a rough few months. Not sure what to say "
        "yet, but it's nice reading everyone being so kind to each other.",
    ).post
    answer = reply("QuietFern", hello, "Welcome! Take your time, there's no rush to say anything.")
    reply("PaperBoat", answer, "Thank you, that really helps.")
    reply("SoftRain", hello, "Hi PaperBoat, glad you found us.")
    react(hello, ("QuietFern", ReactionKind.HUG), ("SoftRain", ReactionKind.HUG))

    sleep = thread(
        "QuietFern",
        "feeling-low",
        FIRST_TITLE,
        "I keep waking at 3am and then the whole day feels heavy. Does anyone have "
        "something small that helps them get back to sleep?",
    ).post
    notes = reply(
        "BlueKite",
        sleep,
        "Same here lately. Writing my thoughts down on paper before bed helps me a bit.",
    )
    thanks = reply("QuietFern", notes, "Thank you, I'll give that a go.")
    reply("SoftRain", thanks, "Let us know how it goes. We're here.")
    reply(
        "MossyStep",
        sleep,
        "Some nights I used to hurt myself when I couldn't sleep. Talking to my GP helped "
        "more than I expected, and it does get easier.",
        content_warning=ContentWarning.SELF_HARM,
    )
    reply("DemoMember", sleep, "Quiet music with a timer works for me.")
    # Concern language: published, with a case so a moderator checks in soon.
    tired = reply(
        "LanternMoth", sleep, "Honestly I'm exhausted and I just want to disappear for a while."
    )
    reply(
        "QuietFern",
        tired,
        "That sounds like a lot to carry. I'm glad you said it here. Is there someone "
        "you could talk to tomorrow?",
    )
    react(
        sleep,
        ("BlueKite", ReactionKind.HUG),
        ("SoftRain", ReactionKind.ME_TOO),
        ("DemoMember", ReactionKind.THINKING_OF_YOU),
    )
    react(notes, ("QuietFern", ReactionKind.THANK_YOU))
    react(tired, ("QuietFern", ReactionKind.THINKING_OF_YOU))

    panic = thread(
        "LanternMoth",
        "anxiety-and-worry",
        "Panic before presentations",
        "I have to present to my class on Friday and my heart races just thinking about "
        "it. Anyone got tips?",
    ).post
    breathing = reply(
        "BlueKite",
        panic,
        "Box breathing helps me: in for four, hold for four, out for four, hold for four. "
        "It gives your brain something to do.",
    )
    reply("LanternMoth", breathing, "Trying it now. It does slow things down a bit.")
    reply(
        "MossyStep",
        panic,
        "Could you ask your teacher if you can present to a smaller group first? Mine said "
        "yes when I asked.",
    )
    react(breathing, ("LanternMoth", ReactionKind.THANK_YOU), ("DemoMember", ReactionKind.ME_TOO))

    mum = thread(
        "SoftRain",
        "friends-and-family",
        "Told my mum how I've been feeling",
        "I finally told my mum how low I've been. She didn't get all of it, but she hugged "
        "me and said we'd go to the GP together. Feeling a bit lighter.",
    ).post
    reply("DemoMember", mum, "That took real courage. I'm really glad she listened.")
    reply("PaperBoat", mum, "This gives me hope. Thank you for sharing it.")
    react(
        mum,
        ("DemoMember", ReactionKind.HUG),
        ("PaperBoat", ReactionKind.THANK_YOU),
        ("MossyStep", ReactionKind.HUG),
    )

    walk = thread(
        "SoftRain",
        "good-things",
        "Small win: I went for a walk",
        "Only ten minutes round the block, but I did it.",
    ).post
    reply("QuietFern", walk, "That counts. Well done.")
    # A peer supporter's first reply carries their badge.
    reply("DemoPeer", walk, "That is lovely to hear. Well done for getting out the door.")
    react(walk, ("QuietFern", ReactionKind.HUG), ("BlueKite", ReactionKind.HUG))

    # Waiting for their first reply.
    thread(
        "BlueKite",
        "school-college-work",
        "Revision timetable that actually works?",
        "Mocks start in three weeks and every timetable I make falls apart by Tuesday. "
        "How do you all plan revision without burning out?",
    )
    thread(
        "MossyStep",
        "friends-and-family",
        "Feeling left out at lunch",
        "My friends have started sitting with another group and I don't know where to go "
        "at lunch any more. I end up in the library pretending to read.",
    )

    # The moderation queue: open cases of every priority, for moderators to practise on.
    # Crisis: held at once, and its writer shown help.
    thread(
        "BlueKite",
        "anxiety-and-worry",
        CRISIS_TITLE,
        "Everything feels too much tonight and I want to end my life. I don't know who "
        "else to tell.",
    )
    # High: concern language, published behind the writer's own content warning.
    thread(
        "MossyStep",
        "school-college-work",
        "Nobody gets it",
        "I feel so alone at school and I've started cutting again. I haven't told anyone.",
        content_warning=ContentWarning.SELF_HARM,
    )
    # Medium: a pre-moderated board, and a handle for another app (personal data).
    thread(
        "SoftRain",
        "self-harm-support",
        "Things that help on a hard night",
        "Holding ice, a cold shower, and texting someone I trust.",
    )
    reply(
        "PaperBoat",
        answer,
        "Add me on snap if you want to chat, it's paperboat_07",
        post_anyway=True,
    )
    # Low: flags from members.
    advert = thread(
        "BrightPixel",
        "introduce-yourself",
        "Hi everyone",
        "New here. Have a look at my channel for study tips!",
    ).post
    flag_post(flagger=people["QuietFern"], post=advert, reason=FlagReason.SPAM, note="")
    off_topic = reply(
        "BlueKite", walk, "Does anyone know when the mock results come out this year?"
    )
    flag_post(
        flagger=people["SoftRain"],
        post=off_topic,
        reason=FlagReason.OTHER,
        note="I think this was meant for a school thread.",
    )
