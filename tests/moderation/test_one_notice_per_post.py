"""A post held and then approved leaves its writer one notice from the moderators,
brought up to date at each step, not a new near-identical one per step."""

import pytest

from forum.models import Notification, NotificationKind, Post
from moderation.models import Case
from tests.factories import BoardFactory, UserFactory

from .case_helpers import make_moderator

pytestmark = pytest.mark.django_db


def test_held_then_approved_leaves_one_notice_that_says_the_latest(client, settings):
    settings.PREMODERATION_FIRST_POSTS = 1
    writer = UserFactory()
    board = BoardFactory()
    client.force_login(writer)
    client.post(
        f"/boards/{board.slug}/new/",
        {"title": "Results day", "body": "Got a B in maths!!", "content_warning": ""},
    )
    post = Post.objects.get(author=writer)
    notices = Notification.objects.filter(recipient=writer, kind=NotificationKind.MODERATION)
    assert notices.count() == 1
    held = notices.get()
    held.read_at = held.created_at
    held.save(update_fields=["read_at"])

    client.force_login(make_moderator())
    case = Case.objects.get(post=post)
    client.post(f"/moderation/cases/{case.pk}/", {"action": "approve", "reason": ""})
    assert notices.count() == 1
    approved = notices.get()
    assert approved.message != held.message
    assert approved.read_at is None  # news again
    assert approved.message.count("crisis support services") == 1
