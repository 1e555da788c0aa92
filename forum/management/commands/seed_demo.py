"""Demo data for `make run` and `make screenshots`: boards, the default crisis resources,
four accounts to sign in with, and a small living forum.

The forum is a handful of kind conversations between pseudonymous members, with nested
replies, reactions, a post behind a content warning and threads still waiting for a
reply, and a queue with open cases of every priority. Every post goes through the
moderation pipeline and every flag and reaction through its service, so what the demo
shows (held posts, cases, search, counters) is what the site really does.

Safe to run again: nothing is duplicated, and the accounts' passwords are reset so the
details printed always work.
"""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import BaseCommand, CommandError
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from forum.drafts import Draft
from forum.models import Board, ContentWarning, ReactionKind, Thread
from forum.services import toggle_reaction
from moderation.flagging import flag_post
from moderation.models import FlagReason
from moderation.pipeline import submit_reply, submit_thread
from peersupport.accounts.models import User
from peersupport.accounts.permissions import MODERATORS, SAFEGUARDING_LEADS
from peersupport.signposting.defaults import ensure_default_resources
from peersupport.signposting.models import CrisisResource

BOARDS = [
    ("Introduce yourself", "introduce-yourself", "Say hello, if you would like to.", False),
    ("Feeling low", "feeling-low", "When things feel heavy or grey.", False),
    ("Anxiety and worry", "anxiety-and-worry", "Panic, worry, and what helps.", False),
    ("School, college and work", "school-college-work", "Pressure, exams and people.", False),
    ("Friends and family", "friends-and-family", "Relationships of every kind.", False),
    (
        "Self-harm support",
        "self-harm-support",
        "Support without details. Every post here is read by a moderator before it appears.",
        True,
    ),
    ("Good things", "good-things", "Small wins, kind moments, things that helped.", False),
]

ACCOUNTS = [
    ("DemoMember", "member@example.com", "member", {}),
    ("DemoModerator", "moderator@example.com", "moderator", {}),
    ("DemoLead", "lead@example.com", "lead", {"on_call": True}),
    ("DemoAdmin", "admin@example.com", "admin", {"is_staff": True, "is_superuser": True}),
]
ROLE_GROUPS = {"moderator": MODERATORS, "lead": SAFEGUARDING_LEADS}

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

# The forum is seeded once, as a whole; this thread says it is there.
FIRST_TITLE = "Sleep has been all over the place"
CRISIS_TITLE = "Can't see a way through tonight"


class Command(BaseCommand):
    help = "Load demo boards, crisis resources, accounts and conversations (development only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production", action="store_true", help="Run even when DEBUG is off."
        )

    @transaction.atomic
    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError("seed_demo creates known accounts: it runs only with DEBUG on.")
        for order, (name, slug, description, premoderated) in enumerate(BOARDS):
            Board.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "description": description,
                    "order": order * 10,
                    "is_premoderated": premoderated,
                },
            )
        ensure_default_resources(CrisisResource)
        self.stdout.write("Demo accounts (development only):")
        for username, email, role, flags in ACCOUNTS:
            user = _account(username, email)
            password = secrets.token_urlsafe(9)
            user.set_password(password)
            for flag, value in flags.items():
                setattr(user, flag, value)
            user.save()
            if role in ROLE_GROUPS:
                user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
            self.stdout.write(f"  {role:<10} {username:<14} password: {password}")
        if Thread.objects.filter(title=FIRST_TITLE).exists():
            forum = "the demo conversations were already there"
        else:
            # The demo members should look like regulars, not newcomers whose first posts
            # all wait for a moderator (pre-moderated boards still hold theirs), and a
            # minute of seeding is not a flood.
            with override_settings(PREMODERATION_FIRST_POSTS=0, RATE_LIMITS_ENABLED=False):
                seed_conversations()
            forum = "the demo conversations are ready"
        self.stdout.write(
            self.style.SUCCESS(f"{len(BOARDS)} boards, the crisis resources and {forum}.")
        )


def _account(username, email):
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


def seed_conversations():
    people = {username: User.objects.get(username=username) for username, *_ in ACCOUNTS}
    for name in MEMBERS:
        member = _account(name, f"{name.lower()}@example.com")
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
