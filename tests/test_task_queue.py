"""Emails leave the request for the task queue: a request only enqueues, the tasks send,
each email once, and every scheduled task exists."""

import smtplib
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from kombu.exceptions import OperationalError

from forum import emails, notifications, tasks
from forum.following import follow_thread
from forum.models import Notification, Post
from peersupport.accounts import tasks as account_tasks
from peersupport.celery import app
from tests.factories import (
    BoardFactory,
    UserFactory,
    make_committed_reply,
    make_reply,
    make_thread,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def opener():
    return UserFactory(username="HopefulWren", email="wren@example.com", email_on_reply=True)


@pytest.fixture
def thread(opener):
    return make_thread(author=opener, board=BoardFactory(slug="talk"))


def test_a_reply_posted_through_the_site_hands_its_news_to_the_queue_after_commit(
    client, django_capture_on_commit_callbacks, opener, thread
):
    client.force_login(UserFactory(username="GentleMoth"))
    with mock.patch.object(tasks.notify_reply, "delay") as delay:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            response = client.post(f"/threads/{thread.pk}/reply/", {"body": "I hear you."})
        assert response.status_code == 302
        delay.assert_not_called()  # nothing leaves before the reply is committed
        for callback in callbacks:
            callback()
    reply = Post.objects.get(body="I hear you.")
    delay.assert_called_once_with(reply.pk)
    # Telling people is the worker's job, not the request's.
    assert not Notification.objects.exists()


def test_the_worker_tells_people_then_enqueues_their_emails_after_commit(
    django_capture_on_commit_callbacks, opener, thread
):
    reply = make_reply(thread, author=UserFactory(username="GentleMoth"))
    email_task = mock.patch.object(tasks.email_reply_notifications, "delay")
    with email_task as delay, django_capture_on_commit_callbacks(execute=True):
        assert tasks.notify_reply.delay(reply.pk).get() == 1
    notification = Notification.objects.get(recipient=opener)
    delay.assert_called_once_with([notification.pk])
    assert mail.outbox == []
    assert notification.emailed_at is None


def test_the_enqueued_email_arrives_once_the_reply_commits(opener, thread):
    make_committed_reply(thread, author=UserFactory(username="GentleMoth"))
    assert [message.to for message in mail.outbox] == [[opener.email]]


def test_when_the_queue_is_unreachable_the_request_does_the_work_itself(opener, thread):
    with mock.patch.object(
        tasks.notify_reply, "delay", side_effect=OperationalError("Redis is away")
    ):
        make_committed_reply(thread, author=UserFactory(username="GentleMoth"))
    assert Notification.objects.filter(recipient=opener).exists()
    assert [message.to for message in mail.outbox] == [[opener.email]]


def test_a_failure_after_the_reply_is_saved_still_shows_the_writer_their_reply(
    client, django_capture_on_commit_callbacks, opener, thread
):
    client.force_login(UserFactory(username="GentleMoth"))
    broken = mock.patch.object(tasks.notify_reply, "delay", side_effect=RuntimeError("broken"))
    with broken, django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/threads/{thread.pk}/reply/", {"body": "I hear you."})
    reply = Post.objects.get(body="I hear you.")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#post-{reply.pk}")


def test_a_reply_email_is_sent_once_however_often_the_task_runs(opener, thread):
    reply = make_reply(thread, author=UserFactory(username="GentleMoth"))
    notifications.send_reply_notifications(reply.pk)
    notification = Notification.objects.get(recipient=opener)
    assert tasks.email_reply_notifications.delay([notification.pk]).get() == 1
    assert tasks.email_reply_notifications.delay([notification.pk]).get() == 0
    assert len(mail.outbox) == 1


def test_after_a_mail_server_hiccup_only_the_unsent_emails_go_again(opener, thread):
    follower = UserFactory(username="Follower", email="follower@example.com")
    follower.email_on_reply = True
    follower.save()
    follow_thread(member=follower, thread=thread)
    reply = make_reply(thread, author=UserFactory(username="GentleMoth"))
    notifications.send_reply_notifications(reply.pk)
    ids = list(Notification.objects.order_by("pk").values_list("pk", flat=True))
    assert len(ids) == 2

    real_send = emails.send_mail
    calls = []

    def second_fails(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise smtplib.SMTPServerDisconnected("away")
        return real_send(*args, **kwargs)

    with mock.patch.object(emails, "send_mail", second_fails), pytest.raises(OSError):
        emails.email_reply_notifications(ids)
    assert len(mail.outbox) == 1
    assert emails.email_reply_notifications(ids) == 1
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [opener.email, follower.email]
    )


def test_the_digest_task_sends_the_daily_summary(opener, thread):
    opener.quiet_mode = True
    opener.save()
    make_committed_reply(thread, author=UserFactory(username="GentleMoth"))
    assert tasks.send_notification_digests.delay().get() == 1
    assert "1 new reply" in mail.outbox[0].body


def test_signing_up_enqueues_the_confirmation_email_instead_of_sending_it(client):
    with mock.patch.object(account_tasks.send_rendered_email, "delay") as delay:
        response = client.post(
            "/accounts/signup/",
            {
                "username": "NewLark",
                "email": "lark@example.com",
                "password1": "a long calm password",
                "password2": "a long calm password",
                "age_confirmed": "on",
                "accept_guidelines": "on",
            },
        )
    assert response.status_code == 302
    assert mail.outbox == []
    (fields,), _ = delay.call_args
    assert fields["to"] == ["lark@example.com"]
    assert "/accounts/confirm-email/" in fields["body"]
    # What was enqueued is plain data the worker can send as it is.
    account_tasks.send_rendered_email(fields)
    assert mail.outbox[0].to == ["lark@example.com"]
    assert mail.outbox[0].subject == fields["subject"]


def test_every_scheduled_job_names_a_registered_task():
    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks
