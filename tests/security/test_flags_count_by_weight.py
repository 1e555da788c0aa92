"""One person cannot hide a post by flagging it from several accounts: flags count
toward hiding by weight (accounts sharing an address or a device count as one person,
and accounts too new or that never posted count as one person at most, all together),
while every flag still reaches the moderators. Addresses and devices are kept hashed."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from forum.models import PostStatus
from moderation.flag_sources import DEVICE_COOKIE, address_hash
from moderation.models import Case, Flag, Priority
from tests.factories import UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db

ONE_ADDRESS = "203.0.113.7"
ADDRESSES = ["203.0.113.7", "198.51.100.2", "192.0.2.9"]


@pytest.fixture
def post(db):
    return make_reply(make_thread(), body="Something someone disliked")


def settled_member(days=40):
    """An account some weeks old that has posts showing: what a real member looks like."""
    member = UserFactory(date_joined=timezone.now() - datetime.timedelta(days=days))
    make_thread(author=member, title="Hello all")
    return member


def flag_from(member, post, ip, client=None, reason="bullying"):
    """Flag as `member` from address `ip`: in a browser of their own unless `client`
    (one browser shared by several accounts) is given."""
    client = client or Client()
    client.force_login(member)
    response = client.post(f"/posts/{post.pk}/flag/", {"reason": reason}, REMOTE_ADDR=ip)
    assert response.status_code == 302
    return client


def assert_still_showing_with_every_flag_open(post, flags):
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    # A moderator still sees every one of them.
    assert Flag.objects.open().filter(post=post).count() == flags
    assert Case.objects.open().filter(post=post).exists()


def test_three_different_members_hide_a_post(post):
    for days, ip in zip((10, 40, 200), ADDRESSES, strict=True):
        flag_from(settled_member(days), post, ip)
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN


def test_accounts_of_different_days_flagging_from_one_address_count_once(post):
    for days in (10, 40, 200):
        flag_from(settled_member(days), post, ONE_ADDRESS)
    assert_still_showing_with_every_flag_open(post, 3)


def test_accounts_flagging_from_one_browser_count_once(post):
    browser = None
    for days, ip in zip((10, 40, 200), ADDRESSES, strict=True):
        browser = flag_from(settled_member(days), post, ip, client=browser)
    assert DEVICE_COOKIE in browser.cookies
    assert_still_showing_with_every_flag_open(post, 3)


def test_accounts_that_never_posted_count_as_one_person_at_most(post):
    for days, ip in zip((10, 40, 200), ADDRESSES, strict=True):
        flag_from(UserFactory(date_joined=timezone.now() - datetime.timedelta(days=days)), post, ip)
    assert_still_showing_with_every_flag_open(post, 3)


def test_accounts_a_day_old_count_as_one_person_at_most(post):
    for ip in ADDRESSES:
        flag_from(settled_member(days=1), post, ip)
    assert_still_showing_with_every_flag_open(post, 3)


def test_new_accounts_together_add_one_to_the_members_flagging(post):
    flag_from(settled_member(40), post, ADDRESSES[0])
    flag_from(settled_member(200), post, ADDRESSES[1])
    flag_from(UserFactory(), post, ADDRESSES[2])
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN


def test_a_new_accounts_worry_about_safety_still_reaches_the_moderators(post):
    flag_from(UserFactory(), post, ONE_ADDRESS, reason="safety")
    case = Case.objects.open().get(post=post)
    assert case.priority == Priority.HIGH


def test_the_address_and_device_are_kept_only_as_keyed_hashes(post):
    browser = flag_from(settled_member(), post, ONE_ADDRESS)
    flag = Flag.objects.get()
    cookie = browser.cookies[DEVICE_COOKIE]
    assert (cookie["httponly"], cookie["secure"], cookie["samesite"]) == (True, True, "Lax")
    device = cookie.value
    assert flag.address_hash == address_hash(ONE_ADDRESS)
    assert ONE_ADDRESS not in flag.address_hash
    assert flag.device_hash and device not in flag.device_hash
    assert not hasattr(flag, "ip_address")
