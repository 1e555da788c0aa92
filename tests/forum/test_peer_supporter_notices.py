"""Peer supporters are told, gently and once per thread, about a first post that has
waited an hour for a reply; in the site only, never by email."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from forum import peer_support, services, tasks
from forum.models import Notification, NotificationKind, PostStatus, Thread
from peersupport.accounts.permissions import PEER_SUPPORTERS
from tests.factories import UserFactory, make_reply, make_thread
from tests.moderation.case_helpers import in_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def peers():
    return [
        in_group(PEER_SUPPORTERS, username="GentleHarbour", email_on_reply=True),
        in_group(PEER_SUPPORTERS, username="WarmLantern"),
    ]


def waited(thread, delta):
    Thread.objects.filter(pk=thread.pk).update(created_at=timezone.now() - delta)
    return thread


def run():
    out = io.StringIO()
    call_command("tell_peer_supporters", stdout=out)
    return out.getvalue()


def told(thread):
    return set(
        Notification.objects.filter(thread=thread, kind=NotificationKind.WAITING).values_list(
            "recipient__username", flat=True
        )
    )


def test_a_first_post_that_waited_an_hour_is_told_to_every_peer_supporter(peers):
    thread = waited(make_thread(title="Anyone around?"), datetime.timedelta(minutes=61))
    assert "told about 1 thread" in run()
    assert told(thread) == {"GentleHarbour", "WarmLantern"}
    # In the site only: the peer supporter who asked for reply emails gets none for this.
    assert mail.outbox == []


def test_never_more_than_once_per_thread(peers):
    thread = waited(make_thread(), datetime.timedelta(hours=2))
    run()
    run()
    tasks.tell_peer_supporters.delay()
    assert Notification.objects.filter(thread=thread).count() == 2
    # Still unanswered an hour later: still no second notice.
    waited(thread, datetime.timedelta(hours=3))
    assert "told about 0 thread" in run()
    assert Notification.objects.filter(thread=thread).count() == 2


def test_not_before_an_hour(peers):
    thread = waited(make_thread(), datetime.timedelta(minutes=50))
    run()
    assert told(thread) == set()
    waited(thread, datetime.timedelta(minutes=70))
    run()
    assert len(told(thread)) == 2


def test_not_for_threads_answered_held_hidden_or_long_quiet(peers):
    hour = datetime.timedelta(hours=2)
    answered = waited(make_thread(title="Answered"), hour)
    make_reply(answered)
    held = waited(make_thread(title="Held", status=PostStatus.HELD), hour)
    hidden = waited(make_thread(title="Hidden"), hour)
    services.set_post_status(post=hidden.opening_post, status=PostStatus.HIDDEN)
    # Old threads are on the list, but not worth a notice the day this starts.
    old = waited(make_thread(title="Old"), datetime.timedelta(days=20))
    assert "told about 0 thread" in run()
    assert not Notification.objects.filter(kind=NotificationKind.WAITING).exists()
    for thread in (answered, held, hidden, old):
        assert told(thread) == set()


def test_a_thread_a_moderator_approves_later_is_told_about_then(peers):
    thread = waited(make_thread(status=PostStatus.HELD), datetime.timedelta(hours=2))
    run()
    services.set_post_status(post=thread.opening_post, status=PostStatus.PUBLISHED)
    run()
    assert len(told(thread)) == 2


def test_not_the_writer_nor_quiet_resting_muting_or_banned_peer_supporters_nor_members(peers):
    writer = in_group(PEER_SUPPORTERS, username="SelfWriter")
    in_group(PEER_SUPPORTERS, username="QuietPeer", quiet_mode=True)
    in_group(PEER_SUPPORTERS, username="CalmPeer", low_stimulation=True)
    in_group(
        PEER_SUPPORTERS,
        username="RestingPeer",
        break_until=timezone.now() + datetime.timedelta(days=2),
    )
    in_group(PEER_SUPPORTERS, username="GonePeer", is_active=False)
    muter = in_group(PEER_SUPPORTERS, username="MutingPeer")
    services.mute_member(muter=muter, muted=writer, duration="week")
    UserFactory(username="JustAMember")
    thread = waited(make_thread(author=writer), datetime.timedelta(hours=2))
    run()
    assert told(thread) == {"GentleHarbour", "WarmLantern"}


def test_the_notice_is_gentle_and_leads_to_the_thread_and_the_list(peers):
    thread = waited(make_thread(title="Lonely lunchtimes"), datetime.timedelta(hours=2))
    run()
    client = Client()
    client.force_login(peers[0])
    page = client.get("/notifications/").content.decode()
    assert peer_support.WAITING_MESSAGE in page
    assert f'href="{thread.get_absolute_url()}"' in page
    assert 'href="/peer-support/waiting/"' in page
    assert "Lonely lunchtimes" in page


def test_a_notice_goes_once_the_thread_is_hidden(peers):
    thread = waited(make_thread(title="Hidden later"), datetime.timedelta(hours=2))
    run()
    services.set_post_status(post=thread.opening_post, status=PostStatus.HIDDEN)
    client = Client()
    client.force_login(peers[0])
    assert "Hidden later" not in client.get("/notifications/").content.decode()


def test_two_runs_at_once_tell_once(peers):
    """A run finds the thread already told about once it has the lock (another run had
    it): the thread is due no longer, and nobody is told twice."""
    thread = waited(make_thread(), datetime.timedelta(hours=2))
    now = timezone.now()
    assert list(peer_support.due_threads(now)) == [thread]
    assert peer_support.tell_peer_supporters_about_waiting_threads(now) == 1
    assert peer_support._tell_about(thread.pk, now) == 0
    assert Notification.objects.filter(thread=thread).count() == 2
