"""The moderators' audit log page: who did what, newest first, filtered."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.audit import record
from moderation.models import ActionKind, ModerationAction
from moderation.services import open_case
from tests.factories import UserFactory, make_thread
from tests.moderation.case_helpers import in_group

pytestmark = pytest.mark.django_db

URL = "/moderation/log/"


@pytest.fixture
def moderator():
    return in_group("Moderators", username="SteadyHeron")


def hide(post, actor, reason="Unkind words"):
    return record(
        actor=actor,
        action=ActionKind.HIDE,
        target=post,
        member=post.author,
        reason=reason,
        before={"status": "published"},
        after={"status": "hidden"},
    )


def rows(response):
    return [row.pk for row in response.context["page"].object_list]


def test_visitors_are_sent_to_sign_in(client):
    assert client.get(URL)["Location"].startswith("/accounts/login/")


def test_members_are_refused(member_client):
    assert member_client.get(URL).status_code == 403


@pytest.mark.parametrize("role", ["Moderators", "Safeguarding leads", "staff"])
def test_moderators_leads_and_admins_read_it(client, role):
    user = UserFactory(is_staff=True) if role == "staff" else in_group(role)
    client.force_login(user)
    assert client.get(URL).status_code == 200


def test_rows_show_newest_first_with_who_did_what(moderator_client, moderator):
    author = UserFactory(username="BraveFinch")
    thread = make_thread(author=author)
    case = open_case(post=thread.opening_post, reasons=["flagged"])  # the site, no actor
    hidden = hide(thread.opening_post, moderator)
    gone = UserFactory(username="LeftUs")
    by_former = hide(thread.opening_post, gone, reason="Old decision")
    gone.delete()  # their rows stay, without them

    response = moderator_client.get(URL)
    page = response.content.decode()
    opened = ModerationAction.objects.get(action=ActionKind.OPEN_CASE)
    assert rows(response) == [by_former.pk, hidden.pk, opened.pk]
    assert "the system" in page
    assert "former member" in page
    assert "SteadyHeron" in page
    assert "status: from published to hidden by a moderator" in page
    assert f'href="/moderation/cases/{case.pk}/"' in page
    assert 'href="/moderation/members/BraveFinch/"' in page


def test_filters_by_action_actor_member_and_dates(moderator_client, moderator):
    other = in_group("Moderators", username="KindOwl")
    first = make_thread(author=UserFactory(username="Alpha")).opening_post
    second = make_thread(author=UserFactory(username="Beta")).opening_post
    by_me = hide(first, moderator)
    by_other = hide(second, other)

    assert rows(moderator_client.get(URL, {"actor": "kindowl"})) == [by_other.pk]
    assert rows(moderator_client.get(URL, {"member": "Alpha"})) == [by_me.pk]
    hides = rows(moderator_client.get(URL, {"action": "hide"}))
    assert hides == [by_other.pk, by_me.pk]
    today = timezone.localdate()
    assert len(rows(moderator_client.get(URL, {"date_from": today.isoformat()}))) >= 2
    yesterday = (today - datetime.timedelta(days=1)).isoformat()
    assert rows(moderator_client.get(URL, {"date_to": yesterday})) == []


def test_pages_of_fifty_keep_the_filters(moderator_client, moderator):
    post = make_thread().opening_post
    for _ in range(51):
        hide(post, moderator)
    response = moderator_client.get(URL, {"action": "hide"})
    assert len(rows(response)) == 50
    assert "?action=hide&amp;page=2" in response.content.decode()
    assert len(rows(moderator_client.get(URL, {"action": "hide", "page": 2}))) == 1


def test_the_query_count_does_not_grow_with_rows(moderator_client, moderator):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert moderator_client.get(URL).status_code == 200
        return len(queries)

    def add_rows(n):
        for _ in range(n):
            hide(make_thread(author=UserFactory()).opening_post, UserFactory())

    add_rows(2)
    count_queries()  # warm the crisis-resource cache
    few = count_queries()
    add_rows(18)
    assert count_queries() == few


def test_changes_read_in_plain_words(client, moderator):
    post = make_thread(title="Exam worries").opening_post
    hide(post, moderator)
    case = open_case(post=post, reasons=["crisis-language", "premoderation"])
    record(
        actor=moderator,
        action=ActionKind.ESCALATE,
        target=post,
        case=case,
        before={"is_escalated": False},
        after={"is_escalated": True},
    )
    client.force_login(moderator)
    page = client.get(URL).content.decode()
    assert "escalated to safeguarding leads" in page
    assert "reasons: crisis language, waiting for first approval" in page
    assert "status: from published to hidden by a moderator" in page
    assert "False" not in page and "[&#x27;" not in page
    assert f"Post {post.pk} in thread {post.thread_id}" in page
    assert 'data-label="Action"' in page
