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
from forum.drafts import Draft
from forum.models import Post, PostStatus
from forum.models import posts as post_models
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


def search_for(client, words, page=None):
    """What the search form sends: its words by POST, and the page wanted, if any."""
    return client.post("/search/", {"q": words} if page is None else {"q": words, "page": page})


def results(response):
    """The ids of the posts listed as results, in order."""
    assert response.status_code == 200
    return [int(pk) for pk in re.findall(r'href="/posts/(\d+)/"', response.content.decode())]


def test_finds_a_thread_by_its_title(reader_client, board):
    thread = make_thread(board=board, title="Revision timetable", body="How do you plan?")
    make_thread(board=board, title="Something else", body="Nothing about that")
    response = search_for(reader_client, "timetable")
    assert results(response) == [thread.opening_post.pk]
    page = response.content.decode()
    assert "Revision timetable" in page
    assert "in School and exams" in page


def test_finds_a_reply_by_its_words_with_stemming(reader_client, board):
    thread = make_thread(board=board, title="Evenings", body="What helps you unwind?")
    reply = make_reply(
        thread, author=UserFactory(username="KindFox"), body="I keep worrying at night"
    )
    response = search_for(reader_client, "worried")
    assert results(response) == [reply.pk]
    assert "KindFox" in response.content.decode()


def test_a_title_match_ranks_above_a_body_only_match(reader_client, board):
    body_match = make_thread(board=board, title="A long day", body="my exams went badly")
    title_match = make_thread(board=board, title="Exams next week", body="So nervous")
    assert results(search_for(reader_client, "exams")) == [
        title_match.opening_post.pk,
        body_match.opening_post.pk,
    ]


def test_matching_words_are_marked(reader_client, board):
    make_thread(board=board, title="Sleep", body="I cannot sleep before my exams at all")
    page = search_for(reader_client, "exams").content.decode()
    assert "<mark>exams</mark>" in page


def test_member_html_in_excerpts_is_escaped(reader_client, board):
    make_thread(
        board=board,
        title="Tags",
        body="My exams & <img src=x onerror=alert(1) <b>bold</b> <mark>fake</mark> marks",
    )
    page = search_for(reader_client, "exams").content.decode()
    excerpt = page.split('class="search-excerpt">')[1].split("</p>")[0]
    assert "<img" not in excerpt
    assert "&lt;img src=x onerror=alert(1)" in excerpt
    assert "<b>" not in excerpt
    assert "fake" in excerpt
    assert excerpt.count("<mark>") == 1
    assert "My <mark>exams</mark> &amp;" in excerpt


def test_held_posts_are_found_only_by_their_writer_and_moderators(
    reader_client, member, moderator_client, board
):
    thread = make_thread(board=board, title="Weekend", body="Plans?")
    held = make_reply(thread, author=member, body="a secret umbrella", status=PostStatus.HELD)

    other = UserFactory(username="OtherOwl")
    reader_client.force_login(other)
    assert results(search_for(reader_client, "umbrella")) == []

    assert results(search_for(moderator_client, "umbrella")) == [held.pk]

    reader_client.force_login(member)
    response = search_for(reader_client, "umbrella")
    assert results(response) == [held.pk]
    assert "waiting for a moderator" in response.content.decode()


def test_replies_in_a_hidden_thread_are_not_found_by_others(reader_client, member, board):
    thread = make_thread(author=member, board=board, title="Later hidden")
    reply = make_reply(thread, body="a lighthouse story")
    services.set_post_status(post=thread.opening_post, status=PostStatus.HIDDEN)
    assert results(search_for(reader_client, "lighthouse")) == []
    reader_client.force_login(member)
    assert results(search_for(reader_client, "lighthouse")) == [reply.pk]


def test_hidden_posts_are_not_found_by_others(reader_client, moderator_client, board):
    thread = make_thread(board=board, title="Music", body="What do you listen to?")
    hidden = make_reply(thread, body="a harmful trombone remark")
    Post.objects.filter(pk=hidden.pk).update(status=PostStatus.HIDDEN)
    assert results(search_for(reader_client, "trombone")) == []
    assert results(search_for(moderator_client, "trombone")) == [hidden.pk]


def test_only_the_newest_matches_are_ranked(reader_client, board, monkeypatch):
    monkeypatch.setattr(post_models, "SEARCH_CANDIDATES", 3)
    thread = make_thread(board=board, title="Lighthouse", body="The oldest: a title match")
    newer = [make_reply(thread, body=f"lighthouse number {n}") for n in range(4)]
    # The title would rank first, but the three newest matches are all that is ranked.
    assert sorted(results(search_for(reader_client, "lighthouse"))) == [
        post.pk for post in newer[1:]
    ]


