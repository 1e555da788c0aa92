"""Low stimulation: everything quiet mode does, plus shorter lists, a single "Thank you",
every warned post hidden, and no movement, all through the pages a member uses."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from forum import following, services
from forum.models import Reaction
from tests.factories import BoardFactory, UserFactory, make_committed_reply, make_reply, make_thread

pytestmark = pytest.mark.django_db

ALL_SHOWN = {
    "self-harm": "show",
    "suicide": "show",
    "eating": "show",
    "abuse": "show",
    "other": "show",
}


@pytest.fixture
def calm(member):
    member.low_stimulation = True
    member.save()
    return member


def _items(page):
    return page.count('class="thread-item"')


def _reactions(page, post):
    start = page.index(f'id="reactions-{post.pk}"')
    return page[start : page.index("</div>", start)]


def test_the_settings_form_turns_it_on_and_says_what_it_does(member_client, member):
    page = member_client.get("/settings/").content.decode()
    assert "Low stimulation" in page
    assert "Everything quiet mode does, and a little more" in page
    response = member_client.post(
        "/settings/", {"region": "uk", "bio": "", "low_stimulation": "on"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.low_stimulation and not member.quiet_mode
    member_client.post("/settings/", {"region": "uk", "bio": ""})
    member.refresh_from_db()
    assert not member.low_stimulation


def test_lists_on_home_and_boards_are_shorter(client, member, reader_client):
    board = BoardFactory(slug="talk")
    for n in range(12):
        make_thread(board=board, title=f"Thread {n}")
    following.follow_board(member=member, board=board)
    home, board_page = reader_client.get("/").content.decode(), reader_client.get("/boards/talk/")
    assert _items(home) == 20  # ten unanswered, ten recent
    assert _items(board_page.content.decode()) == 12
    member.low_stimulation = True
    member.save()
    client.force_login(member)
    assert _items(client.get("/").content.decode()) == 10  # five and five
    assert _items(client.get("/boards/talk/").content.decode()) == 5
    assert _items(client.get("/boards/talk/?page=3").content.decode()) == 2


def test_thread_pages_are_shorter_and_links_find_the_post_on_them(client, calm, reader_client):
    thread = make_thread(title="A long talk")
    replies = [make_reply(thread, body=f"Reply number {n}") for n in range(14)]
    path = f"/threads/{thread.pk}/"
    assert reader_client.get(path).content.decode().count('class="post ') == 15
    client.force_login(calm)
    first = client.get(path).content.decode()
    assert first.count('class="post ') == 10 and "Page 1 of 2" in first
    assert client.get(f"{path}?page=2").content.decode().count('class="post ') == 5
    # A link to the twelfth reply opens the page that shows it to this reader.
    assert client.get(f"/posts/{replies[11].pk}/")["Location"].startswith(f"{path}?page=2#")
    assert reader_client.get(f"/posts/{replies[11].pk}/")["Location"].startswith(f"{path}#")


def test_home_shows_only_the_boards_followed(member_client, calm):
    followed, other = BoardFactory(slug="followed"), BoardFactory(slug="other")
    following.follow_board(member=calm, board=followed)
    make_thread(board=followed, title="Near to me")
    make_thread(board=other, title="Far from me")
    page = member_client.get("/").content.decode()
    assert "You have low stimulation on, so this page shows only the boards you follow" in page
    assert "Near to me" in page and "Far from me" not in page
    assert '<details class="other-boards">' in page


def test_the_crisis_box_is_one_get_help_control(member_client, calm):
    page = member_client.get("/").content.decode()
    box = page[page.index('id="crisis-support"') :]
    assert '<details class="crisis-fold">' in box
    assert (
        '<summary id="crisis-support-title" class="crisis-fold-summary">Get help</summary>' in box
    )


def test_reactions_are_one_thank_you_without_counts(member_client, calm):
    thread = make_thread(board=BoardFactory())
    post = thread.opening_post
    for kind in ("hug", "thank-you"):
        services.toggle_reaction(member=UserFactory(), post=post, kind=kind)
    html = _reactions(member_client.get(f"/threads/{thread.pk}/").content.decode(), post)
    assert html.count("<button") == 1
    assert f'id="react-{post.pk}-thank-you" aria-pressed="false">Thank you</button>' in html
    assert "Hug" not in html and "reaction-count" not in html

    member_client.post(f"/posts/{post.pk}/react/", {"kind": "thank-you"})
    html = _reactions(member_client.get(f"/threads/{thread.pk}/").content.decode(), post)
    assert f'id="react-{post.pk}-thank-you" aria-pressed="true"' in html
    response = member_client.post(
        f"/posts/{post.pk}/react/", {"kind": "thank-you"}, HTTP_HX_REQUEST="true"
    )
    assert f'id="react-{post.pk}-thank-you" aria-pressed="false"' in response.content.decode()
    assert response.content.decode().count("<button") == 1
    assert not Reaction.objects.filter(post=post, member=calm).exists()


def test_a_writer_in_low_stimulation_hears_only_of_thank_yous(member_client, calm):
    thread = make_thread(author=calm, board=BoardFactory())
    post = thread.opening_post
    services.toggle_reaction(member=UserFactory(username="GentleWren"), post=post, kind="thank-you")
    services.toggle_reaction(member=UserFactory(username="LoudJay"), post=post, kind="hug")
    html = _reactions(member_client.get(f"/threads/{thread.pk}/").content.decode(), post)
    assert "Thank you</span> from GentleWren" in html
    assert "LoudJay" not in html


def test_warned_posts_are_hidden_whatever_the_choice_per_warning(member_client, calm):
    calm.warning_preferences = ALL_SHOWN
    calm.save()
    thread = make_thread(board=BoardFactory())
    warned = make_reply(thread, body="heavy words", content_warning="self-harm")
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert "heavy words" not in page
    assert "is hidden by your settings" in page
    assert f'href="?show={warned.pk}#post-{warned.pk}"' in page
    shown = member_client.get(f"/threads/{thread.pk}/?show={warned.pk}").content.decode()
    assert "heavy words" in shown


def test_own_warned_posts_stay_folded_not_hidden(member_client, calm):
    thread = make_thread(board=BoardFactory())
    make_reply(thread, author=calm, body="my own heavy words", content_warning="abuse")
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert "<summary>Content warning: Abuse" in page and "my own heavy words" in page


def test_the_page_is_still(member_client, member, reader_client):
    assert '<body class="reduced-motion">' not in member_client.get("/").content.decode()
    member.low_stimulation = True
    member.save()
    assert '<body class="reduced-motion">' in member_client.get("/help/").content.decode()
    assert '<body class="reduced-motion">' not in reader_client.get("/").content.decode()
    css = (Path(settings.BASE_DIR) / "static" / "css" / "theme.css").read_text()
    assert ".reduced-motion *" in css and "html:has(> body.reduced-motion)" in css


def test_no_count_in_the_header(client, calm):
    thread = make_thread(author=calm, board=BoardFactory())
    make_committed_reply(thread)
    client.force_login(calm)
    page = client.get("/").content.decode()
    assert 'href="/notifications/">Notifications</a>' in page
    assert 'class="badge"' not in page


def test_reply_emails_come_once_a_day(calm):
    calm.email_on_reply = True
    calm.save()
    thread = make_thread(author=calm, board=BoardFactory())
    make_committed_reply(thread)
    make_committed_reply(thread)
    assert mail.outbox == []
    call_command("send_notification_digests")
    assert len(mail.outbox) == 1 and "2 new replies" in mail.outbox[0].body


def test_low_stimulation_and_ordinary_readers_each_keep_their_own_thread_page(calm):
    """Thread pages are shared per display class (forum.thread_pages): after both have
    viewed the page, each still sees their own markup, not the other's copy."""
    thread = make_thread(board=BoardFactory())
    warned = make_reply(thread, body="heavy words", content_warning="eating")
    ordinary, low = Client(), Client()
    ordinary.force_login(UserFactory(username="PlainPigeon"))
    low.force_login(calm)

    def views():
        return [c.get(f"/threads/{thread.pk}/").content.decode() for c in (ordinary, low)]

    views()
    ordinary_page, low_page = views()
    post = thread.opening_post
    assert _reactions(ordinary_page, post).count("<button") == 4
    assert "<summary>Content warning: Eating" in ordinary_page
    assert _reactions(low_page, post).count("<button") == 1
    assert f"show={warned.pk}" in low_page and "heavy words" not in low_page


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_counts_stay_constant_and_as_in_quiet_mode(member_client, calm):
    quiet = Client()
    quiet.force_login(UserFactory(username="StillPond", quiet_mode=True))
    small, large = BoardFactory(slug="small"), BoardFactory(slug="large")
    for board in (small, large):
        following.follow_board(member=calm, board=board)
    short = make_thread(board=small)
    make_reply(short)
    home, board = _queries(member_client, "/"), _queries(member_client, "/boards/small/")
    thread = _queries(member_client, f"/threads/{short.pk}/")
    assert home == _queries(quiet, "/")
    assert board == _queries(quiet, "/boards/small/")
    assert thread == _queries(quiet, f"/threads/{short.pk}/")
    long = None
    for n in range(12):
        long = make_thread(author=UserFactory(), board=large, title=f"Thread {n}")
        make_reply(long, author=UserFactory())
        services.toggle_reaction(member=UserFactory(), post=long.opening_post, kind="hug")
    assert _queries(member_client, "/") == home
    assert _queries(member_client, "/boards/large/") == board
    assert _queries(member_client, f"/threads/{long.pk}/") == thread
    assert max(home, board, thread) <= 10
