"""Muted words fold thread titles away on every page a member reads them, as they fold
posts: the title gives way to a neutral label that still links to the thread."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum.models import Notification, NotificationKind
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db

TITLE = "Exam results tomorrow"
FOLDED = "Thread folded away: its title contains a word you muted"


@pytest.fixture
def board():
    return BoardFactory(name="School", slug="school")


@pytest.fixture
def reader(member):
    member.muted_words = "exam"
    member.save()
    return member


@pytest.fixture
def thread(board):
    return make_thread(board=board, title=TITLE, body="Anyone else nervous?")


def _thread_links(page, thread):
    return re.findall(rf'<a class="thread-title" href="/threads/{thread.pk}/">([^<]*)</a>', page)


def test_the_home_page_folds_the_title_in_both_lists(member_client, reader, thread):
    page = member_client.get("/").content.decode()
    assert TITLE not in page
    assert _thread_links(page, thread) == [FOLDED, FOLDED]


def test_a_board_page_folds_the_title_and_still_links_to_it(member_client, reader, thread):
    page = member_client.get("/boards/school/").content.decode()
    assert TITLE not in page
    assert _thread_links(page, thread) == [FOLDED]


def test_the_thread_page_heading_is_folded_with_the_title_a_click_away(
    member_client, reader, thread
):
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert f"<h1>{FOLDED}</h1>" in page
    assert "<title>A conversation · Peer Support</title>" in page
    assert TITLE not in page[: page.index("<summary>")]
    assert re.search(r"<details class=\"folded-title\"><summary>[^<]*</summary>", page)
    assert page.count(TITLE) == 1


def test_the_reply_page_folds_the_title(member_client, reader, thread):
    page = member_client.get(f"/threads/{thread.pk}/reply/").content.decode()
    assert TITLE not in page
    assert FOLDED in page


def test_search_results_fold_the_title_and_an_excerpt_with_the_word(member_client, reader, thread):
    make_reply(thread, body="Good luck with your exam tomorrow, nervous is normal.")
    page = member_client.get("/search/?q=nervous").content.decode()
    assert page.count(f">{FOLDED}</a>") == 2
    assert TITLE not in page
    excerpt = page.index('class="search-excerpt"')
    assert page.rindex("<summary>Post folded away: it contains a word you muted", 0, excerpt) > 0


def test_notifications_fold_the_title(member_client, reader, thread):
    Notification.objects.create(
        recipient=reader,
        kind=NotificationKind.MODERATION,
        thread=thread,
        message="A moderator moved your thread.",
    )
    page = member_client.get("/notifications/").content.decode()
    assert TITLE not in page
    assert f"In “{FOLDED}”" in page


def test_a_members_own_title_is_never_folded_for_them(member_client, reader, board):
    mine = make_thread(author=reader, board=board, title="My exam worries")
    page = member_client.get("/boards/school/").content.decode()
    assert _thread_links(page, mine) == ["My exam worries"]


def test_others_and_visitors_see_the_title(client, thread):
    client.force_login(UserFactory())
    assert _thread_links(client.get("/boards/school/").content.decode(), thread) == [TITLE]


def test_a_word_inside_another_word_does_not_fold(member_client, reader, board):
    other = make_thread(board=board, title="Examples of kind replies")
    page = member_client.get("/boards/school/").content.decode()
    assert _thread_links(page, other) == ["Examples of kind replies"]


@pytest.mark.parametrize("path", ["/", "/boards/school/", "/search/?q=nervous"])
def test_folding_titles_costs_no_query(client, board, path):
    for n in range(3):
        make_thread(board=board, title=f"Exam worry {n}", body="Feeling nervous")
    plain = UserFactory()
    muting = UserFactory(muted_words="exam\nworry")
    counts = []
    for reader in (plain, muting):
        client.force_login(reader)
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        counts.append(len(queries))
    assert counts[0] == counts[1]
