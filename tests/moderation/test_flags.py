"""Flagging a post for a moderator, through the page a member uses."""

import datetime
import re

import pytest
from django.test import override_settings
from django.utils import timezone

from forum import services as forum_services
from forum.models import Notification, PostStatus
from moderation.flag_sources import DEVICE_COOKIE, address_hash
from moderation.models import (
    ActionKind,
    Case,
    CaseReason,
    Flag,
    FlagReason,
    ModerationAction,
    Priority,
)
from moderation.services import flags as flagging
from moderation.services import open_case
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return UserFactory(username="BraveHeron7")


@pytest.fixture
def thread(author):
    return make_thread(author=author, board=BoardFactory(slug="feeling-low"), title="A hard week")


@pytest.fixture
def post(thread, author):
    return make_reply(thread, author=author, body="Nobody would notice if I was gone.")


def flag(client, user, post, reason=FlagReason.SPAM, note="", ip="10.0.0.1"):
    client.force_login(user)
    # Each member flags from a browser of their own: a shared one makes them one person
    # (tests/security/test_flags_count_by_weight.py).
    client.cookies.pop(DEVICE_COOKIE, None)
    return client.post(f"/posts/{post.pk}/flag/", {"reason": reason, "note": note}, REMOTE_ADDR=ip)


def test_the_page_lists_the_reasons_with_safety_first_and_explains_kindly(member_client, post):
    page = member_client.get(f"/posts/{post.pk}/flag/").content.decode()
    radios = re.findall(r'type="radio"[^>]*name="reason" value="([^"]+)"', page)
    assert radios == FlagReason.values
    assert radios[0] == "safety"
    assert "I&#x27;m worried about this person&#x27;s safety" in page
    assert "The writer will not know who flagged." in page
    assert 'If someone is in danger right now, <a href="tel:999">call 999</a>' in page
    assert 'name="note"' in page
    assert "Nobody would notice if I was gone." in page


def test_a_warned_post_stays_folded_on_the_flag_page(member_client, thread):
    warned = make_reply(thread, body="Hard words", content_warning="self-harm")
    page = member_client.get(f"/posts/{warned.pk}/flag/").content.decode()
    assert '<details class="content-warning"><summary>Content warning: Self-harm' in page


def test_a_member_flags_a_post(member_client, member, post, author):
    response = flag(member_client, member, post, FlagReason.SPAM, note="Looks like an advert")
    assert response.status_code == 302
    assert response["Location"] == f"/threads/{post.thread_id}/#post-{post.pk}"
    page = member_client.get(response["Location"]).content.decode()
    assert "Thank you. A moderator will look at this." in page

    saved = Flag.objects.get()
    case = Case.objects.open().get(post=post)
    assert (saved.flagger, saved.reason, saved.note) == (member, "spam", "Looks like an advert")
    assert saved.address_hash == address_hash("10.0.0.1")
    assert saved.case == case
    assert case.reasons == [CaseReason.FLAGGED]
    assert case.priority == Priority.LOW
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED


def test_flagging_writes_one_audit_row_by_the_flagger(member_client, member, post, author):
    flag(member_client, member, post, FlagReason.BULLYING)
    row = ModerationAction.objects.get(action=ActionKind.FLAG)
    assert row.actor == member
    assert row.member == author
    assert row.case == Case.objects.get(post=post)
    assert (row.target_type, row.target_id) == ("forum.Post", str(post.pk))
    assert row.after["reason"] == "bullying"
    assert ModerationAction.objects.filter(action=ActionKind.OPEN_CASE).count() == 1


@pytest.mark.parametrize(
    ("reason", "priority"),
    [
        (FlagReason.SAFETY, Priority.HIGH),
        (FlagReason.RISK_TO_OTHERS, Priority.HIGH),
        (FlagReason.BULLYING, Priority.MEDIUM),
        (FlagReason.PERSONAL_INFO, Priority.MEDIUM),
        (FlagReason.NEEDS_WARNING, Priority.LOW),
        (FlagReason.SPAM, Priority.LOW),
        (FlagReason.OTHER, Priority.LOW),
    ],
)
def test_the_reason_sets_the_case_priority(member_client, member, post, reason, priority):
    flag(member_client, member, post, reason)
    assert Case.objects.get(post=post).priority == priority


def test_a_safety_flag_raises_an_open_case_to_high(client, post):
    flag(client, UserFactory(), post, FlagReason.SPAM)
    assert Case.objects.get(post=post).priority == Priority.LOW
    flag(client, UserFactory(), post, FlagReason.SAFETY, ip="10.0.0.2")
    case = Case.objects.get(post=post)
    assert case.priority == Priority.HIGH
    assert list(Flag.objects.values_list("case", flat=True)) == [case.pk, case.pk]


