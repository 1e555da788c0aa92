"""Acting through another member's ids: one member (B) tries to read or change what
belongs to another (A) by typing its id into a URL. Each attempt is refused (403 for
what B may see, 404 for what B may not know exists) and nothing changes."""

import pytest

from forum import services as forum_services
from forum.following import follow_thread
from forum.models import (
    Mute,
    MuteDuration,
    Notification,
    Post,
    PostStatus,
    Reaction,
    Revision,
    Subscription,
)
from forum.notifications import notify_member
from forum.services import mute_member, toggle_reaction
from moderation.audit import record
from moderation.models import ActionKind, Appeal, Case, Flag, ModerationAction, StaffNote
from moderation.services import open_case
from peersupport.accounts.models import User
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread
from tests.moderation.case_helpers import make_moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(db):
    return UserFactory(username="AuthorAsh")


@pytest.fixture
def thread(writer):
    return make_thread(author=writer, board=BoardFactory(slug="talk"), body="Words of A")


@pytest.fixture
def other(client):
    member = UserFactory(username="OtherBirch")
    client.force_login(member)
    return member


def post_with_status(thread, writer, status):
    post = make_reply(thread, author=writer, body="A's own reply")
    if status != PostStatus.PUBLISHED:
        post = forum_services.set_post_status(post=post, status=status)
    return post


def snapshot(post):
    post = Post.objects.get(pk=post.pk)
    return (post.body, post.status, post.is_tombstone, post.edited_at, post.revisions.count())


@pytest.mark.parametrize(
    ("status", "expected"),
    [(PostStatus.PUBLISHED, 403), (PostStatus.HELD, 404), (PostStatus.HIDDEN, 404)],
)
@pytest.mark.parametrize("action", ["edit", "delete"])
def test_another_members_post_cannot_be_edited_or_deleted(
    client, other, thread, writer, status, expected, action
):
    post = post_with_status(thread, writer, status)
    before = snapshot(post)
    url = f"/posts/{post.pk}/{action}/"
    assert client.get(url).status_code == expected
    response = client.post(url, {"body": "hijacked", "content_warning": "", "post_anyway": "on"})
    assert response.status_code == expected
    assert 'id="crisis-support"' in response.content.decode()
    assert snapshot(post) == before
    assert not Revision.objects.exists()


def test_another_members_waiting_page_is_not_found(client, other, thread, writer):
    held = post_with_status(thread, writer, PostStatus.HELD)
    assert client.get(f"/posts/{held.pk}/waiting/").status_code == 404


def test_a_moderator_cannot_edit_a_members_post_through_the_members_edit_page(client, thread):
    # Moderators change a member's words only through a case's "edit" decision, which
    # keeps the revision and writes the audit row (tests/moderation/test_decisions.py).
    client.force_login(make_moderator())
    post = thread.opening_post
    before = snapshot(post)
    for action in ("edit", "delete"):
        assert client.get(f"/posts/{post.pk}/{action}/").status_code == 403
        response = client.post(f"/posts/{post.pk}/{action}/", {"body": "moderated"})
        assert response.status_code == 403
    assert snapshot(post) == before
    assert not ModerationAction.objects.exists()


@pytest.mark.parametrize("status", [PostStatus.HELD, PostStatus.HIDDEN])
def test_a_post_the_member_cannot_see_cannot_be_flagged(client, other, thread, writer, status):
    post = post_with_status(thread, writer, status)
    assert client.get(f"/posts/{post.pk}/flag/").status_code == 404
    assert client.post(f"/posts/{post.pk}/flag/", {"reason": "spam"}).status_code == 404
    assert not Flag.objects.exists() and not Case.objects.exists()


def test_a_reply_in_a_hidden_thread_cannot_be_flagged(client, other, thread, writer):
    post = make_reply(thread, author=writer)
    forum_services.set_post_status(post=thread.opening_post, status=PostStatus.HIDDEN)
    assert client.post(f"/posts/{post.pk}/flag/", {"reason": "spam"}).status_code == 404
    assert not Flag.objects.exists() and not Case.objects.exists()


@pytest.mark.parametrize("status", [PostStatus.HELD, PostStatus.HIDDEN])
def test_a_post_the_member_cannot_see_cannot_be_reacted_to_or_replied_to(
    client, other, thread, writer, status
):
    post = post_with_status(thread, writer, status)
    assert client.post(f"/posts/{post.pk}/react/", {"kind": "hug"}).status_code == 404
    assert client.post(f"/posts/{post.pk}/reply/", {"body": "hello"}).status_code == 404
    assert not Reaction.objects.exists()
    assert not Post.objects.filter(author=other).exists()


