"""A member sending crisis post after crisis post (which no posting limit stops) cannot
flood the queue or the safeguarding leads' inboxes: while their crisis case is open,
each new crisis post is still held with help shown at once, and joins that one case,
decided together and alerted to the leads once."""

import re

import pytest
from django.core import mail
from django.test import Client

from forum.models import Notification, Post, PostStatus
from moderation.alerts import alert_leads_about_waiting_crises
from moderation.models import ActionKind, Case, Flag, FlagReason, ModerationAction
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread
from tests.moderation.case_helpers import make_lead, make_moderator

pytestmark = pytest.mark.django_db

CRISIS_WORDS = "I want to end my life tonight."


@pytest.fixture
def board(db):
    return BoardFactory(slug="feeling-low", name="Feeling low")


@pytest.fixture
def thread(board):
    return make_thread(board=board, title="A heavy week")


@pytest.fixture
def moderator_client():
    client = Client()
    client.force_login(make_moderator())
    return client


def crisis_reply(client, thread, n=0):
    return client.post(f"/threads/{thread.pk}/reply/", {"body": f"{CRISIS_WORDS} ({n})"})


def crisis_thread(client, board, n=0):
    return client.post(
        f"/boards/{board.slug}/new/", {"title": f"Sorry ({n})", "body": CRISIS_WORDS}
    )


def assert_held_with_help(client, response):
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert 'id="crisis-panel"' in page


def send_burst(client, board, thread, replies=15, threads=3):
    for n in range(replies):
        assert_held_with_help(client, crisis_reply(client, thread, n))
    for n in range(threads):
        assert_held_with_help(client, crisis_thread(client, board, n))


def seen_posts(page):
    return re.search(r'name="seen_posts" value="([^"]*)"', page).group(1)


def test_a_burst_at_the_posting_limit_is_one_case_holding_every_post(
    member_client, member, board, thread, moderator_client, settings
):
    settings.RATE_LIMITS_ENABLED = True
    for n in range(settings.POSTING_RATE_LIMITS["reply"][0][0]):
        make_reply(thread, author=member, body=f"Reply {n}")

    send_burst(member_client, board, thread)

    crisis_posts = Post.objects.filter(author=member, body__startswith=CRISIS_WORDS)
    assert crisis_posts.count() == 18
    assert set(crisis_posts.values_list("status", flat=True)) == {PostStatus.HELD}
    case = Case.objects.open().get()
    assert case.post == crisis_posts.earliest("pk")
    assert set(case.added_posts.all()) == set(crisis_posts.exclude(pk=case.post_id))
    page = moderator_client.get(f"/moderation/cases/{case.pk}/").content.decode()
    for post in crisis_posts:
        assert f'id="post-{post.pk}"' in page
    queue = moderator_client.get("/moderation/").content.decode()
    assert queue.count('data-priority="crisis"') == 1
    assert "18 posts from one writer" in queue


