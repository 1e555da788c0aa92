"""What the screening misses in a bio reaches a moderator: any member can flag a
profile, with the same reasons, note, one-open-flag rule and limits as a post's flags,
and the profile's owner never learns who flagged."""

import pytest
from django.test import Client

from moderation.models import ActionKind, Case, CaseReason, Flag, FlagReason, Priority
from moderation.services import decide_case
from tests.factories import UserFactory
from tests.moderation.case_helpers import make_moderator
from tests.test_wording import assert_kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory(username="BrightWillow", bio="Ask me about my weekend plans")


@pytest.fixture
def flagger():
    return UserFactory(username="WatchfulWren")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def flag(client, reason="bullying", note=""):
    return client.post("/members/BrightWillow/flag/", {"reason": reason, "note": note})


def test_the_profile_page_offers_to_flag_it(flagger, owner):
    page = signed_in(flagger).get("/members/BrightWillow/").content.decode()
    assert 'href="/members/BrightWillow/flag/"' in page
    flag_page = signed_in(flagger).get("/members/BrightWillow/flag/").content.decode()
    assert 'name="reason" value="safety"' in flag_page
    assert 'name="note"' in flag_page
    assert "Ask me about my weekend plans" in flag_page


def test_a_flag_opens_a_profile_case_with_the_note(flagger, owner):
    response = flag(signed_in(flagger), reason="safety", note="This feels like grooming.")
    assert response.status_code == 302
    assert response["Location"] == "/members/BrightWillow/"
    case = Case.objects.get(member=owner)
    assert (case.post, case.priority, case.reasons) == (None, Priority.HIGH, [CaseReason.FLAGGED])
    flag_row = Flag.objects.get()
    assert (flag_row.member, flag_row.post, flag_row.case) == (owner, None, case)
    assert flag_row.note == "This feels like grooming."
    page = signed_in(make_moderator()).get(f"/moderation/cases/{case.pk}/").content.decode()
    assert "This feels like grooming." in page
    assert "WatchfulWren" in page


def test_one_open_flag_per_member_per_profile(flagger, owner):
    client = signed_in(flagger)
    flag(client)
    assert_kind(flag(client), 200, "You have already flagged this profile")
    assert Flag.objects.count() == 1


def test_nobody_flags_their_own_profile(owner):
    assert_kind(flag(signed_in(owner)), 200, "This is your own profile")
    assert not Flag.objects.exists()


def test_profile_flags_count_towards_the_flag_limits(flagger, settings):
    settings.RATE_LIMITS_ENABLED = True
    for n in range(5):
        UserFactory(username=f"Someone{n}")
        signed_in(flagger).post(f"/members/Someone{n}/flag/", {"reason": "spam"})
    UserFactory(username="BrightWillow")
    assert_kind(flag(signed_in(flagger)), 200, "please take a breather")
    assert Flag.objects.count() == 5


def test_deciding_the_case_closes_the_flags_and_thanks_the_flagger(flagger, owner):
    flag(signed_in(flagger))
    case = Case.objects.get(member=owner)
    decide_case(case=case, moderator=make_moderator(), action=ActionKind.APPROVE, reason="")
    assert not Flag.objects.open().exists()
    assert flagger.notifications.filter(message__icontains="profile").exists()
    assert not owner.notifications.exists()


def test_visitors_cannot_flag_and_a_closed_account_is_not_found(client, flagger, owner):
    assert client.post("/members/BrightWillow/flag/", {"reason": "spam"}).status_code == 302
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    assert flag(signed_in(flagger)).status_code == 404
    assert not Flag.objects.exists()


def test_the_flag_reasons_match_a_posts(flagger, owner):
    page = signed_in(flagger).get("/members/BrightWillow/flag/").content.decode()
    for reason in FlagReason.values:
        assert f'value="{reason}"' in page
