"""Every word a member writes for others goes through the screening, not only a post's
body: a thread's title and the words of an "other" content warning, shown above the
post to every reader, are refused, checked or held just as the body would be."""

import pytest

from forum.models import Post, PostStatus, Thread
from moderation.models import Case, CaseReason, Priority
from tests.factories import BoardFactory, make_thread
from tests.test_wording import assert_kind

pytestmark = pytest.mark.django_db

PHONE = "07700 900123"


@pytest.fixture
def board():
    return BoardFactory(slug="feeling-low", name="Feeling low")


@pytest.fixture
def thread(board, member):
    return make_thread(board=board, author=member, title="A hard week", body="Opening words")


def new_thread(client, title="A hard week", body="Today was a bit better.", **extra):
    return client.post("/boards/feeling-low/new/", {"title": title, "body": body, **extra})


def other_warning(text):
    return {"content_warning": "other", "content_warning_text": text}


def test_a_title_telling_others_to_harm_themselves_is_refused(member_client, board):
    response = new_thread(member_client, title="kill yourself")
    assert_kind(response, 200, "Please never tell anyone to hurt themselves.")
    assert not Thread.objects.exists()


def test_a_title_with_a_phone_number_is_checked_first(member_client, board):
    response = new_thread(member_client, title=f"Text me {PHONE}")
    assert PHONE in response.content.decode().split("personal-data-title", 1)[1]
    assert not Thread.objects.exists()


def test_a_crisis_title_is_held_with_help(member_client, board):
    response = new_thread(member_client, title="I want to kill myself tonight")
    post = Post.objects.get()
    assert post.status == PostStatus.HELD
    assert Case.objects.get(post=post).priority == Priority.CRISIS
    assert 'id="crisis-panel"' in member_client.get(response["Location"]).content.decode()


def test_a_warning_telling_others_to_harm_themselves_is_refused(member_client, board):
    response = new_thread(member_client, **other_warning("go kill yourself"))
    assert_kind(response, 200, "Please never tell anyone to hurt themselves.")
    assert not Thread.objects.exists()


def test_a_warning_with_a_phone_number_is_checked_first(member_client, thread):
    response = member_client.post(
        f"/threads/{thread.pk}/reply/", {"body": "A kind reply", **other_warning(f"ring {PHONE}")}
    )
    assert PHONE in response.content.decode().split("personal-data-title", 1)[1]
    assert thread.posts.count() == 1


def test_a_crisis_warning_on_an_edit_is_held_with_help(member_client, thread):
    post = thread.opening_post
    response = member_client.post(
        f"/posts/{post.pk}/edit/",
        {"body": "Opening words", **other_warning("I want to kill myself tonight")},
    )
    post.refresh_from_db()
    assert post.status == PostStatus.HELD
    case = Case.objects.get(post=post)
    assert case.reasons == [CaseReason.CRISIS_LANGUAGE]
    assert 'id="crisis-panel"' in member_client.get(response["Location"]).content.decode()


def test_a_warning_chosen_from_the_list_ignores_leftover_words(member_client, board):
    # Only an "other" warning shows its words; a listed one's leftover text is dropped.
    response = new_thread(
        member_client, content_warning="abuse", content_warning_text="go kill yourself"
    )
    assert response.status_code == 302
    assert Thread.objects.get().opening_post.content_warning_text == ""
