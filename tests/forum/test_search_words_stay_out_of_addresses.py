"""What someone searched for never lands in an address, so browser history, the
address bar's suggestions and server logs never carry it: the search form and its pages
of results are sent by POST. `/search/?q=` still answers, for links made elsewhere."""

import re

import pytest
from django.test import Client

from tests.factories import BoardFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db

WORD = "pebble"
FORM = re.compile(r'<form[^>]*role="search"[^>]*>.*?</form>', re.DOTALL)


@pytest.fixture
def pebbles():
    thread = make_thread(board=BoardFactory(), title="Counting", body="one")
    return [make_reply(thread, body=f"{WORD} number {number}") for number in range(25)]


def results(response):
    assert response.status_code == 200
    return [int(pk) for pk in re.findall(r'href="/posts/(\d+)/"', response.content.decode())]


def addresses(page):
    """Every address the page links to or sends a form to."""
    return re.findall(r'(?:href|action|formaction)="([^"]*)"', page)


def test_the_search_form_sends_its_words_by_post(member_client):
    page = member_client.get("/search/").content.decode()
    form = FORM.search(page).group(0)
    assert 'method="post"' in form
    assert 'action="/search/"' in form
    assert 'name="csrfmiddlewaretoken"' in form
    # Nor does the browser remember the words to suggest them in other boxes.
    assert 'autocomplete="off"' in form


def test_results_and_their_pages_never_put_the_words_in_an_address(member_client, pebbles):
    first = member_client.post("/search/", {"q": WORD})
    assert len(results(first)) == 20
    page = first.content.decode()
    assert WORD in page  # in the results and the search box, not in an address
    for address in addresses(page):
        assert WORD not in address, address
        assert "q=" not in address, address

    second = member_client.post("/search/", {"q": WORD, "page": "2"})
    assert len(results(second)) == 5
    assert not set(results(first)) & set(results(second))
    for address in addresses(second.content.decode()):
        assert WORD not in address, address


def test_the_next_page_is_a_button_that_sends_the_words_again(member_client, pebbles):
    page = member_client.post("/search/", {"q": WORD}).content.decode()
    paging = re.search(r'<nav class="pagination-nav".*?</nav>', page, re.DOTALL).group(0)
    assert '<form method="post" action="/search/"' in paging
    assert f'<input type="hidden" name="q" value="{WORD}">' in paging
    assert 'name="page" value="2"' in paging
    assert "href=" not in paging

    last = member_client.post("/search/", {"q": WORD, "page": "2"}).content.decode()
    assert 'name="page" value="1"' in last


def test_result_pages_are_never_stored(member_client, pebbles):
    for response in (
        member_client.post("/search/", {"q": WORD}),
        member_client.get("/search/", {"q": WORD}),
    ):
        assert "no-store" in response["Cache-Control"]


def test_a_search_needs_the_forms_token(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post("/search/", {"q": WORD}).status_code == 403


def test_an_address_with_the_words_still_searches(member_client, pebbles):
    response = member_client.get("/search/", {"q": WORD})
    assert len(results(response)) == 20
    # Its further pages go by POST like any other.
    for address in addresses(response.content.decode()):
        assert WORD not in address, address
    assert len(results(member_client.get("/search/", {"q": WORD, "page": "2"}))) == 5
