"""The crisis box gives someone easily overwhelmed one obvious thing to do: one primary
action for their region and one alternative, with the rest one click away."""

import re

import pytest

from moderation.models import RiskLevel, WatchedPhrase
from peersupport.signposting.models import CrisisResource
from tests.factories import BoardFactory
from tests.moderation.case_helpers import make_moderator
from tests.pages import crisis_box

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a [^>]*href="([^"]*)"')


def _lead(box):
    """What the box shows before anything is opened."""
    return box.split("<details", 1)[0]


@pytest.mark.parametrize(
    ("region", "primary", "alternative", "emergency"),
    [
        ("uk", "tel:111", "sms:85258?body=SHOUT", "tel:999"),
        ("ireland", "tel:116123", "sms:50808", "tel:112"),
        ("us", "tel:988", "sms:741741?body=HOME", "tel:911"),
    ],
)
def test_the_box_leads_with_one_action_one_alternative_and_the_emergency_line(
    client, region, primary, alternative, emergency
):
    client.post("/help/region/", {"region": region, "next": "/"})
    box = crisis_box(client.get("/"))
    lead = _lead(box).replace("&amp;", "&")
    assert LINK.findall(lead) == [primary, alternative, emergency]
    assert 'class="btn btn-primary crisis-action"' in lead


def test_the_rest_are_one_click_away_inside_the_box(client):
    box = crisis_box(client.get("/"))
    more = box[box.index("<details") :]
    assert "<summary>More ways to get help</summary>" in more
    for resource in CrisisResource.objects.for_region("uk").filter(is_emergency=False):
        assert resource.name in box, resource.name
    for name in ["Samaritans", "Childline", "Papyrus HOPELINE247", "The Mix crisis messenger"]:
        assert name in more, name
    assert 'action="/help/region/"' in more  # choosing another region is in there too


def test_moderators_pages_carry_the_same_short_box(client):
    client.force_login(make_moderator())
    box = crisis_box(client.get("/moderation/"))
    assert len(LINK.findall(_lead(box))) == 3


def test_the_help_page_lists_every_service_once_and_never_links_to_itself(client):
    content = client.get("/help/").content.decode()
    box = crisis_box(client.get("/help/"))
    assert "<details" not in box
    assert 'href="/help/"' not in box
    for resource in CrisisResource.objects.for_region("uk").filter(is_emergency=False):
        assert content.count(f'<h3 class="resource-name">{resource.name}</h3>') == 1
    assert content.count('href="tel:116123"') == 1


def test_the_crisis_response_page_lists_every_service_once(member_client):
    WatchedPhrase.objects.get_or_create(phrase="end it all tonight", level=RiskLevel.CRISIS)
    BoardFactory(name="Feeling low", slug="feeling-low")
    response = member_client.post(
        "/boards/feeling-low/new/", {"title": "Tonight", "body": "I will end it all tonight."}
    )
    content = member_client.get(response["Location"]).content.decode()
    assert "<details" not in crisis_box(member_client.get(response["Location"]))
    for resource in CrisisResource.objects.for_region("uk").filter(is_emergency=False):
        assert content.count(f'<h3 class="resource-name">{resource.name}</h3>') == 1
    assert content.count('href="tel:116123"') == 1


def test_quiet_mode_folds_the_box_into_one_get_help_control(member_client, member):
    member.quiet_mode = True
    member.save()
    box = crisis_box(member_client.get("/"))
    folded = re.fullmatch(
        r'<aside id="crisis-support"[^>]*>\s*<details class="crisis-fold">\s*'
        r"<summary[^>]*>Get help</summary>.*</details>\s*</aside>",
        box,
        re.DOTALL,
    )
    assert folded, box
    assert "tel:116123" in box  # everything is still there, one click away


def test_without_quiet_mode_the_box_is_open(member_client):
    box = crisis_box(member_client.get("/"))
    assert 'class="crisis-fold"' not in box
    assert "Need to talk to someone now?" in _lead(box)
