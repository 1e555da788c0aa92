"""One data set for the accessibility, small-screen and consistent-help tests: every page
type with something on it, and the people who see each page."""

import datetime
from dataclasses import dataclass, field
from importlib import import_module
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.test import Client
from django.utils import timezone

from forum.drafts import Draft
from forum.following import follow_board
from forum.models import ContentWarning
from forum.notifications import notify_member
from forum.services import ask_to_join, toggle_reaction
from moderation import pipeline
from moderation.models import Case, CaseReason, Priority, RiskLevel, Shift, WatchedPhrase
from moderation.services import (
    answer_check_in,
    decide_case,
    flag_profile,
    leave_shift_note,
    open_case,
    send_check_in,
    submit_bio,
)
from peersupport.accounts.permissions import PEER_SUPPORTERS
from peersupport.carenotes.services import save_post_for_care_team, write_note
from peersupport.signposting.models import CrisisResource
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread
from tests.forum.circle_helpers import make_circle
from tests.moderation.case_helpers import in_group, make_lead, make_moderator

HOUR = datetime.timedelta(hours=1)


@dataclass
class Site:
    people: dict = field(default_factory=dict)
    pages: list = field(default_factory=list)  # (who, name, path)


def build_site():
    # An earlier transactional test may have flushed the guide pages the migration ships.
    import_module("peersupport.signposting.migrations.0003_guide_pages").load_guide_pages(
        apps, None
    )
    board = BoardFactory(name="Feeling low", slug="feeling-low")
    writer = UserFactory(username="QuietFern")
    friend = UserFactory(username="KindWillow", bio="Here to listen, slowly.")
    moderator = make_moderator("CalmHeron")
    admin = UserFactory(username="SiteKeeper", is_staff=True, is_superuser=True)
    quiet = UserFactory(username="StillPond", quiet_mode=True)
    # Back after a long break: signing in lands them on "welcome back".
    returning = UserFactory(
        username="BackAgain", last_seen_on=timezone.localdate() - datetime.timedelta(days=20)
    )
    follow_board(member=returning, board=board)
    calm = UserFactory(username="SoftMoss", low_stimulation=True)
    resting = UserFactory(
        username="RestingOak", break_until=timezone.now() + datetime.timedelta(days=7)
    )
    peer = in_group(PEER_SUPPORTERS, username="GentleHarbour")

    thread = make_thread(
        author=writer,
        board=board,
        title="A heavy week with https://example.org/a-very-long-address-that-never-breaks",
        body="Everything feels heavy this week. Supercalifragilisticexpialidociouslylongword"
        "withoutanyspacesatallthatmustwrap.",
    )
    answer = make_reply(thread, author=friend, body="I hear you. Small steps count.")
    deeper = make_reply(thread, author=writer, parent=answer, body="Thank you, it helps.")
    deepest = deeper
    for depth in range(5):
        author = friend if depth % 2 == 0 else writer
        deepest = make_reply(thread, author=author, parent=deepest, body=f"Still here ({depth}).")
    make_reply(
        thread,
        author=friend,
        body="Some days I skip meals.",
        content_warning=ContentWarning.EATING,
    )
    make_reply(thread, author=peer, body="Glad you posted. Take your time.")
    toggle_reaction(member=writer, post=answer, kind="hug")
    note = write_note(
        member=writer,
        what_happened="A pile-on under my post, with KYS in it.",
        how_it_affected_me="I could not sleep.",
        help_wanted="Feeling safe going back online.",
    )
    save_post_for_care_team(member=writer, post=answer)
    toggle_reaction(member=moderator, post=answer, kind="me-too")
    notify_member(recipient=writer, message="A moderator read your post.", post=answer)

    WatchedPhrase.objects.get_or_create(phrase="end it all tonight", level=RiskLevel.CRISIS)
    held = pipeline.submit_thread(
        author=writer,
        board=board,
        draft=Draft(title="Tonight", body="I think I will end it all tonight."),
    ).post

    held_case = Case.objects.about_post(held).get()
    send_check_in(case=held_case, moderator=moderator, body="Hi, this is the moderators.")
    answer_check_in(case=held_case, writer=writer, body="Thank you for asking.")

    cases = {}
    for priority in Priority:
        flagged = make_thread(board=board, title=f"A {priority.label} case", body="Words to check")
        cases[priority.label] = open_case(
            post=flagged.opening_post, reasons=[CaseReason.FLAGGED], priority=priority
        )
    decided = open_case(
        post=make_thread(board=board, title="Decided", body="Fine").opening_post,
        reasons=[CaseReason.FLAGGED],
        priority=Priority.LOW,
    )
    decide_case(case=decided, moderator=moderator, action="approve", reason="All is well")
    submit_bio(member=writer, bio="I think I will end it all tonight.")
    profile_case = flag_profile(flagger=writer, member=friend, reason="spam", note="").case
    resource = CrisisResource.objects.order_by("order").first()
    lead = make_lead("SteadyOak")
    now = timezone.now()
    Shift.objects.create(moderator=moderator, start=now - HOUR, end=now + HOUR)
    Shift.objects.create(moderator=lead, start=now + HOUR, end=now + 2 * HOUR)
    leave_shift_note(moderator=moderator, text="A quiet evening.\nOne crisis post, now with you.")
    circle = make_circle(members=[writer, friend], moderator=moderator)
    make_thread(author=writer, board=circle.board, title="Evenings", body="They feel long.")
    ask_to_join(member=quiet, circle=circle)

    site = Site(
        people={
            "visitor": None,
            "member": writer,
            "quiet member": quiet,
            "returning member": returning,
            "low-stimulation member": calm,
            "member on a break": resting,
            "moderator": moderator,
            "peer supporter": peer,
            "lead": lead,
            "admin": admin,
        }
    )
    t = f"/threads/{thread.pk}/"
    site.pages = [
        ("visitor", "home", "/"),
        ("visitor", "sign-up", "/accounts/signup/"),
        ("visitor", "support for under 13s", "/accounts/signup/under-13/"),
        ("visitor", "sign-in", "/accounts/login/"),
        ("visitor", "password reset", "/accounts/password/reset/"),
        ("visitor", "confirm your email", "/accounts/confirm-email/"),
        ("visitor", "help", "/help/"),
        ("visitor", "guidelines", "/guidelines/"),
        ("visitor", "professionals", "/professionals/"),
        ("visitor", "how we moderate: the figures", "/transparency/"),
        ("visitor", "404", "/no-such-page/"),
        ("member", "home", "/"),
        ("member", "board", f"/boards/{board.slug}/"),
        ("member", "thread", t),
        ("member", "new thread", f"/boards/{board.slug}/new/"),
        ("member", "reply", f"{t}reply/"),
        ("member", "reply to a post", f"/posts/{answer.pk}/reply/"),
        ("member", "edit", f"/posts/{deeper.pk}/edit/"),
        ("member", "flag", f"/posts/{answer.pk}/flag/"),
        ("member", "search", "/search/?q=heavy"),
        ("member", "notifications", "/notifications/"),
        ("member", "settings", "/settings/"),
        ("member", "notes for a care team", "/settings/care-team/"),
        ("member", "write a note", "/settings/care-team/notes/new/"),
        ("member", "delete a note", f"/settings/care-team/notes/{note.pk}/delete/"),
        ("member", "page to print", "/settings/care-team/print/"),
        ("member", "email address", "/accounts/email/"),
        ("member", "password change", "/accounts/password/change/"),
        ("member", "where you are signed in", "/accounts/sessions/"),
        ("member", "profile", f"/members/{friend.username}/"),
        ("member", "403", "/moderation/"),
        ("member", "held post waiting", f"/posts/{held.pk}/waiting/"),
        ("member", "flag a profile", f"/members/{friend.username}/flag/"),
        ("member", "held bio waiting", "/settings/bio/waiting/"),
        ("member", "check-in from the moderators", f"/moderation/check-ins/{held_case.pk}/"),
        ("member", "circles", "/circles/"),
        ("member", "circle", f"/circles/{circle.pk}/"),
        ("member", "leave a circle", f"/circles/{circle.pk}/leave/"),
        ("quiet member", "home in quiet mode", "/"),
        ("member", "welcome", "/welcome/"),
        ("member", "welcome: boards to follow", "/welcome/boards/"),
        ("member", "welcome: what you see", "/welcome/comfort/"),
        ("member", "welcome: saying hello", "/welcome/introduce/"),
        ("returning member", "welcome back", "/welcome-back/"),
        ("member", "take a break", "/settings/break/"),
        ("low-stimulation member", "home in low stimulation", "/"),
        ("low-stimulation member", "thread in low stimulation", t),
        ("member on a break", "a forum page during a break", t),
        ("member on a break", "your break", "/settings/break/"),
        ("peer supporter", "waiting for a first reply", "/peer-support/waiting/"),
        ("moderator", "queue", "/moderation/"),
        ("moderator", "case", f"/moderation/cases/{cases['crisis'].pk}/"),
        ("moderator", "profile case", f"/moderation/cases/{profile_case.pk}/"),
        ("moderator", "case with a check-in", f"/moderation/cases/{held_case.pk}/"),
        ("moderator", "member", f"/moderation/members/{writer.username}/"),
        ("moderator", "audit log", "/moderation/log/"),
        ("moderator", "end-of-shift note", "/moderation/shift-note/"),
        ("lead", "leads' page with end-of-shift notes", "/moderation/escalated/"),
        ("moderator", "circles for moderators", "/moderation/circles/"),
        ("admin", "leads' page", "/moderation/escalated/"),
        ("admin", "crisis resources", "/admin/signposting/crisisresource/"),
        ("admin", "crisis resource", f"/admin/signposting/crisisresource/{resource.pk}/change/"),
    ]
    return site


def new_page(browser, live_server, user, **context_options):
    """A page signed in as `user` (None: a visitor), through a session cookie rather than
    the sign-in form, which the journeys already cover."""
    context = browser.new_context(**context_options)
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        # Production's __Host- cookie: Secure, host-only, path /. Chromium keeps it on
        # http://localhost, though only when given the host rather than the http URL.
        host = urlsplit(live_server.url).hostname
        context.add_cookies(
            [
                {
                    "name": cookie.key,
                    "value": cookie.value,
                    "domain": host,
                    "path": "/",
                    "secure": bool(cookie["secure"]),
                }
            ]
        )
    return context, context.new_page()
