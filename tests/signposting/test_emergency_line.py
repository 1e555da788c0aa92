"""The emergency line (its number, its wording and its link) comes from the crisis
directory for the viewer's region, on every page that mentions it."""

import re

import pytest
from django.core import mail

from forum.models import Notification
from moderation.models import FlagReason, RiskLevel, WatchedPhrase
from moderation.services import flags as flagging
from peersupport.signposting.models import CrisisResource
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread
from tests.pages import crisis_box
from tests.signposting.helpers import edit_in_admin

pytestmark = pytest.mark.django_db

PAGES = ["/", "/help/", "/guidelines/", "/professionals/", "/accounts/login/", "/no-such-page/"]
EMERGENCY_LINKS = {"uk": "tel:999", "ireland": "tel:112", "us": "tel:911"}


def _footer(content):
    return content[content.index("<footer") :]


def _main(content):
    return content[content.index("<main") : content.index("</main>")]


@pytest.mark.parametrize(
    ("region", "link"),
    [("uk", "tel:999"), ("scotland", "tel:999"), ("ireland", "tel:112"), ("us", "tel:911")],
)
def test_the_emergency_line_follows_the_region_on_every_page(client, region, link):
    client.post("/help/region/", {"region": region, "next": "/"})
    wrong_links = set(EMERGENCY_LINKS.values()) - {link}
    for url in PAGES:
        content = client.get(url).content.decode()
        assert f'href="{link}"' in crisis_box(client.get(url)), url
        assert f'href="{link}"' in _footer(content), url
        for wrong in wrong_links:
            assert wrong not in content, (url, wrong)
    help_intro = _main(client.get("/help/").content.decode()).split("</p>")[0]
    assert f'href="{link}"' in help_intro


def test_nobody_outside_the_uk_is_told_to_call_999(client):
    client.post("/help/region/", {"region": "us", "next": "/"})
    for url in PAGES:
        content = client.get(url).content.decode()
        assert not re.search(r"\b999\b", content), url
        assert "A&amp;E" not in content, url


def test_the_crisis_panel_and_the_flag_page_give_the_members_emergency_line(member_client, member):
    member.region = "us"
    member.save()
    WatchedPhrase.objects.get_or_create(phrase="end it all tonight", level=RiskLevel.CRISIS)
    BoardFactory(name="Feeling low", slug="feeling-low")
    response = member_client.post(
        "/boards/feeling-low/new/", {"title": "Tonight", "body": "I will end it all tonight."}
    )
    page = member_client.get(response["Location"]).content.decode()
    panel = page[page.index('id="crisis-panel"') : page.index("</section>")]
    assert 'href="tel:911"' in panel
    assert "tel:999" not in page

    notice = Notification.objects.get(recipient=member).message
    assert "999" not in notice
    assert "soon" not in notice  # at night nobody may look for hours

    thread = make_thread(body="Someone else's words.")
    flag_page = member_client.get(f"/posts/{thread.opening_post.pk}/flag/").content.decode()
    assert 'href="tel:911"' in _main(flag_page)
    assert "tel:999" not in flag_page


def test_the_shipped_emergency_lines_are_marked_in_the_directory():
    emergency = {
        resource.region: resource.phone
        for resource in CrisisResource.objects.filter(is_emergency=True)
    }
    assert emergency == {"uk": "999", "ireland": "112", "us": "911"}


def test_an_admin_edit_of_the_emergency_line_shows_everywhere_at_once(client, admin_user):
    client.get("/")  # warm the cache with the shipped line
    emergency = CrisisResource.objects.get(region="uk", is_emergency=True)
    edit_in_admin(client, admin_user, emergency, phone="112", after_number="or 999, or go to A&E")

    for url in PAGES:
        content = client.get(url).content.decode()
        assert 'href="tel:112"' in crisis_box(client.get(url)), url
        assert 'href="tel:112"' in _footer(content), url
        assert "or 999, or go to A&amp;E" in _footer(content), url
        assert "tel:999" not in content, url


def test_without_an_emergency_entry_the_page_still_says_what_to_do(client):
    CrisisResource.objects.filter(region="uk", is_emergency=True).update(is_active=False)
    content = client.get("/").content.decode()
    assert "call your local emergency number" in crisis_box(client.get("/"))
    assert "call your local emergency number" in _footer(content)
    assert "tel:999" not in content


def test_reply_emails_give_the_members_emergency_line(django_capture_on_commit_callbacks):
    writer = UserFactory(username="FarAwayFern", region="us", email_on_reply=True)
    thread = make_thread(author=writer)
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(thread, author=UserFactory(username="KindReplier"))
    (email,) = mail.outbox
    assert "If you are in danger right now, call 911." in email.body
    assert "999" not in email.body


def test_a_paused_flagger_is_given_their_own_emergency_line(member_client, member, settings):
    settings.RATE_LIMITS_ENABLED = True
    member.region = "ireland"
    member.save()
    thread = make_thread()
    posts = [make_reply(thread, body=f"post {n}") for n in range(flagging.BURST_FLAG_LIMIT + 1)]
    for post in posts:
        response = member_client.post(
            f"/posts/{post.pk}/flag/", {"reason": FlagReason.SPAM, "note": "please look"}
        )
    assert "If someone is in danger right now, call 112 or 999." in response.content.decode()
