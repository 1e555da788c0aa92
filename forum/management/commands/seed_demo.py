"""Demo data for `make run` and `make screenshots`: boards, the default crisis resources,
five accounts to sign in with, and a small living forum (its conversations, and why they
go through the real pipeline and services: forum/management/demo_conversations.py).

Safe to run again: nothing is duplicated, and the accounts' passwords are reset so the
details printed always work.
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import BaseCommand, CommandError
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from forum import services as forum_services
from forum.drafts import Draft
from forum.models import Board, Circle, Thread
from moderation import pipeline
from moderation.models import Shift
from peersupport.accounts.models import User
from peersupport.accounts.permissions import MODERATORS, PEER_SUPPORTERS, SAFEGUARDING_LEADS
from peersupport.carenotes.models import CareNote
from peersupport.carenotes.services import save_post_for_care_team, write_note
from peersupport.signposting.defaults import ensure_default_resources
from peersupport.signposting.models import CrisisResource

from ..demo_conversations import FIRST_TITLE, demo_account, seed_conversations

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
    ("DemoPeer", "peer@example.com", "peer", {}),
    ("DemoAdmin", "admin@example.com", "admin", {"is_staff": True, "is_superuser": True}),
]
ROLE_GROUPS = {"moderator": MODERATORS, "lead": SAFEGUARDING_LEADS, "peer": PEER_SUPPORTERS}
CIRCLE = ("Quiet evenings", "For evenings that feel long, in a small, gentle group.")
CIRCLE_THREAD = Draft(
    title="What helps in the hour before bed?",
    body="Evenings are the hardest part of my day. What do you do in the last hour?",
)


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
            user = demo_account(username, email)
            password = secrets.token_urlsafe(9)
            user.set_password(password)
            for flag, value in flags.items():
                setattr(user, flag, value)
            user.save()
            if role in ROLE_GROUPS:
                user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
            self.stdout.write(f"  {role:<10} {username:<14} password: {password}")
        self.stdout.write(seed_rota(User.objects.get(username="DemoModerator")))
        if Thread.objects.filter(title=FIRST_TITLE).exists():
            forum = "the demo conversations were already there"
        else:
            # The demo members should look like regulars, not newcomers whose first posts
            # all wait for a moderator (pre-moderated boards still hold theirs), and a
            # minute of seeding is not a flood.
            with override_settings(PREMODERATION_FIRST_POSTS=0, RATE_LIMITS_ENABLED=False):
                seed_conversations(
                    {username: User.objects.get(username=username) for username, *_ in ACCOUNTS}
                )
            forum = "the demo conversations are ready"
        self.stdout.write(
            self.style.SUCCESS(f"{len(BOARDS)} boards, the crisis resources and {forum}.")
        )
        self.stdout.write(self.style.SUCCESS(seed_circle()))
        self.stdout.write(seed_care_notes(User.objects.get(username="DemoMember")))


def seed_rota(moderator):
    """The demo moderator on shift now and at the same time tomorrow, so the crisis box
    says moderators are here; their earlier demo shifts make way, so a rerun adds none."""
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    length = datetime.timedelta(hours=4)
    Shift.objects.filter(moderator=moderator).delete()
    for day in (0, 1):
        begins = start + datetime.timedelta(days=day)
        Shift.objects.create(
            moderator=moderator, start=begins, end=begins + length, note="Demo shift (seed_demo)"
        )
    return (
        f"Rota: {moderator.username} is on shift now until {start + length:%H:%M}, and "
        f"tomorrow from {start:%H:%M}."
    )


def seed_circle():
    """One open small circle, looked after by DemoModerator, with DemoMember placed in it
    and a thread of theirs, which passes the pipeline like any post."""
    name, theme = CIRCLE
    if Circle.objects.filter(name=name).exists():
        return f"The small circle “{name}” was already there."
    moderator = User.objects.get(username="DemoModerator")
    member = User.objects.get(username="DemoMember")
    circle = forum_services.create_circle(name=name, theme=theme)
    # forum's own services: seeding is not a moderator's decision for the audit log.
    forum_services.assign_circle_moderator(circle=circle, moderator=moderator)
    circle = forum_services.open_circle(circle=circle)
    request = forum_services.ask_to_join(member=member, circle=circle)
    forum_services.place_member(request=request)
    with override_settings(PREMODERATION_FIRST_POSTS=0, RATE_LIMITS_ENABLED=False):
        pipeline.submit_thread(author=member, board=circle.board, draft=CIRCLE_THREAD)
    return f"The small circle “{name}” is open, with DemoMember in it (see /circles/)."


def seed_care_notes(member):
    """A note for DemoMember's care team, and a post they saved there, so the notes and
    the page to print have something on them."""
    if CareNote.objects.filter(member=member).exists():
        return "DemoMember's notes for their care team were already there."
    write_note(
        member=member,
        what_happened="Someone replied to my post in a way that felt like a pile-on.",
        how_it_affected_me="I didn't want to go back online for a few days.",
        help_wanted="Working out how to feel safe going back, and when to take a break.",
    )
    kind_reply = (
        Thread.objects.get(title=FIRST_TITLE)
        .posts.filter(status="published", depth__gt=0)
        .exclude(author=member)
        .order_by("pk")
        .first()
    )
    if kind_reply is not None:
        save_post_for_care_team(member=member, post=kind_reply)
    return "DemoMember has a note for their care team (see /settings/care-team/)."
