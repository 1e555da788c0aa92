"""Posts by moderators carry a badge, so members know who speaks for the site; the
badge costs the thread page no query of its own."""

import pytest

from tests.factories import make_reply, make_thread
from tests.moderation.case_helpers import make_lead, make_moderator

pytestmark = pytest.mark.django_db


def test_moderators_and_leads_posts_carry_a_badge_and_members_do_not(member_client):
    thread = make_thread(body="A member's words")
    make_reply(thread, author=make_moderator(), body="A moderator's words")
    make_reply(thread, author=make_lead(), body="A lead's words")
    page = member_client.get(thread.get_absolute_url()).content.decode()
    assert page.count('class="moderator-badge"') == 2


def test_a_role_not_in_force_carries_no_badge(member_client, settings):
    settings.REQUIRE_MFA_FOR_STAFF = True
    thread = make_thread()
    make_reply(thread, author=make_moderator(), body="Without two-step sign-in yet")
    page = member_client.get(thread.get_absolute_url()).content.decode()
    assert 'class="moderator-badge"' not in page