def test_a_safety_flag_on_a_crisis_case_keeps_it_crisis(member_client, member, post):
    open_case(post=post, reasons=[CaseReason.CRISIS_LANGUAGE])
    flag(member_client, member, post, FlagReason.SAFETY)
    case = Case.objects.get(post=post)
    assert case.priority == Priority.CRISIS
    assert case.reasons == [CaseReason.CRISIS_LANGUAGE, CaseReason.FLAGGED]


def test_one_open_flag_per_member_per_post(member_client, member, post):
    flag(member_client, member, post, FlagReason.SPAM)
    response = flag(member_client, member, post, FlagReason.SAFETY)
    assert response.status_code == 200
    assert "You have already flagged this post" in response.content.decode()
    assert Flag.objects.count() == 1
    assert Case.objects.get(post=post).priority == Priority.LOW
    assert ModerationAction.objects.filter(action=ActionKind.FLAG).count() == 1


def test_a_member_cannot_flag_their_own_post(client, author, post):
    response = flag(client, author, post)
    assert response.status_code == 200
    assert "This is your own post" in response.content.decode()
    assert not Flag.objects.exists()
    assert not Case.objects.exists()
    assert not ModerationAction.objects.exists()


def test_a_deleted_post_cannot_be_flagged(member_client, member, thread, post):
    make_reply(thread, parent=post, body="An answer keeps the tombstone")
    forum_services.delete_post(post=post)
    response = flag(member_client, member, post)
    assert response.status_code == 200
    assert "This post has been deleted" in response.content.decode()
    assert not Flag.objects.exists()


def _flags_today(flagger, count):
    thread = make_thread(title="Many posts")
    for n in range(count):
        reply = make_reply(thread, body=f"post {n}")
        Flag.objects.create(post=reply, flagger=flagger, reason=FlagReason.SPAM)


@override_settings(RATE_LIMITS_ENABLED=True)
def test_flags_are_capped_per_day_when_rate_limits_are_on(member_client, member, post):
    _flags_today(member, flagging.DAILY_FLAG_LIMIT)
    response = flag(member_client, member, post)
    assert response.status_code == 200
    assert "please try again tomorrow" in response.content.decode()
    assert not Flag.objects.filter(post=post).exists()
    assert not Case.objects.exists()


@override_settings(RATE_LIMITS_ENABLED=True)
def test_flags_older_than_a_day_do_not_count_toward_the_cap(member_client, member, post):
    _flags_today(member, flagging.DAILY_FLAG_LIMIT)
    Flag.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    assert flag(member_client, member, post).status_code == 302
    assert Flag.objects.filter(post=post).exists()


def test_flags_are_not_capped_when_rate_limits_are_off(member_client, member, post):
    _flags_today(member, flagging.DAILY_FLAG_LIMIT)
    assert flag(member_client, member, post).status_code == 302
    assert Flag.objects.filter(post=post).exists()


def _settled_member(days):
    member = UserFactory(date_joined=timezone.now() - datetime.timedelta(days=days))
    make_thread(author=member, title="Hello all")
    return member


def _three_flaggers():
    # Weeks-old accounts with posts showing, on different days: clearly three people.
    return [_settled_member(days) for days in (10, 40, 200)]


def test_flags_from_three_members_hide_the_post_by_default(client, post):
    first, second, third = _three_flaggers()
    flag(client, first, post, ip="10.0.0.1")
    flag(client, second, post, ip="10.0.0.2")
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert not ModerationAction.objects.filter(action=ActionKind.AUTO_HIDE).exists()

    flag(client, third, post, ip="10.0.0.3")
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN
    row = ModerationAction.objects.get(action=ActionKind.AUTO_HIDE)
    assert row.actor is None
    assert row.case == Case.objects.open().get(post=post)
    assert (row.before, row.after) == ({"status": "published"}, {"status": "hidden"})
    page = client.get(f"/threads/{post.thread_id}/").content.decode()
    assert f'id="post-{post.pk}"' not in page


@override_settings(FLAG_HIDE_THRESHOLD=2)
def test_the_threshold_is_a_setting(client, post):
    first, second, _ = _three_flaggers()
    flag(client, first, post, ip="10.0.0.1")
    flag(client, second, post, ip="10.0.0.2")
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN
    assert ModerationAction.objects.filter(action=ActionKind.AUTO_HIDE).count() == 1


@override_settings(FLAG_HIDE_THRESHOLD=2)
def test_new_accounts_from_one_address_count_once_and_a_member_elsewhere_makes_two(client, post):
    same_person = [UserFactory(), UserFactory()]
    flag(client, same_person[0], post, ip="10.0.0.9")
    flag(client, same_person[1], post, ip="10.0.0.9")
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert Flag.objects.open().filter(post=post).count() == 2

    flag(client, _settled_member(days=30), post, ip="10.0.0.10")
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN


