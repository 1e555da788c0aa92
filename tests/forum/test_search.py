"""Searching posts at /search/: what a person may find, how it is ranked and shown."""

import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from forum import search, services
from forum.models import Post, PostStatus, content
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return BoardFactory(name="School and exams", slug="school")


@pytest.fixture
def moderator_client():
    moderator = UserFactory(username="CalmHeron")
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    moderator_client = Client()
    moderator_client.force_login(moderator)
    return moderator_client


def results(response):
    """The ids of the posts listed as results, in order."""
    assert response.status_code == 200
    return [int(pk) for pk in re.findall(r'href="/posts/(\d+)/"', response.content.decode())]


def test_finds_a_thread_by_its_title(client, board):
    thread = make_thread(board=board, title="Revision timetable", body="How do you plan?")
    make_thread(board=board, title="Something else", body="Nothing about that")
    response = client.get("/search/", {"q": "timetable"})
    assert results(response) == [thread.opening_post.pk]
    page = response.content.decode()
    assert "Revision timetable" in page
    assert "in School and exams" in page


def test_finds_a_reply_by_its_words_with_stemming(client, board):
    thread = make_thread(board=board, title="Evenings", body="What helps you unwind?")
    reply = make_reply(
        thread, author=UserFactory(username="KindFox"), body="I keep worrying at night"
    )
    response = client.get("/search/", {"q": "worried"})
    assert results(response) == [reply.pk]
    assert "KindFox" in response.content.decode()


def test_a_title_match_ranks_above_a_body_only_match(client, board):
    body_match = make_thread(board=board, title="A long day", body="my exams went badly")
    title_match = make_thread(board=board, title="Exams next week", body="So nervous")
    assert results(client.get("/search/", {"q": "exams"})) == [
        title_match.opening_post.pk,
        body_match.opening_post.pk,
    ]


def test_matching_words_are_marked(client, board):
    make_thread(board=board, title="Sleep", body="I cannot sleep before my exams at all")
    page = client.get("/search/", {"q": "exams"}).content.decode()
    assert "<mark>exams</mark>" in page


def test_member_html_in_excerpts_is_escaped(client, board):
    make_thread(
        board=board,
        title="Tags",
        body="My exams & <img src=x onerror=alert(1) <b>bold</b> <mark>fake</mark> marks",
    )
    page = client.get("/search/", {"q": "exams"}).content.decode()
    excerpt = page.split('class="search-excerpt">')[1].split("</p>")[0]
    assert "<img" not in excerpt
    assert "&lt;img src=x onerror=alert(1)" in excerpt
    assert "<b>" not in excerpt
    assert "fake" in excerpt
    assert excerpt.count("<mark>") == 1
    assert "My <mark>exams</mark> &amp;" in excerpt


def test_held_posts_are_found_only_by_their_writer_and_moderators(
    client, member, moderator_client, board
):
    thread = make_thread(board=board, title="Weekend", body="Plans?")
    held = make_reply(thread, author=member, body="a secret umbrella", status=PostStatus.HELD)

    other = UserFactory(username="OtherOwl")
    client.force_login(other)
    assert results(client.get("/search/", {"q": "umbrella"})) == []

    assert results(moderator_client.get("/search/", {"q": "umbrella"})) == [held.pk]

    client.force_login(member)
    response = client.get("/search/", {"q": "umbrella"})
    assert results(response) == [held.pk]
    assert "waiting for a moderator" in response.content.decode()


def test_replies_in_a_hidden_thread_are_not_found_by_others(client, member, board):
    thread = make_thread(author=member, board=board, title="Later hidden")
    reply = make_reply(thread, body="a lighthouse story")
    services.set_post_status(post=thread.opening_post, status=PostStatus.HIDDEN)
    assert results(client.get("/search/", {"q": "lighthouse"})) == []
    client.force_login(member)
    assert results(client.get("/search/", {"q": "lighthouse"})) == [reply.pk]


def test_hidden_posts_are_not_found_by_others(client, moderator_client, board):
    thread = make_thread(board=board, title="Music", body="What do you listen to?")
    hidden = make_reply(thread, body="a harmful trombone remark")
    Post.objects.filter(pk=hidden.pk).update(status=PostStatus.HIDDEN)
    assert results(client.get("/search/", {"q": "trombone"})) == []
    assert results(moderator_client.get("/search/", {"q": "trombone"})) == [hidden.pk]


def test_only_the_newest_matches_are_ranked(client, board, monkeypatch):
    monkeypatch.setattr(content, "SEARCH_CANDIDATES", 3)
    thread = make_thread(board=board, title="Lighthouse", body="The oldest: a title match")
    newer = [make_reply(thread, body=f"lighthouse number {n}") for n in range(4)]
    # The title would rank first, but the three newest matches are all that is ranked.
    assert sorted(results(client.get("/search/", {"q": "lighthouse"}))) == [
        post.pk for post in newer[1:]
    ]


def test_deleted_posts_and_tombstones_never_match_on_their_text(
    client, member, moderator_client, board
):
    thread = make_thread(board=board, title="Friends", body="Making friends is hard")
    gone = make_reply(thread, author=member, body="my cousin's xylophone")
    tombstone = make_reply(thread, author=member, body="a xylophone lesson")
    make_reply(thread, parent=tombstone, body="That sounds fun")
    services.delete_post(post=gone)
    services.delete_post(post=tombstone)
    assert Post.objects.get(pk=tombstone.pk).is_tombstone

    assert results(client.get("/search/", {"q": "xylophone"})) == []
    assert sorted(results(moderator_client.get("/search/", {"q": "xylophone"}))) == [
        gone.pk,
        tombstone.pk,
    ]
    client.force_login(member)
    assert results(client.get("/search/", {"q": "xylophone"})) == []


