"""One case at /moderation/cases/<id>/: the post in context, claims, reassigning."""

import datetime

import pytest
from django.utils import timezone

from forum.drafts import Draft
from forum.models import PostStatus
from forum.services import edit_post
from moderation.models import (
    ActionKind,
    CaseReason,
    Flag,
    FlagReason,
    ModerationAction,
    Sanction,
    SanctionKind,
    StaffNote,
)
from moderation.services import CLAIM_LENGTH, claim_case, decide_case, open_case
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread

from .case_helpers import make_case, make_lead, make_moderator

pytestmark = pytest.mark.django_db


def url(case):
    return f"/moderation/cases/{case.pk}/"


def test_visitors_sign_in_members_are_refused_moderators_and_leads_may_look(client):
    case = make_case()
    response = client.get(url(case))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(UserFactory())
    assert client.get(url(case)).status_code == 403
    client.force_login(make_moderator())
    assert client.get(url(case)).status_code == 200
    client.force_login(make_lead())
    assert client.get(url(case)).status_code == 200


def test_the_post_is_shown_in_context_with_revisions_flags_and_findings(moderator_client):
    writer = UserFactory(username="BraveFinch")
    board = BoardFactory(name="Family", slug="family")
    thread = make_thread(board=board, title="Home is hard", body="The opening words")
    reply = make_reply(thread, author=writer, body="First draft")
    edit_post(post=reply, editor=writer, draft=Draft(body="What I want to say now"))
    flagger = UserFactory(username="WatchfulOwl")
    case = open_case(post=reply, reasons=[CaseReason.FLAGGED])
    Flag.objects.create(
        post=reply, flagger=flagger, reason=FlagReason.SAFETY, note="They sound scared", case=case
    )
    case.findings = [{"level": "concern", "phrase": "scared", "excerpt": "so scared"}]
    case.save(update_fields=["findings"])

    page = moderator_client.get(url(case)).content.decode()
    assert "Home is hard" in page and "Family" in page
    assert "The opening words" in page  # the parent post
    assert "What I want to say now" in page
    assert "First draft" in page  # the earlier revision
    assert "I&#x27;m worried about this person&#x27;s safety" in page
    assert "They sound scared" in page
    assert "WatchfulOwl" in page  # moderators may see who flagged
    assert "“scared” in “so scared”" in page


def test_the_writers_history_lists_earlier_cases_sanctions_and_notes(moderator_client, moderator):
    writer = UserFactory(username="BraveFinch")
    earlier = make_case(author=writer)
    decide_case(case=earlier, moderator=moderator, action="hide", reason="Unkind words")
    Sanction.objects.create(member=writer, kind=SanctionKind.WARN, reason="Be gentle please")
    StaffNote.objects.create(member=writer, author=moderator, text="Often posts late at night")
    case = make_case(author=writer)
    page = moderator_client.get(url(case)).content.decode()
    assert f'href="/moderation/cases/{earlier.pk}/"' in page
    assert "Hidden by CalmHeron" in page
    assert "Warning on" in page and "Be gentle please" in page
    assert "Often posts late at night" in page


def test_taking_a_case_claims_it_for_15_minutes(moderator_client, moderator):
    case = make_case()
    moderator_client.get(url(case))
    case.refresh_from_db()
    assert case.claimed_by is None  # opening it changes nothing
    page = moderator_client.post(f"{url(case)}take/", follow=True).content.decode()
    case.refresh_from_db()
    assert case.claimed_by == moderator
    left = case.claimed_until - timezone.now()
    assert CLAIM_LENGTH - datetime.timedelta(minutes=1) < left <= CLAIM_LENGTH
    assert "You are working on this case" in page
    assert ModerationAction.objects.filter(case=case, action=ActionKind.CLAIM).count() == 1
    # Taking it again renews the claim without another audit row.
    moderator_client.post(f"{url(case)}take/")
    assert ModerationAction.objects.filter(case=case, action=ActionKind.CLAIM).count() == 1


def test_a_second_moderator_sees_the_claim_and_cannot_decide_until_it_expires(
    moderator_client, moderator, client
):
    case = make_case(held=True)
    moderator_client.post(f"{url(case)}take/")
    other = make_moderator("KindWren")
    client.force_login(other)
    page = client.get(url(case)).content.decode()
    assert "CalmHeron is working on this case" in page
    case.refresh_from_db()
    assert case.claimed_by == moderator

    response = client.post(url(case), {"action": "hide", "reason": "Not yet"}, follow=True)
    assert "CalmHeron is working on this case" in response.content.decode()
    assert "nothing was changed" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "open"
    assert case.post.status == PostStatus.HELD
    assert not ModerationAction.objects.filter(case=case, action=ActionKind.HIDE).exists()

    case.claimed_until = timezone.now() - datetime.timedelta(seconds=1)
    case.save(update_fields=["claimed_until"])
    client.post(f"{url(case)}take/")
    case.refresh_from_db()
    assert case.claimed_by == other
    response = client.post(url(case), {"action": "hide", "reason": "Unkind words"})
    assert response.status_code == 302 and response["Location"] == "/moderation/"  # none left
    case.refresh_from_db()
    assert (case.status, case.decided_by, case.post.status) == ("decided", other, "hidden")


