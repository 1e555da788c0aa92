"""Download my data: everything held about the member, nothing about anyone else."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum import services as forum_services
from forum.drafts import Draft
from forum.following import follow_board
from forum.models import PostStatus
from moderation.models import ActionKind, Case, FlagReason, ModerationAction
from moderation.services import add_staff_note, appeal_decision, decide_case
from moderation.services import flags as flagging
from peersupport.accounts.export import build_export
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread
from tests.moderation.case_helpers import make_moderator

pytestmark = pytest.mark.django_db


def _download(client):
    response = client.post("/settings/export/")
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_the_settings_page_offers_the_download(member_client):
    content = member_client.get("/settings/").content.decode()
    assert 'action="/settings/export/"' in content
    assert "Download my data" in content


def test_the_download_is_a_dated_json_attachment(member_client):
    response, data = _download(member_client)
    assert response["Content-Type"].startswith("application/json")
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="peer-support-QuietOtter12-{today}.json"'
    )
    assert data["profile"]["pseudonym"] == "QuietOtter12"


def test_visitors_are_asked_to_sign_in(client, db):
    assert client.post("/settings/export/").status_code == 302


@pytest.fixture
def history(member):
    """A member with posts, an edit, a flagged post decided on, an appeal, flags made,
    reactions, follows, mutes and preferences; and records they must never see."""
    board = BoardFactory(name="Feeling low")
    other, second_flagger = UserFactory(username="KindRobin"), UserFactory(username="SharpJay")
    moderator = make_moderator()
    member.bio = "I like drawing."
    member.muted_words = "exams\nschool"
    member.save()
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    thread = make_thread(author=member, board=board, title="Hard week", body="First words")
    forum_services.edit_post(
        post=thread.opening_post, editor=member, draft=Draft(body="Better words")
    )
    held = make_reply(thread, author=member, body="Held words", status=PostStatus.HELD)
    others = make_thread(author=other, board=board, title="Small wins")
    flagging.flag_post(
        flagger=second_flagger,
        post=thread.opening_post,
        reason=FlagReason.BULLYING,
        note="SharpJay's own note",
        ip_address="203.0.113.9",
    )
    decide_case(
        case=Case.objects.get(post=thread.opening_post),
        moderator=moderator,
        action=ActionKind.HIDE,
        reason="It could upset people.",
    )
    decision = ModerationAction.objects.get(action=ActionKind.HIDE)
    appeal_decision(member=member, decision=decision, text="Please look again.")
    add_staff_note(author=moderator, member=member, text="Secret staff note")
    flagging.flag_post(
        flagger=member,
        post=others.opening_post,
        reason=FlagReason.SAFETY,
        note="I worry about them.",
        ip_address="198.51.100.4",
    )
    forum_services.toggle_reaction(member=member, post=others.opening_post, kind="hug")
    forum_services.mute_member(muter=member, muted=other, duration="week")
    follow_board(member=member, board=board)
    return {"thread": thread, "held": held}


def test_it_holds_everything_about_the_member(member_client, member, history):
    _, data = _download(member_client)
    profile = data["profile"]
    assert profile["email_addresses"] == [
        {"email": "quiet.otter@example.com", "verified": True, "primary": True}
    ]
    assert profile["bio"] == "I like drawing."
    assert profile["muted_words"] == ["exams", "school"]
    assert profile["members_muted"][0]["pseudonym"] == "KindRobin"
    assert profile["member_since"]

    opening, held = data["posts"]
    assert opening["thread_title"] == "Hard week"
    assert opening["board"] == "Feeling low"
    assert opening["body_markdown"] == "Better words"
    assert opening["status"] == "Hidden by a moderator"
    assert opening["earlier_versions"][0]["body_markdown"] == "First words"
    assert opening["earlier_versions"][0]["changed_by"] == "you"
    assert held["status"] == "Waiting for a moderator"

    assert data["reactions_given"][0]["reaction"] == "Hug"
    assert [follow["board"] for follow in data["boards_followed"]] == ["Feeling low"]
    assert {follow["title"] for follow in data["threads_followed"]} == {"Hard week"}
    assert data["flags_made"][0]["note"] == "I worry about them."
    assert data["flags_made"][0]["reason"] == "I'm worried about this person's safety"
    assert any("upset people" in note["message"] for note in data["notifications"])
    assert data["appeals"][0]["decision"] == "Hidden"
    assert data["appeals"][0]["decision_reason"] == "It could upset people."
    assert data["appeals"][0]["your_appeal"] == "Please look again."


def test_it_leaves_out_staff_notes_other_members_and_the_logs_internals(member_client, history):
    response, _ = _download(member_client)
    content = response.content.decode()
    for never in [
        "Secret staff note",
        "SharpJay",  # who else flagged their post
        "203.0.113.9",  # another member's address
        "CalmHeron",  # which moderator decided
        "target_repr",
        "actor",
    ]:
        assert never not in content


def test_the_query_count_does_not_grow_with_posts(member):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            build_export(member)
        return len(captured)

    thread = make_thread(author=member)
    baseline = queries()
    for n in range(8):
        reply = make_reply(thread, author=member, body=f"Reply {n}")
        forum_services.edit_post(post=reply, editor=member, draft=Draft(body=f"Reply {n}, edited"))
        make_thread(author=member, board=BoardFactory(), title=f"Thread {n}")
    assert queries() == baseline
