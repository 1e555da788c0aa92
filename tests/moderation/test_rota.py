"""The rota: admins put moderators on shifts, and every page's "when will someone look"
follows it, falling back to the moderation hours while the rota is empty."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.availability import Rota
from moderation.models import ActionKind, ModerationAction, RiskLevel, Shift, WatchedPhrase
from peersupport.caching import site_version
from tests.factories import BoardFactory, UserFactory, make_thread
from tests.moderation.case_helpers import make_lead, make_moderator
from tests.pages import crisis_box

pytestmark = pytest.mark.django_db

# A Wednesday far from the clocks changing. The moderation hours are 9am to 10pm.
DAY = datetime.date(2026, 6, 10)


def at(hour, minute=0, days_later=0):
    day = DAY + datetime.timedelta(days=days_later)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def frozen(hour, minute=0):
    return mock.patch("django.utils.timezone.now", return_value=at(hour, minute))


def shift(moderator, start, hours=4):
    return Shift.objects.create(
        moderator=moderator, start=start, end=start + datetime.timedelta(hours=hours)
    )


def box_at(client, hour, minute=0):
    with frozen(hour, minute):
        return crisis_box(client.get("/"))


def test_someone_on_shift_now_means_moderators_are_here(client):
    shift(make_moderator(), at(6))
    assert "Moderators are here now." in box_at(client, 7)


def test_outside_the_hours_a_shift_now_still_says_here(client):
    # 7am is before the hours: the rota answers, not the hours.
    shift(make_moderator(), at(6))
    assert "will next look" not in box_at(client, 7)


def test_between_shifts_the_next_shift_later_today(client):
    moderator = make_moderator()
    shift(moderator, at(9), hours=3)
    shift(moderator, at(16, 30))
    box = box_at(client, 16)
    assert "No moderator is here right now." in box
    assert "A moderator will next look at about 4:30pm (in 30 minutes)." in box


def test_after_the_last_shift_today_the_next_is_tomorrow(client):
    shift(make_moderator(), at(10, days_later=1))
    box = box_at(client, 23)
    assert "A moderator will next look at about 10am tomorrow (in 11 hours)." in box


def test_a_shift_days_away_is_named_by_its_day(client):
    shift(make_moderator(), at(10, days_later=3))
    box = box_at(client, 12)
    assert "A moderator will next look at about 10am on Saturday (in about 3 days)." in box


def test_a_rota_with_nothing_this_week_promises_no_time(client):
    shift(make_moderator(), at(10, days_later=9))
    box = box_at(client, 12)
    assert "No moderator is here right now." in box
    assert "will next look" not in box
    assert "Our moderators are around" not in box


def test_an_empty_rota_falls_back_to_the_moderation_hours(client):
    assert "A moderator will next look at about 9am (in 53 minutes)." in box_at(client, 8, 7)


def test_a_rota_that_has_run_out_falls_back_to_the_hours(client):
    shift(make_moderator(), at(1, days_later=-2))
    assert "Moderators are here now." in box_at(client, 14)
    assert "A moderator will next look at about 9am tomorrow" in box_at(client, 23)


def test_a_moderator_whose_role_is_not_in_force_is_not_on_shift(client, settings):
    settings.REQUIRE_MFA_FOR_STAFF = True
    shift(make_moderator(), at(10))  # no two-step sign-in yet
    shift(make_lead(), at(15))
    box = box_at(client, 11)
    assert "Moderators are here now." not in box
    assert "will next look" not in box


def test_a_member_taken_off_the_moderators_is_not_on_shift(client):
    moderator = make_moderator()
    shift(moderator, at(10))
    moderator.groups.clear()
    assert "Moderators are here now." not in box_at(client, 11)


def test_the_crisis_response_page_follows_the_rota(member_client):
    WatchedPhrase.objects.get_or_create(phrase="end it all tonight", level=RiskLevel.CRISIS)
    BoardFactory(name="Feeling low", slug="feeling-low")
    shift(make_moderator(), at(20))
    with frozen(19, 0):
        response = member_client.post(
            "/boards/feeling-low/new/", {"title": "Tonight", "body": "I will end it all tonight."}
        )
        page = member_client.get(response["Location"]).content.decode()
    panel = page[page.index('id="crisis-panel"') : page.index("</section>")]
    assert "No moderator is here right now." in panel
    assert "A moderator will next look at about 8pm (in 1 hour)." in panel


def test_a_new_shift_shows_on_the_very_next_page(client):
    moderator = make_moderator()
    assert "Moderators are here now." not in box_at(client, 23)
    later = shift(moderator, at(22))
    assert "Moderators are here now." in box_at(client, 23)
    later.start, later.end = at(23, 30), at(23, 45)
    later.save()
    assert "A moderator will next look at about 11:30pm (in 30 minutes)." in box_at(client, 23)
    later.delete()
    assert "9am tomorrow" in box_at(client, 23)


def test_a_shift_change_gives_visitors_cached_pages_a_new_site_version(client, settings):
    settings.PUBLIC_READING = True
    thread = make_thread()
    with frozen(23):
        before = site_version()
        assert "Moderators are here now." not in crisis_box(client.get(thread.get_absolute_url()))
        shift(make_moderator(), at(22))
        assert site_version() != before
        assert "Moderators are here now." in crisis_box(client.get(thread.get_absolute_url()))


def test_the_rota_read_once_answers_from_the_cache(client):
    shift(make_moderator(), at(10))
    box_at(client, 11)
    with CaptureQueriesContext(connection) as queries, frozen(11):
        Rota.current()
    assert len(queries) == 0


# The admin.


def _add(admin_client, moderator, start, end, note=""):
    return admin_client.post(
        "/admin/moderation/shift/add/",
        {
            "moderator": moderator.pk,
            "start_0": start.strftime("%d/%m/%Y"),
            "start_1": start.strftime("%H:%M:%S"),
            "end_0": end.strftime("%d/%m/%Y"),
            "end_1": end.strftime("%H:%M:%S"),
            "note": note,
        },
    )


def test_an_admin_puts_a_moderator_on_the_rota_and_it_is_logged(admin_client):
    moderator = make_moderator()
    response = _add(admin_client, moderator, at(9), at(13), note="Covering for Sam")
    assert response.status_code == 302
    added = Shift.objects.get()
    assert (added.moderator, added.start, added.end) == (moderator, at(9), at(13))
    logged = ModerationAction.objects.get(action=ActionKind.ADMIN_CHANGE)
    assert logged.target_type == "moderation.Shift"
    assert logged.after["moderator"] == moderator.username


def test_a_shift_must_end_after_it_starts(admin_client):
    response = _add(admin_client, make_moderator(), at(13), at(9))
    assert "A shift must end after it starts." in response.content.decode()
    assert not Shift.objects.exists()


def test_only_moderators_and_leads_go_on_the_rota(admin_client):
    response = _add(admin_client, UserFactory(username="PlainMember"), at(9), at(13))
    assert "Only moderators and safeguarding leads can be on the rota." in (
        response.content.decode()
    )
    assert _add(admin_client, make_lead(), at(9), at(13)).status_code == 302
    assert Shift.objects.count() == 1


def test_the_rota_is_listed_by_start_and_filtered_by_moderator(admin_client):
    early, late = make_moderator("EarlyLark"), make_moderator("NightOwl")
    shift(late, at(18))
    shift(early, at(6))
    page = admin_client.get("/admin/moderation/shift/").content.decode()
    assert page.index("EarlyLark") < page.index("NightOwl")
    only_late = admin_client.get(f"/admin/moderation/shift/?moderator__id__exact={late.pk}")
    assert only_late.context["cl"].result_count == 1


# The queue.


def test_the_queue_names_who_is_on_shift_now_and_later_today(client):
    me = make_moderator()
    shift(make_moderator("KindWren"), at(9))
    shift(make_moderator("NightOwl"), at(18))
    shift(make_moderator("TomorrowTern"), at(9, days_later=1))
    client.force_login(me)
    with frozen(11):
        page = client.get("/moderation/").content.decode()
    assert "On shift now: KindWren (until 13:00)." in page
    assert "Later today: NightOwl from 18:00 to 22:00." in page
    assert "TomorrowTern" not in page


def test_the_rota_is_for_moderators_only(member_client):
    shift(make_moderator("KindWren"), at(9))
    with frozen(11):
        response = member_client.get("/moderation/")
        home = member_client.get("/").content.decode()
    assert response.status_code == 403
    assert "KindWren" not in home


def test_the_queue_costs_no_more_queries_with_a_rota(client):
    client.force_login(make_moderator())

    def count():
        with CaptureQueriesContext(connection) as queries, frozen(11):
            assert client.get("/moderation/").status_code == 200
        return len(queries)

    count()  # the first view fills the caches
    without = count()
    for n in range(5):
        shift(make_moderator(f"Helper{n}"), at(8 + n))
    count()
    assert count() == without
