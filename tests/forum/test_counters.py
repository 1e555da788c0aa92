"""The denormalised thread counters and the `synchronize` command that rebuilds them."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from forum import services
from forum.models import PostStatus, Thread
from tests.factories import make_reply, make_thread

pytestmark = pytest.mark.django_db


def _refreshed(thread):
    return Thread.objects.get(pk=thread.pk)


def test_services_keep_reply_count_through_publish_hide_and_delete(member):
    thread = make_thread(author=member)
    first = make_reply(thread, author=member)
    second = make_reply(thread, author=member, parent=first)
    assert _refreshed(thread).reply_count == 2
    services.set_post_status(post=second, status=PostStatus.HIDDEN)
    assert _refreshed(thread).reply_count == 1
    services.set_post_status(post=second, status=PostStatus.PUBLISHED)
    services.delete_post(post=first)
    assert _refreshed(thread).reply_count == 1


def test_synchronize_repairs_wrong_counts_and_stale_activity(member, capsys):
    thread = make_thread(author=member)
    make_reply(thread, author=member)
    make_reply(thread, author=member, status=PostStatus.HELD)
    untouched = make_thread(author=member)
    make_reply(untouched, author=member)
    long_ago = timezone.now() - datetime.timedelta(days=30)
    Thread.objects.filter(pk=thread.pk).update(reply_count=7, last_activity_at=long_ago)
    latest_reply_at = thread.posts.filter(status=PostStatus.PUBLISHED).latest("created_at")

    call_command("synchronize")

    repaired = _refreshed(thread)
    assert repaired.reply_count == 1  # the held reply does not count
    assert repaired.last_activity_at == latest_reply_at.created_at
    assert _refreshed(untouched).reply_count == 1
    assert "Corrected the counters of 1 thread(s)." in capsys.readouterr().out


def test_synchronize_never_moves_activity_back(member):
    thread = make_thread(author=member)
    make_reply(thread, author=member)
    later = timezone.now() + datetime.timedelta(minutes=5)  # e.g. a held reply approved
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=later)
    call_command("synchronize")
    assert _refreshed(thread).last_activity_at == later


def test_synchronize_copies_the_opening_posts_status_to_the_thread(member, reader_client):
    thread = make_thread(author=member, title="A quiet evening")
    Thread.objects.filter(pk=thread.pk).update(status=PostStatus.HELD)
    assert "A quiet evening" not in reader_client.get("/").content.decode()
    call_command("synchronize")
    assert _refreshed(thread).status == PostStatus.PUBLISHED
    assert "A quiet evening" in reader_client.get("/").content.decode()


def test_an_opening_post_emptied_with_nothing_to_hold_hides_its_thread(member, reader_client):
    # What erasing an account leaves when only a moderation case points at the post.
    thread = make_thread(author=member, title="Gone now")
    thread.opening_post.__class__.objects.filter(pk=thread.opening_post_id).update(
        status=PostStatus.DELETED, is_tombstone=False
    )
    call_command("synchronize")
    assert _refreshed(thread).status == PostStatus.HIDDEN
    assert reader_client.get(f"/threads/{thread.pk}/").status_code == 404
