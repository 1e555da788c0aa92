"""A writer cannot slip unread words past pre-moderation by editing a post once it is
approved: in a pre-moderated board, or inside a member's first pre-moderated posts, the
edited post is held again, with its new words, until a moderator approves them."""

import pytest
from django.test import Client

from forum.models import Post, PostStatus
from moderation.models import Case, CaseReason
from tests.factories import BoardFactory, UserFactory
from tests.moderation.case_helpers import make_moderator

pytestmark = pytest.mark.django_db

APPROVED = "Today was a bit better."
EDITED = "Actually, come and talk to me somewhere else where the mods cannot see."


@pytest.fixture
def moderator_client():
    client = Client()
    client.force_login(make_moderator())
    return client


@pytest.fixture
def reader_client(db):
    client = Client()
    client.force_login(UserFactory(username="QuietReader"))
    return client


def start_thread(client, board, body=APPROVED):
    client.post(f"/boards/{board.slug}/new/", {"title": "My week", "body": body})
    return Post.objects.filter(thread__board=board).latest("pk")


def approve(moderator_client, post):
    case = Case.objects.open().get(post=post)
    response = moderator_client.post(f"/moderation/cases/{case.pk}/", {"action": "approve"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED


def edit(client, post, body=EDITED):
    return client.post(f"/posts/{post.pk}/edit/", {"body": body})


def assert_waits_again(response, post, member_client, reader_client):
    post.refresh_from_db()
    assert post.status == PostStatus.HELD
    assert post.body == EDITED
    # Nothing is lost: the approved words are kept as a revision.
    assert post.revisions.get().body == APPROVED
    case = Case.objects.open().get(post=post)
    assert CaseReason.PREMODERATION in case.reasons
    # The writer is told their post waits for a moderator.
    assert response["Location"] == f"/posts/{post.pk}/waiting/"
    waiting = member_client.get(response["Location"]).content.decode()
    assert "Your post is waiting for a moderator" in waiting
    # Nobody else reads the unreviewed words.
    page = reader_client.get(f"/threads/{post.thread_id}/")
    assert EDITED not in page.content.decode()
    return case


def test_an_edit_in_a_pre_moderated_board_waits_for_a_moderator_again(
    member_client, moderator_client, reader_client
):
    board = BoardFactory(slug="read-first", is_premoderated=True)
    post = start_thread(member_client, board)
    approve(moderator_client, post)

    response = edit(member_client, post)

    case = assert_waits_again(response, post, member_client, reader_client)
    moderator_client.post(f"/moderation/cases/{case.pk}/", {"action": "approve"})
    assert EDITED in reader_client.get(f"/threads/{post.thread_id}/").content.decode()


def test_an_edited_reply_in_a_pre_moderated_board_waits_too(
    member_client, moderator_client, reader_client
):
    board = BoardFactory(slug="read-first", is_premoderated=True)
    opening = start_thread(moderator_client, board, body="Welcome, everyone.")
    member_client.post(f"/threads/{opening.thread_id}/reply/", {"body": APPROVED})
    post = Post.objects.get(body=APPROVED)
    approve(moderator_client, post)

    response = edit(member_client, post)

    assert_waits_again(response, post, member_client, reader_client)


def test_an_edit_inside_a_members_first_posts_waits_again(
    member_client, moderator_client, reader_client, settings
):
    settings.PREMODERATION_FIRST_POSTS = 3
    post = start_thread(member_client, BoardFactory(slug="feeling-low"))
    approve(moderator_client, post)

    response = edit(member_client, post)

    assert_waits_again(response, post, member_client, reader_client)


def test_a_member_past_pre_moderation_edits_an_ordinary_board_at_once(member_client, reader_client):
    post = start_thread(member_client, BoardFactory(slug="feeling-low"))

    response = edit(member_client, post)

    post.refresh_from_db()
    assert (post.status, post.body) == (PostStatus.PUBLISHED, EDITED)
    assert response["Location"] == f"/threads/{post.thread_id}/"
    assert not Case.objects.exists()


def test_a_moderators_own_edit_in_a_pre_moderated_board_is_not_held(moderator_client):
    post = start_thread(moderator_client, BoardFactory(slug="read-first", is_premoderated=True))

    edit(moderator_client, post)

    post.refresh_from_db()
    assert (post.status, post.body) == (PostStatus.PUBLISHED, EDITED)
