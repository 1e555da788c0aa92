"""A peer supporter's replies: the badge beside their pseudonym, and the thread's writer
told that a peer supporter has replied. Their replies pass the pipeline like anyone's."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from forum.following import follow_thread
from forum.models import (
    PEER_SUPPORTER_REPLIED,
    REPLY_IN_FOLLOWED_THREAD,
    REPLY_TO_YOU,
    Notification,
    NotificationKind,
    Post,
)
from moderation.models import Case
from peersupport.accounts.backends import MemberBackend
from peersupport.accounts.permissions import PEER_SUPPORTERS, is_peer_supporter
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread
from tests.moderation.case_helpers import in_group, make_moderator

pytestmark = pytest.mark.django_db

BADGE = 'class="peer-supporter-badge"'


@pytest.fixture
def peer():
    return in_group(PEER_SUPPORTERS, username="GentleHarbour")


@pytest.fixture
def writer():
    return UserFactory(username="LonelyLark")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def reply_through_the_page(author, thread, body, capture):
    with capture(execute=True):
        response = signed_in(author).post(f"/threads/{thread.pk}/reply/", {"body": body})
    assert response.status_code == 302
    return Post.objects.filter(author=author).latest("pk")


def test_the_group_is_there_from_the_start():
    assert Group.objects.filter(name=PEER_SUPPORTERS).exists()


def test_the_role_is_loaded_with_the_member_in_one_query(peer, django_assert_num_queries):
    member = UserFactory()
    with django_assert_num_queries(1):
        assert is_peer_supporter(MemberBackend().get_user(peer.pk))
    with django_assert_num_queries(1):
        assert not is_peer_supporter(MemberBackend().get_user(member.pk))


def test_peer_supporters_replies_carry_the_badge_and_members_do_not(peer, writer):
    thread = make_thread(author=writer, body="A member's words")
    make_reply(thread, author=peer, body="A peer supporter's words")
    make_reply(thread, author=UserFactory(), body="Another member's words")
    page = signed_in(UserFactory()).get(thread.get_absolute_url()).content.decode()
    assert page.count(BADGE) == 1
    assert "Peer supporter</span>" in page


def test_a_moderator_who_is_a_peer_supporter_too_shows_one_badge(writer):
    both = make_moderator("TwoHats")
    both.groups.add(Group.objects.get(name=PEER_SUPPORTERS))
    thread = make_thread(author=writer)
    make_reply(thread, author=both)
    page = signed_in(writer).get(thread.get_absolute_url()).content.decode()
    assert page.count('class="moderator-badge"') == 1 and BADGE not in page


@pytest.mark.parametrize("public_reading", [False, True], ids=["member", "visitor"])
def test_the_badge_comes_and_goes_at_once_with_the_group(writer, settings, public_reading):
    """Thread pages are shared copies per thread version: naming someone a peer supporter
    gives every thread they wrote in a new version, so nobody sees the old copy."""
    settings.PUBLIC_READING = public_reading
    soon_a_peer = UserFactory(username="SoonAPeer")
    thread = make_thread(author=writer)
    make_reply(thread, author=soon_a_peer, body="Here if you want to talk.")
    reader = Client() if public_reading else signed_in(UserFactory())
    assert BADGE not in reader.get(thread.get_absolute_url()).content.decode()
    soon_a_peer.groups.add(Group.objects.get(name=PEER_SUPPORTERS))
    assert BADGE in reader.get(thread.get_absolute_url()).content.decode()
    soon_a_peer.groups.clear()
    assert BADGE not in reader.get(thread.get_absolute_url()).content.decode()


def test_the_writer_is_told_a_peer_supporter_has_replied(
    peer, writer, django_capture_on_commit_callbacks
):
    thread = make_thread(author=writer, title="First post nerves")
    follower = UserFactory(username="FollowingFinch")
    follow_thread(member=follower, thread=thread)
    reply = reply_through_the_page(
        peer, thread, "Welcome! I'm glad you posted.", django_capture_on_commit_callbacks
    )
    to_writer = Notification.objects.filter(recipient=writer)
    # One notice, not two: the peer supporter's one instead of the ordinary one.
    assert list(to_writer.values_list("kind", "message")) == [
        (NotificationKind.REPLY, PEER_SUPPORTER_REPLIED)
    ]
    assert Notification.objects.get(recipient=follower).message == REPLY_IN_FOLLOWED_THREAD
    page = signed_in(writer).get("/notifications/").content.decode()
    assert "A peer supporter has replied to your thread" in page
    assert BADGE in page
    assert f'href="{reply.get_absolute_url()}"' in page


def test_a_members_reply_tells_the_writer_as_usual(writer, django_capture_on_commit_callbacks):
    thread = make_thread(author=writer)
    reply_through_the_page(UserFactory(), thread, "Same here.", django_capture_on_commit_callbacks)
    assert Notification.objects.get(recipient=writer).message == REPLY_TO_YOU


def test_a_deeper_reply_tells_the_writer_even_if_they_stopped_following(
    peer, writer, django_capture_on_commit_callbacks
):
    thread = make_thread(author=writer)
    other = make_reply(thread, author=UserFactory(username="OtherOwl"))
    Notification.objects.all().delete()
    thread.subscriptions.filter(member=writer).delete()
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(peer).post(f"/posts/{other.pk}/reply/", {"body": "Lovely to see you both."})
    assert Notification.objects.get(recipient=writer).message == PEER_SUPPORTER_REPLIED
    assert Notification.objects.get(recipient__username="OtherOwl").message == REPLY_TO_YOU


def test_a_writer_who_muted_the_peer_supporter_is_not_told(
    peer, writer, django_capture_on_commit_callbacks
):
    thread = make_thread(author=writer)
    signed_in(writer).post(f"/members/{peer.username}/mute/", {"duration": "week"})
    reply_through_the_page(peer, thread, "Hello there.", django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(recipient=writer).exists()


def test_the_email_says_a_peer_supporter_replied(peer, django_capture_on_commit_callbacks):
    writer = UserFactory(username="EmailedEgret", email_on_reply=True)
    thread = make_thread(author=writer)
    reply_through_the_page(
        peer, thread, "Welcome, take your time.", django_capture_on_commit_callbacks
    )
    assert [message.subject for message in mail.outbox] == [
        "A peer supporter has replied to your thread on Peer Support"
    ]


def test_a_held_reply_from_a_peer_supporter_tells_nobody_until_approved(
    peer, writer, django_capture_on_commit_callbacks
):
    board = BoardFactory(slug="read-first", is_premoderated=True)
    thread = make_thread(author=writer, board=board)
    follow_thread(member=UserFactory(username="FollowingFinch"), thread=thread)
    held = reply_through_the_page(
        peer, thread, "Sending you kindness.", django_capture_on_commit_callbacks
    )
    assert held.status == "held"
    # Only the peer supporter's own "waiting for a moderator" notice; no reply notices.
    assert not Notification.objects.exclude(recipient=peer).exists()
    assert not Notification.objects.filter(kind=NotificationKind.REPLY).exists()
    page = signed_in(writer).get(thread.get_absolute_url()).content.decode()
    assert "Sending you kindness" not in page

    moderator = signed_in(make_moderator())
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(
            f"/moderation/cases/{Case.objects.get(post=held).pk}/",
            {"action": "approve", "reason": ""},
        )
    assert Notification.objects.get(recipient=writer).message == PEER_SUPPORTER_REPLIED
    page = signed_in(writer).get(thread.get_absolute_url()).content.decode()
    assert "Sending you kindness" in page and BADGE in page