def test_an_edited_post_is_found_by_its_new_words_not_its_old(client, member, board):
    thread = make_thread(author=member, board=board, title="Hobbies", body="I like knitting")
    services.edit_post(post=thread.opening_post, editor=member, body="I like painting")
    assert results(client.get("/search/", {"q": "knitting"})) == []
    assert results(client.get("/search/", {"q": "painting"})) == [thread.opening_post.pk]
    # The title still finds it after an edit of the body.
    assert results(client.get("/search/", {"q": "hobbies"})) == [thread.opening_post.pk]


def test_results_come_twenty_a_page_and_pages_keep_the_search(client, board):
    thread = make_thread(board=board, title="Counting", body="one")
    for number in range(25):
        make_reply(thread, body=f"pebble number {number}")
    first = client.get("/search/", {"q": "pebble & stones"})
    assert len(results(first)) == 0  # websearch syntax: both words are needed

    first = client.get("/search/", {"q": "pebble"})
    assert len(results(first)) == 20
    assert 'href="?q=pebble&amp;page=2"' in first.content.decode()
    second = client.get("/search/", {"q": "pebble", "page": 2})
    assert len(results(second)) == 5
    assert 'href="?q=pebble&amp;page=1"' in second.content.decode()
    assert not set(results(first)) & set(results(second))


def test_the_page_link_encodes_the_search(client, board):
    thread = make_thread(board=board, title="Counting", body="one")
    for number in range(21):
        make_reply(thread, body=f"cats & dogs {number}")
    page = client.get("/search/", {"q": "cats & dogs"}).content.decode()
    assert 'href="?q=cats%20%26%20dogs&amp;page=2"' in page


def test_an_empty_search_shows_a_hint_and_looks_nothing_up(client, board):
    make_thread(board=board, title="Anything", body="at all")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": "   "})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Type a word or two" in page
    assert "No posts matched" not in page
    assert not [query for query in queries if "forum_post" in query["sql"]]


def test_the_search_page_opens_with_an_empty_form(client):
    page = client.get("/search/").content.decode()
    assert '<label class="form-label" for="id_q">Search for</label>' in page
    assert 'name="q"' in page
    assert "Type a word or two" not in page


def test_nothing_matched_is_said_kindly(client, board):
    make_thread(board=board, title="Anything", body="at all")
    page = client.get("/search/", {"q": "zebra"}).content.decode()
    assert "No posts matched" in page


def test_an_over_long_search_is_refused_kindly(client, board):
    make_thread(board=board, title="Anything", body="a" * 300)
    response = client.get("/search/", {"q": "a" * 201})
    page = response.content.decode()
    assert response.status_code == 200
    assert "That search is a little long" in page
    assert "No posts matched" not in page
    assert results(response) == []


def test_every_page_links_to_search(client):
    assert '<a class="site-search" href="/search/">' in client.get("/").content.decode()


def test_query_count_does_not_grow_with_the_results(client, member):
    board = BoardFactory(slug="counting")
    client.force_login(member)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": "meadow"})
        assert response.status_code == 200
        return len(queries), len(results(response))

    for number in range(2):
        make_thread(board=board, author=UserFactory(), title=f"Meadow {number}", body="grass")
    count_queries()  # the first page view fills the crisis-resource cache
    few, shown = count_queries()
    assert shown == 2
    for number in range(23):
        thread = make_thread(board=BoardFactory(), title=f"Field {number}", body="grass")
        make_reply(thread, author=UserFactory(), body="a meadow walk")
    many, shown = count_queries()
    assert shown == 20
    assert many == few
    assert many <= 8


def test_the_sqlite_fallback_finds_titles_and_bodies_newest_first(client, board, monkeypatch):
    """Without PostgreSQL's full-text search (`make run` on SQLite), a substring match."""
    plain_database = SimpleNamespace(vendor="sqlite")
    monkeypatch.setattr(content, "connection", plain_database)
    monkeypatch.setattr(search, "connection", plain_database)
    by_title = make_thread(board=board, title="Tired of exams", body="So much to do")
    by_body = make_reply(by_title, body="The EXAMS <b>end</b> soon")
    make_thread(board=board, title="Other", body="nothing here")

    response = client.get("/search/", {"q": "exams"})
    assert results(response) == [by_body.pk, by_title.opening_post.pk]
    page = response.content.decode()
    assert "The <mark>EXAMS</mark> &lt;b&gt;end&lt;/b&gt; soon" in page
    assert "So much to do" in page


def test_the_plain_excerpt_marks_the_match_and_trims_around_it():
    text = "calm " * 60 + "the word storm is here " + "quiet " * 60
    excerpt = search.plain_excerpt(text, "STORM")
    assert "<mark>storm</mark>" in excerpt
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert len(excerpt) < 260
    assert search.plain_excerpt("<i>title only</i>", "absent") == "&lt;i&gt;title only&lt;/i&gt;"


def test_the_migration_fills_vectors_as_the_services_write_them(board):
    thread = make_thread(board=board, title="Exams next week", body="So *nervous*")
    make_reply(thread, body="Good luck with the exams")
    written = dict(Post.objects.values_list("pk", "search_vector"))
    Post.objects.update(search_vector=None)

    migration = importlib.import_module("forum.migrations.0004_post_search_vector")
    with connection.schema_editor() as schema_editor:
        migration.fill_search_vectors(apps, schema_editor)

    assert dict(Post.objects.values_list("pk", "search_vector")) == written
    assert all(written.values())
