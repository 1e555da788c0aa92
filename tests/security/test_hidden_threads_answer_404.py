"""Telling "not yours" (403) from "not there" (404) reveals that a thread exists while a
moderator holds or hides it. Every action on a thread a member cannot see, or on a post
inside one, answers exactly as one on an id that was never used: 404, changing nothing."""

import pytest

from forum import services
from forum.models import PostStatus
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread
from tests.security.walker import snapshot

pytestmark = pytest.mark.django_db

MISSING = 999_999
FORM = {"body": "Trying my luck", "kind": "hug", "reason": "spam", "note": ""}

THREAD_ACTIONS = ["/threads/{}/", "/threads/{}/reply/", "/threads/{}/close/"]
THREAD_ACTIONS += ["/threads/{}/follow/", "/threads/{}/unfollow/"]
POST_ACTIONS = ["/posts/{}/", "/posts/{}/reply/", "/posts/{}/edit/", "/posts/{}/delete/"]
POST_ACTIONS += ["/posts/{}/react/", "/posts/{}/flag/"]


@pytest.fixture
def unseen(client):
    """A thread whose opening post waits for a moderator, with a published reply in it,
    and a member who can see neither."""
    writer = UserFactory(username="WriterWillow")
    thread = make_thread(author=writer, board=BoardFactory(slug="talk"))
    reply = make_reply(thread, author=UserFactory(username="ReplierRush"))
    client.force_login(UserFactory(username="LookerLinden"))
    return thread, reply


@pytest.mark.parametrize("status", [PostStatus.HELD, PostStatus.HIDDEN])
@pytest.mark.parametrize("action", THREAD_ACTIONS)
def test_every_action_on_a_thread_out_of_sight_answers_as_a_missing_one(
    client, unseen, status, action
):
    thread, _ = unseen
    services.set_post_status(post=thread.opening_post, status=status)
    before = snapshot()
    for method in (client.get, client.post):
        missing = method(action.format(MISSING), FORM).status_code
        assert missing in (404, 405)
        assert method(action.format(thread.pk), FORM).status_code == missing
    assert snapshot() == before


@pytest.mark.parametrize("status", [PostStatus.HELD, PostStatus.HIDDEN])
@pytest.mark.parametrize("action", POST_ACTIONS)
@pytest.mark.parametrize("which", ["opening post", "reply inside"])
def test_every_action_on_a_post_in_a_thread_out_of_sight_answers_as_a_missing_one(
    client, unseen, status, action, which
):
    thread, reply = unseen
    services.set_post_status(post=thread.opening_post, status=status)
    post = thread.opening_post if which == "opening post" else reply
    before = snapshot()
    for method in (client.get, client.post):
        missing = method(action.format(MISSING), FORM).status_code
        assert missing in (404, 405)
        assert method(action.format(post.pk), FORM).status_code == missing
    assert snapshot() == before


def test_the_writer_of_a_reply_in_a_thread_held_since_can_still_delete_it(client, unseen):
    thread, reply = unseen
    services.set_post_status(post=thread.opening_post, status=PostStatus.HELD)
    client.force_login(reply.author)
    assert client.get(f"/posts/{reply.pk}/delete/").status_code == 200
    client.post(f"/posts/{reply.pk}/delete/")
    reply.refresh_from_db()
    assert reply.status == PostStatus.DELETED
