"""Coming back after a break: the last visit kept cheaply, and a calm "welcome back"."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum.models import BoardFollow, Subscription
from forum.notifications import send_reply_notifications
from forum.reader_choices import MUTED_TITLE
from peersupport.accounts.deletion import delete_account
from peersupport.accounts.export import build_export
from peersupport.accounts.models import User, WelcomeBackAfter
from peersupport.accounts.services import ease_back_in, note_visit, update_preferences
from tests.factories import PASSWORD, BoardFactory, UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def away(member, days):
    User.objects.filter(pk=member.pk).update(last_seen_on=days_ago(days))


def sign_in(client, member):
    EmailAddress.objects.get_or_create(
        user=member, email=member.email, defaults={"verified": True, "primary": True}
    )
    return client.post("/accounts/login/", {"login": member.username, "password": PASSWORD})


def test_signing_in_after_fifteen_days_away_lands_on_welcome_back(client, member):
    away(member, 15)
    response = sign_in(client, member)
    assert response["Location"] == "/welcome-back/"
    page = client.get("/welcome-back/").content.decode()
    assert "Welcome back, QuietOtter12" in page
    assert "Successfully signed in" not in page


def test_thirteen_days_away_is_not_a_long_break(client, member):
    away(member, 13)
    assert sign_in(client, member)["Location"] == "/"
    assert client.get("/").status_code == 200
    assert client.get("/welcome-back/")["Location"] == "/"


def test_a_member_still_signed_in_is_welcomed_back_on_the_home_page(member_client, member):
    away(member, 15)
    assert member_client.get("/")["Location"] == "/welcome-back/"


@pytest.mark.parametrize(
    ("choice", "days", "welcomed_back"),
    [
        (WelcomeBackAfter.WEEK, 8, True),
        (WelcomeBackAfter.MONTH, 15, False),
        (WelcomeBackAfter.MONTH, 31, True),
        (WelcomeBackAfter.NEVER, 200, False),
    ],
)
def test_the_members_own_choice_of_how_long_is_honoured(client, choice, days, welcomed_back):
    member = UserFactory(welcome_back_after=choice)
    away(member, days)
    assert (sign_in(client, member)["Location"] == "/welcome-back/") is welcomed_back


def test_the_choice_is_made_in_settings(member_client, member):
    member_client.post("/settings/", {"region": "uk", "bio": "", "welcome_back_after": "30"})
    member.refresh_from_db()
    assert member.welcome_back_after == 30
    # Left out, it stays as it was.
    member_client.post("/settings/", {"region": "uk", "bio": ""})
    member.refresh_from_db()
    assert member.welcome_back_after == 30


def writes_to_members(queries):
    return [q for q in queries if q["sql"].startswith('UPDATE "accounts_user"')]


def test_the_last_visit_is_written_at_most_once_a_day(member_client, member):
    away(member, 1)
    with CaptureQueriesContext(connection) as first:
        member_client.get("/")
    with CaptureQueriesContext(connection) as later:
        member_client.get("/")
        member_client.get("/settings/")
    assert len(writes_to_members(first.captured_queries)) == 1
    assert writes_to_members(later.captured_queries) == []
    member.refresh_from_db()
    assert member.last_seen_on == timezone.localdate()
    assert member.away_since is None


def test_not_now_goes_to_the_forum_and_the_page_waits_for_the_next_break(member_client, member):
    away(member, 20)
    response = member_client.post("/welcome-back/not-now/")
    assert response["Location"] == "/"
    assert member_client.get("/").status_code == 200
    member.refresh_from_db()
    assert member.away_since is None
    assert not member.quiet_mode


def test_going_elsewhere_without_answering_is_not_sent_back_in_the_same_visit(
    member_client, member
):
    away(member, 20)
    member_client.get("/welcome-back/")
    assert member_client.get("/").status_code == 200


def test_ease_back_in_is_quiet_mode_for_a_week_then_as_it_was(member_client, member):
    away(member, 20)
    response = member_client.post("/welcome-back/ease-back-in/", follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert "Quiet mode is on until" in response.content.decode()
    member.refresh_from_db()
    assert member.quiet_mode
    assert member.quiet_mode_until == timezone.localdate() + datetime.timedelta(days=7)
    assert member.away_since is None

    # A week later, the first visit of the day puts it back.
    note_visit(member, today=timezone.localdate() + datetime.timedelta(days=7))
    member.refresh_from_db()
    assert not member.quiet_mode
    assert member.quiet_mode_until is None


def test_ease_back_in_keeps_quiet_mode_as_set_by_a_member_already_in_it(member_client, member):
    update_preferences(member, quiet_mode=True)
    away(member, 20)
    member_client.post("/welcome-back/ease-back-in/")
    note_visit(member, today=timezone.localdate() + datetime.timedelta(days=30))
    member.refresh_from_db()
    assert member.quiet_mode
    assert member.quiet_mode_until is None


def test_the_settings_page_keeps_the_week_or_the_members_own_choice(member_client, member):
    ease_back_in(member)
    page = member_client.get("/settings/").content.decode()
    assert "You are easing back in" in page
    # Saving other preferences with quiet mode still on keeps the week's end.
    member_client.post("/settings/", {"region": "uk", "bio": "", "quiet_mode": "on"})
    member.refresh_from_db()
    assert member.quiet_mode_until is not None
    # Turning it off is the member's choice, and nothing turns it back later.
    member_client.post("/settings/", {"region": "uk", "bio": ""})
    member.refresh_from_db()
    assert not member.quiet_mode
    assert member.quiet_mode_until is None


def news_world(member):
    board = BoardFactory(name="Feeling low", slug="feeling-low")
    BoardFollow.objects.create(board=board, member=member)
    other = UserFactory(username="KindWillow")
    own = make_thread(author=member, board=board, title="My own hard week")
    make_reply(own, author=other, parent=own.opening_post, body="I hear you")
    send_reply_notifications(own.opening_post.replies.get().pk)
    return board, other


def test_welcome_back_tells_of_replies_and_news_calmly_without_counts(member_client, member):
    board, other = news_world(member)
    for n in range(7):
        make_thread(author=other, board=board, title=f"News thread {'abcdefg'[n]}")
    unfollowed = make_thread(author=other, board=BoardFactory(), title="Somewhere else")
    away(member, 20)
    member_client.get("/")
    content = member_client.get("/welcome-back/").content.decode()
    assert "Some people replied to you" in content
    assert content.count('class="thread-item"') == 5
    assert "News thread g" in content
    assert unfollowed.title not in content
    # Nothing counted: no number in what the page says between its heading and buttons.
    summary = re.sub(r"<[^>]+>", "", content.split("</h1>")[1].split("<form")[0])
    assert not re.search(r"\d", summary)
    assert "<title>Welcome back" in content
    assert 'id="crisis-support"' in content


def test_followed_threads_count_as_well_as_boards(member_client, member):
    thread = make_thread(author=UserFactory(), title="A thread I follow")
    Subscription.objects.create(thread=thread, member=member)
    away(member, 20)
    member_client.get("/")
    content = member_client.get("/welcome-back/").content.decode()
    assert "A thread I follow" in content
    assert "Some people replied to you" not in content


def test_welcome_back_says_when_things_were_quiet(member_client, member):
    away(member, 20)
    member_client.get("/")
    assert "Things have been quiet" in member_client.get("/welcome-back/").content.decode()


def test_news_from_before_the_break_is_left_out(member_client, member):
    board = BoardFactory()
    BoardFollow.objects.create(board=board, member=member)
    old = make_thread(board=board, title="Old news")
    old.__class__.objects.filter(pk=old.pk).update(
        last_activity_at=timezone.now() - datetime.timedelta(days=25)
    )
    away(member, 20)
    member_client.get("/")
    assert "Old news" not in member_client.get("/welcome-back/").content.decode()


def test_a_title_holding_a_muted_word_stays_folded(member_client, member):
    update_preferences(member, muted_words="exams")
    board = BoardFactory()
    BoardFollow.objects.create(board=board, member=member)
    make_thread(board=board, title="Exams are crushing me")
    away(member, 20)
    member_client.get("/")
    content = member_client.get("/welcome-back/").content.decode()
    assert MUTED_TITLE in content
    assert "crushing" not in content


def test_welcome_back_takes_the_same_queries_however_much_happened(
    member_client, member, django_assert_max_num_queries
):
    board, other = news_world(member)
    away(member, 20)
    member_client.get("/")
    member_client.get("/welcome-back/")
    with CaptureQueriesContext(connection) as few:
        member_client.get("/welcome-back/")
    for n in range(6):
        make_thread(author=other, board=board, title=f"More news {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        member_client.get("/welcome-back/")


def test_the_new_fields_are_in_the_export_and_go_with_the_account(member):
    away(member, 20)
    member.refresh_from_db()
    note_visit(member)
    profile = build_export(member)["profile"]
    assert profile["last_seen_on"] == timezone.localdate().isoformat()
    assert profile["away_before_this_visit_since"] == days_ago(20).isoformat()
    assert profile["welcome_back_after_days_away"] == 14
    assert profile["quiet_mode_until"] is None
    assert profile["welcome_still_to_show"] is False
    delete_account(member, keep_posts=False)
    assert not User.objects.filter(last_seen_on=timezone.localdate()).exists()