def test_deleted_posts_and_tombstones_never_match_on_their_text(
    reader_client, member, moderator_client, board
):
    thread = make_thread(board=board, title="Friends", body="Making friends is hard")
    gone = make_reply(thread, author=member, body="my cousin's xylophone")
    tombstone = make_reply(thread, author=member, body="a xylophone lesson")
    make_reply(thread, parent=tombstone, body="That sounds fun")
    services.delete_post(post=gone)
    services.delete_post(post=tombstone)
    assert Post.objects.get(pk=tombstone.pk).is_tombstone

    assert results(search_for(reader_client, "xylophone")) == []
    assert sorted(results(search_for(moderator_client, "xylophone"))) == [
        gone.pk,
        tombstone.pk,
    ]
    reader_client.force_login(member)
    assert results(search_for(reader_client, "xylophone")) == []


def test_an_edited_post_is_found_by_its_new_words_not_its_old(reader_client, member, board):
    thread = make_thread(author=member, board=board, title="Hobbies", body="I like knitting")
    services.edit_post(post=thread.opening_post, editor=member, draft=Draft(body="I like painting"))
    assert results(search_for(reader_client, "knitting")) == []
    assert results(search_for(reader_client, "painting")) == [thread.opening_post.pk]
    # The title still finds it after an edit of the body.
    assert results(search_for(reader_client, "hobbies")) == [thread.opening_post.pk]


def test_results_come_twenty_a_page_and_pages_keep_the_search(reader_client, board):
    thread = make_thread(board=board, title="Counting", body="one")
    for number in range(25):
        make_reply(thread, body=f"pebble number {number}")
    first = search_for(reader_client, "pebble & stones")
    assert len(results(first)) == 0  # websearch syntax: both words are needed

    first = search_for(reader_client, "pebble")
    assert len(results(first)) == 20
    assert 'name="page" value="2"' in first.content.decode()
    second = search_for(reader_client, "pebble", page=2)
    assert len(results(second)) == 5
    assert 'name="page" value="1"' in second.content.decode()
    assert not set(results(first)) & set(results(second))


def test_the_next_page_sends_the_search_again_as_written(reader_client, board):
    thread = make_thread(board=board, title="Counting", body="one")
    for number in range(21):
        make_reply(thread, body=f"cats & dogs {number}")
    page = search_for(reader_client, "cats & dogs").content.decode()
    assert '<input type="hidden" name="q" value="cats &amp; dogs">' in page
    assert len(results(search_for(reader_client, "cats & dogs", page=2))) == 1


def test_an_empty_search_shows_a_hint_and_looks_nothing_up(reader_client, board):
    make_thread(board=board, title="Anything", body="at all")
    with CaptureQueriesContext(connection) as queries:
        response = search_for(reader_client, "   ")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Type a word or two" in page
    assert "No posts matched" not in page
    assert not [query for query in queries if "search_vector" in query["sql"]]


def test_the_search_page_opens_with_an_empty_form(reader_client):
    page = reader_client.get("/search/").content.decode()
    assert '<label class="form-label" for="id_q">Search for</label>' in page
    assert 'name="q"' in page
    assert "Type a word or two" not in page


def test_nothing_matched_is_said_kindly(reader_client, board):
    make_thread(board=board, title="Anything", body="at all")
    page = search_for(reader_client, "zebra").content.decode()
    assert "No posts matched" in page


def test_an_over_long_search_is_refused_kindly(reader_client, board):
    make_thread(board=board, title="Anything", body="a" * 300)
    response = search_for(reader_client, "a" * 201)
    page = response.content.decode()
    assert response.status_code == 200
    assert "That search is a little long" in page
    assert "No posts matched" not in page
    assert results(response) == []


def test_every_page_links_to_search(reader_client):
    assert '<a class="site-search" href="/search/">' in reader_client.get("/").content.decode()


def test_query_count_does_not_grow_with_the_results(reader_client):
    board = BoardFactory(slug="counting")

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = search_for(reader_client, "meadow")
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


def test_the_sqlite_fallback_finds_titles_and_bodies_newest_first(
    reader_client, board, monkeypatch
):
    """Without PostgreSQL's full-text search (`make run` on SQLite), a substring match."""
    plain_database = SimpleNamespace(vendor="sqlite")
    monkeypatch.setattr(post_models, "connection", plain_database)
    monkeypatch.setattr(search, "connection", plain_database)
    by_title = make_thread(board=board, title="Tired of exams", body="So much to do")
    by_body = make_reply(by_title, body="The EXAMS <b>end</b> soon")
    make_thread(board=board, title="Other", body="nothing here")

    response = search_for(reader_client, "exams")
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
