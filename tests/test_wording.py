"""The words members read stay kind: no page they can reach, including the ones that
turn something down, says "error", "invalid", "failed" and the like (docs/design.md)."""

import datetime
import html
import re

import pytest
from django.test import Client
from django.utils import timezone

from forum.models import MAX_BODY_LENGTH, Post
from moderation.models import CaseReason
from moderation.services import decide_case, open_case
from peersupport.accounts.adapter import AccountAdapter
from tests.factories import BoardFactory, UserFactory, make_thread
from tests.moderation.case_helpers import make_moderator

pytestmark = pytest.mark.urls("tests.urls_errors")

HARSH_WORDS = re.compile(
    r"\b(error|errors|rejected|violation|invalid|failed|forbidden)\b", re.IGNORECASE
)
HEAD = re.compile(r"<head\b.*?</head>", re.DOTALL | re.IGNORECASE)
HIDDEN_CODE = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")


def visible_text(response):
    """What a reader sees: the page without its <head>, scripts, tags, ids and classes."""
    page = HEAD.sub(" ", response.content.decode())
    page = HIDDEN_CODE.sub(" ", page)
    return " ".join(html.unescape(TAG.sub(" ", page)).split())


def assert_kind(response, status, expected):
    assert response.status_code == status
    text = visible_text(response)
    assert expected in text
    assert not HARSH_WORDS.search(text), HARSH_WORDS.findall(text)


@pytest.fixture
def board(db):
    return BoardFactory(slug="feeling-low", name="Feeling low")


@pytest.fixture
def thread(board):
    return make_thread(board=board, title="A heavy week", body="Some words to reply to.")


def test_home_board_and_thread(member_client, thread):
    assert_kind(member_client.get("/"), 200, "A heavy week")
    assert_kind(member_client.get(f"/boards/{thread.board.slug}/"), 200, "A heavy week")
    assert_kind(member_client.get(f"/threads/{thread.pk}/"), 200, "Some words to reply to.")


def test_new_thread_with_nothing_filled_in(member_client, board):
    response = member_client.post(
        f"/boards/{board.slug}/new/", {"title": "", "body": "", "content_warning": ""}
    )
    assert_kind(response, 200, "Please give your thread a title.")


def test_reply_that_is_too_long(member_client, thread):
    response = member_client.post(
        f"/threads/{thread.pk}/reply/", {"body": "a" * (MAX_BODY_LENGTH + 1)}
    )
    assert_kind(response, 200, "Please shorten it")
    assert Post.objects.count() == 1


def test_sign_up_with_every_field_wrong(client, db):
    UserFactory(username="TakenName")
    response = client.post(
        "/accounts/signup/",
        {
            "username": "admin",
            "email": "not an email",
            "password1": "short",
            "password2": "different",
        },
    )
    assert_kind(response, 200, "I am 13 or over")
    assert "Enter a valid email address." in visible_text(response)


def test_sign_in_with_the_wrong_password(client, member):
    response = client.post(
        "/accounts/login/", {"login": member.username, "password": "not the password"}
    )
    assert_kind(response, 200, "We could not sign you in with those details. Please check them")


def test_password_reset(client, db):
    assert_kind(client.get("/accounts/password/reset/"), 200, "Forgotten your password?")
    response = client.post("/accounts/password/reset/", {"email": "not an email"})
    assert_kind(response, 200, "Enter a valid email address.")


def test_password_reset_link_that_was_already_used(client, member):
    response = client.get("/accounts/password/reset/key/1-set-password/", follow=True)
    assert_kind(response, 200, "This one has expired or was already used.")


def test_email_confirmation_link_that_has_expired(client, db):
    response = client.get("/accounts/confirm-email/not-a-real-key/")
    assert_kind(response, 200, "ask for a new confirmation email")


def test_account_messages_are_kind():
    messages = [str(message) for message in AccountAdapter.error_messages.values()]
    assert "That password reset link has expired or was already used." in " ".join(messages)
    assert not HARSH_WORDS.search(" ".join(messages))


def test_settings_with_bad_input(member_client):
    response = member_client.post(
        "/settings/", {"region": "the-moon", "bio": "x" * 1000, "warning_abuse": "shout"}
    )
    assert_kind(response, 200, "Select a valid choice.")


def test_flag_without_a_reason(member_client, thread):
    response = member_client.post(
        f"/posts/{thread.opening_post.pk}/flag/", {"reason": "", "note": ""}
    )
    assert_kind(response, 200, "Please choose what worries you about this post.")


def test_error_pages(member_client, db):
    assert_kind(member_client.get("/test-errors/403/"), 403, "This page is not open to you")
    assert_kind(member_client.get("/no-such-page/"), 404, "We could not find that page")
    assert_kind(member_client.get("/test-errors/400/"), 400, "we could not understand that")


def test_csrf_failure(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/settings/", {"region": "uk", "bio": ""})
    assert_kind(response, 403, "Please try that again")


def test_suspended_member_posting_page(member_client, member, board):
    member.posting_suspended_until = timezone.now() + datetime.timedelta(days=2)
    member.save()
    response = member_client.get(f"/boards/{board.slug}/new/")
    assert_kind(response, 403, "A moderator has paused your posting until")


def test_held_post_page(member_client, board):
    response = member_client.post(
        f"/boards/{board.slug}/new/",
        {"title": "Tonight", "body": "I want to end my life.", "content_warning": ""},
        follow=True,
    )
    assert_kind(response, 200, "Thank you for telling us")
    assert 'id="crisis-panel"' in response.content.decode()


def test_notifications_with_a_moderation_notice(member_client, member, thread):
    post = make_thread(author=member, board=thread.board, body="Something unkind.").opening_post
    case = open_case(post=post, reasons=[CaseReason.FLAGGED])
    decide_case(
        case=case, moderator=make_moderator(), action="hide", reason="it could upset people"
    )
    response = member_client.get("/notifications/")
    assert_kind(response, 200, "it could upset people")
