"""Who sees a held, hidden or deleted post: one rule, used by every page."""

import pytest
from django.contrib.auth.models import Group

from forum import services
from forum.drafts import Draft
from forum.models import Post, PostStatus, Thread
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _visitors_may_read(settings):
    # What a visitor sees matters where a deployment lets visitors read.
    settings.PUBLIC_READING = True


@pytest.fixture
def people():
    moderator = UserFactory(username="KindModerator")
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    return {
        "author": UserFactory(username="TheWriter"),
        "member": UserFactory(username="AnotherMember"),
        "moderator": moderator,
    }


def _post_in_state(author, state):
    thread = make_thread(board=BoardFactory(slug="talk"), title="Open thread")
    post = make_reply(thread, author=author, body=f"the {state} words")
    if state == "deleted":
        make_reply(thread, parent=post, body="an answer keeps the tombstone")
        Post.objects.filter(pk=post.pk).update(status=PostStatus.DELETED, is_tombstone=True)
    else:
        Post.objects.filter(pk=post.pk).update(status=state)
    return thread, post


# What each viewer sees of the post's text, and whether the post appears at all.
EXPECTED = {
    # state: {viewer: (appears, text shown)}
    "held": {
        "visitor": (False, False),
        "member": (False, False),
        "author": (True, True),
        "moderator": (True, True),
    },
    "hidden": {
        "visitor": (False, False),
        "member": (False, False),
        "author": (True, True),
        "moderator": (True, True),
    },
    "deleted": {
        "visitor": (True, False),
        "member": (True, False),
        "author": (True, False),
        "moderator": (True, True),
    },
}


@pytest.mark.parametrize("state", EXPECTED)
@pytest.mark.parametrize("viewer", ["visitor", "member", "author", "moderator"])
def test_thread_page_shows_each_post_state_to_the_right_people(client, people, state, viewer):
    thread, post = _post_in_state(people["author"], state)
    if viewer != "visitor":
        client.force_login(people[viewer])
    page = client.get(f"/threads/{thread.pk}/").content.decode()
    appears, text_shown = EXPECTED[state][viewer]
    assert (f'id="post-{post.pk}"' in page) is appears
    assert (f"the {state} words" in page) is text_shown
    assert Post.objects.visible_to(_user(client, people, viewer)).filter(pk=post.pk).exists() is (
        appears
    )


def _user(client, people, viewer):
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser() if viewer == "visitor" else people[viewer]


def test_the_writer_sees_their_held_post_marked_waiting(client, people):
    thread, _ = _post_in_state(people["author"], "held")
    client.force_login(people["author"])
    page = client.get(f"/threads/{thread.pk}/").content.decode()
    assert "Waiting for a moderator" in page


@pytest.mark.parametrize("viewer", ["visitor", "member"])
def test_a_thread_whose_opening_post_is_held_is_not_listed_or_shown(client, people, viewer):
    thread = make_thread(author=people["author"], board=BoardFactory(slug="talk"), title="Held one")
    services.set_post_status(post=thread.opening_post, status=PostStatus.HELD)
    if viewer == "member":
        client.force_login(people["member"])
    assert client.get(f"/threads/{thread.pk}/").status_code == 404
    assert "Held one" not in client.get("/").content.decode()
    assert "Held one" not in client.get("/boards/talk/").content.decode()
    assert client.get(f"/threads/{thread.pk}/reply/").status_code in {302, 404}


def test_the_writer_and_moderators_still_find_a_held_thread(client, people):
    thread = make_thread(author=people["author"], board=BoardFactory(slug="talk"), title="Held one")
    services.set_post_status(post=thread.opening_post, status=PostStatus.HELD)
    for viewer in ("author", "moderator"):
        client.force_login(people[viewer])
        assert client.get(f"/threads/{thread.pk}/").status_code == 200
        assert Thread.objects.visible_to(people[viewer]).filter(pk=thread.pk).exists()


def test_no_one_can_reply_to_a_post_they_cannot_see(client, people):
    thread, post = _post_in_state(people["author"], "hidden")
    client.force_login(people["member"])
    assert client.post(f"/posts/{post.pk}/reply/", {"body": "hello"}).status_code == 404
    assert thread.posts.count() == 2


def test_moderators_see_a_posts_earlier_versions_and_members_do_not(client, people):
    from forum import services

    thread = make_thread(author=people["author"], board=BoardFactory(slug="talk"))
    services.edit_post(
        post=thread.opening_post, editor=people["author"], draft=Draft(body="new words")
    )
    client.force_login(people["moderator"])
    page = client.get(f"/threads/{thread.pk}/").content.decode()
    assert "Earlier versions (moderators only)" in page
    assert "Opening words" in page
    client.force_login(people["member"])
    page = client.get(f"/threads/{thread.pk}/").content.decode()
    assert "Earlier versions" not in page
    assert "Opening words" not in page


def test_replies_in_a_hidden_thread_cannot_be_answered_or_reacted_to(client, people):
    thread = make_thread(author=people["author"], board=BoardFactory(slug="talk"))
    reply = make_reply(thread, body="still published")
    services.set_post_status(post=thread.opening_post, status=PostStatus.HIDDEN)
    client.force_login(people["member"])
    assert client.post(f"/posts/{reply.pk}/reply/", {"body": "hello"}).status_code == 404
    assert client.post(f"/posts/{reply.pk}/react/", {"kind": "hug"}).status_code == 404
    assert thread.posts.count() == 2
    assert not reply.reactions.exists()


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_another_members_held_post_is_not_found_rather_than_forbidden(client, people, action):
    _, post = _post_in_state(people["author"], "held")
    client.force_login(people["member"])
    assert client.get(f"/posts/{post.pk}/{action}/").status_code == 404
    assert client.post(f"/posts/{post.pk}/{action}/", {"body": "x"}).status_code == 404
    post.refresh_from_db()
    assert (post.body, post.status) == ("the held words", PostStatus.HELD)