def test_deciding_an_unclaimed_case_claims_it_in_the_same_step(moderator_client, moderator):
    case = make_case(held=True)
    response = moderator_client.post(url(case), {"action": "approve", "reason": ""})
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.decided_by, case.claimed_by) == ("decided", moderator, moderator)


def test_a_lead_can_reassign_or_free_a_case(client, moderator):
    case = make_case()
    claim_case(case=case, moderator=moderator)
    other = make_moderator("KindWren")
    client.force_login(make_lead())
    response = client.post(f"{url(case)}reassign/", {"username": "kindwren"}, follow=True)
    assert "The case is now with KindWren." in response.content.decode()
    case.refresh_from_db()
    assert case.claimed_by == other
    reassigned = ModerationAction.objects.get(case=case, action=ActionKind.REASSIGN)
    assert (reassigned.before, reassigned.after) == (
        {"claimed_by": "CalmHeron"},
        {"claimed_by": "KindWren"},
    )

    client.post(f"{url(case)}reassign/", {"release": "1"})
    case.refresh_from_db()
    assert case.claimed_by is None

    response = client.post(f"{url(case)}reassign/", {"username": "QuietOtter"}, follow=True)
    assert "Please give the pseudonym of a moderator." in response.content.decode()


def test_only_leads_may_reassign(moderator_client):
    case = make_case()
    assert moderator_client.post(f"{url(case)}reassign/", {"release": "1"}).status_code == 403


def test_the_message_preview_shows_the_template_with_the_reason(moderator_client):
    case = make_case(held=True)
    response = moderator_client.post(
        url(case), {"action": "hide", "reason": "it names a school", "preview": "1"}
    )
    page = response.content.decode()
    assert "A moderator has hidden one of your posts. The reason: it names a school." in page
    case.refresh_from_db()
    assert case.status == "open" and case.post.status == PostStatus.HELD


def test_an_action_missing_what_it_needs_is_asked_for_and_nothing_changes(moderator_client):
    case = make_case()
    page = moderator_client.post(url(case), {"action": "edit", "reason": "tidy"}).content
    assert "Please write the post&#x27;s new text." in page.decode()
    page = moderator_client.post(url(case), {"action": "hide", "reason": " "}).content
    assert "Please give a reason: the member will read it." in page.decode()
    case.refresh_from_db()
    assert case.status == "open"


def test_a_late_decision_is_refused_with_a_clear_message(moderator_client, moderator, client):
    case = make_case(held=True)
    other = make_moderator("KindWren")
    decide_case(case=case, moderator=other, action="approve", reason="")
    response = moderator_client.post(url(case), {"action": "hide", "reason": "x"}, follow=True)
    page = response.content.decode()
    assert "Another moderator has already decided this case, so nothing was changed." in page
    assert "KindWren decided this case" in page
    case.refresh_from_db()
    assert case.decided_by == other and case.post.status == PostStatus.PUBLISHED
    assert ModerationAction.objects.filter(case=case, action=ActionKind.HIDE).count() == 0


def _case_with_history(moderator, writer, size):
    for _ in range(size):
        make_case(author=writer)
        Sanction.objects.create(member=writer, kind=SanctionKind.WARN, reason="Be gentle")
        StaffNote.objects.create(member=writer, author=moderator, text="A note")
    case = make_case(author=writer)
    edit_post(post=case.post, editor=writer, draft=Draft(body="Said another way"))
    for _ in range(size):
        Flag.objects.create(
            post=case.post, flagger=UserFactory(), reason=FlagReason.SPAM, case=case
        )
    return case


def test_the_case_page_costs_the_same_queries_however_long_the_history(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    moderator = make_moderator()
    client.force_login(moderator)

    def queries(case):
        client.post(f"{url(case)}take/")  # as the moderator deciding it will have
        client.get(url(case))  # the page's cached parts (the crisis box, boards) are ready
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(case)).status_code == 200
        return len(captured)

    quiet = _case_with_history(moderator, UserFactory(username="QuietLark"), size=1)
    busy = _case_with_history(moderator, UserFactory(username="BusyFinch"), size=6)
    assert queries(busy) == queries(quiet) <= 10
