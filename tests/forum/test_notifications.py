"""Who hears about a reply, the notifications page, the header badge, reply emails and
the quiet-mode daily digest."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import following, notifications, services, tasks
from forum.models import (
    REPLY_IN_FOLLOWED_THREAD,
    REPLY_TO_YOU,
    Mute,
    Notification,
    NotificationKind,
    Post,
    PostStatus,
)
from tests.factories import (
    BoardFactory,
    UserFactory,
    make_committed_reply,
    make_reply,
    make_thread,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "opener": UserFactory(username="Opener"),
        "replier": UserFactory(username="Replier"),
        "follower": UserFactory(username="Follower"),
        "bystander": UserFactory(username="Bystander"),
    }


@pytest.fixture
def thread(people):
    thread = make_thread(author=people["opener"], board=BoardFactory(slug="talk"))
    following.follow_thread(member=people["follower"], thread=thread)
    return thread


def _notified(post):
    return {n.recipient.username for n in Notification.objects.filter(post=post)}


def test_a_reply_notifies_the_parent_writer_and_followers_but_not_the_writer(
    client, django_capture_on_commit_callbacks, people, thread
):
    client.force_login(people["replier"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/threads/{thread.pk}/reply/", {"body": "You are not alone."})
    reply = Post.objects.get(body="You are not alone.")
    assert _notified(reply) == {"Opener", "Follower"}
    by_recipient = {n.recipient.username: n for n in Notification.objects.filter(post=reply)}
    assert by_recipient["Opener"].kind == NotificationKind.REPLY
    assert by_recipient["Opener"].message == REPLY_TO_YOU
    assert by_recipient["Follower"].message == REPLY_IN_FOLLOWED_THREAD


def test_a_reply_to_a_reply_notifies_its_parent_writer_once(people, thread):
    first = make_committed_reply(thread, author=people["replier"])
    # The opener follows the thread and writes the parent: still one notification.
    answer = make_committed_reply(thread, author=people["follower"], parent=first)
    assert _notified(answer) == {"Replier", "Opener"}
    second = make_committed_reply(thread, author=people["replier"], parent=thread.opening_post)
    assert Notification.objects.filter(post=second, recipient=people["opener"]).count() == 1


def test_a_member_replying_to_their_own_post_hears_nothing(people, thread):
    reply = make_committed_reply(thread, author=people["opener"])
    assert _notified(reply) == {"Follower"}


def test_a_held_reply_notifies_nobody_until_it_is_published(
    django_capture_on_commit_callbacks, people, thread
):
    held = make_committed_reply(thread, author=people["replier"], status=PostStatus.HELD)
    assert not Notification.objects.exists()
    # What a moderator's approval does.
    with django_capture_on_commit_callbacks(execute=True):
        services.set_post_status(post=held, status=PostStatus.PUBLISHED)
    assert _notified(held) == {"Opener", "Follower"}


def test_notify_reply_ignores_posts_that_are_not_published(
    django_capture_on_commit_callbacks, people, thread
):
    held = make_reply(thread, author=people["replier"], status=PostStatus.HELD)
    with django_capture_on_commit_callbacks() as callbacks:
        tasks.queue_reply_notifications(held)
    assert callbacks == []
    assert notifications.send_reply_notifications(held.pk) == []


def test_a_reply_removed_before_the_worker_runs_tells_nobody(
    django_capture_on_commit_callbacks, people, thread
):
    with django_capture_on_commit_callbacks() as callbacks:
        reply = make_reply(thread, author=people["replier"])
    services.delete_post(post=reply)
    for callback in callbacks:
        callback()
    assert not Notification.objects.exists()


def test_telling_people_twice_tells_nobody_twice(people, thread):
    """A task the worker retries, or runs twice after a crash, repeats nobody's news."""
    reply = make_committed_reply(thread, author=people["replier"])
    assert _notified(reply) == {"Opener", "Follower"}
    assert notifications.send_reply_notifications(reply.pk) == []
    assert Notification.objects.filter(post=reply).count() == 2


def test_the_writer_of_a_deleted_account_gets_nothing(people, thread):
    first = make_committed_reply(thread, author=people["replier"])
    people["replier"].delete()  # their posts stay, as "former member"
    first.refresh_from_db()
    assert first.author is None
    answer = make_committed_reply(thread, author=people["bystander"], parent=first)
    assert _notified(answer) == {"Opener", "Follower"}


def test_nobody_who_cannot_see_the_thread_is_told_about_it(people):
    # A thread whose opening post waits for a moderator: only its writer and moderators
    # can see it, so a follower from before must hear nothing.
    moderator = UserFactory(username="KindModerator")
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    thread = make_thread(author=people["opener"])
    following.follow_thread(member=people["follower"], thread=thread)
    following.follow_thread(member=moderator, thread=thread)
    services.set_post_status(post=thread.opening_post, status=PostStatus.HELD)
    reply = make_committed_reply(thread, author=people["replier"])
    assert _notified(reply) == {"Opener", "KindModerator"}


