"""The notes pages: writing, changing and deleting notes and saved posts, privately."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from peersupport.carenotes.models import CareNote, SavedQuote
from peersupport.carenotes.services import write_note
from tests.factories import UserFactory
from tests.moderation.case_helpers import make_moderator

pytestmark = pytest.mark.django_db


def _quote(member, text="Saved words", comment=""):
    return SavedQuote.objects.create(
        member=member, text=text, comment=comment, written_at="2026-03-04T10:00:00Z"
    )


def test_settings_lead_to_the_notes(member_client):
    content = member_client.get("/settings/").content.decode()
    assert 'href="/settings/care-team/"' in content


def test_writing_a_note_with_prompts(member_client, member):
    form = member_client.get("/settings/care-team/notes/new/").content.decode()
    for name in ("what_happened", "how_it_affected_me", "help_wanted"):
        assert f'name="{name}"' in form
    assert "there is no right way to write this" in form
    response = member_client.post(
        "/settings/care-team/notes/new/",
        {"what_happened": "Someone said KYS under my post", "help_wanted": "How to cope"},
    )
    assert response["Location"] == "/settings/care-team/"
    note = CareNote.objects.get(member=member)
    assert note.what_happened == "Someone said KYS under my post"
    assert note.how_it_affected_me == ""
    content = member_client.get("/settings/care-team/").content.decode()
    assert "Someone said KYS under my post" in content
    assert "Your note is saved. Only you can see it." in content


def test_an_empty_note_is_not_saved(member_client):
    response = member_client.post(
        "/settings/care-team/notes/new/", {"what_happened": "  ", "help_wanted": ""}
    )
    assert response.status_code == 200
    assert "Please write something in at least one of the boxes." in response.content.decode()
    assert not CareNote.objects.exists()


def test_changing_and_deleting_a_note(member_client, member):
    note = write_note(member=member, what_happened="First words")
    edit = f"/settings/care-team/notes/{note.pk}/edit/"
    assert "First words" in member_client.get(edit).content.decode()
    member_client.post(edit, {"how_it_affected_me": "Better words"})
    note.refresh_from_db()
    assert (note.what_happened, note.how_it_affected_me) == ("", "Better words")
    delete = f"/settings/care-team/notes/{note.pk}/delete/"
    assert "Delete this note?" in member_client.get(delete).content.decode()
    assert CareNote.objects.exists()
    member_client.post(delete)
    assert not CareNote.objects.exists()


def test_a_note_about_a_saved_post_and_taking_it_out(member_client, member):
    quote = _quote(member)
    member_client.post(f"/settings/care-team/saved/{quote.pk}/edit/", {"comment": "This hurt"})
    quote.refresh_from_db()
    assert quote.comment == "This hurt"
    assert "This hurt" in member_client.get("/settings/care-team/").content.decode()
    member_client.post(f"/settings/care-team/saved/{quote.pk}/delete/")
    assert not SavedQuote.objects.exists()


@pytest.mark.parametrize("who", ["another member", "a moderator", "an admin"])
def test_nobody_else_reads_or_changes_them(member, who):
    note = write_note(member=member, what_happened="Private words")
    quote = _quote(member, text="Private quote")
    other = {
        "another member": lambda: UserFactory(username="NosyNewt"),
        "a moderator": make_moderator,
        "an admin": lambda: UserFactory(username="SiteKeeper", is_staff=True, is_superuser=True),
    }[who]()
    client = Client()
    client.force_login(other)
    listing = client.get("/settings/care-team/").content.decode()
    assert "Private words" not in listing and "Private quote" not in listing
    for url in (
        f"/settings/care-team/notes/{note.pk}/edit/",
        f"/settings/care-team/notes/{note.pk}/delete/",
        f"/settings/care-team/saved/{quote.pk}/edit/",
        f"/settings/care-team/saved/{quote.pk}/delete/",
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"what_happened": "x", "comment": "x"}).status_code == 404
    assert "Private words" not in client.get("/settings/care-team/print/").content.decode()
    assert CareNote.objects.get().what_happened == "Private words"
    assert SavedQuote.objects.get().comment == ""


def test_they_are_not_in_the_admin(admin_client, member):
    write_note(member=member, what_happened="Private words")
    assert admin_client.get("/admin/carenotes/carenote/").status_code == 404
    assert "carenotes" not in admin_client.get("/admin/").content.decode()


def test_visitors_are_asked_to_sign_in(client, db):
    for url in ("/settings/care-team/", "/settings/care-team/print/"):
        assert client.get(url)["Location"].startswith("/accounts/login/")


def test_the_pages_are_not_kept_by_any_cache(member_client, member):
    write_note(member=member, what_happened="Private words")
    for url in ("/settings/care-team/", "/settings/care-team/print/"):
        assert "no-store" in member_client.get(url)["Cache-Control"]


def test_page_titles_name_nothing_they_hold(member_client, member):
    note = write_note(member=member, what_happened="Bullied on my finsta")
    _quote(member, text="You are so mature for your age")
    for url in (
        "/settings/care-team/",
        "/settings/care-team/notes/new/",
        f"/settings/care-team/notes/{note.pk}/edit/",
        "/settings/care-team/print/",
    ):
        content = member_client.get(url).content.decode()
        title = content.split("<title>")[1].split("</title>")[0]
        assert "finsta" not in title and "mature" not in title and "care team" not in title
        assert 'id="crisis-support"' in content and 'id="quick-exit"' in content


def _queries(client):
    client.get("/settings/care-team/")  # the crisis resources are cached after the first
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/settings/care-team/")
    assert response.status_code == 200
    return len(captured)


def test_the_list_costs_the_same_however_long(member_client, member):
    write_note(member=member, what_happened="One")
    _quote(member)
    few = _queries(member_client)
    for n in range(15):
        write_note(member=member, what_happened=f"Note {n}", help_wanted="Help")
        _quote(member, text=f"Quote {n}", comment="Why")
    assert _queries(member_client) == few
