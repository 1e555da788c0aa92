"""A case about a post its writer deleted closes itself, with an audit row by the
system, so it no longer waits in the queue; a crisis case stays open, since deleting the
words does not end the risk."""

import pytest

from moderation.models import ActionKind, CaseReason, ModerationAction

from .case_helpers import make_case, make_lead

pytestmark = pytest.mark.django_db


def test_a_case_closes_when_its_writer_deletes_the_post(client, moderator_client):
    case = make_case(reasons=[CaseReason.PREMODERATION], held=True)
    client.force_login(case.post.author)
    client.post(f"/posts/{case.post.pk}/delete/")
    case.refresh_from_db()
    assert case.status == "decided" and case.decision == ActionKind.POST_DELETED
    row = ModerationAction.objects.get(case=case, action=ActionKind.POST_DELETED)
    assert row.actor is None
    page = moderator_client.get("/moderation/").content.decode()
    assert f'data-case-id="{case.pk}"' not in page
    client.force_login(make_lead())
    log = client.get("/moderation/log/").content.decode()
    assert "Closed: the writer deleted the post" in log and "the system" in log


def test_a_crisis_case_stays_open_when_the_post_is_deleted(client):
    case = make_case(reasons=[CaseReason.CRISIS_LANGUAGE], held=True)
    client.force_login(case.post.author)
    client.post(f"/posts/{case.post.pk}/delete/")
    case.refresh_from_db()
    assert case.status == "open"
