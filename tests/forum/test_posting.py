"""Starting threads, replying, editing and deleting, through the pages a member uses."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from forum import paging
from forum.models import Post, PostStatus, Revision, Thread
from forum.paging import POSTS_PER_PAGE
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return BoardFactory(name="Feeling low", slug="feeling-low")


def test_a_member_starts_a_thread(member_client, member, board):
    response = member_client.post(
        "/boards/feeling-low/new/",
        {"title": "Rough <b>week</b>", "body": "Things are *hard*.", "content_warning": ""},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/threads/{thread.pk}/"
    page = member_client.get(response["Location"]).content.decode()
    assert "Rough &lt;b&gt;week&lt;/b&gt;" in page  # titles are escaped
    assert f'id="post-{thread.opening_post.pk}" data-depth="0"' in page
    assert '<div class="post-body"><p>Things are <em>hard</em>.</p>' in page
    assert thread.author == member


def test_preview_shows_the_rendered_post_and_saves_nothing(member_client, board):
    response = member_client.post(
        "/boards/feeling-low/new/",
        {"title": "Draft", "body": "**bold** words", "preview": "1"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "<strong>bold</strong> words" in content
    assert "It is not posted yet" in content
    assert 'value="Draft"' in content
    assert not Thread.objects.exists()


def test_replies_nest_and_show_in_display_order(member_client, member, board):
    thread = make_thread(board=board, title="Nesting")
    first = make_reply(thread, body="first")
    member_client.post(f"/posts/{first.pk}/reply/", {"body": "answer to first"})
    member_client.post(f"/threads/{thread.pk}/reply/", {"body": "second top-level"})
    answer = Post.objects.get(body="answer to first")
    second = Post.objects.get(body="second top-level")
    assert (answer.parent, answer.depth) == (first, 2)
    assert (second.parent, second.depth) == (thread.opening_post, 1)

    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    order = [page.index(f'id="post-{post.pk}"') for post in (first, answer, second)]
    assert order == sorted(order)
    assert f'id="post-{answer.pk}" data-depth="2"' in page


def test_deep_replies_are_flattened_with_replying_to(member_client, board):
    thread = make_thread(board=board)
    parent = thread.opening_post
    writers = [UserFactory(username=f"Writer{n}") for n in range(6)]
    for writer in writers:
        parent = make_reply(thread, author=writer, parent=parent, body=f"depth {parent.depth + 1}")
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert f'id="post-{parent.pk}" data-depth="6"' in page
    assert "replying to Writer4" in page
    assert 'class="post depth-4' in page
    assert "depth-5" not in page and "depth-6" not in page


def _post_ids(page):
    return [int(pk) for pk in re.findall(r'<article id="post-(\d+)"', page)]


def test_long_threads_come_twenty_posts_a_page_in_display_order(member_client, board):
    thread = make_thread(board=board)
    first = make_reply(thread, author=UserFactory(username="FirstWriter"), body="first")
    answers = [make_reply(thread, parent=first, body=f"answer {n}") for n in range(POSTS_PER_PAGE)]
    later = make_reply(thread, body="a later reply to the thread")
    in_order = [thread.opening_post.pk, first.pk, *(a.pk for a in answers), later.pk]

    first_page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    second_page = member_client.get(f"/threads/{thread.pk}/?page=2").content.decode()
    assert _post_ids(first_page) == in_order[:POSTS_PER_PAGE]
    assert _post_ids(second_page) == in_order[POSTS_PER_PAGE:]
    assert "Page 1 of 2" in first_page and "Page 2 of 2" in second_page
    # The two answers that run on to the next page say whom they answer; the reply to
    # the thread itself needs no such note.
    replying = f'<a href="/posts/{first.pk}/">replying to FirstWriter</a>'
    assert second_page.count(replying) == second_page.count("replying to") == 2
    assert f'id="post-{answers[-1].pk}" data-depth="2"' in second_page
    assert "replying to" not in first_page


def test_a_link_to_a_post_opens_the_page_that_shows_it(member_client, board):
    thread = make_thread(board=board)
    replies = [make_reply(thread, body=f"reply {n}") for n in range(POSTS_PER_PAGE + 1)]
    last = replies[-1]
    response = member_client.get(f"/posts/{last.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/threads/{thread.pk}/?page=2#post-{last.pk}"
    assert f'id="post-{last.pk}"' in member_client.get(response["Location"]).content.decode()
    opening = member_client.get(f"/posts/{thread.opening_post.pk}/")
    assert opening["Location"] == f"/threads/{thread.pk}/#post-{thread.opening_post.pk}"


def test_a_link_to_a_post_the_reader_may_not_see_is_not_found(client, member_client, board):
    thread = make_thread(board=board)
    held = make_reply(thread, body="waiting", status=PostStatus.HELD)
    assert client.get(f"/posts/{held.pk}/").status_code == 404
    assert client.get("/posts/999999/").status_code == 404


def test_the_page_of_a_post_counts_only_what_the_reader_sees(board):
    writer = UserFactory(username="QuietWriter")
    thread = make_thread(board=board)
    make_reply(thread, author=writer, body="held", status=PostStatus.HELD)
    for n in range(POSTS_PER_PAGE - 2):
        make_reply(thread, body=f"reply {n}")
    last = make_reply(thread, body="the last one")
    # Everyone else sees 20 posts, one page; the writer also sees their held post.
    assert paging.page_of(last, AnonymousUser()) == 1
    assert paging.page_of(last, writer) == 2


def test_after_replying_the_writer_lands_on_the_page_with_their_reply(member_client, board):
    thread = make_thread(board=board)
    replies = [make_reply(thread, body=f"reply {n}") for n in range(POSTS_PER_PAGE + 1)]

    # A reply to the thread is its newest post: the last page, named as such.
    response = member_client.post(f"/threads/{thread.pk}/reply/", {"body": "Here for you."})
    reply = Post.objects.get(body="Here for you.")
    assert response["Location"] == f"/threads/{thread.pk}/?page=last#post-{reply.pk}"
    last_page = member_client.get(response["Location"]).content.decode()
    assert f'id="post-{reply.pk}"' in last_page and "Page 2 of 2" in last_page

    # A reply to a post on the first page sits under it, on the first page.
    answer_to = replies[0]
    response = member_client.post(f"/posts/{answer_to.pk}/reply/", {"body": "Me too."})
    answer = Post.objects.get(body="Me too.")
    assert response["Location"] == f"/threads/{thread.pk}/#post-{answer.pk}"
    assert f'id="post-{answer.pk}"' in member_client.get(response["Location"]).content.decode()


def test_an_edit_returns_the_writer_to_their_post_where_it_is(member_client, member, board):
    thread = make_thread(board=board)
    mine = make_reply(thread, author=member, body="first words")
    for n in range(POSTS_PER_PAGE):
        make_reply(thread, body=f"reply {n}")
    response = member_client.post(f"/posts/{mine.pk}/edit/", {"body": "better words"})
    assert response["Location"] == f"/threads/{thread.pk}/#post-{mine.pk}"


def test_a_trailing_slug_is_accepted(member_client, board):
    thread = make_thread(board=board)
    assert member_client.get(f"/threads/{thread.pk}/any-words/").status_code == 200


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"body": ""}, "Your message is empty"),
        ({"body": "   "}, "Your message is empty"),
        ({"body": "x" * 10_001}, "Your message is longer than 10000 characters"),
        ({"body": "hi", "content_warning": "other"}, "say in a few words what the warning"),
        ({"body": "hi", "content_warning": "gore"}, "Select a valid choice"),
    ],
)
def test_bad_replies_get_a_clear_message_and_change_nothing(member_client, board, data, message):
    thread = make_thread(board=board)
    response = member_client.post(f"/threads/{thread.pk}/reply/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert thread.posts.count() == 1


def test_a_thread_needs_a_title(member_client, board):
    response = member_client.post("/boards/feeling-low/new/", {"title": "", "body": "words"})
    assert "Please give your thread a title" in response.content.decode()
    assert not Thread.objects.exists()


def test_a_board_that_does_not_exist(member_client):
    assert member_client.get("/boards/nowhere/new/").status_code == 404
    assert (
        member_client.post("/boards/nowhere/new/", {"title": "t", "body": "b"}).status_code == 404
    )


def test_no_reply_to_a_locked_or_closed_thread(member_client, board):
    thread = make_thread(board=board)
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    response = member_client.post(f"/threads/{thread.pk}/reply/", {"body": "hello"})
    assert "closed to new replies" in response.content.decode()
    assert thread.posts.count() == 1


def test_no_new_thread_in_a_locked_board(member_client, board):
    board.is_locked = True
    board.save()
    response = member_client.post("/boards/feeling-low/new/", {"title": "t", "body": "b"})
    assert "closed to new threads" in response.content.decode()
    assert not Thread.objects.exists()


def test_no_reply_to_a_deleted_post(member_client, board):
    thread = make_thread(board=board)
    reply = make_reply(thread)
    make_reply(thread, parent=reply)
    reply.status = PostStatus.DELETED
    reply.is_tombstone = True
    reply.save()
    response = member_client.post(f"/posts/{reply.pk}/reply/", {"body": "hello"})
    assert "has been removed, so it cannot be answered" in response.content.decode()
    assert thread.posts.count() == 3


def test_the_writer_closes_their_thread(member_client, member, board):
    thread = make_thread(author=member, board=board)
    member_client.post(f"/threads/{thread.pk}/close/")
    thread.refresh_from_db()
    assert thread.is_closed
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert "closed this thread to new replies" in page
    assert f'href="/threads/{thread.pk}/reply/"' not in page


def test_only_the_writer_can_close_a_thread(member_client, board):
    thread = make_thread(board=board)
    assert member_client.post(f"/threads/{thread.pk}/close/").status_code == 403
    thread.refresh_from_db()
    assert not thread.is_closed


def test_editing_keeps_a_revision_and_shows_edited(member_client, member, board):
    thread = make_thread(author=member, board=board, body="first words")
    post = thread.opening_post
    response = member_client.post(
        f"/posts/{post.pk}/edit/", {"body": "better words", "content_warning": "eating"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "better words"
    assert post.content_warning == "eating"
    assert post.edited_at is not None
    revision = Revision.objects.get(post=post)
    assert (revision.body, revision.edited_by) == ("first words", member)
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert "· edited" in page
    assert "first words" not in page


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_members_cannot_change_another_members_post(member_client, board, action):
    thread = make_thread(board=board, body="not yours")
    post = thread.opening_post
    assert member_client.get(f"/posts/{post.pk}/{action}/").status_code == 403
    response = member_client.post(f"/posts/{post.pk}/{action}/", {"body": "hijacked"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert (post.body, post.status) == ("not yours", PostStatus.PUBLISHED)


def test_deleting_a_post_with_replies_leaves_a_tombstone(member_client, member, board):
    thread = make_thread(board=board)
    mine = make_reply(thread, author=member, body="my secret words")
    answer = make_reply(thread, parent=mine, body="an answer")
    member_client.post(f"/posts/{mine.pk}/delete/")
    mine.refresh_from_db()
    assert (mine.status, mine.is_tombstone) == (PostStatus.DELETED, True)
    assert mine.body == "my secret words"  # kept for the moderators
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert "This post was deleted by its writer." in page
    assert "my secret words" not in page
    assert f'id="post-{answer.pk}"' in page


def test_deleting_a_post_without_replies_removes_it_from_view(member_client, member, board):
    thread = make_thread(board=board)
    mine = make_reply(thread, author=member, body="gone soon")
    member_client.post(f"/posts/{mine.pk}/delete/")
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert f'id="post-{mine.pk}"' not in page
    thread.refresh_from_db()
    assert thread.reply_count == 0


def test_visitors_are_asked_to_sign_in_to_post(client, board):
    thread = make_thread(board=board)
    response = client.get(f"/threads/{thread.pk}/reply/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.post("/boards/feeling-low/new/", {"title": "t", "body": "b"}).status_code == 302
    assert Thread.objects.count() == 1


def test_home_shows_recent_and_unanswered_threads(member_client, board):
    answered = make_thread(board=board, title="Answered one")
    make_reply(answered)
    make_thread(board=board, title="Waiting one")
    page = member_client.get("/").content.decode()
    unanswered = page[page.index('id="unanswered"') : page.index('id="recent"')]
    recent = page[page.index('id="recent"') :]
    assert "Waiting one" in unanswered and "Answered one" not in unanswered
    assert "Waiting one" in recent and "Answered one" in recent


def test_content_warnings_fold_the_post_away(member_client, board):
    thread = make_thread(board=board, body="hard words", content_warning="self-harm")
    other = make_reply(thread, body="x", content_warning="other", content_warning_text="Exams")
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert "<summary>Content warning: Self-harm" in page
    assert "<summary>Content warning: Exams" in page
    assert page.index("<details") < page.index("hard words")
    assert f'id="post-{other.pk}"' in page


@pytest.mark.parametrize(
    ("moment", "iso"),
    [
        (datetime.datetime(2026, 1, 5, 9, 3, tzinfo=datetime.UTC), "2026-01-05T09:03+00:00"),
        # BST, 1 August; the seconds never reach the page (test_timestamps_to_the_minute).
        (
            datetime.datetime(2026, 7, 31, 23, 30, 15, 120, tzinfo=datetime.UTC),
            "2026-08-01T00:30+01:00",
        ),
    ],
)
def test_a_time_in_the_markup_is_local_and_to_the_minute(moment, iso):
    written = Template("""{% load moments %}{{ moment|to_the_minute }}""")
    assert written.render(Context({"moment": moment})) == iso
