"""Plain first posts, held only for pre-moderation with nothing found in them, can be
approved several at once from the queue: each one audited like a single decision, and any
that changed since the moderator looked left for them to open."""

import pytest

from forum.models import PostStatus
from moderation.models import ActionKind, CaseReason, ModerationAction
from moderation.services import flag_post
from tests.factories import UserFactory

from .case_helpers import CRISIS, make_case

pytestmark = pytest.mark.django_db

URL = "/moderation/approve/"


def plain(**kwargs):
    return make_case(reasons=[CaseReason.PREMODERATION], held=True, **kwargs)


def test_the_queue_offers_only_plain_first_posts_to_approve_together(moderator_client):
    first, second = plain(), plain()
    flagged = make_case(reasons=[CaseReason.PREMODERATION, CaseReason.FLAGGED], held=True)
    page = moderator_client.get("/moderation/").content.decode()
    assert f'action="{URL}"' in page and "Approve these" in page
    assert f'name="cases" value="{first.pk}"' in page
    assert f'name="cases" value="{second.pk}"' in page
    assert f'name="cases" value="{flagged.pk}"' not in page


def test_approving_several_decides_each_with_its_own_audit_row(moderator_client, moderator):
    cases = [plain(), plain()]
    response = moderator_client.post(URL, {"cases": [case.pk for case in cases]}, follow=True)
    assert "2 first posts approved" in response.content.decode()
    for case in cases:
        case.refresh_from_db()
        case.post.refresh_from_db()
        assert (case.status, case.decided_by, case.post.status) == (
            "decided",
            moderator,
            PostStatus.PUBLISHED,
        )
        assert ModerationAction.objects.filter(
            case=case, action=ActionKind.APPROVE, actor=moderator
        ).exists()


def test_a_case_that_changed_meanwhile_is_left_and_named(moderator_client):
    kept, flagged, screened = plain(), plain(), plain()
    flag_post(flagger=UserFactory(), post=flagged.post, reason="bullying", note="")
    screened.findings = [CRISIS]
    screened.save(update_fields=["findings"])
    response = moderator_client.post(
        URL, {"cases": [kept.pk, flagged.pk, screened.pk]}, follow=True
    )
    page = response.content.decode()
    assert "1 first post approved" in page
    assert f"Case {flagged.pk}" in page and f"Case {screened.pk}" in page
    for case in (flagged, screened):
        case.refresh_from_db()
        assert case.status == "open"
        assert not ModerationAction.objects.filter(case=case, action=ActionKind.APPROVE).exists()


def test_members_may_not_approve_in_bulk(member_client):
    case = plain()
    assert member_client.post(URL, {"cases": [case.pk]}).status_code == 403
    case.refresh_from_db()
    assert case.status == "open"