@override_settings(FLAG_HIDE_THRESHOLD=2)
def test_new_accounts_from_different_addresses_count_as_one_at_most(client, post):
    flag(client, UserFactory(), post, ip="10.0.0.9")
    flag(client, UserFactory(), post, ip="10.0.0.10")
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED


@override_settings(FLAG_HIDE_THRESHOLD=2)
def test_members_sharing_an_address_count_once_toward_hiding(client, post):
    # A family or a school may share one address: their flags all reach a moderator,
    # but they alone cannot hide a post before a moderator has looked.
    first, second, _ = _three_flaggers()
    flag(client, first, post, ip="10.0.0.9")
    flag(client, second, post, ip="10.0.0.9")
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert Flag.objects.open().filter(post=post).count() == 2


@override_settings(FLAG_HIDE_THRESHOLD=2)
def test_an_ipv6_home_counts_as_one_address(client, post):
    first, second, _ = _three_flaggers()
    flag(client, first, post, ip="2001:db8:1:2::a")
    flag(client, second, post, ip="2001:db8:1:2:ffff::b")
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED


@override_settings(FLAG_HIDE_THRESHOLD=1)
def test_a_flagger_whose_flag_hid_the_opening_post_goes_back_to_the_board(
    member_client, member, thread
):
    response = flag(member_client, member, thread.opening_post)
    assert response["Location"] == "/boards/feeling-low/"
    assert "Thank you. A moderator will look at this." in (
        member_client.get(response["Location"]).content.decode()
    )


@override_settings(FLAG_HIDE_THRESHOLD=2)
def test_a_flag_never_notifies_the_author(client, author, post):
    first, second, _ = _three_flaggers()
    flag(client, first, post, FlagReason.SAFETY, ip="10.0.0.1")
    flag(client, second, post, FlagReason.BULLYING, ip="10.0.0.2")
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN
    assert not Notification.objects.filter(recipient=author).exists()


@override_settings(FLAG_HIDE_THRESHOLD=1)
def test_the_authors_view_shows_nothing_about_who_flagged(client, author, post):
    flagger = UserFactory(username="WatchfulWren3")
    flag(client, flagger, post, FlagReason.BULLYING, note="Said by WatchfulWren3's friend")
    client.force_login(author)
    pages = [
        client.get(f"/threads/{post.thread_id}/").content.decode(),
        client.get("/notifications/").content.decode(),
    ]
    assert f'id="post-{post.pk}"' in pages[0]  # the writer still sees their post
    for page in pages:
        assert "WatchfulWren3" not in page
        assert "Bullying" not in page
        assert "flagged" not in page.lower()


def test_the_flag_link_shows_on_other_members_posts_only(client, settings, member, author, post):
    settings.PUBLIC_READING = True  # so that visitors see the thread, without the link
    link = f'href="/posts/{post.pk}/flag/"'
    assert link not in client.get(f"/threads/{post.thread_id}/").content.decode()
    client.force_login(author)
    assert link not in client.get(f"/threads/{post.thread_id}/").content.decode()
    client.force_login(member)
    assert link in client.get(f"/threads/{post.thread_id}/").content.decode()


def test_visitors_are_sent_to_sign_in(client, post):
    for response in (
        client.get(f"/posts/{post.pk}/flag/"),
        client.post(f"/posts/{post.pk}/flag/", {"reason": "spam"}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert not Flag.objects.exists()


def test_a_post_the_member_cannot_read_is_not_found(member_client, thread):
    held = make_reply(thread, body="Waiting", status=PostStatus.HELD)
    assert member_client.get(f"/posts/{held.pk}/flag/").status_code == 404
    assert member_client.post(f"/posts/{held.pk}/flag/", {"reason": "spam"}).status_code == 404
    assert not Flag.objects.exists()


def test_a_reply_in_a_hidden_thread_is_not_found(member_client, thread, post):
    forum_services.set_post_status(post=thread.opening_post, status=PostStatus.HIDDEN)
    assert member_client.get(f"/posts/{post.pk}/flag/").status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"reason": "nonsense"},
        {"reason": ""},
        {"reason": "spam", "note": "x" * 1001},
    ],
)
def test_an_invalid_flag_changes_nothing(member_client, member, post, data):
    response = member_client.post(f"/posts/{post.pk}/flag/", data)
    assert response.status_code == 200
    assert "Please" in response.content.decode()
    assert not Flag.objects.exists()
    assert not Case.objects.exists()
    assert not ModerationAction.objects.exists()


def test_the_service_refuses_a_second_open_flag(member, post):
    flagging.flag_post(flagger=member, post=post, reason=FlagReason.OTHER, note="")
    with pytest.raises(flagging.FlagRefused):
        flagging.flag_post(flagger=member, post=post, reason=FlagReason.OTHER, note="")
    assert Flag.objects.count() == 1
