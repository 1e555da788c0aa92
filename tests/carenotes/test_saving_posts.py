"""Saving a post for one's care team, from the post itself: the words as they are, no
names, only what the member may read, and back to the post with a calm word."""

import pytest

from forum import services as forum_services
from forum.drafts import Draft
from forum.models import PostStatus
from peersupport.carenotes.models import SavedQuote
from peersupport.carenotes.services import NotSaved, save_post_for_care_team
from tests.factories import UserFactory, make_reply, make_thread
from tests.moderation.case_helpers import make_moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread():
    writer = UserFactory(username="WriterWren")
    return make_thread(author=writer, title="A hard week", body="Opening words")


def test_every_post_offers_the_same_plain_form(thread, member_client):
    reply = make_reply(thread, author=UserFactory(username="KindRobin"), body="Hello *you*")
    content = member_client.get(f"/threads/{thread.pk}/").content.decode()
    for post in (thread.opening_post, reply):
        assert f'<input type="hidden" name="post" value="{post.pk}">' in content
    assert content.count('action="/settings/care-team/save/"') == 2
    assert "Save for my care team" in content


def test_saving_keeps_the_text_without_names_and_returns_to_the_post(thread, member_client, member):
    reply = make_reply(
        thread,
        author=UserFactory(username="KindRobin"),
        body="I felt **left out** when they [laughed](https://example.org/x).",
    )
    response = member_client.post("/settings/care-team/save/", {"post": reply.pk})
    assert response.status_code == 302
    assert response["Location"] == f"/threads/{thread.pk}/#post-{reply.pk}"
    quote = SavedQuote.objects.get(member=member)
    assert quote.text == "I felt left out when they laughed."
    assert quote.written_at == reply.created_at
    page = member_client.get(response["Location"]).content.decode()
    assert "Saved to your notes for your care team. Only you can see them." in page
    notes = member_client.get("/settings/care-team/").content.decode()
    assert "I felt left out when they laughed." in notes
    assert "KindRobin" not in notes and "example.org" not in notes


def test_saving_twice_keeps_one_copy(thread, member_client, member):
    for _ in range(2):
        response = member_client.post("/settings/care-team/save/", {"post": thread.opening_post.pk})
    assert SavedQuote.objects.filter(member=member).count() == 1
    page = member_client.get(response["Location"]).content.decode()
    assert "This post is already in your notes for your care team." in page


def test_the_saved_words_stay_as_they_were(thread, member_client, member):
    member_client.post("/settings/care-team/save/", {"post": thread.opening_post.pk})
    forum_services.edit_post(
        post=thread.opening_post, editor=thread.opening_post.author, draft=Draft(body="Changed")
    )
    assert SavedQuote.objects.get(member=member).text == "Opening words"


def test_a_post_the_member_cannot_read_is_not_found(thread, member_client, member):
    held = make_reply(thread, author=UserFactory(), body="Not yet read", status=PostStatus.HELD)
    response = member_client.post("/settings/care-team/save/", {"post": held.pk})
    assert response.status_code == 404
    assert not SavedQuote.objects.exists()


def test_a_member_may_save_their_own_held_post(thread, member_client, member):
    held = make_reply(thread, author=member, body="My own words", status=PostStatus.HELD)
    assert f'value="{held.pk}"' in member_client.get(f"/threads/{thread.pk}/").content.decode()
    member_client.post("/settings/care-team/save/", {"post": held.pk})
    assert SavedQuote.objects.get(member=member).text == "My own words"


def test_a_moderator_cannot_keep_someone_elses_held_post(thread):
    held = make_reply(thread, author=UserFactory(), body="Held words", status=PostStatus.HELD)
    with pytest.raises(NotSaved):
        save_post_for_care_team(member=make_moderator(), post=held)
    assert not SavedQuote.objects.exists()


def test_visitors_are_asked_to_sign_in(thread, client):
    response = client.post("/settings/care-team/save/", {"post": thread.opening_post.pk})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not SavedQuote.objects.exists()


def test_saving_needs_a_post(member_client):
    response = member_client.post("/settings/care-team/save/", {"post": "nothing"})
    assert response["Location"] == "/settings/care-team/"
    assert member_client.get("/settings/care-team/save/").status_code == 405