def test_reacting_changes_only_the_members_own_reaction(client, other, thread, writer):
    post = thread.opening_post
    friend = UserFactory(username="FriendFir")
    toggle_reaction(member=friend, post=post, kind="hug")
    client.post(f"/posts/{post.pk}/react/", {"kind": "hug"})
    assert set(Reaction.objects.values_list("member__username", flat=True)) == {
        "FriendFir",
        "OtherBirch",
    }
    client.post(f"/posts/{post.pk}/react/", {"kind": "hug"})  # toggles B's off
    assert list(Reaction.objects.values_list("member__username", flat=True)) == ["FriendFir"]


def test_marking_notifications_read_touches_only_the_members_own(client, other, writer, thread):
    theirs = notify_member(recipient=writer, message="A kind word for A", post=thread.opening_post)
    mine = notify_member(recipient=other, message="A kind word for B")
    assert client.post("/notifications/read/").status_code == 302
    assert Notification.objects.get(pk=mine.pk).read_at is not None
    assert Notification.objects.get(pk=theirs.pk).read_at is None
    page = client.get("/notifications/").content.decode()
    assert "A kind word for A" not in page


def test_unfollowing_touches_only_the_members_own_subscription(client, other, writer, thread):
    assert Subscription.objects.filter(member=writer, thread=thread).exists()
    follow_thread(member=other, thread=thread)
    client.post(f"/threads/{thread.pk}/unfollow/")
    assert Subscription.objects.filter(member=writer, thread=thread).exists()
    assert not Subscription.objects.filter(member=other, thread=thread).exists()


def test_a_thread_the_member_cannot_see_cannot_be_followed(client, other, writer, thread):
    forum_services.set_post_status(post=thread.opening_post, status=PostStatus.HELD)
    assert client.post(f"/threads/{thread.pk}/follow/").status_code == 404
    assert not Subscription.objects.filter(member=other).exists()


def test_unmuting_touches_only_the_members_own_mute(client, other, writer):
    loud = UserFactory(username="LoudLarch")
    mute_member(muter=writer, muted=loud, duration=MuteDuration.ALWAYS)
    assert client.post("/members/LoudLarch/unmute/").status_code == 302
    assert Mute.objects.filter(muter=writer, muted=loud).exists()


def test_closing_another_members_thread_is_refused(client, other, thread):
    assert client.post(f"/threads/{thread.pk}/close/").status_code == 403
    thread.refresh_from_db()
    assert not thread.is_closed


# Moderation records through their ids, as a member.


@pytest.fixture
def case(writer, thread):
    return open_case(post=thread.opening_post, reasons=["flagged"])


def test_a_case_cannot_be_decided_by_a_member(client, other, case):
    audit_rows = ModerationAction.objects.count()
    for data in ({"action": "hide", "reason": "x"}, {"action": "approve", "reason": "x"}):
        assert client.post(f"/moderation/cases/{case.pk}/", data).status_code == 403
    reassign = client.post(f"/moderation/cases/{case.pk}/reassign/", {"username": "OtherBirch"})
    assert reassign.status_code == 403
    case.refresh_from_db()
    assert (case.status, case.claimed_by_id, case.post.status) == ("open", None, "published")
    assert ModerationAction.objects.count() == audit_rows


def test_the_writer_cannot_decide_their_own_case(client, writer, case):
    client.force_login(writer)
    response = client.post(f"/moderation/cases/{case.pk}/", {"action": "approve", "reason": "x"})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == "open"


def test_another_members_appeal_is_not_found_and_cannot_be_made(client, other, writer, case):
    decision = record(
        actor=None, action=ActionKind.HIDE, target=case.post, case=case, member=writer
    )
    url = f"/moderation/appeal/{decision.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"text": "Please look again"}).status_code == 404
    assert not Appeal.objects.exists()


@pytest.mark.parametrize("who", ["other", "writer"])
def test_staff_notes_cannot_be_read_or_written_by_a_member(client, other, writer, who):
    StaffNote.objects.create(member=writer, author=make_moderator(), text="Private note")
    client.force_login(
        User.objects.get(username={"other": "OtherBirch", "writer": "AuthorAsh"}[who])
    )
    url = f"/moderation/members/{writer.username}/"
    response = client.get(url)
    assert response.status_code == 403
    assert "Private note" not in response.content.decode()
    assert client.post(url, {"text": "My own note"}).status_code == 403
    assert StaffNote.objects.count() == 1
