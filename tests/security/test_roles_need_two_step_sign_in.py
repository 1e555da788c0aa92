"""Someone holding only a moderator's or an admin's password must not get their powers.
A role is in force only once its account has two-step sign-in (REQUIRE_MFA_FOR_STAFF):
until then the account reads and does exactly what a member does, everywhere."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import Client, RequestFactory

from forum.drafts import Draft
from forum.models import Post, PostStatus
from forum.services import delete_post, edit_post, set_post_status
from moderation.models import ActionKind, Appeal, CaseReason, ModerationAction
from moderation.permissions import can_moderate, can_read_audit_log
from moderation.services import decide_case, open_case
from peersupport.accounts.backends import MemberBackend
from tests.factories import (
    BoardFactory,
    UserFactory,
    make_reply,
    make_thread,
    with_two_step_sign_in,
)
from tests.moderation.case_helpers import make_case, make_lead, make_moderator
from tests.test_wording import assert_kind

pytestmark = pytest.mark.django_db

SET_UP = "/accounts/2fa/totp/activate/"
PROMPT = "set up two-step sign-in"

# Who reads more than a member once their role is in force.
READERS = {
    "moderator": lambda: make_moderator("NewModerator"),
    "safeguarding lead": lambda: make_lead("NewLead"),
    "admin who moderates": lambda: make_moderator("NewAdmin", is_staff=True, is_superuser=True),
}
# Everyone whose role asks for two-step sign-in.
ROLE_HOLDERS = {
    **READERS,
    "admin": lambda: UserFactory(username="NewStaff", is_staff=True, is_superuser=True),
}
# Words that only a moderator may read: in a held crisis post, a hidden post, a post
# its writer deleted, an earlier version of an edited post, and a held thread.
SECRETS = ["heldcrisiswords", "hiddenwords", "deletedwords", "firstdraftwords", "heldthreadwords"]


@pytest.fixture(autouse=True)
def _two_step_required(settings):
    settings.REQUIRE_MFA_FOR_STAFF = True


@pytest.fixture
def forum(db):
    writer = UserFactory(username="WriterWren")
    board = BoardFactory(slug="feeling-low", name="Feeling low")
    thread = make_thread(author=writer, board=board, title="A hard week")
    make_reply(thread, author=writer, body="A kind reply anyone may read")
    held = set_post_status(
        post=make_reply(thread, author=writer, body="heldcrisiswords tonight"), status="held"
    )
    open_case(post=held, reasons=[CaseReason.CRISIS_LANGUAGE])
    set_post_status(post=make_reply(thread, author=writer, body="hiddenwords"), status="hidden")
    delete_post(post=make_reply(thread, author=writer, body="deletedwords"))
    edited = make_reply(thread, author=writer, body="firstdraftwords")
    edit_post(post=edited, editor=writer, draft=Draft(body="What I meant to say"))
    held_thread = make_thread(author=writer, board=board, body="heldthreadwords")
    set_post_status(post=held_thread.opening_post, status="held")
    return {"thread": thread, "held_thread": held_thread, "held": held}


def what_is_shown(client, forum):
    """What a reader gets from the thread page, search and links to single posts."""
    thread_page = client.get(forum["thread"].get_absolute_url())
    assert thread_page.status_code == 200
    pages = [thread_page.content.decode()]
    pages += [found_by_searching(client, word) for word in SECRETS]
    return {
        "posts on the thread page": re.findall(r'id="post-(\d+)"', pages[0]),
        "words read": [word for word in SECRETS if any(word in page for page in pages)],
        "earlier versions offered": "Earlier versions" in pages[0],
        "held thread": client.get(forum["held_thread"].get_absolute_url()).status_code,
        "held post's link": client.get(f"/posts/{forum['held'].pk}/").status_code,
    }


def found_by_searching(client, word):
    """The search results alone: the search box shows the words searched for."""
    page = client.get("/search/", {"q": word}).content.decode()
    results = re.search(r'<ol class="search-results">.*?</ol>', page, re.S)
    return results.group(0) if results else ""


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def members_view(forum):
    return what_is_shown(signed_in(UserFactory(username="PlainMember")), forum)


@pytest.mark.parametrize("role", READERS)
def test_without_two_step_sign_in_a_role_reads_exactly_what_a_member_reads(
    forum, members_view, role
):
    assert members_view["words read"] == []
    assert what_is_shown(signed_in(READERS[role]()), forum) == members_view


@pytest.mark.parametrize("role", READERS)
def test_with_two_step_sign_in_the_role_reads_what_moderators_read(forum, members_view, role):
    shown = what_is_shown(signed_in(with_two_step_sign_in(READERS[role]())), forum)
    assert shown["words read"] == SECRETS
    assert shown["earlier versions offered"]
    assert len(shown["posts on the thread page"]) > len(members_view["posts on the thread page"])
    assert shown["held thread"] == 200


def test_with_the_setting_off_roles_are_in_force_without_it(forum, settings):
    settings.REQUIRE_MFA_FOR_STAFF = False
    assert what_is_shown(signed_in(make_moderator()), forum)["words read"] == SECRETS


@pytest.mark.parametrize("role", ROLE_HOLDERS)
def test_without_two_step_sign_in_no_moderation_or_admin_action_goes_through(forum, role):
    client = signed_in(ROLE_HOLDERS[role]())
    case = forum["held"].cases.get()
    before = ModerationAction.objects.count()
    for path, data in [
        (f"/moderation/cases/{case.pk}/", {"action": "approve", "reason": ""}),
        (f"/moderation/cases/{case.pk}/reassign/", {"release": "1"}),
        ("/moderation/members/WriterWren/", {"text": "A note"}),
        ("/admin/forum/board/add/", {"name": "Taken over", "slug": "taken-over"}),
    ]:
        response = client.post(path, data)
        assert (response.status_code, response["Location"]) == (302, SET_UP), path
    for path in ["/moderation/", "/moderation/log/", "/moderation/escalated/", "/admin/"]:
        assert client.get(path)["Location"] == SET_UP, path
    forum["held"].refresh_from_db()
    assert forum["held"].status == PostStatus.HELD
    assert ModerationAction.objects.count() == before
    assert not ModerationAction.objects.filter(action=ActionKind.APPROVE).exists()


def test_without_two_step_sign_in_a_role_holder_can_still_appeal_like_a_member(forum):
    moderator = make_moderator("NewModerator")
    case = make_case(author=moderator)
    decider = with_two_step_sign_in(make_moderator("KindWren"))
    decide_case(case=case, moderator=decider, action="hide", reason="A name")
    decision = ModerationAction.objects.get(action=ActionKind.HIDE)
    client = signed_in(moderator)
    assert_kind(client.get(f"/moderation/appeal/{decision.pk}/"), 200, "A name")
    client.post(f"/moderation/appeal/{decision.pk}/", {"text": "I took it out."})
    assert Appeal.objects.filter(member=moderator, decision=decision).exists()


def test_a_case_is_not_given_to_a_moderator_without_two_step_sign_in(forum):
    case = forum["held"].cases.get()
    make_moderator("NewModerator")
    lead = signed_in(with_two_step_sign_in(make_lead()))
    response = lead.post(f"/moderation/cases/{case.pk}/reassign/", {"username": "NewModerator"})
    assert_kind(lead.get(response["Location"]), 200, "has not set up two-step sign-in yet")
    case.refresh_from_db()
    assert case.claimed_by is None


@pytest.mark.parametrize("role", ROLE_HOLDERS)
def test_the_audit_log_and_the_admin_wait_for_two_step_sign_in_wherever_they_are_asked(role):
    holder = ROLE_HOLDERS[role]()
    holder.user_permissions.add(Permission.objects.get(codename="add_board"))
    request = RequestFactory().get("/")
    request.user = MemberBackend().get_user(holder.pk)
    assert not can_read_audit_log(request.user)
    assert not admin.site.has_permission(request)
    assert not request.user.has_perm("forum.add_board") or request.user.is_superuser

    with_two_step_sign_in(holder)
    request.user = MemberBackend().get_user(holder.pk)
    assert can_read_audit_log(request.user)
    assert admin.site.has_permission(request) == holder.is_staff
    assert request.user.has_perm("forum.add_board")


@pytest.mark.parametrize("role", ROLE_HOLDERS)
def test_without_two_step_sign_in_a_role_holders_first_posts_wait_like_a_members(
    settings, forum, role
):
    settings.PREMODERATION_FIRST_POSTS = 3
    holder = ROLE_HOLDERS[role]()
    client = signed_in(holder)
    thread = forum["thread"]
    client.post(f"/threads/{thread.pk}/reply/", {"body": "Hello from someone new"})
    assert Post.objects.get(body="Hello from someone new").status == PostStatus.HELD

    with_two_step_sign_in(holder)
    client.post(f"/threads/{thread.pk}/reply/", {"body": "Hello again, set up now"})
    assert Post.objects.get(body="Hello again, set up now").status == PostStatus.PUBLISHED


@pytest.mark.parametrize("role", ROLE_HOLDERS)
def test_a_role_holder_without_it_is_told_kindly_how_to_set_it_up(role):
    holder = ROLE_HOLDERS[role]()
    client = signed_in(holder)
    response = client.get("/")
    assert_kind(response, 200, PROMPT)
    page = response.content.decode()
    assert f'href="{SET_UP}"' in page
    assert 'href="/moderation/"' not in page  # no way in that would only be refused

    with_two_step_sign_in(holder)
    assert PROMPT not in client.get("/").content.decode()


def test_members_and_role_holders_with_the_setting_off_are_not_prompted(member_client, settings):
    assert PROMPT not in member_client.get("/").content.decode()
    settings.REQUIRE_MFA_FOR_STAFF = False
    assert PROMPT not in signed_in(make_moderator()).get("/").content.decode()


def test_the_two_step_check_costs_no_query_of_its_own(django_assert_num_queries):
    moderator = with_two_step_sign_in(make_moderator(is_staff=True))
    with django_assert_num_queries(1):
        loaded = MemberBackend().get_user(moderator.pk)
        assert can_moderate(loaded) and can_read_audit_log(loaded)
