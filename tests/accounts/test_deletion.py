"""Deleting an account from /settings/: the form, and what the service removes and keeps."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.db import DatabaseError, transaction
from django.test import Client

from forum import services as forum_services
from forum.erasure import REMOVED_TITLE
from forum.following import follow_board
from forum.models import BoardFollow, Mute, Notification, Post, Reaction, Subscription, Thread
from moderation.audit import record
from moderation.models import ActionKind, ModerationAction, Sanction, SanctionKind, StaffNote
from moderation.services import add_staff_note
from peersupport.accounts.deletion import delete_account
from peersupport.accounts.models import User
from tests.factories import (
    PASSWORD,
    BoardFactory,
    UserFactory,
    make_committed_reply,
    make_reply,
    make_thread,
)

pytestmark = pytest.mark.django_db


def test_settings_explain_deletion_and_what_is_kept(member_client):
    content = member_client.get("/settings/").content.decode()
    assert 'action="/settings/delete/"' in content
    assert 'name="password"' in content
    assert 'value="remove"' in content and 'value="keep"' in content
    assert "moderation log keeps that a moderator made a decision" in content
    assert "without your name" in content
    assert "Nothing else is kept." in content


def test_the_wrong_password_keeps_the_account(member_client, member):
    response = member_client.post("/settings/delete/", {"password": "not it", "posts": "keep"})
    assert response.status_code == 200
    assert "That password does not match this account" in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_a_choice_about_posts_is_needed(member_client, member):
    response = member_client.post("/settings/delete/", {"password": PASSWORD})
    assert "Please choose what should happen to your posts." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_visitors_are_asked_to_sign_in(client, db):
    response = client.post("/settings/delete/", {"password": PASSWORD, "posts": "keep"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_deleting_signs_out_everywhere(member, client):
    client.force_login(member)
    elsewhere = Client()
    elsewhere.force_login(member)
    response = client.post("/settings/delete/", {"password": PASSWORD, "posts": "keep"})
    assert "Your account is deleted" in response.content.decode()
    signed_in = [session.get_decoded().get("_auth_user_id") for session in Session.objects.all()]
    assert str(member.pk) not in signed_in
    assert elsewhere.get("/settings/").status_code == 302


def test_everything_personal_goes_with_the_account(member):
    other = UserFactory()
    board = BoardFactory()
    thread = make_thread(author=other, board=board)
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    forum_services.mute_member(muter=member, muted=other, duration="always")
    forum_services.mute_member(muter=other, muted=member, duration="always")
    follow_board(member=member, board=board)
    forum_services.toggle_reaction(member=member, post=thread.opening_post, kind="hug")
    make_reply(thread, author=member)  # follows the thread
    make_committed_reply(thread, author=UserFactory(), parent=Post.objects.get(author=member))
    Sanction.objects.create(member=member, kind=SanctionKind.WARN, reason="Be gentle.")
    add_staff_note(author=other, member=member, text="Seemed low today.")
    assert Notification.objects.filter(recipient=member).exists()

    delete_account(member, keep_posts=True)

    assert not EmailAddress.objects.filter(email=member.email).exists()
    assert not Mute.objects.exists()
    assert not BoardFollow.objects.exists()
    assert not Reaction.objects.exists()
    assert not Subscription.objects.filter(member_id=member.pk).exists()
    assert not Notification.objects.filter(recipient_id=member.pk).exists()
    assert not Sanction.objects.exists()
    assert not StaffNote.objects.exists()
    kept = Post.objects.get(depth=1, parent=thread.opening_post)
    assert kept.author is None and kept.body == "A kind reply"


def test_the_audit_log_keeps_each_decision_without_identity(member):
    moderator = UserFactory(username="FairHeron")
    post = make_thread(author=member).opening_post
    decision = record(
        actor=moderator, action=ActionKind.HIDE, target=post, member=member, reason="Unkind."
    )
    admin_change = record(actor=moderator, action=ActionKind.ADMIN_CHANGE, target=member)
    assert admin_change.target_repr == member.username

    delete_account(member, keep_posts=True)

    decision.refresh_from_db()
    assert (decision.actor, decision.member, decision.reason) == (moderator, None, "Unkind.")
    admin_change.refresh_from_db()
    assert admin_change.target_repr == ""
    erased = ModerationAction.objects.get(action=ActionKind.ACCOUNT_DELETED)
    assert (erased.actor, erased.member, erased.target_repr) == (None, None, "")


def test_the_log_still_refuses_every_other_change(member):
    row = record(actor=None, action=ActionKind.FLAG, target=member, reason="kept")
    ModerationAction.objects.filter(pk=row.pk).update(target_repr="", before={}, after={})
    for change in ({"reason": ""}, {"target_repr": "someone else"}, {"after": {"a": 1}}):
        with pytest.raises(DatabaseError), transaction.atomic():
            ModerationAction.objects.filter(pk=row.pk).update(**change)


def test_removing_a_thread_nobody_answered_removes_it(member):
    thread = make_thread(author=member, title="Only mine")
    assert delete_account(member, keep_posts=False) == 1
    assert not Thread.objects.filter(pk=thread.pk).exists()
    assert not Post.objects.exists()


def test_removing_keeps_answered_threads_under_a_neutral_title(member):
    thread = make_thread(author=member, title="My own words")
    reply = make_reply(thread, body="Others' words")
    own_reply = make_reply(thread, author=member, parent=reply, body="mine again")
    delete_account(member, keep_posts=False)
    thread.refresh_from_db()
    assert (thread.title, thread.author, thread.reply_count) == (REMOVED_TITLE, None, 1)
    assert not Post.objects.filter(pk=own_reply.pk).exists()
    assert Post.objects.get(pk=reply.pk).body == "Others' words"
