"""A thread's pages are rendered once and shared (forum.thread_pages), so every change to
what a reader can see must show on the very next view, for every kind of reader: a
visitor (with public reading on), a member who wrote nothing, the writer, a member who
muted the writer, and a moderator. Each test first opens the page as all of them, so
what they see next would come from the cache if the change had not replaced the
thread's version."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from forum import services
from forum.drafts import Draft
from forum.models import Post, PostStatus
from forum.reader_choices import MUTED_MEMBER
from forum.thread_versions import touch_threads
from peersupport.accounts.deletion import delete_account
from peersupport.accounts.permissions import MODERATORS
from peersupport.signposting.models import CrisisResource
from tests.factories import (
    BoardFactory,
    UserFactory,
    make_reply,
    make_thread,
    with_two_step_sign_in,
)

pytestmark = pytest.mark.django_db

READERS = ("visitor", "member", "writer", "muter", "moderator")


@pytest.fixture
def forum(settings):
    settings.PUBLIC_READING = True
    writer = UserFactory(username="WriterWren")
    thread = make_thread(author=writer, body="Opening words")
    reply = make_reply(thread, author=writer, body="A first reply")
    people = {
        "member": UserFactory(username="ReaderRook"),
        "writer": writer,
        "muter": UserFactory(username="MuterMoth"),
        "moderator": UserFactory(username="ModMarten"),
    }
    people["moderator"].groups.add(Group.objects.get_or_create(name=MODERATORS)[0])
    services.mute_member(muter=people["muter"], muted=writer, duration="week")
    clients = {"visitor": Client()}
    for role, person in people.items():
        clients[role] = Client()
        clients[role].force_login(person)
    forum = {"thread": thread, "reply": reply, "clients": clients, **people}
    views(forum)  # every reader's copy is in the cache before the change
    return forum


def views(forum, readers=READERS):
    thread = forum["thread"]
    return {
        reader: forum["clients"][reader].get(f"/threads/{thread.pk}/").content.decode()
        for reader in readers
    }


def test_the_page_really_comes_from_the_cache(forum):
    """Without a new version the old copy is what readers get, so each test below can
    fail. (A moderator's page is always rendered afresh.)"""
    cached_readers = [reader for reader in READERS if reader != "moderator"]
    Post.objects.filter(pk=forum["reply"].pk).update(body_html="<p>Changed behind its back</p>")
    pages = views(forum)
    assert all("Changed behind its back" not in pages[reader] for reader in cached_readers)
    assert "Changed behind its back" in pages["moderator"]
    touch_threads(forum["thread"].pk)
    assert all("Changed behind its back" in page for page in views(forum).values())


def test_a_new_reply_shows_to_everyone(forum):
    make_reply(forum["thread"], author=forum["member"], body="Thinking of you today")
    assert all("Thinking of you today" in page for page in views(forum).values())


def test_an_edit_shows_to_everyone(forum):
    services.edit_post(post=forum["reply"], editor=forum["writer"], draft=Draft(body="Reworded"))
    for page in views(forum).values():
        assert "Reworded" in page and "A first reply" not in page.split("Earlier versions")[0]


def test_a_post_its_writer_deletes_goes_for_everyone_but_the_moderators(forum):
    services.delete_post(post=forum["reply"])
    pages = views(forum)
    for reader in ("visitor", "member", "writer", "muter"):
        assert "A first reply" not in pages[reader]
    assert "A first reply" in pages["moderator"]


def test_a_hidden_post_vanishes_at_once(forum):
    services.set_post_status(post=forum["reply"], status=PostStatus.HIDDEN)
    pages = views(forum)
    for reader in ("visitor", "member", "muter"):
        assert "A first reply" not in pages[reader]
    assert "Hidden for now" in pages["writer"] and "A first reply" in pages["writer"]
    assert "A first reply" in pages["moderator"]


def test_an_approved_post_appears_for_everyone(forum):
    held = make_reply(
        forum["thread"], author=forum["member"], body="Held words", status=PostStatus.HELD
    )
    pages = views(forum)
    assert "Held words" not in pages["visitor"] and "Held words" in pages["member"]
    services.set_post_status(post=held, status=PostStatus.PUBLISHED)
    assert all("Held words" in page for page in views(forum).values())


def test_a_reaction_shows_in_the_counts_the_names_and_the_pressed_button(forum):
    post = forum["reply"]
    services.toggle_reaction(member=forum["member"], post=post, kind="hug")
    pages = views(forum)
    assert 'Hug <span class="reaction-count">1</span>' in pages["visitor"]
    pressed = f'id="react-{post.pk}-hug" aria-pressed="true"'
    assert pressed in pages["member"]
    assert pressed not in pages["moderator"]
    assert "from ReaderRook" in pages["writer"]
    services.toggle_reaction(member=forum["member"], post=post, kind="hug")
    pages = views(forum)
    assert 'reaction-count">1' not in pages["visitor"] and pressed not in pages["member"]


def test_a_lock_takes_the_reply_links_away(forum):
    reply_link = f"/posts/{forum['reply'].pk}/reply/"
    assert reply_link in views(forum, ["member"])["member"]
    services.lock_thread(thread=forum["thread"])
    for page in views(forum).values():
        assert reply_link not in page
        assert "A moderator has closed this thread" in page


def test_a_thread_its_writer_closes_takes_the_reply_links_away(forum):
    services.close_thread(thread=forum["thread"])
    for page in views(forum).values():
        assert f"/posts/{forum['reply'].pk}/reply/" not in page


def test_a_moved_thread_shows_its_new_board(forum):
    services.move_thread(thread=forum["thread"], board=BoardFactory(name="Somewhere calmer"))
    assert all("Somewhere calmer" in page for page in views(forum).values())


def test_a_new_content_warning_folds_the_post_for_everyone(forum):
    services.set_content_warning(post=forum["reply"], content_warning="suicide")
    assert all("Content warning: Suicide" in page for page in views(forum).values())


def test_a_muted_writer_folds_for_the_muter_alone_and_unfolds_when_unmuted(forum):
    pages = views(forum)
    assert MUTED_MEMBER in pages["muter"]
    assert all(MUTED_MEMBER not in pages[reader] for reader in READERS if reader != "muter")
    services.unmute_member(muter=forum["muter"], muted=forum["writer"])
    assert MUTED_MEMBER not in views(forum, ["muter"])["muter"]
    services.mute_member(muter=forum["member"], muted=forum["writer"], duration="week")
    assert MUTED_MEMBER in views(forum, ["member"])["member"]


def test_a_writer_who_becomes_a_moderator_has_the_badge_at_once(forum, settings):
    badge = "moderator-badge"
    assert badge not in views(forum, ["visitor"])["visitor"]
    forum["writer"].groups.add(Group.objects.get(name=MODERATORS))
    assert all(badge in page for page in views(forum).values())
    forum["writer"].groups.clear()
    assert all(badge not in page for page in views(forum).values())


def test_with_two_step_required_the_badge_comes_with_two_step_sign_in(forum, settings):
    settings.REQUIRE_MFA_FOR_STAFF = True
    forum["writer"].groups.add(Group.objects.get(name=MODERATORS))
    assert "moderator-badge" not in views(forum, ["visitor"])["visitor"]
    with_two_step_sign_in(forum["writer"])
    assert "moderator-badge" in views(forum, ["visitor"])["visitor"]


def test_a_new_pseudonym_shows_on_every_post(forum):
    forum["writer"].username = "RenamedRaven"
    forum["writer"].save()
    pages = views(forum, ["visitor", "member", "moderator"])
    assert all("RenamedRaven" in page and "WriterWren" not in page for page in pages.values())


def test_a_writer_who_leaves_and_keeps_their_posts_becomes_a_former_member(forum):
    delete_account(forum["writer"], keep_posts=True)
    pages = views(forum, ["visitor", "member", "muter", "moderator"])
    for page in pages.values():
        assert "WriterWren" not in page and "former member" in page
        # Nobody mutes a former member: the muter's folded copy went with the name.
        assert MUTED_MEMBER not in page


def test_a_writer_who_leaves_and_takes_their_words_leaves_nothing_behind(forum):
    make_reply(forum["thread"], author=forum["member"], body="Still here")
    views(forum)
    delete_account(forum["writer"], keep_posts=False)
    for page in views(forum, ["visitor", "member", "moderator"]).values():
        assert "A first reply" not in page and "Opening words" not in page
        assert "Still here" in page


def test_a_reader_with_a_post_only_they_can_see_sees_it_and_nobody_else_does(forum):
    make_reply(forum["thread"], author=forum["member"], body="Mine alone", status="held")
    pages = views(forum)
    assert "Mine alone" in pages["member"] and "Waiting for a moderator" in pages["member"]
    assert "Mine alone" not in pages["visitor"] and "Mine alone" not in pages["writer"]


def test_each_reader_gets_their_own_csrf_token_in_a_shared_copy(forum):
    first = forum["clients"]["member"]
    second = Client()
    second.force_login(UserFactory(username="SecondSparrow"))
    for client in (first, second):
        page = client.get(f"/threads/{forum['thread'].pk}/").content.decode()
        assert "shared-page-csrf-slot" not in page
        # The form works: the token in the page is this reader's own.
        token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        client_checks = Client(enforce_csrf_checks=True)
        client_checks.cookies = client.cookies
        answer = client_checks.post(
            f"/posts/{forum['reply'].pk}/react/", {"kind": "hug", "csrfmiddlewaretoken": token}
        )
        assert answer.status_code == 302


def test_a_shared_copy_costs_no_query_for_the_posts(forum):
    make_reply(forum["thread"], author=forum["writer"], body="More words")
    client = forum["clients"]["member"]
    path = f"/threads/{forum['thread'].pk}/"
    with CaptureQueriesContext(connection) as cold:
        client.get(path)
    with CaptureQueriesContext(connection) as warm:
        client.get(path)
    # The session, the member, the thread, their mutes and their own reactions. The
    # count, and the page of posts with their writers and reactions, are in the cache.
    sql = [query["sql"] for query in warm.captured_queries]
    assert len(sql) == 5
    assert not [query for query in sql if "COUNT(" in query or '"forum_post"."body_html"' in query]
    assert len(cold.captured_queries) == len(warm.captured_queries) + 3


def test_an_admins_edits_to_crisis_resources_and_boards_reach_a_visitors_copy(forum):
    for resource in CrisisResource.objects.all():
        resource.name = f"Renamed service {resource.pk}"
        resource.save()
    board = forum["thread"].board
    board.name = "A renamed board"
    board.save()
    page = views(forum, ["visitor"])["visitor"]
    assert "Renamed service" in page and "A renamed board" in page


def test_each_visitor_gets_their_own_nonce_and_token_in_the_shared_copy(forum):
    nonces = set()
    for _ in range(2):
        response = Client().get(f"/threads/{forum['thread'].pk}/")
        page = response.content.decode()
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        assert f'nonce="{nonce}"' in page
        assert "shared-page-" not in page
        assert response.cookies[settings.CSRF_COOKIE_NAME].value
        nonces.add(nonce)
    assert len(nonces) == 2


def test_a_visitor_asking_for_more_than_a_page_gets_it_rendered_for_them(forum):
    services.set_content_warning(post=forum["reply"], content_warning="suicide")
    path = f"/threads/{forum['thread'].pk}/"
    Client().get(path)
    shown = Client().get(f"{path}?show={forum['reply'].pk}").content.decode()
    assert "Content warning: Suicide" in shown and 'name="next" value="/threads/' in shown
    assert f"show={forum['reply'].pk}" in shown
