"""Deciding cases: each action's effect, its one audit row and the kind notices, and
that of two decisions on one case exactly one wins."""

import datetime
import threading

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.utils import timezone

from forum.models import Notification, PostStatus, Revision, Thread
from moderation.models import (
    ActionKind,
    Case,
    CaseReason,
    Flag,
    FlagReason,
    ModerationAction,
    Sanction,
)
from moderation.services import DecisionRefused, claim_case, decide_case
from tests.factories import PASSWORD, BoardFactory, UserFactory, make_thread

from .case_helpers import make_case, make_moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    return UserFactory(username="BraveFinch")


def decision_rows(case, action):
    return ModerationAction.objects.filter(case=case, action=action)


def notices_for(member):
    return list(
        Notification.objects.filter(recipient=member, kind="moderation").values_list(
            "message", flat=True
        )
    )


def flag(case, username, reason=FlagReason.BULLYING):
    return Flag.objects.create(
        post=case.post, flagger=UserFactory(username=username), reason=reason, case=case
    )


def test_approving_a_held_post_publishes_it_and_tells_the_writer(moderator, writer):
    case = make_case([CaseReason.PREMODERATION], held=True, author=writer)
    decide_case(case=case, moderator=moderator, action="approve", reason="")
    case.refresh_from_db()
    assert case.post.status == PostStatus.PUBLISHED
    assert (case.status, case.decision, case.decided_by) == ("decided", "approve", moderator)
    assert case.decided_at is not None
    row = decision_rows(case, ActionKind.APPROVE).get()
    assert (row.actor, row.member, row.before, row.after) == (
        moderator,
        writer,
        {"status": "held"},
        {"status": "published"},
    )
    [notice] = notices_for(writer)
    assert notice.startswith("A moderator has read your post and it is now showing")
    assert "crisis support services listed on every page" in notice


def test_approving_a_flagged_published_post_tells_only_the_flaggers(moderator, writer):
    case = make_case([CaseReason.FLAGGED], author=writer)
    first, second = flag(case, "WatchfulOwl"), flag(case, "GentleMoth")
    decide_case(case=case, moderator=moderator, action="approve", reason="It is fine")
    assert notices_for(writer) == []
    for flagged in (first, second):
        flagged.refresh_from_db()
        assert not flagged.is_open
        [notice] = notices_for(flagged.flagger)
        assert notice.startswith("Thank you for flagging a post.")
        assert "It is fine" not in notice
    assert Notification.objects.get(recipient=first.flagger).post is None
    assert decision_rows(case, ActionKind.APPROVE).count() == 1


def test_hiding_a_post_tells_the_writer_why_and_what_they_can_do(moderator, writer):
    case = make_case(author=writer)
    decide_case(case=case, moderator=moderator, action="hide", reason="it names a school")
    case.refresh_from_db()
    assert case.post.status == PostStatus.HIDDEN
    assert decision_rows(case, ActionKind.HIDE).get().after == {"status": "hidden"}
    [notice] = notices_for(writer)
    assert "The reason: it names a school." in notice
    assert "You can edit your post" in notice
    assert "ask the moderators to look at this decision again" in notice
    assert "crisis support services" in notice
    assert Notification.objects.get(recipient=writer).post == case.post


def test_edit_and_approve_keeps_the_revision(moderator, writer):
    case = make_case(held=True, author=writer, body="I go to Hilltop School")
    decide_case(
        case=case,
        moderator=moderator,
        action="edit",
        reason="it named a school",
        body="I go to school",
    )
    case.refresh_from_db()
    post = case.post
    assert (post.body, post.status) == ("I go to school", PostStatus.PUBLISHED)
    revision = Revision.objects.get(post=post)
    assert (revision.body, revision.edited_by) == ("I go to Hilltop School", moderator)
    row = decision_rows(case, ActionKind.EDIT).get()
    assert row.before["body"] == "I go to Hilltop School"
    assert "made a small change to your post" in notices_for(writer)[0]


def test_adding_a_content_warning_publishes_the_post_with_it(moderator, writer):
    case = make_case(held=True, author=writer)
    decide_case(
        case=case,
        moderator=moderator,
        action="add_warning",
        reason="readers may find it hard",
        content_warning="self-harm",
    )
    case.refresh_from_db()
    assert (case.post.content_warning, case.post.status) == ("self-harm", PostStatus.PUBLISHED)
    assert decision_rows(case, ActionKind.ADD_WARNING).get().after["content_warning"] == "self-harm"
    assert "content warning" in notices_for(writer)[0]