def test_the_leads_are_emailed_once_about_a_burst(
    member_client, board, thread, django_capture_on_commit_callbacks
):
    make_lead(email="lead@example.com")
    make_lead(username="SteadyAsh", email="lead2@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        send_burst(member_client, board, thread)

    assert sorted(message.to[0] for message in mail.outbox) == [
        "lead2@example.com",
        "lead@example.com",
    ]
    mail.outbox.clear()
    assert alert_leads_about_waiting_crises() == 0
    assert mail.outbox == []


def test_a_burst_does_not_bury_another_members_crisis(
    member_client, board, thread, moderator_client
):
    send_burst(member_client, board, thread)
    other = Client()
    other.force_login(UserFactory(username="AlsoStruggling"))
    assert_held_with_help(other, crisis_reply(other, thread))

    page = moderator_client.get("/moderation/").content.decode()
    entries = re.findall(r'data-case-id="(\d+)"[^>]*data-priority="crisis"', page)
    assert len(entries) == 2
    theirs = Case.objects.get(post__author__username="AlsoStruggling")
    assert str(theirs.pk) in entries


def test_approving_the_case_publishes_every_post_and_tells_the_writer_once(
    member_client, member, board, thread, moderator_client
):
    send_burst(member_client, board, thread, replies=3, threads=1)
    case = Case.objects.open().get()
    page = moderator_client.get(f"/moderation/cases/{case.pk}/").content.decode()
    notices = Notification.objects.filter(recipient=member, kind="moderation")
    held_notices = notices.count()

    response = moderator_client.post(
        f"/moderation/cases/{case.pk}/",
        {"action": "approve", "reason": "", "seen_posts": seen_posts(page)},
    )

    assert response.status_code == 302
    assert set(Post.objects.filter(author=member).values_list("status", flat=True)) == {
        PostStatus.PUBLISHED
    }
    assert ModerationAction.objects.filter(case=case, action=ActionKind.APPROVE).count() == 1
    # Told once: the first post's notice is brought up to date, not joined by another.
    assert notices.count() == held_notices


def test_hiding_the_case_hides_every_post_and_closes_every_flag(
    member_client, member, board, thread, moderator_client
):
    send_burst(member_client, board, thread, replies=3, threads=0)
    case = Case.objects.open().get()
    gathered = case.added_posts.get(body__endswith="(2)")
    Flag.objects.create(post=gathered, flagger=UserFactory(), reason=FlagReason.SAFETY, case=case)
    page = moderator_client.get(f"/moderation/cases/{case.pk}/").content.decode()

    moderator_client.post(
        f"/moderation/cases/{case.pk}/",
        {"action": "hide", "reason": "Not for the forum.", "seen_posts": seen_posts(page)},
    )

    assert set(Post.objects.filter(author=member).values_list("status", flat=True)) == {
        PostStatus.HIDDEN
    }
    assert not Flag.objects.open().exists()


def test_an_appeal_against_hiding_a_burst_looks_again_at_every_post(
    member_client, member, board, thread, moderator_client
):
    send_burst(member_client, board, thread, replies=2, threads=0)
    case = Case.objects.open().get()
    page = moderator_client.get(f"/moderation/cases/{case.pk}/").content.decode()
    moderator_client.post(
        f"/moderation/cases/{case.pk}/",
        {"action": "hide", "reason": "Not for the forum.", "seen_posts": seen_posts(page)},
    )
    decision = ModerationAction.objects.get(case=case, action=ActionKind.HIDE)

    member_client.post(f"/moderation/appeal/{decision.pk}/", {"text": "Please look again."})

    appeal_case = Case.objects.open().get()
    assert {appeal_case.post, *appeal_case.added_posts.all()} == set(
        Post.objects.filter(author=member)
    )
    second = Client()
    second.force_login(make_moderator(username="SecondLook"))
    page = second.get(f"/moderation/cases/{appeal_case.pk}/").content.decode()
    second.post(
        f"/moderation/cases/{appeal_case.pk}/",
        {"action": "approve", "seen_posts": seen_posts(page)},
    )
    assert set(Post.objects.filter(author=member).values_list("status", flat=True)) == {
        PostStatus.PUBLISHED
    }


def test_a_post_that_joined_after_the_moderator_opened_the_case_is_not_decided_unread(
    member_client, member, board, thread, moderator_client
):
    send_burst(member_client, board, thread, replies=2, threads=0)
    case = Case.objects.open().get()
    page = moderator_client.get(f"/moderation/cases/{case.pk}/").content.decode()
    crisis_reply(member_client, thread, n=99)

    response = moderator_client.post(
        f"/moderation/cases/{case.pk}/",
        {"action": "approve", "reason": "", "seen_posts": seen_posts(page)},
    )

    assert (
        "joined this case after you opened it"
        in moderator_client.get(response["Location"]).content.decode()
    )
    assert set(Post.objects.filter(author=member).values_list("status", flat=True)) == {
        PostStatus.HELD
    }
    case.refresh_from_db()
    assert case.is_open


def test_flagging_a_gathered_post_adds_to_the_same_case(member_client, board, thread):
    send_burst(member_client, board, thread, replies=2, threads=0)
    case = Case.objects.open().get()
    gathered = case.added_posts.get()
    flagger = Client()
    flagger.force_login(UserFactory(username="LooksOut"))
    # A moderator sees held posts; a member flags what they can read, so publish it first.
    Post.objects.filter(pk=gathered.pk).update(status=PostStatus.PUBLISHED)

    flagger.post(f"/posts/{gathered.pk}/flag/", {"reason": FlagReason.SAFETY, "note": ""})

    assert Case.objects.open().get() == case
    assert Flag.objects.get().case == case


def test_a_crisis_after_the_case_is_decided_opens_a_new_case(
    member_client, board, thread, moderator_client
):
    send_burst(member_client, board, thread, replies=1, threads=0)
    first = Case.objects.open().get()
    moderator_client.post(f"/moderation/cases/{first.pk}/", {"action": "approve"})

    crisis_reply(member_client, thread, n=5)

    assert Case.objects.open().exclude(pk=first.pk).count() == 1
