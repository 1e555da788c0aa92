"""The notes go into the member's data download, and go with their account."""

import json

import pytest

from forum.models import Post
from peersupport.accounts.deletion import delete_account
from peersupport.carenotes.models import CareNote, SavedQuote
from peersupport.carenotes.services import save_post_for_care_team, write_note
from tests.factories import PASSWORD, UserFactory, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved(member):
    writer = UserFactory(username="KindRobin")
    thread = make_thread(author=writer, body="You are not alone")
    write_note(member=member, what_happened="A pile-on", help_wanted="Feeling safer")
    save_post_for_care_team(member=member, post=thread.opening_post)
    someone_else = UserFactory(username="OtherOwl")
    write_note(member=someone_else, what_happened="Not theirs")
    return thread


def test_the_download_holds_the_notes_and_saved_posts(member_client, saved):
    data = json.loads(member_client.post("/settings/export/").content)
    care = data["notes_for_my_care_team"]
    assert len(care["notes"]) == 1
    note = care["notes"][0]
    assert note["what_happened"] == "A pile-on"
    assert note["what_i_would_like_help_with"] == "Feeling safer"
    assert note["how_it_affected_me"] == ""
    assert [quote["text"] for quote in care["saved_posts"]] == ["You are not alone"]
    assert care["saved_posts"][0]["post_written_at"] == saved.opening_post.created_at.isoformat()
    assert "Not theirs" not in json.dumps(data)
    assert "KindRobin" not in json.dumps(care)


@pytest.mark.parametrize("posts", ["keep", "remove"])
def test_deleting_the_account_erases_them(member_client, member, saved, posts):
    response = member_client.post("/settings/delete/", {"password": PASSWORD, "posts": posts})
    assert response.status_code == 200
    assert not CareNote.objects.filter(member_id=member.pk).exists()
    assert not SavedQuote.objects.filter(member_id=member.pk).exists()
    # Another member's notes, and the post that was saved, are theirs and stay.
    assert CareNote.objects.filter(what_happened="Not theirs").exists()
    assert Post.objects.filter(pk=saved.opening_post.pk).exists()


def test_the_deletion_service_erases_them(member, saved):
    delete_account(member, keep_posts=True)
    assert not CareNote.objects.filter(member_id=member.pk).exists()
    assert not SavedQuote.objects.filter(member_id=member.pk).exists()
