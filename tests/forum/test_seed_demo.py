"""`make run`'s demo data: the printed accounts sign in, the forum looks lived in (kind
threads, nested replies, reactions, a content warning, threads waiting for a reply),
the queue has an open case of every priority, and running it again changes nothing."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from forum.models import Post, PostStatus, Reaction, Thread
from moderation.models import Case, Shift
from peersupport.accounts.models import User
from peersupport.accounts.permissions import MODERATORS, PEER_SUPPORTERS, SAFEGUARDING_LEADS

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(settings):
    settings.DEBUG = True

    def run():
        out = io.StringIO()
        call_command("seed_demo", stdout=out)
        return out.getvalue()

    return run


def _passwords(output):
    return dict(re.findall(r"(Demo\w+)\s+password: (\S+)", output))


def test_every_printed_account_signs_in_with_its_role(client, seed):
    passwords = _passwords(seed())
    assert set(passwords) == {"DemoMember", "DemoModerator", "DemoLead", "DemoPeer", "DemoAdmin"}
    # Moderators and leads arrive at the queue, everyone else at the home page.
    queue_workers = {"DemoModerator", "DemoLead"}
    for username, password in passwords.items():
        landing = "/moderation/" if username in queue_workers else "/"
        assert (
            client.post("/accounts/login/", {"login": username, "password": password})["Location"]
            == landing
        ), username
        client.logout()
    assert User.objects.get(username="DemoModerator").groups.filter(name=MODERATORS).exists()
    lead = User.objects.get(username="DemoLead")
    assert list(lead.groups.values_list("name", flat=True)) == [SAFEGUARDING_LEADS]
    assert lead.on_call
    assert User.objects.get(username="DemoAdmin").is_superuser
    peer = User.objects.get(username="DemoPeer")
    assert list(peer.groups.values_list("name", flat=True)) == [PEER_SUPPORTERS]


def test_a_peer_supporter_has_replied_with_the_badge(client, seed):
    seed()
    peer = User.objects.get(username="DemoPeer")
    reply = Post.objects.get(author=peer, status=PostStatus.PUBLISHED)
    client.force_login(User.objects.get(username="DemoMember"))
    page = client.get(reply.thread.get_absolute_url()).content.decode()
    assert page.count('class="peer-supporter-badge"') == 1
    # The peer supporter's own header leads to the threads waiting for a first reply.
    client.force_login(peer)
    assert "/peer-support/waiting/" in client.get("/").content.decode()


def test_the_forum_looks_lived_in(client, seed):
    seed()
    published = Post.objects.filter(status=PostStatus.PUBLISHED)
    threads = Thread.objects.filter(opening_post__status=PostStatus.PUBLISHED)
    assert threads.count() >= 6
    assert threads.filter(reply_count=0).exists()  # some wait for a first reply
    assert published.filter(depth__gte=2).exists()  # replies to replies
    assert published.exclude(content_warning="").exists()
    assert Reaction.objects.count() >= 5
    assert published.values("author").distinct().count() >= 6
    # Only the printed accounts can sign in; the other members are pseudonymous voices.
    voices = User.objects.exclude(username__startswith="Demo")
    assert voices.exists() and not any(voice.has_usable_password() for voice in voices)

    client.force_login(User.objects.get(username="DemoMember"))
    home = client.get("/").content.decode()
    assert "Sleep has been all over the place" in home
    assert "Every thread has a reply" not in home and "No threads yet" not in home
    assert "Nobody has answered these yet" in home


@pytest.mark.parametrize("priority", ["crisis", "high", "medium", "low"])
def test_the_queue_has_an_open_case_of_every_priority(client, seed, priority):
    seed()
    assert Case.objects.open().with_priority(priority).exists()
    client.force_login(User.objects.get(username="DemoModerator"))
    assert f'data-priority="{priority}"' in client.get("/moderation/").content.decode()


def test_the_crisis_post_waits_for_a_moderator_and_is_seen_by_the_lead(client, seed):
    seed()
    crisis = Case.objects.open().with_priority("crisis").get().post
    assert crisis.status == PostStatus.HELD
    client.force_login(User.objects.get(username="DemoMember"))
    assert crisis.thread.title not in client.get("/").content.decode()
    client.force_login(User.objects.get(username="DemoLead"))
    assert (
        f'data-case-id="{Case.objects.get(post=crisis).pk}"'
        in client.get("/moderation/escalated/").content.decode()
    )


def _snapshot():
    counts = {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"forum", "moderation", "accounts", "signposting", "auth"}
    }
    counts["emails"] = EmailAddress.objects.count()
    counts["bodies"] = sorted(Post.objects.values_list("body", flat=True))
    return counts


def test_running_it_again_changes_nothing(seed):
    first = _passwords(seed())
    before = _snapshot()
    second = _passwords(seed())
    assert _snapshot() == before
    assert set(first) == set(second)


def test_the_demo_moderator_is_on_shift_now_and_tomorrow(client, seed):
    output = seed()
    seed()
    assert "Rota: DemoModerator is on shift now" in output
    shifts = list(Shift.objects.order_by("start"))
    assert [shift.moderator.username for shift in shifts] == ["DemoModerator"] * 2
    assert shifts[0].start <= timezone.now() < shifts[0].end
    assert "Moderators are here now." in client.get("/").content.decode()


def test_it_refuses_to_run_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.filter(username="DemoAdmin").exists()


def test_there_is_one_open_circle_with_the_demo_member_and_a_thread(client, seed):
    from forum.models import Circle

    assert "Quiet evenings" in seed()
    seed()
    circle = Circle.objects.get()
    assert circle.is_open and circle.moderator.username == "DemoModerator"
    client.force_login(User.objects.get(username="DemoMember"))
    page = client.get(f"/circles/{circle.pk}/").content.decode()
    assert "DemoMember" in page and "What helps in the hour before bed?" in page
    assert Thread.objects.filter(circle=circle).count() == 1


def test_the_demo_member_has_a_note_for_their_care_team_to_print(client, seed):
    seed()
    seed()
    member = User.objects.get(username="DemoMember")
    client.force_login(member)
    page = client.get("/settings/care-team/print/").content.decode()
    assert "felt like a pile-on" in page
    assert member.care_notes.count() == 1
    assert member.saved_quotes.count() == 1
