"""Floods: posting, replying, flagging and signing up many times in a short while are
paused kindly, nothing is stored, and RATE_LIMITS_ENABLED switches every limit off."""

import datetime

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from forum import limits
from forum.models import Post, PostStatus, Thread
from moderation.models import Case, Flag, FlagReason
from moderation.services import flags as flagging
from peersupport.accounts.models import User
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread
from tests.moderation.case_helpers import make_moderator
from tests.test_wording import assert_kind

pytestmark = pytest.mark.django_db

LIMITS_ON = override_settings(RATE_LIMITS_ENABLED=True)
THREAD_BURST, THREAD_BURST_SECONDS = settings.POSTING_RATE_LIMITS["thread"][0]
THREAD_DAY, _ = settings.POSTING_RATE_LIMITS["thread"][1]
REPLY_BURST, REPLY_BURST_SECONDS = settings.POSTING_RATE_LIMITS["reply"][0]
REPLY_DAY, _ = settings.POSTING_RATE_LIMITS["reply"][1]
CRISIS_WORDS = "I want to end my life tonight."


@pytest.fixture
def board(db):
    return BoardFactory(slug="feeling-low", name="Feeling low")


@pytest.fixture
def thread(board):
    return make_thread(board=board, title="A heavy week")


def threads_by(member, board, count, ago=datetime.timedelta(0)):
    for n in range(count):
        make_thread(author=member, board=board, title=f"Thread {n}")
    Post.objects.filter(author=member).update(created_at=timezone.now() - ago)


def replies_by(member, thread, count, ago=datetime.timedelta(0)):
    for n in range(count):
        make_reply(thread, author=member, body=f"Reply {n}")
    Post.objects.filter(author=member, depth__gt=0).update(created_at=timezone.now() - ago)


def new_thread(client, board, body="Just one more thing to say."):
    return client.post(
        f"/boards/{board.slug}/new/",
        {"title": "Still here", "body": body, "content_warning": ""},
    )


def reply(client, thread, body="And one more thought."):
    return client.post(f"/threads/{thread.pk}/reply/", {"body": body})


def assert_paused(response, words, expected=limits.PAUSE_SHORT):
    assert_kind(response, 429, expected)
    page = response.content.decode()
    assert 'id="crisis-support"' in page
    assert words in page  # their words are kept in the form


@LIMITS_ON
def test_a_burst_of_threads_is_paused_kindly_and_nothing_is_stored(member_client, member, board):
    for n in range(THREAD_BURST):
        response = new_thread(member_client, board, body=f"Thought number {n}.")
        assert response.status_code == 302
    before = (Thread.objects.count(), Post.objects.count())

    response = new_thread(member_client, board, body="Just one more thing to say.")
    assert_paused(response, "Just one more thing to say.")
    assert (Thread.objects.count(), Post.objects.count()) == before


@LIMITS_ON
def test_threads_older_than_the_burst_window_do_not_count(member_client, member, board):
    threads_by(member, board, THREAD_BURST, ago=datetime.timedelta(seconds=THREAD_BURST_SECONDS))
    assert new_thread(member_client, board).status_code == 302


@LIMITS_ON
def test_the_daily_thread_limit_says_later_not_in_a_few_minutes(member_client, member, board):
    threads_by(member, board, THREAD_DAY, ago=datetime.timedelta(hours=2))
    response = new_thread(member_client, board)
    assert_paused(response, "Just one more thing to say.", limits.PAUSE_LONG)
    assert Post.objects.filter(author=member).count() == THREAD_DAY


@LIMITS_ON
def test_a_burst_of_replies_is_paused_kindly_and_nothing_is_stored(member_client, member, thread):
    for n in range(REPLY_BURST):
        assert reply(member_client, thread, body=f"Short reply {n}").status_code == 302
    response = reply(member_client, thread, body="And one more thought.")
    assert_paused(response, "And one more thought.")
    assert Post.objects.filter(author=member).count() == REPLY_BURST
    thread.refresh_from_db()
    assert thread.reply_count == REPLY_BURST


@LIMITS_ON
def test_a_reply_to_a_post_is_limited_too(member_client, member, thread):
    replies_by(member, thread, REPLY_BURST)
    response = member_client.post(
        f"/posts/{thread.opening_post.pk}/reply/", {"body": "And one more thought."}
    )
    assert_paused(response, "And one more thought.")


@LIMITS_ON
def test_the_daily_reply_limit(member_client, member, thread):
    replies_by(member, thread, REPLY_DAY, ago=datetime.timedelta(hours=3))
    assert_paused(reply(member_client, thread), "And one more thought.", limits.PAUSE_LONG)
    Post.objects.filter(author=member).update(
        created_at=timezone.now() - datetime.timedelta(hours=25)
    )
    assert reply(member_client, thread).status_code == 302


@LIMITS_ON
def test_deleting_posts_does_not_reset_the_limit(member_client, member, thread):
    replies_by(member, thread, REPLY_BURST)
    for post in Post.objects.filter(author=member):
        member_client.post(f"/posts/{post.pk}/delete/")
    assert not Post.objects.filter(author=member).exclude(status=PostStatus.DELETED).exists()
    assert reply(member_client, thread).status_code == 429


@LIMITS_ON
def test_replies_do_not_count_toward_the_thread_limit(member_client, member, board, thread):
    replies_by(member, thread, REPLY_BURST)
    assert new_thread(member_client, board).status_code == 302


