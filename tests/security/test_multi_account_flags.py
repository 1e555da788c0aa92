"""One person with several accounts cannot hide a post by flagging it from each: flags
from accounts created the same day from the same address count once (the default
threshold of three; tests/moderation/test_flags.py checks the rule at other thresholds)."""

import datetime

import pytest
from django.utils import timezone

from forum.models import PostStatus
from moderation.models import Flag
from tests.factories import UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(db):
    return make_reply(make_thread(), body="Something someone disliked")


def flag_from(client, user, post, ip):
    client.force_login(user)
    return client.post(f"/posts/{post.pk}/flag/", {"reason": "bullying"}, REMOTE_ADDR=ip)


def test_three_accounts_made_today_flagging_from_one_address_do_not_hide_a_post(client, post):
    for account in [UserFactory() for _ in range(3)]:
        assert flag_from(client, account, post, "203.0.113.7").status_code == 302
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert Flag.objects.open().filter(post=post).count() == 3  # a moderator still sees all


def test_three_different_members_flagging_hide_it(client, post):
    members = [
        UserFactory(date_joined=timezone.now() - datetime.timedelta(days=n)) for n in (3, 40, 200)
    ]
    for member, ip in zip(members, ["203.0.113.7", "198.51.100.2", "192.0.2.9"], strict=True):
        flag_from(client, member, post, ip)
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN
