"""The community guidelines and the page for professionals say what the site promises
young people; a quiet edit could change a promise with no trace. Every admin edit of a
guide page writes an audit row with who changed it and what it said before and after."""

import pytest

from moderation.models import ActionKind, ModerationAction
from peersupport.signposting.models import GuidePage

pytestmark = pytest.mark.django_db


def test_an_admin_edit_of_a_guide_page_is_in_the_audit_log(admin_client, admin_user):
    page = GuidePage.objects.get(slug="guidelines")
    before = page.body
    response = admin_client.post(
        f"/admin/signposting/guidepage/{page.pk}/change/",
        {"title": page.title, "summary": page.summary, "body": "## Be gentle\n\nNew words."},
    )
    assert response.status_code == 302
    [row] = ModerationAction.objects.filter(action=ActionKind.ADMIN_CHANGE)
    assert (row.actor, row.reason, row.target_id) == (
        admin_user,
        "changed in the admin",
        str(page.pk),
    )
    assert row.target_type == "signposting.GuidePage"
    assert (row.before, row.after) == ({"body": before}, {"body": "## Be gentle\n\nNew words."})


def test_the_audit_log_shows_the_edit_to_those_who_read_it(admin_client):
    page = GuidePage.objects.get(slug="professionals")
    admin_client.post(
        f"/admin/signposting/guidepage/{page.pk}/change/",
        {"title": "For youth workers", "summary": page.summary, "body": page.body},
    )
    log = admin_client.get("/moderation/log/").content.decode()
    assert f"title: from {page.title} to For youth workers" in log