def test_locking_the_thread_stops_replies(moderator, writer, client):
    case = make_case(author=writer)
    decide_case(case=case, moderator=moderator, action="lock", reason="it got heated")
    thread = Thread.objects.get(pk=case.post.thread_id)
    assert thread.is_locked
    assert decision_rows(case, ActionKind.LOCK).get().after == {"is_locked": True}
    client.force_login(UserFactory())
    client.post(f"/threads/{thread.pk}/reply/", {"body": "one more"})
    assert thread.posts.count() == 1


def test_moving_the_thread_changes_its_board(moderator, writer):
    case = make_case(author=writer, board=BoardFactory(slug="general"))
    better = BoardFactory(name="Exams", slug="exams")
    decide_case(case=case, moderator=moderator, action="move", reason="fits better", board=better)
    assert Thread.objects.get(pk=case.post.thread_id).board == better
    row = decision_rows(case, ActionKind.MOVE).get()
    assert (row.before, row.after) == ({"board": "general"}, {"board": "exams"})
    assert "moved your thread" in notices_for(writer)[0]


def test_escalating_keeps_the_case_open_for_a_lead(moderator, writer):
    case = make_case([CaseReason.CRISIS_LANGUAGE], held=True, author=writer)
    open_flag = flag(case, "WatchfulOwl", FlagReason.SAFETY)
    claim_case(case=case, moderator=moderator)
    decide_case(case=case, moderator=moderator, action="escalate", reason="needs a lead")
    case.refresh_from_db()
    assert (case.status, case.is_escalated, case.claimed_by) == ("open", True, None)
    assert decision_rows(case, ActionKind.ESCALATE).count() == 1
    open_flag.refresh_from_db()
    assert open_flag.is_open
    assert Notification.objects.count() == 0
    assert case.post.status == PostStatus.HELD


def test_warning_a_writer_records_a_sanction(moderator, writer):
    case = make_case(author=writer)
    decide_case(case=case, moderator=moderator, action="warn", reason="be kind to others")
    sanction = Sanction.objects.get(member=writer)
    assert (sanction.kind, sanction.reason, sanction.case) == ("warn", "be kind to others", case)
    assert decision_rows(case, ActionKind.WARN).count() == 1
    assert "The reason: be kind to others." in notices_for(writer)[0]


def test_a_suspended_member_can_read_but_not_post(client, moderator, writer):
    case = make_case(author=writer)
    client.force_login(moderator)
    response = client.post(
        f"/moderation/cases/{case.pk}/",
        {"action": "suspend", "reason": "a break to cool off", "days": "7"},
    )
    assert response.status_code == 302
    writer.refresh_from_db()
    assert writer.is_suspended()
    assert Sanction.objects.get(member=writer).kind == "suspend"
    assert decision_rows(case, ActionKind.SUSPEND).count() == 1

    client.force_login(writer)
    thread = case.post.thread
    assert client.get(f"/threads/{thread.pk}/").status_code == 200
    refused = client.post(f"/threads/{thread.pk}/reply/", {"body": "hello"})
    assert refused.status_code == 403
    new = client.post(
        f"/boards/{thread.board.slug}/new/", {"title": "Hi", "body": "hello", "content_warning": ""}
    )
    assert new.status_code == 403
    assert thread.posts.count() == 1 and Thread.objects.count() == 1
    for page in (refused, new):
        text = page.content.decode().lower()
        assert "error" not in text and "violation" not in text


def test_a_suspension_needs_an_end_in_the_future(moderator, writer):
    case = make_case(author=writer)
    with pytest.raises(DecisionRefused):
        decide_case(
            case=case,
            moderator=moderator,
            action="suspend",
            reason="x",
            until=timezone.now() - datetime.timedelta(days=1),
        )
    case.refresh_from_db()
    assert case.status == "open" and not Sanction.objects.exists()


