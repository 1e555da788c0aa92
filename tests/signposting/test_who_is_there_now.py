"""Every surface says honestly when a moderator will next look, from the moderation hours
and the time now, and who can talk right now."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from moderation.models import ModerationSettings, RiskLevel, WatchedPhrase
from tests.factories import BoardFactory
from tests.pages import crisis_box

pytestmark = pytest.mark.django_db


# A day far from the clocks changing, so "in 53 minutes" is the same every year.
DAY = datetime.date(2026, 6, 10)


def _today_at(hour, minute=0, days_later=0):
    """A moment on DAY, on the site's clock (Europe/London)."""
    day = DAY + datetime.timedelta(days=days_later)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def frozen(hour, minute=0):
    return mock.patch("django.utils.timezone.now", return_value=_today_at(hour, minute))


def _post_crisis(client):
    WatchedPhrase.objects.get_or_create(phrase="end it all tonight", level=RiskLevel.CRISIS)
    BoardFactory(name="Feeling low", slug="feeling-low")
    response = client.post(
        "/boards/feeling-low/new/", {"title": "Tonight", "body": "I will end it all tonight."}
    )
    return response["Location"]


def _panel(content):
    return content[content.index('id="crisis-panel"') : content.index("</section>")]


def test_before_the_hours_the_crisis_panel_says_when_and_who_can_talk_now(member_client):
    with frozen(8, 7):
        page = member_client.get(_post_crisis(member_client)).content.decode()
    panel = _panel(page)
    assert "No moderator is here right now." in panel
    assert "A moderator will next look at about 9am (in 53 minutes)." in panel
    now = panel[panel.index("Who can talk to you right now") :]
    for name in ["Samaritans", "Shout", "Childline", "NHS 111"]:
        assert name in now, name
    assert "Moderators are here now" not in page


def test_a_scottish_writer_is_not_told_breathing_space_is_open_now(member_client, member):
    member.region = "scotland"
    member.save()
    with frozen(8, 7):
        page = member_client.get(_post_crisis(member_client)).content.decode()
    panel = _panel(page)
    open_now = panel[panel.index("Who can talk to you right now") : panel.index("At set times")]
    assert "Samaritans" in open_now
    assert "Breathing Space" not in open_now
    assert "Evenings and weekends" in panel[panel.index("At set times") :]


def test_within_the_hours_every_page_says_moderators_are_here(client, member_client):
    with frozen(14, 0):
        home = crisis_box(client.get("/"))
        panel = _panel(member_client.get(_post_crisis(member_client)).content.decode())
        help_page = client.get("/help/").content.decode()
    assert "Moderators are here now." in home
    assert "Moderators are here now." in panel
    assert "Moderators are here now." in help_page
    assert "will next look" not in home + panel + help_page


def test_late_at_night_the_box_says_tomorrow_morning(client):
    with frozen(22, 30):
        box = crisis_box(client.get("/"))
        help_page = client.get("/help/").content.decode()
    words = "A moderator will next look at about 9am tomorrow (in about 11 hours)."
    assert words in box
    assert words in help_page


def test_the_words_follow_the_admins_hours(client):
    hours = ModerationSettings.current()
    hours.hours_start = datetime.time(16, 30)
    hours.hours_end = datetime.time(23, 0)
    hours.save()
    with frozen(16, 0):
        box = crisis_box(client.get("/"))
    assert "A moderator will next look at about 4:30pm (in 30 minutes)." in box


def test_a_held_post_outside_the_hours_says_when_it_will_be_read(member_client, settings):
    settings.PREMODERATION_FIRST_POSTS = 1
    BoardFactory(name="Feeling low", slug="feeling-low")
    with frozen(6, 0):
        response = member_client.post(
            "/boards/feeling-low/new/", {"title": "Hello", "body": "Hello, I'm new here."}
        )
        page = member_client.get(response["Location"]).content.decode()
    assert "A moderator will next look at about 9am (in 3 hours)." in page


@pytest.mark.parametrize(
    ("start", "end", "now", "expected"),
    [
        ((9, 0), (22, 0), (8, 7), (0, 9, 0)),
        ((9, 0), (22, 0), (12, 0), "now"),
        ((9, 0), (22, 0), (22, 0), (1, 9, 0)),
        ((22, 0), (6, 0), (23, 0), "now"),
        ((22, 0), (6, 0), (3, 0), "now"),
        ((22, 0), (6, 0), (12, 0), (0, 22, 0)),
        ((0, 0), (0, 0), (12, 0), None),
    ],
)
def test_the_next_look(start, end, now, expected):
    hours = ModerationSettings(hours_start=datetime.time(*start), hours_end=datetime.time(*end))
    moment = _today_at(*now)
    found = hours.next_look(moment)
    if expected == "now":
        assert found == moment
    elif expected is None:
        assert found is None
    else:
        days, hour, minute = expected
        assert found == _today_at(hour, minute, days_later=days)
