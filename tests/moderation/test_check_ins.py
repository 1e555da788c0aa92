"""A private check-in: a moderator writes from a crisis or concern case as "the
moderators", the writer alone reads and answers it, and every answer is screened."""

import pytest
from django.test import Client
from django.urls import reverse

from moderation.models import ActionKind, Case, CaseReason, CheckIn, ModerationAction, Priority
from moderation.services.check_ins import NOTICE_LINK_LABEL
from peersupport.accounts.deletion import delete_account
from tests.factories import UserFactory
from tests.moderation.case_helpers import make_case, make_moderator
from tests.test_wording import assert_kind

pytestmark = pytest.mark.django_db

HELLO = "Hi, this is the moderators. How are you doing right now?"


@pytest.fixture
def writer_client(crisis_case):
    # Its own client: `client` is the moderator's, signed in by moderator_client.
    writer_client = Client()
    writer_client.force_login(crisis_case.post.author)
    return writer_client


@pytest.fixture
def crisis_case():
    return make_case(reasons=(CaseReason.CRISIS_LANGUAGE,), held=True)


def send(client, case, body=HELLO):
    return client.post(reverse("moderation:send_check_in", args=[case.pk]), {"body": body})


def test_a_crisis_case_shows_the_playbook_and_the_check_in_templates(moderator_client, crisis_case):
    page = moderator_client.get(
        reverse("moderation:case", args=[crisis_case.pk]),
        {"check_in_template": "check-in-thinking-of-you"},
    )
    text = page.content.decode()
    assert "Caring for this writer" in text
    assert "When to escalate" in text
    # The chosen template's words start the message, ready to be changed.
    assert "We read what you wrote and wanted to check in with you." in text


def test_an_ordinary_case_has_no_check_in(moderator_client):
    case = make_case(reasons=(CaseReason.FLAGGED,))
    page = moderator_client.get(reverse("moderation:case", args=[case.pk]))
    assert "Private check-in" not in page.content.decode()
    assert send(moderator_client, case).status_code == 302
    assert not CheckIn.objects.exists()


def test_the_writer_alone_reads_a_check_in_from_the_moderators(
    client, moderator, moderator_client, crisis_case
):
    writer = crisis_case.post.author
    assert send(moderator_client, crisis_case).status_code == 302

    sent = ModerationAction.objects.get(action=ActionKind.CHECK_IN)
    assert (sent.actor, sent.member, sent.case) == (moderator, writer, crisis_case)

    client.force_login(writer)
    notifications = client.get(reverse("forum:notifications")).content.decode()
    assert NOTICE_LINK_LABEL in notifications
    # Notifications can be emailed: the message itself stays on the private page.
    assert HELLO not in notifications
    page = client.get(reverse("moderation:check_in", args=[crisis_case.pk]))
    assert_kind(page, 200, HELLO)
    assert "The moderators" in page.content.decode()
    assert moderator.username not in page.content.decode()

    for someone in (UserFactory(), make_moderator(username="KindOtter")):
        client.force_login(someone)
        assert client.get(reverse("moderation:check_in", args=[crisis_case.pk])).status_code == 404


def test_no_check_in_page_before_the_moderators_write(client, crisis_case):
    client.force_login(crisis_case.post.author)
    assert client.get(reverse("moderation:check_in", args=[crisis_case.pk])).status_code == 404


def test_a_moderator_does_not_check_in_about_their_own_post(client):
    moderator = make_moderator(username="WiseWren")
    case = make_case(reasons=(CaseReason.CONCERN_LANGUAGE,), author=moderator)
    client.force_login(moderator)
    page = client.post(
        reverse("moderation:send_check_in", args=[case.pk]), {"body": HELLO}, follow=True
    )
    assert_kind(page, 200, "Sorry, a check-in is for crisis and concern cases")
    assert not CheckIn.objects.exists()


def test_the_writers_answer_reaches_the_case_page_and_the_log(
    writer_client, moderator_client, crisis_case
):
    writer = crisis_case.post.author
    send(moderator_client, crisis_case)
    answer = writer_client.post(
        reverse("moderation:check_in", args=[crisis_case.pk]),
        {"body": "Thank you, a bit better today."},
    )
    assert answer.status_code == 302
    assert_kind(writer_client.get(answer.url), 200, "Your answer is with the moderators.")

    case_page = moderator_client.get(reverse("moderation:case", args=[crisis_case.pk]))
    assert "Thank you, a bit better today." in case_page.content.decode()
    crisis_case.refresh_from_db()
    assert CaseReason.CHECK_IN_REPLY in crisis_case.reasons
    replied = ModerationAction.objects.get(action=ActionKind.CHECK_IN_REPLY)
    assert (replied.actor, replied.member, replied.case) == (writer, writer, crisis_case)


def test_crisis_words_in_an_answer_show_help_at_once_and_raise_the_case(client, moderator_client):
    case = make_case(reasons=(CaseReason.CONCERN_LANGUAGE,))
    assert case.priority == Priority.HIGH
    send(moderator_client, case)
    client.force_login(case.post.author)
    page = client.post(
        reverse("moderation:check_in", args=[case.pk]),
        {"body": "and i will kill myself tonight i think"},
    )
    assert page.status_code == 200
    assert 'id="crisis-panel"' in page.content.decode()
    case.refresh_from_db()
    assert case.priority == Priority.CRISIS
    assert CaseReason.CRISIS_LANGUAGE in case.reasons


def test_an_answer_to_a_decided_case_opens_a_new_one_with_the_conversation(
    writer_client, moderator_client, crisis_case
):
    send(moderator_client, crisis_case)
    Case.objects.filter(pk=crisis_case.pk).update(status="decided")
    writer_client.post(
        reverse("moderation:check_in", args=[crisis_case.pk]), {"body": "Are you still there?"}
    )
    reopened = Case.objects.open().about_post(crisis_case.post).get()
    assert CaseReason.CHECK_IN_REPLY in reopened.reasons
    page = moderator_client.get(reverse("moderation:case", args=[reopened.pk]))
    assert HELLO in page.content.decode()
    assert "Are you still there?" in page.content.decode()


def test_blocked_words_in_an_answer_are_refused_kindly(client, moderator_client, crisis_case):
    send(moderator_client, crisis_case)
    client.force_login(crisis_case.post.author)
    page = client.post(
        reverse("moderation:check_in", args=[crisis_case.pk]), {"body": "buy followers here"}
    )
    assert page.status_code == 200
    assert not CheckIn.objects.filter(from_moderators=False).exists()
    # Beside the answer's box, as every form shows a field's problem.
    assert 'id="id_body_error" class="invalid-feedback"' in page.content.decode()


def test_a_writer_who_deletes_their_account_takes_their_answers_with_them(
    writer_client, moderator_client, crisis_case
):
    send(moderator_client, crisis_case)
    writer_client.post(
        reverse("moderation:check_in", args=[crisis_case.pk]), {"body": "Just for you."}
    )
    delete_account(crisis_case.post.author, keep_posts=True)
    assert list(CheckIn.objects.values_list("body", flat=True)) == [HELLO]


def test_personal_information_in_an_answer_reaches_the_moderators(
    writer_client, moderator_client, crisis_case
):
    # Only the moderators read it, and someone in danger may need to say where they are.
    send(moderator_client, crisis_case)
    writer_client.post(
        reverse("moderation:check_in", args=[crisis_case.pk]),
        {"body": "You can call me on 07700 900123"},
    )
    assert CheckIn.objects.filter(from_moderators=False, body__contains="07700 900123").exists()
