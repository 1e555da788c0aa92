"""A deleted post must not keep pointing at its writer: someone who deleted what they
wrote (often because it said too much) is not named beside it anywhere another member
looks. Every page that mentions a deleted post says "a deleted post", never its writer."""

import pytest

from forum import services
from forum.models import Notification
from tests.factories import BoardFactory, UserFactory, make_committed_reply, make_reply, make_thread

pytestmark = pytest.mark.django_db

GONE = "GoneGarnet"


@pytest.fixture
def gone():
    return UserFactory(username=GONE)


@pytest.fixture
def reader(client):
    member = UserFactory(username="ReaderRowan")
    client.force_login(member)
    return member


@pytest.fixture
def chain(gone):
    """Replies nested past the readable depth, the one at depth 4 by GONE, then
    deleted: it stays as a tombstone, as its answer keeps it in place."""
    thread = make_thread(board=BoardFactory(slug="talk"), title="Nested talk")
    parent = thread.opening_post
    posts = []
    for depth in range(1, 6):
        parent = make_reply(thread, author=gone if depth == 4 else None, parent=parent)
        posts.append(parent)
    deleted = services.delete_post(post=posts[3])
    assert deleted.is_tombstone
    return thread, deleted, posts[4]


def test_a_flattened_reply_to_a_deleted_post_does_not_name_its_writer(client, reader, chain):
    thread, _, answer = chain
    page = client.get(f"/threads/{thread.pk}/").content.decode()
    assert f'id="post-{answer.pk}"' in page
    assert GONE not in page
    assert "replying to a deleted post" in page


def test_a_reply_whose_deleted_parent_is_on_an_earlier_page_does_not_name_its_writer(
    client, reader, gone
):
    thread = make_thread(board=BoardFactory(slug="talk"))
    parent = make_reply(thread, author=gone)
    answers = [make_reply(thread, parent=parent) for _ in range(25)]
    services.delete_post(post=parent)
    page = client.get(f"/threads/{thread.pk}/?page=2").content.decode()
    assert f'id="post-{answers[-1].pk}"' in page
    assert GONE not in page
    assert "replying to a deleted post" in page


def test_a_thread_whose_opening_post_is_deleted_is_listed_without_its_writer(client, reader, gone):
    thread = make_thread(author=gone, board=BoardFactory(slug="talk"), title="Left behind")
    services.delete_post(post=thread.opening_post)
    for address in ("/", "/boards/talk/"):
        page = client.get(address).content.decode()
        assert "Left behind" in page
        assert GONE not in page


def test_the_reply_and_flag_pages_of_a_deleted_post_show_neither_writer_nor_words(
    client, reader, chain
):
    _, deleted, _ = chain
    for address in (f"/posts/{deleted.pk}/reply/", f"/posts/{deleted.pk}/flag/"):
        response = client.get(address)
        page = response.content.decode()
        assert GONE not in page, address
        assert deleted.body not in page, address


def test_replying_to_a_thread_whose_opening_post_is_deleted_does_not_show_its_words(
    client, reader, gone
):
    thread = make_thread(author=gone, board=BoardFactory(slug="talk"), body="Words I took back")
    services.delete_post(post=thread.opening_post)
    page = client.get(f"/threads/{thread.pk}/reply/").content.decode()
    assert "Words I took back" not in page
    assert GONE not in page


def test_a_notification_about_a_reply_since_deleted_does_not_name_its_writer(client, reader, gone):
    thread = make_thread(author=reader, board=BoardFactory(slug="talk"))
    reply = make_committed_reply(thread, author=gone)
    make_reply(thread, parent=reply)
    assert Notification.objects.filter(recipient=reader, post=reply).exists()
    services.delete_post(post=reply)
    page = client.get("/notifications/").content.decode()
    assert GONE not in page


def test_search_never_finds_a_deleted_post_or_its_writer(client, reader, chain):
    _, deleted, _ = chain
    page = client.get("/search/", {"q": "kind reply"}).content.decode()
    assert "Posts that matched" in page
    assert f"/posts/{deleted.pk}/" not in page
    assert GONE not in page