def test_a_ban_ends_the_members_open_sessions_at_once(moderator, writer):
    case = make_case(author=writer)
    member_client = Client()
    assert member_client.login(username="BraveFinch", password=PASSWORD)
    assert member_client.get("/settings/").status_code == 200
    bystander = Client()
    bystander.force_login(UserFactory(username="OtherMember"))

    moderator_client = Client()
    moderator_client.force_login(moderator)
    moderator_client.post(
        f"/moderation/cases/{case.pk}/", {"action": "ban", "reason": "repeated cruelty"}
    )
    writer.refresh_from_db()
    assert not writer.is_active
    row = decision_rows(case, ActionKind.BAN).get()
    assert row.after["sessions_ended"] == 1
    assert Session.objects.count() == 2  # the moderator's and the bystander's
    response = member_client.get("/settings/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert bystander.get("/settings/").status_code == 200
    assert not Client().login(username="BraveFinch", password=PASSWORD)


def test_a_claim_by_someone_else_refuses_the_decision_until_it_expires(moderator, writer):
    case = make_case(held=True, author=writer)
    claim_case(case=case, moderator=make_moderator("KindWren"))
    with pytest.raises(DecisionRefused, match="KindWren is working on this case"):
        decide_case(case=case, moderator=moderator, action="hide", reason="x")
    case.refresh_from_db()
    assert case.status == "open" and case.post.status == PostStatus.HELD
    Case.objects.filter(pk=case.pk).update(
        claimed_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    decide_case(case=case, moderator=moderator, action="hide", reason="x")
    case.refresh_from_db()
    assert case.post.status == PostStatus.HIDDEN


def test_a_late_decision_changes_nothing(moderator, writer):
    case = make_case(held=True, author=writer)
    decide_case(case=case, moderator=moderator, action="approve", reason="")
    with pytest.raises(DecisionRefused, match="already decided this case"):
        decide_case(case=case, moderator=make_moderator("KindWren"), action="ban", reason="x")
    case.refresh_from_db()
    writer.refresh_from_db()
    assert (case.decision, case.post.status, writer.is_active) == ("approve", "published", True)
    assert ModerationAction.objects.filter(case=case, action__in=["approve", "ban"]).count() == 1
    assert not Sanction.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_two_concurrent_decisions_exactly_one_wins():
    # A transactional test starts from an empty database: everything is made here.
    writer = UserFactory(username="BraveFinch")
    thread = make_thread(author=writer, board=BoardFactory(slug="together"))
    from forum.services import set_post_status
    from moderation.services import open_case

    post = set_post_status(post=thread.opening_post, status=PostStatus.HELD)
    case = open_case(post=post, reasons=[CaseReason.CRISIS_LANGUAGE])
    hider, approver = make_moderator("KindWren"), make_moderator("CalmHeron")
    start = threading.Barrier(2)
    outcomes = {}

    def decide(moderator, action):
        try:
            start.wait()
            decide_case(case=case, moderator=moderator, action=action, reason="seen")
            outcomes[action] = "won"
        except DecisionRefused as refused:
            outcomes[action] = refused.message
        finally:
            connection.close()

    workers = [
        threading.Thread(target=decide, args=(hider, "hide")),
        threading.Thread(target=decide, args=(approver, "approve")),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    [winner] = [action for action, outcome in outcomes.items() if outcome == "won"]
    [loser] = [action for action, outcome in outcomes.items() if outcome != "won"]
    assert "already decided this case" in outcomes[loser]
    rows = ModerationAction.objects.filter(case=case, action__in=["hide", "approve"])
    assert list(rows.values_list("action", flat=True)) == [winner]
    case.refresh_from_db()
    post.refresh_from_db()
    assert case.decision == winner
    assert post.status == {"hide": PostStatus.HIDDEN, "approve": PostStatus.PUBLISHED}[winner]


def test_a_hidden_writer_is_offered_an_appeal_and_the_decider_cannot_decide_it(client):
    from django.contrib.auth.models import Group

    from forum.models import Notification
    from moderation.models import Case, ModerationAction
    from moderation.services import DecisionRefused, appeal_decision, decide_case, open_case
    from tests.factories import UserFactory, make_thread

    moderators = Group.objects.get_or_create(name="Moderators")[0]
    first, second = UserFactory(), UserFactory()
    first.groups.add(moderators)
    second.groups.add(moderators)
    writer = UserFactory()
    post = make_thread(author=writer).opening_post
    case = open_case(post=post, reasons=["flagged"])
    decide_case(case=case, moderator=first, action="hide", reason="unkind words")

    decision = ModerationAction.objects.get(action="hide")
    notice = Notification.objects.get(recipient=writer, kind="moderation")
    assert notice.link == f"/moderation/appeal/{decision.pk}/"
    client.force_login(writer)
    page = client.get("/notifications/").content.decode()
    assert "Ask for this decision to be looked at again" in page

    appeal_decision(member=writer, decision=decision, text="I was upset, not unkind.")
    appeal_case = Case.objects.open().get(post=post)
    with pytest.raises(DecisionRefused):
        decide_case(case=appeal_case, moderator=first, action="approve", reason="fine")
    decide_case(case=appeal_case, moderator=second, action="approve", reason="fine")
