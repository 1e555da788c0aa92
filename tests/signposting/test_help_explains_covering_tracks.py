"""The help page, open to anyone, explains kindly how to keep visits private on a
shared device, and is honest that the quick exit cannot delete history."""

import pytest

from tests.test_wording import HARSH_WORDS, visible_text

pytestmark = pytest.mark.django_db


def section(response):
    page = response.content.decode()
    start = page.index('<section class="covering-tracks"')
    return page[start : page.index("</section>", start)]


def test_the_help_page_explains_how_to_cover_ones_tracks(client):
    response = client.get("/help/")
    assert response.status_code == 200
    text = section(response)
    assert 'id="covering-your-tracks"' in text
    for advice in ("private window", "Sign out", "history", "Exit this page"):
        assert advice in text, advice
    # Honest about what the quick exit leaves behind.
    assert "cannot delete your history" in text
    assert not HARSH_WORDS.search(visible_text(response))


def test_the_visitors_home_points_to_it(client):
    assert 'href="/help/#covering-your-tracks"' in client.get("/").content.decode()