def test_a_member_who_muted_the_writer_is_not_told(people, thread):
    Mute.objects.create(muter=people["follower"], muted=people["replier"])
    reply = make_committed_reply(thread, author=people["replier"])
    assert _notified(reply) == {"Opener"}


def test_notify_member_makes_a_moderation_notification(people, thread):
    notification = notifications.notify_member(
        recipient=people["opener"], message="Thank you, we have read your flag.", post=None
    )
    assert notification.kind == NotificationKind.MODERATION
    assert notification.thread is None
    with_post = notifications.notify_member(
        recipient=people["opener"], message="A moderator added a warning.", post=thread.opening_post
    )
    assert with_post.thread == thread


def test_the_notifications_page_lists_newest_first_and_shows_which_are_new(client, people, thread):
    older = make_committed_reply(thread, author=people["replier"], body="older")
    newer = make_committed_reply(thread, author=people["bystander"], body="newer")
    client.force_login(people["opener"])
    page = client.get("/notifications/").content.decode()
    assert page.index(f"/posts/{newer.pk}/") < page.index(f"/posts/{older.pk}/")
    assert f'href="/posts/{older.pk}/"' in page
    assert "New: " in page
    assert "older" not in page and "newer" not in page  # never the post's text
    # Opening the page marks nothing read (tests/security/test_reading_notifications_...).
    assert "New: " in client.get("/notifications/").content.decode()
    client.post("/notifications/read/")
    assert "New: " not in client.get("/notifications/").content.decode()


def test_notifications_are_paginated(client, people, thread):
    for n in range(25):
        make_committed_reply(thread, author=people["replier"], body=f"reply {n}")
    client.force_login(people["opener"])
    assert client.get("/notifications/").content.decode().count("New: ") == 20
    page = client.get("/notifications/?page=2").content.decode()
    assert "Page 2 of 2" in page


def test_mark_all_as_read(client, people, thread):
    for n in range(22):
        make_committed_reply(thread, author=people["replier"], body=f"reply {n}")
    client.force_login(people["opener"])
    assert client.get("/notifications/read/").status_code == 405
    response = client.post("/notifications/read/")
    assert response["Location"] == "/notifications/"
    assert not Notification.objects.filter(recipient=people["opener"], read_at=None).exists()


def test_the_page_hides_notifications_about_posts_the_member_can_no_longer_see(
    client, people, thread
):
    hidden = make_committed_reply(thread, author=people["replier"], body="later hidden")
    kept = make_committed_reply(thread, author=people["bystander"], body="kept")
    Post.objects.filter(pk=hidden.pk).update(status=PostStatus.HIDDEN)
    client.force_login(people["opener"])
    assert 'class="badge">1<' in client.get("/").content.decode()
    page = client.get("/notifications/").content.decode()
    assert f"/posts/{kept.pk}/" in page
    assert f"/posts/{hidden.pk}/" not in page


def test_a_writer_still_sees_a_moderation_notification_about_their_hidden_post(
    client, people, thread
):
    reply = make_committed_reply(thread, author=people["replier"])
    Post.objects.filter(pk=reply.pk).update(status=PostStatus.HIDDEN)
    notifications.notify_member(
        recipient=people["replier"], message="A moderator has hidden your post.", post=reply
    )
    client.force_login(people["replier"])
    page = client.get("/notifications/").content.decode()
    assert "A moderator has hidden your post." in page


