"""Muting members and words: their posts fold away for the muter only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum import services
from forum.models import Mute
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db

MUTED_SUMMARY = "<summary>Post from a muted member"
WORD_SUMMARY = "<summary>Post folded away: it contains a word you muted"


@pytest.fixture
def loud():
    return UserFactory(username="LoudParrot9")


@pytest.fixture
def thread():
    return make_thread(board=BoardFactory(), body="How is everyone?")


@pytest.mark.parametrize(
    ("duration", "length"),
    [
        ("day", datetime.timedelta(days=1)),
        ("week", datetime.timedelta(weeks=1)),
        ("month", datetime.timedelta(days=30)),
    ],
)
def test_muting_for_a_while(member_client, member, loud, duration, length):
    response = member_client.post("/members/LoudParrot9/mute/", {"duration": duration})
    assert response.status_code == 302
    assert response["Location"] == "/members/LoudParrot9/"
    mute = Mute.objects.get(muter=member, muted=loud)
    assert abs(mute.until - (timezone.now() + length)) < datetime.timedelta(minutes=1)


def test_muting_always_and_changing_it(member_client, member, loud):
    member_client.post("/members/LoudParrot9/mute/", {"duration": "day"})
    member_client.post("/members/LoudParrot9/mute/", {"duration": "always"})
    mute = Mute.objects.get(muter=member, muted=loud)
    assert mute.until is None
    page = member_client.get("/members/LoudParrot9/").content.decode()
    assert "You have muted LoudParrot9 until you unmute them" in page


def test_no_muting_yourself(member_client, member):
    response = member_client.post(
        f"/members/{member.username}/mute/", {"duration": "week"}, follow=True
    )
    assert "You cannot mute yourself." in response.content.decode()
    assert not Mute.objects.exists()
    page = member_client.get(f"/members/{member.username}/").content.decode()
    assert "/mute/" not in page


def test_a_duration_must_be_chosen(member_client, loud):
    response = member_client.post("/members/LoudParrot9/mute/", {"duration": "forever"})
    assert response.status_code == 302
    assert not Mute.objects.exists()


def test_visitors_are_asked_to_sign_in(client, loud):
    response = client.post("/members/LoudParrot9/mute/", {"duration": "week"})
    assert response["Location"].startswith("/accounts/login/")
    assert not Mute.objects.exists()


def test_a_muted_members_post_folds_away_for_the_muter_only(client, member, loud, thread):
    reply = make_reply(thread, author=loud, body="LOUD WORDS")
    services.mute_member(muter=member, muted=loud, duration="week")

    client.force_login(member)
    page = client.get(f"/threads/{thread.pk}/").content.decode()
    post_html = page[page.index(f'id="post-{reply.pk}"') :]
    assert f'id="post-{reply.pk}" data-depth="1"' in page
    assert post_html.index(MUTED_SUMMARY) < post_html.index('class="post-body"')
    assert post_html.index('class="post-body"') < post_html.index("LOUD WORDS")
    assert page.count(MUTED_SUMMARY) == 1

    client.force_login(UserFactory())
    assert MUTED_SUMMARY not in client.get(f"/threads/{thread.pk}/").content.decode()


def test_an_expired_mute_no_longer_folds_or_lists(member_client, member, loud, thread):
    make_reply(thread, author=loud)
    Mute.objects.create(
        muter=member, muted=loud, until=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert MUTED_SUMMARY not in member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert "LoudParrot9" not in member_client.get("/settings/").content.decode()


def test_settings_list_mutes_and_unmute_returns_there(member_client, member, loud, thread):
    make_reply(thread, author=loud)
    services.mute_member(muter=member, muted=loud, duration="always")
    settings_page = member_client.get("/settings/").content.decode()
    assert 'action="/members/LoudParrot9/unmute/"' in settings_page

    response = member_client.post("/members/LoudParrot9/unmute/", {"next": "/settings/"})
    assert response["Location"] == "/settings/"
    assert not Mute.objects.exists()
    assert MUTED_SUMMARY not in member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert "You have not muted anyone" in member_client.get("/settings/").content.decode()


def test_unmute_does_not_follow_links_elsewhere(member_client, member, loud):
    services.mute_member(muter=member, muted=loud, duration="day")
    response = member_client.post(
        "/members/LoudParrot9/unmute/", {"next": "https://elsewhere.example/"}
    )
    assert response["Location"] == "/members/LoudParrot9/"


def test_muted_words_fold_posts_as_whole_words(member_client, member, thread):
    member_client.post("/settings/", {"region": "uk", "bio": "", "muted_words": " exam \n\n"})
    member.refresh_from_db()
    assert member.muted_words == "exam"
    shouting = make_reply(thread, body="My EXAM is tomorrow.")
    plural = make_reply(thread, body="Exams are over.")
    mine = make_reply(thread, author=member, body="my exam went fine")
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert page.count(WORD_SUMMARY) == 1
    folded = page[page.index(f'id="post-{shouting.pk}"') : page.index(f'id="post-{plural.pk}"')]
    assert WORD_SUMMARY in folded
    assert f'id="post-{mine.pk}"' in page


def test_mutes_are_read_in_one_query(member_client, member, thread):
    writers = [UserFactory() for _ in range(5)]
    for writer in writers:
        make_reply(thread, author=writer)
        services.mute_member(muter=member, muted=writer, duration="week")
    with CaptureQueriesContext(connection) as queries:
        page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert page.count(MUTED_SUMMARY) == 5
    assert sum('"forum_mute"' in query["sql"] for query in queries.captured_queries) == 1
