"""After a member deletes their account, their pseudonym and email appear nowhere, and
when they asked for their posts to be removed, their words appear nowhere either."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.test import Client

from forum import services as forum_services
from forum.drafts import Draft
from forum.models import SEARCH_CONFIG, Notification, Post, Revision, Thread
from moderation.models import ActionKind, Case, CaseStatus, Flag, FlagReason, ModerationAction
from moderation.services import decide_case
from moderation.services import flags as flagging
from peersupport.accounts.models import User
from tests.factories import PASSWORD, BoardFactory, UserFactory, make_committed_reply, make_thread
from tests.moderation.case_helpers import make_moderator

pytestmark = pytest.mark.django_db

PSEUDONYM = "ZephyrQuillon77"
EMAIL = "zephyr.quillon@hidden.example"
# Every word the member writes carries this, so one search finds any trace of it.
WORD = "periwinkle"


@pytest.fixture
def story():
    """A member who posts, replies, is replied to, edits, is flagged and decided about,
    reacts, flags, mutes, follows and is notified."""
    board = BoardFactory(slug="feeling-low", name="Feeling low")
    leaving = UserFactory(username=PSEUDONYM, email=EMAIL, bio=f"A {WORD} bio")
    friend = UserFactory(username="KindRobin")
    worrier = UserFactory(username="WatchfulWren")
    moderator = make_moderator()

    own_thread = make_thread(
        author=leaving, board=board, title=f"My {WORD} evenings", body=f"{WORD} opening words"
    )
    answer_to_them = make_committed_reply(own_thread, author=friend, body="I hear you, truly.")
    lonely_thread = make_thread(
        author=leaving, board=board, title=f"Quiet {WORD} thread", body=f"{WORD} alone here"
    )

    friends_thread = make_thread(
        author=friend, board=board, title="Small wins", body="Tell me a small win."
    )
    their_reply = make_committed_reply(
        friends_thread, author=leaving, parent=friends_thread.opening_post, body=f"{WORD} draft"
    )
    forum_services.edit_post(
        post=their_reply, editor=leaving, draft=Draft(body=f"{WORD} second thoughts")
    )
    make_committed_reply(
        friends_thread, author=friend, parent=their_reply, body="Thank you for that."
    )
    unanswered_reply = make_committed_reply(friends_thread, author=leaving, body=f"{WORD} one more")

    # Flagged and decided (the decision's audit row holds the words before and after).
    flagging.flag_post(
        flagger=worrier,
        post=their_reply,
        reason=FlagReason.BULLYING,
        note="",
        ip_address="10.0.0.9",
    )
    decide_case(
        case=Case.objects.get(post=their_reply),
        moderator=moderator,
        action=ActionKind.EDIT,
        reason="Softened one sentence.",
        body=f"{WORD} softened",
    )
    # Flagged and still waiting.
    flagging.flag_post(flagger=worrier, post=unanswered_reply, reason=FlagReason.SAFETY, note="")
    # What they did to others' posts and to other members.
    forum_services.toggle_reaction(member=leaving, post=friends_thread.opening_post, kind="hug")
    flagging.flag_post(
        flagger=leaving,
        post=friends_thread.opening_post,
        reason=FlagReason.SAFETY,
        note="I worry about KindRobin tonight.",
        ip_address="10.0.0.7",
        device="their-own-browser",
    )
    forum_services.mute_member(muter=leaving, muted=worrier, duration="week")
    # So the friend's notifications page has their news to show (and not to leak).
    assert Notification.objects.filter(recipient=friend, post=their_reply).exists()
    return {
        "board": board,
        "leaving": leaving,
        "friend": friend,
        "moderator": moderator,
        "admin": UserFactory(username="SiteKeeper", is_staff=True, is_superuser=True),
        "threads": [own_thread, lonely_thread, friends_thread],
        "their_posts": [own_thread.opening_post, their_reply, unanswered_reply],
        "answer_to_them": answer_to_them,
    }


def _delete(story, choice):
    client = Client()
    client.force_login(story["leaving"])
    response = client.post("/settings/delete/", {"password": PASSWORD, "posts": choice})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Your account is deleted" in content
    assert 'id="crisis-support"' in content
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username=PSEUDONYM).exists()
    return client


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _pages_everyone_checks(story):
    own_thread, lonely_thread, friends_thread = story["threads"]
    cases = Case.objects.values_list("pk", flat=True)
    member_pages = [
        "/",
        "/boards/feeling-low/",
        f"/threads/{own_thread.pk}/",
        f"/threads/{friends_thread.pk}/",
        f"/search/?q={WORD}",
        f"/search/?q={PSEUDONYM}",
        "/notifications/",
    ]
    moderator_pages = [
        "/moderation/",
        "/moderation/log/",
        f"/threads/{own_thread.pk}/",
        f"/threads/{lonely_thread.pk}/",
        *[f"/moderation/cases/{pk}/" for pk in cases],
    ]
    admin_pages = [
        "/admin/accounts/user/",
        "/admin/moderation/moderationaction/",
        "/admin/moderation/flag/",
        "/admin/moderation/case/",
        "/admin/moderation/sanction/",
        "/admin/admin/logentry/",
    ]
    for user, pages in [
        (story["friend"], member_pages),
        (story["moderator"], moderator_pages),
        (story["admin"], admin_pages),
    ]:
        client = _signed_in(user)
        for url in pages:
            response = client.get(url)
            if response.status_code == 404 and url.startswith("/admin/admin/"):
                continue  # the admin's own history is not registered here
            if url == f"/threads/{lonely_thread.pk}/" and response.status_code == 404:
                continue
            assert response.status_code == 200, url
            content = response.content.decode()
            if url.startswith("/search/"):
                # The search box (and the page's own address) show back what was
                # typed; the results must not.
                typed = url.split("=", 1)[1]
                content = content.replace(url, "").replace(f'value="{typed}"', "")
            yield url, content


def _assert_no_identity(story):
    for url, content in _pages_everyone_checks(story):
        assert PSEUDONYM not in content, url
        assert PSEUDONYM.lower() not in content.lower(), url
        assert "zephyr" not in content.lower(), url
        assert "hidden.example" not in content, url


def test_removing_posts_leaves_no_name_and_no_words(story):
    _delete(story, "remove")
    _assert_no_identity(story)
    for url, content in _pages_everyone_checks(story):
        assert WORD not in content.lower(), url

    # Nor anywhere in the database where words are kept.
    assert not Post.objects.filter(body__icontains=WORD).exists()
    assert not Revision.objects.filter(body__icontains=WORD).exists()
    assert not Thread.objects.filter(title__icontains=WORD).exists()
    matching = SearchQuery(WORD, config=SEARCH_CONFIG)
    assert not Post.objects.filter(search_vector=matching).exists()
    as_text = ModerationAction.objects.annotate(
        b=Cast("before", TextField()), a=Cast("after", TextField())
    )
    assert not as_text.filter(
        Q(b__icontains=WORD) | Q(a__icontains=WORD) | Q(target_repr__icontains=PSEUDONYM)
    ).exists()
    assert (
        not Case.objects.annotate(f=Cast("findings", TextField()))
        .filter(f__icontains=WORD)
        .exists()
    )


def test_removing_posts_keeps_the_replies_of_others_in_place(story):
    own_thread, lonely_thread, friends_thread = story["threads"]
    opening, their_reply, unanswered_reply = story["their_posts"]
    _delete(story, "remove")

    # Others replied: the posts stay in place as tombstones, emptied.
    for post in (opening, their_reply):
        post.refresh_from_db()
        assert (post.status, post.is_tombstone, post.body, post.author) == (
            "deleted",
            True,
            "",
            None,
        )
    page = _signed_in(story["friend"]).get(f"/threads/{own_thread.pk}/").content.decode()
    assert "This post was deleted by its writer." in page
    assert "I hear you, truly." in page
    # A thread nobody answered goes entirely; a flagged reply nobody answered stays only
    # for the moderators' records, and its case is closed.
    assert not Thread.objects.filter(pk=lonely_thread.pk).exists()
    unanswered_reply.refresh_from_db()
    assert (unanswered_reply.status, unanswered_reply.is_tombstone) == ("deleted", False)
    assert (
        not Case.objects.filter(status=CaseStatus.OPEN)
        .exclude(post=friends_thread.opening_post)
        .exists()
    )
    friends_thread.refresh_from_db()
    assert friends_thread.reply_count == 1


def test_keeping_posts_shows_them_as_a_former_members(story):
    own_thread = story["threads"][0]
    _delete(story, "keep")
    _assert_no_identity(story)

    page = _signed_in(story["friend"]).get(f"/threads/{own_thread.pk}/").content.decode()
    assert f"{WORD} opening words" in page
    assert "former member" in page
    log = _signed_in(story["moderator"]).get("/moderation/log/").content.decode()
    assert "former member" in log
    assert "Account deleted by its member" in log


def test_the_concerns_they_raised_stay_without_their_name(story):
    _delete(story, "keep")
    flag = Flag.objects.get(note="I worry about KindRobin tonight.")
    assert flag.flagger is None
    assert (flag.address_hash, flag.device_hash) == ("", "")
    assert ModerationAction.objects.filter(action=ActionKind.FLAG, actor=None).exists()