def test_the_notifications_page_needs_a_signed_in_member(client):
    response = client.get("/notifications/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_header_shows_the_unread_count(client, people, thread):
    make_committed_reply(thread, author=people["replier"])
    make_committed_reply(thread, author=people["bystander"])
    client.force_login(people["opener"])
    page = client.get("/").content.decode()
    assert (
        '<a href="/notifications/">Notifications <span class="badge">2'
        '<span class="visually-hidden"> unread</span></span></a>' in page
    )
    client.post("/notifications/read/")
    page = client.get("/").content.decode()
    assert 'href="/notifications/">Notifications</a>' in page
    assert 'class="badge"' not in page


def test_quiet_mode_hides_the_badge(client, people, thread):
    make_committed_reply(thread, author=people["replier"])
    people["opener"].quiet_mode = True
    people["opener"].save()
    client.force_login(people["opener"])
    with CaptureQueriesContext(connection) as captured:
        page = client.get("/").content.decode()
    assert 'href="/notifications/">Notifications</a>' in page
    assert 'class="badge"' not in page
    assert not any("forum_notification" in query["sql"] for query in captured)


@pytest.mark.parametrize("public_reading", [False, True])
def test_visitors_have_no_notifications_link_and_no_count_query(
    client, settings, thread, public_reading
):
    settings.PUBLIC_READING = public_reading
    with CaptureQueriesContext(connection) as captured:
        page = client.get("/").content.decode()
    assert "/notifications/" not in page
    assert not any("forum_notification" in query["sql"] for query in captured)


def test_notifications_page_query_count_does_not_grow(client, people, thread):
    client.force_login(people["opener"])

    client.get("/notifications/")  # the crisis resources are cached after the first view

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/notifications/").status_code == 200
        return len(captured)

    for _ in range(2):
        make_committed_reply(thread, author=UserFactory())
    notifications.notify_member(
        recipient=people["opener"], message="Hello", post=thread.opening_post
    )
    few = queries()
    for _ in range(18):
        make_committed_reply(thread, author=UserFactory())
    many = queries()
    assert Notification.objects.filter(recipient=people["opener"]).count() == 21
    assert many == few
    assert few <= 10


# Emails


def test_reply_emails_are_off_by_default(django_capture_on_commit_callbacks, people, thread):
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(thread, author=people["replier"])
    assert mail.outbox == []


def test_a_member_turns_reply_emails_on_in_settings(client, people):
    client.force_login(people["opener"])
    page = client.get("/settings/").content.decode()
    assert 'name="email_on_reply"' in page
    assert 'name="email_on_reply" checked' not in page
    client.post("/settings/", {"region": "uk", "bio": "", "email_on_reply": "on"})
    people["opener"].refresh_from_db()
    assert people["opener"].email_on_reply is True


def test_one_short_email_without_the_post_text(django_capture_on_commit_callbacks, people, thread):
    people["opener"].email_on_reply = True
    people["opener"].save()
    with django_capture_on_commit_callbacks(execute=True):
        reply = make_reply(thread, author=people["replier"], body="My private words")
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [people["opener"].email]
    assert email.subject == "Someone replied to you on Peer Support"
    assert f"/posts/{reply.pk}/" in email.body
    assert "My private words" not in email.body
    assert "Replier" not in email.body and people["replier"].email not in email.body
    assert thread.title not in email.body
    assert Notification.objects.get(recipient=people["opener"]).emailed_at is not None


def test_nothing_is_emailed_if_the_reply_is_rolled_back(
    django_capture_on_commit_callbacks, people, thread
):
    people["opener"].email_on_reply = True
    people["opener"].save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_reply(thread, author=people["replier"])
    # The cache's own callbacks (peersupport.caching) aside, only the email task waits.
    waiting = [callback for callback in callbacks if callback.__module__ != "peersupport.caching"]
    assert len(waiting) == 1 and mail.outbox == []


def test_quiet_mode_skips_immediate_emails(django_capture_on_commit_callbacks, people, thread):
    people["opener"].email_on_reply = True
    people["opener"].quiet_mode = True
    people["opener"].save()
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(thread, author=people["replier"])
    assert mail.outbox == []


def test_the_daily_digest_counts_replies_once_a_day(people, thread):
    quiet = people["opener"]
    quiet.email_on_reply = True
    quiet.quiet_mode = True
    quiet.save()
    people["follower"].quiet_mode = True  # quiet, but never asked for emails
    people["follower"].save()
    make_committed_reply(thread, author=people["replier"], body="first secret")
    make_committed_reply(thread, author=people["bystander"], body="second secret")

    call_command("send_notification_digests")
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [quiet.email]
    assert "2 new replies" in email.body
    assert "/notifications/" in email.body
    assert "secret" not in email.body and "Replier" not in email.body
    assert not Notification.objects.filter(recipient=quiet, emailed_at=None).exists()

    make_committed_reply(thread, author=people["replier"])
    call_command("send_notification_digests")
    assert len(mail.outbox) == 1  # one a day at most


def test_the_digest_skips_replies_already_read(client, people, thread):
    people["opener"].email_on_reply = True
    people["opener"].quiet_mode = True
    people["opener"].save()
    make_committed_reply(thread, author=people["replier"])
    client.force_login(people["opener"])
    client.post("/notifications/read/")
    call_command("send_notification_digests")
    assert mail.outbox == []


def test_a_moderator_sees_their_reply_notifications(client, people, thread):
    moderator = UserFactory(username="KindModerator")
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    following.follow_thread(member=moderator, thread=thread)
    reply = make_committed_reply(thread, author=people["replier"])
    client.force_login(moderator)
    assert f"/posts/{reply.pk}/" in client.get("/notifications/").content.decode()


def test_the_header_count_is_kept_between_pages_and_updated_at_once(client, people, thread):
    client.force_login(people["opener"])

    def badge_and_counted():
        with CaptureQueriesContext(connection) as captured:
            page = client.get("/").content.decode()
        counted = any("forum_notification" in query["sql"] for query in captured)
        found = re.search(r'class="badge">(\d+)<', page)
        return (int(found.group(1)) if found else 0), counted

    assert badge_and_counted() == (0, True)
    assert badge_and_counted() == (0, False)  # remembered, not counted again
    make_committed_reply(thread, author=people["replier"])
    assert badge_and_counted() == (1, True)  # a new notification shows at once
    notifications.notify_member(recipient=people["opener"], message="A note from the moderators.")
    assert badge_and_counted() == (2, True)
    client.post("/notifications/read/")  # marking them read
    assert badge_and_counted()[0] == 0
