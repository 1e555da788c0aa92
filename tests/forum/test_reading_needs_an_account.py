"""Private by default: boards, threads, posts, profiles and search are read only by
members unless a deployment turns PUBLIC_READING on; a visitor's home explains the
service and offers sign-up, help and the guides instead."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from tests.factories import BoardFactory, UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    writer = UserFactory(username="WillowWrites")
    board = BoardFactory(name="Feeling low", slug="feeling-low")
    thread = make_thread(author=writer, board=board, title="A hard week", body="Tired of it")
    reply = make_reply(thread, author=UserFactory(username="KindFox"), body="I hear you")
    return {"writer": writer, "board": board, "thread": thread, "reply": reply}


def reading_pages(forum):
    return {
        "board": f"/boards/{forum['board'].slug}/",
        "thread": f"/threads/{forum['thread'].pk}/",
        "thread with a slug": f"/threads/{forum['thread'].pk}/a-hard-week/",
        "a post": f"/posts/{forum['reply'].pk}/",
        "profile": f"/members/{forum['writer'].username}/",
        "search": "/search/",
        "search with words": "/search/?q=tired",
    }


def sent_to_sign_in(response, path):
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/accounts/login/"
    # Back to the same page afterwards, but never with the words someone searched for.
    assert parse_qs(location.query) == {"next": [path]}


def test_a_visitor_is_asked_to_sign_in_before_reading_anything(client, forum):
    for url in reading_pages(forum).values():
        response = client.get(url)
        sent_to_sign_in(response, urlsplit(url).path)
        assert b"A hard week" not in response.content


def test_a_visitor_cannot_search_by_posting_the_form_either(client, forum):
    response = Client(enforce_csrf_checks=False).post("/search/", {"q": "tired"})
    sent_to_sign_in(response, "/search/")


def test_a_member_reads_everything(member_client, forum):
    for name, url in reading_pages(forum).items():
        response = member_client.get(url, follow=True)
        assert response.status_code == 200, name
    assert b"A hard week" in member_client.get(reading_pages(forum)["thread"]).content


def test_the_visitors_home_explains_the_service_and_shows_no_one(client, forum):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "moderated" in page
    assert "pseudonym" in page
    for link in ("/accounts/signup/", "/accounts/login/", "/help/", "/guidelines/"):
        assert f'href="{link}"' in page, link
    assert 'href="/professionals/"' in page
    # Nothing a member wrote, nor who wrote it, nor the boards they talk in.
    for private in ("A hard week", "WillowWrites", "KindFox", "Feeling low", "/boards/"):
        assert private not in page, private
    # Nor a link to a search a visitor could not use.
    assert 'href="/search/"' not in page


def test_a_members_home_lists_boards_and_threads(member_client, forum):
    page = member_client.get("/").content.decode()
    assert "Feeling low" in page
    assert "A hard week" in page
    assert 'href="/search/"' in page


def test_the_help_and_guide_pages_stay_open_to_visitors(client, db):
    for url in ("/help/", "/guidelines/", "/professionals/", "/privacy/", "/accounts/signup/"):
        assert client.get(url).status_code == 200, url


class TestWithPublicReading:
    @pytest.fixture(autouse=True)
    def _public(self, settings):
        settings.PUBLIC_READING = True

    def test_a_visitor_reads_boards_threads_and_search(self, client, forum):
        pages = reading_pages(forum)
        for name in ("board", "thread", "search", "search with words"):
            assert client.get(pages[name]).status_code == 200, name
        assert b"A hard week" in client.get(pages["thread"]).content
        assert client.get(pages["a post"]).status_code == 302
        found = client.post("/search/", {"q": "hear"}).content.decode()
        assert f'href="/posts/{forum["reply"].pk}/"' in found

    def test_the_visitors_home_lists_boards_and_threads(self, client, forum):
        page = client.get("/").content.decode()
        assert "Feeling low" in page
        assert "A hard week" in page
        assert 'href="/search/"' in page

    def test_profiles_still_need_an_account(self, client, forum):
        url = f"/members/{forum['writer'].username}/"
        sent_to_sign_in(client.get(url), url)


def test_public_reading_is_off_unless_a_deployment_turns_it_on():
    from peersupport import settings as production

    assert production.PUBLIC_READING is False
