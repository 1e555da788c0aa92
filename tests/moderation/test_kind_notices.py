"""The words a writer gets when their post is hidden: kind and said once, with no
invitation to edit a crisis post "so it can be looked at again", and a moderator's
reason quoted without a second full stop, in the notice and on the appeal page."""

import re

import pytest
from django.urls import reverse

from forum.models import Notification
from moderation.models import ActionKind, CaseReason, ModerationAction
from tests.factories import UserFactory
from tests.moderation.case_helpers import make_case

pytestmark = pytest.mark.django_db

REASON = "Please see the services below."


def hide(moderator_client, case, reason=REASON):
    return moderator_client.post(
        reverse("moderation:case", args=[case.pk]),
        {"action": "hide", "reason": reason, "seen_posts": str(case.post.pk)},
    )


def sentences(text):
    return [each.strip() for each in re.split(r"(?<=[.!?])\s+", text) if each.strip()]


def test_hiding_a_crisis_post_sends_warm_words_said_once(moderator_client):
    writer = UserFactory(username="QuietLark")
    case = make_case(reasons=(CaseReason.CRISIS_LANGUAGE,), held=True, author=writer)
    assert hide(moderator_client, case).status_code == 302
    notice = Notification.objects.get(recipient=writer).message
    assert "not because you did anything wrong" in notice
    assert "so it can be looked at again" not in notice
    assert "listed with this message" not in notice
    assert ".." not in notice
    assert len(sentences(notice)) == len(set(sentences(notice)))


def test_an_ordinary_hide_notice_repeats_nothing(moderator_client):
    writer = UserFactory(username="PlainWren")
    case = make_case(author=writer)
    hide(moderator_client, case)
    notice = Notification.objects.get(recipient=writer).message
    assert "The reason: Please see the services below. Nothing is lost" in notice
    assert "listed with this message" not in notice
    assert ".." not in notice
    assert notice.lower().count("edit") == 1
    assert notice.count("look at this decision again") == 1


def test_the_appeal_page_quotes_the_reason_without_a_stray_full_stop(moderator_client, client):
    writer = UserFactory(username="StillPond")
    case = make_case(author=writer)
    hide(moderator_client, case)
    decision = ModerationAction.objects.get(action=ActionKind.HIDE)
    client.force_login(writer)
    page = client.get(reverse("moderation:appeal", args=[decision.pk])).content.decode()
    assert REASON in page
    assert ".”." not in page and "..”" not in page