@LIMITS_ON
def test_preview_still_works_at_the_limit(member_client, member, thread):
    replies_by(member, thread, REPLY_BURST)
    response = member_client.post(
        f"/threads/{thread.pk}/reply/", {"body": "*draft*", "preview": "1"}
    )
    assert response.status_code == 200
    assert "<em>draft</em>" in response.content.decode()


@LIMITS_ON
@pytest.mark.parametrize("where", ["thread", "reply"])
def test_crisis_words_at_the_limit_are_still_held_and_the_writer_shown_help(
    member_client, member, board, thread, where
):
    # Safety first beats flood control: the writer may be in danger right now.
    if where == "thread":
        threads_by(member, board, THREAD_BURST)
        response = new_thread(member_client, board, body=CRISIS_WORDS)
    else:
        replies_by(member, thread, REPLY_BURST)
        response = reply(member_client, thread, body=CRISIS_WORDS)
    assert response.status_code == 302
    held = Post.objects.get(author=member, body=CRISIS_WORDS)
    assert held.status == PostStatus.HELD
    assert Case.objects.filter(post=held).exists()
    page = member_client.get(response["Location"])
    assert 'id="crisis-panel"' in page.content.decode()


@LIMITS_ON
def test_moderators_are_not_limited(client, thread):
    moderator = make_moderator()
    client.force_login(moderator)
    replies_by(moderator, thread, REPLY_BURST)
    assert reply(client, thread).status_code == 302


def test_posting_limits_are_off_when_rate_limits_are_off(member_client, member, board, thread):
    threads_by(member, board, THREAD_BURST)
    replies_by(member, thread, REPLY_BURST)
    assert new_thread(member_client, board).status_code == 302
    assert reply(member_client, thread).status_code == 302


# Flags: a daily cap (tests/moderation/test_flags.py) and a short-window one.


def flag(client, post, reason=FlagReason.SPAM):
    return client.post(f"/posts/{post.pk}/flag/", {"reason": reason, "note": "please look"})


@LIMITS_ON
def test_a_burst_of_flags_is_paused_kindly_and_nothing_is_stored(member_client, member, thread):
    posts = [make_reply(thread, body=f"post {n}") for n in range(flagging.BURST_FLAG_LIMIT + 1)]
    for post in posts[:-1]:
        assert flag(member_client, post).status_code == 302
    cases = Case.objects.count()

    response = flag(member_client, posts[-1])
    assert_kind(response, 200, "please take a breather and try again shortly")
    assert 'id="crisis-support"' in response.content.decode()
    assert not Flag.objects.filter(post=posts[-1]).exists()
    assert Case.objects.count() == cases


@LIMITS_ON
def test_flags_older_than_the_burst_window_do_not_count(member_client, member, thread):
    posts = [make_reply(thread, body=f"post {n}") for n in range(flagging.BURST_FLAG_LIMIT + 1)]
    for post in posts[:-1]:
        Flag.objects.create(post=post, flagger=member, reason=FlagReason.SPAM)
    Flag.objects.update(created_at=timezone.now() - flagging.BURST_FLAG_WINDOW)
    assert flag(member_client, posts[-1]).status_code == 302


def test_flag_bursts_are_not_limited_when_rate_limits_are_off(member_client, member, thread):
    posts = [make_reply(thread, body=f"post {n}") for n in range(flagging.BURST_FLAG_LIMIT + 1)]
    for post in posts:
        assert flag(member_client, post).status_code == 302
    assert Flag.objects.count() == flagging.BURST_FLAG_LIMIT + 1


# Sign-up: allauth's own limit (20 a minute from one address by default).

SIGNUP_LIMITS_ON = override_settings(RATE_LIMITS_ENABLED=True, ACCOUNT_RATE_LIMITS={})
SIGNUPS_PER_MINUTE = 20


def signup(client, n):
    return client.post(
        "/accounts/signup/",
        {
            "username": f"GentleFern{n}",
            "email": f"gentle.fern{n}@example.com",
            "password1": "a long calm password",
            "password2": "a long calm password",
            "age_confirmed": "on",
            "accept_guidelines": "on",
        },
    )


@SIGNUP_LIMITS_ON
def test_a_sign_up_flood_is_paused_kindly(client, db):
    for n in range(SIGNUPS_PER_MINUTE):
        assert signup(client, n).status_code == 302
        client.logout()
    assert User.objects.count() == SIGNUPS_PER_MINUTE

    response = signup(client, SIGNUPS_PER_MINUTE)
    assert_kind(response, 429, "Please wait a little while")
    assert 'id="crisis-support"' in response.content.decode()
    assert User.objects.count() == SIGNUPS_PER_MINUTE


@override_settings(RATE_LIMITS_ENABLED=False, ACCOUNT_RATE_LIMITS=False)
def test_sign_ups_are_not_limited_when_rate_limits_are_off(client, db):
    for n in range(SIGNUPS_PER_MINUTE + 1):
        assert signup(client, n).status_code == 302
        client.logout()
    assert User.objects.count() == SIGNUPS_PER_MINUTE + 1


def test_every_rate_limit_is_named_in_the_settings():
    assert set(settings.POSTING_RATE_LIMITS) == {limits.THREAD, limits.REPLY}
    for pairs in settings.POSTING_RATE_LIMITS.values():
        assert all(count > 0 and seconds > 0 for count, seconds in pairs)


def test_a_member_not_yet_near_a_limit_may_post(member, thread):
    with override_settings(RATE_LIMITS_ENABLED=True):
        replies_by(member, thread, REPLY_BURST - 1)
        assert limits.posting_pause(member, limits.REPLY) == ""
        assert limits.posting_pause(UserFactory(), limits.THREAD) == ""
