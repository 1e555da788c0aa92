"""Demo conversations for `make screenshots`: nested replies, a warned post, reactions,
a post held for crisis language and an open case of each priority.

Run after `seed_demo` on a throwaway database. Every post goes through the moderation
pipeline, so the pictures show what members and moderators really see. Safe to run
again: it does nothing once its first thread exists.
"""

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.db import transaction
from django.test import override_settings

from forum.models import Board, ContentWarning, ReactionKind, Thread
from forum.services import toggle_reaction
from moderation.flagging import flag_post
from moderation.models import FlagReason
from moderation.pipeline import submit_reply, submit_thread
from peersupport.accounts.models import User

FIRST_TITLE = "Sleep has been all over the place"
MEMBERS = ["QuietFern", "BlueKite", "SoftRain", "MossyStep"]


class Command(BaseCommand):
    help = "Add demo threads, reactions and moderation cases for screenshots (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_screenshots writes demo posts: it runs only with DEBUG on.")
        if Thread.objects.filter(title=FIRST_TITLE).exists():
            self.stdout.write("The screenshot conversations are already there.")
            return
        call_command("seed_demo", stdout=self.stdout)
        # The demo members should look like regulars, not newcomers whose first posts
        # all wait for a moderator; pre-moderated boards still hold their posts.
        with override_settings(PREMODERATION_FIRST_POSTS=0), transaction.atomic():
            self._seed()
        self.stdout.write(self.style.SUCCESS("Screenshot conversations are ready."))

    def _seed(self):
        fern, kite, rain, moss = (
            User.objects.get_or_create(username=name, defaults={"email": f"{name}@example.com"})[0]
            for name in MEMBERS
        )
        member = User.objects.get(username="DemoMember")
        boards = {board.slug: board for board in Board.objects.all()}

        sleep = submit_thread(
            author=fern,
            board=boards["feeling-low"],
            title=FIRST_TITLE,
            body="I keep waking at 3am and then the whole day feels heavy. "
            "Does anyone have something small that helps them get back to sleep?",
        )
        opening = sleep.post
        first = self._reply(
            kite,
            sleep.thread,
            opening,
            "Same here lately. Writing my thoughts down on paper before bed helps me a bit.",
        )
        second = self._reply(fern, sleep.thread, first, "Thank you, I'll try that tonight.")
        self._reply(rain, sleep.thread, second, "Let us know how it goes. We're here.")
        self._reply(
            moss,
            sleep.thread,
            opening,
            "Some nights I used to hurt myself when I couldn't sleep. Talking to my GP "
            "helped more than I expected.",
            content_warning=ContentWarning.SELF_HARM,
        )
        self._reply(member, sleep.thread, opening, "Quiet music with a timer works for me.")
        for person, kind in [
            (kite, ReactionKind.HUG),
            (rain, ReactionKind.ME_TOO),
            (member, ReactionKind.THINKING_OF_YOU),
        ]:
            toggle_reaction(member=person, post=opening, kind=kind)
        toggle_reaction(member=fern, post=first, kind=ReactionKind.THANK_YOU)

        walk = submit_thread(
            author=rain,
            board=boards["good-things"],
            title="Small win: I went for a walk",
            body="Only ten minutes round the block, but I did it.",
        )
        self._reply(fern, walk.thread, walk.post, "That counts. Well done.")

        # One open case of each priority for the queue.
        submit_thread(
            author=kite,
            board=boards["anxiety-and-worry"],
            title="Exams next week",
            body="I can't stop thinking about tonight. I want to end my life.",
        )
        submit_thread(
            author=moss,
            board=boards["school-college-work"],
            title="Nobody gets it",
            body="I feel so alone and I've started cutting again.",
        )
        submit_thread(
            author=rain,
            board=boards["self-harm-support"],
            title="Things that help on a hard night",
            body="Holding ice, a cold shower, and texting someone I trust.",
        )
        spam = submit_thread(
            author=moss,
            board=boards["introduce-yourself"],
            title="Hi everyone",
            body="New here. Have a look at my channel for study tips!",
        )
        flag_post(flagger=fern, post=spam.post, reason=FlagReason.SPAM, note="")

    def _reply(self, author, thread, parent, body, **kwargs):
        return submit_reply(author=author, thread=thread, parent=parent, body=body, **kwargs).post
