"""What home says when a list is empty is true: of the whole forum outside quiet mode,
of the boards a member follows in quiet mode, and of a forum with no threads at all."""

import pytest

from forum.models import BoardFollow
from tests.factories import BoardFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db

EVERY_THREAD_ANSWERED = "Every thread has a reply at the moment."
NO_THREADS = "No threads yet."


@pytest.fixture
def busy_forum():
    """A board with an unanswered thread and an answered one."""
    board = BoardFactory(name="Feeling low", slug="feeling-low")
    make_thread(board=board, title="Nobody has answered me")
    make_reply(make_thread(board=board, title="Someone answered me"))
    return board


@pytest.fixture
def quiet_member(member):
    member.quiet_mode = True
    member.save()
    return member


def _sections(client):
    page = client.get("/").content.decode()
    unanswered = page[page.index('id="unanswered"') : page.index('id="recent"')]
    recent = page[page.index('id="recent"') : page.index("</main>")]
    return unanswered, recent


def test_a_forum_with_no_threads_does_not_say_every_thread_has_a_reply(reader_client):
    BoardFactory()
    unanswered, recent = _sections(reader_client)
    assert EVERY_THREAD_ANSWERED not in unanswered
    assert "There are no threads yet, so nobody is waiting for a reply." in unanswered
    assert NO_THREADS in recent


def test_every_thread_has_a_reply_only_when_it_is_so(reader_client):
    make_reply(make_thread(title="Answered"))
    unanswered, recent = _sections(reader_client)
    assert EVERY_THREAD_ANSWERED in unanswered
    assert NO_THREADS not in recent and "Answered" in recent


def test_quiet_mode_with_quiet_followed_boards_speaks_of_those_boards(
    member_client, quiet_member, busy_forum
):
    followed = BoardFactory(name="Good things", slug="good-things")
    BoardFollow.objects.create(board=followed, member=quiet_member)
    unanswered, recent = _sections(member_client)
    assert EVERY_THREAD_ANSWERED not in unanswered
    assert "Nothing in the boards you follow is waiting for a reply." in unanswered
    assert NO_THREADS not in recent
    assert "There are no threads in the boards you follow yet." in recent


def test_quiet_mode_with_every_followed_thread_answered(member_client, quiet_member):
    followed = BoardFactory(name="Good things", slug="good-things")
    BoardFollow.objects.create(board=followed, member=quiet_member)
    make_reply(make_thread(board=followed, title="A small win"))
    make_thread(title="Unanswered elsewhere")
    unanswered, recent = _sections(member_client)
    assert "Every thread in the boards you follow has a reply at the moment." in unanswered
    assert "A small win" in recent and "Unanswered elsewhere" not in recent


def test_quiet_mode_following_no_board_says_how_threads_will_appear(
    member_client, quiet_member, busy_forum
):
    unanswered, recent = _sections(member_client)
    for section in (unanswered, recent):
        assert EVERY_THREAD_ANSWERED not in section and NO_THREADS not in section
        assert "Once you follow a board" in section
