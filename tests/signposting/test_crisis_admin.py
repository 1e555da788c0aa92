"""Admins keep the crisis resources current, and an edit shows everywhere at once."""

import datetime

import pytest
from django.utils import timezone

from peersupport.signposting.models import CrisisResource
from tests.factories import CrisisResourceFactory
from tests.pages import crisis_box
from tests.signposting.helpers import change_form_data

PAGES = ["/", "/help/", "/guidelines/", "/accounts/login/", "/no-such-page/"]


def _listed(response):
    """Where the page lists the services: the crisis box, or on /help/ the page itself."""
    box = crisis_box(response)
    return box if 'class="crisis-more"' in box else response.content.decode()


@pytest.fixture
def samaritans(db):
    return CrisisResource.objects.get(region="uk", name="Samaritans")


def test_an_admin_edit_shows_on_the_very_next_page_view_everywhere(client, admin_user, samaritans):
    for page in PAGES:  # warm the cache with the old details
        assert "Call 116 123" in _listed(client.get(page))

    client.force_login(admin_user)
    response = client.post(
        f"/admin/signposting/crisisresource/{samaritans.pk}/change/",
        change_form_data(samaritans, phone="116 999", hours="Day and night"),
    )
    assert response.status_code == 302
    client.logout()

    for page in PAGES:
        listed = _listed(client.get(page))
        assert "Call 116 999" in listed
        assert 'href="tel:116999"' in listed
        assert "Call 116 123" not in listed


def test_an_admin_can_add_deactivate_and_delete_resources(client, admin_user, samaritans):
    client.get("/")  # warm the cache
    client.force_login(admin_user)
    data = change_form_data(
        CrisisResourceFactory.build(name="Night Owl Line", region="uk"), last_verified=""
    )
    assert client.post("/admin/signposting/crisisresource/add/", data).status_code == 302
    assert "Night Owl Line" in crisis_box(client.get("/"))

    client.post(
        f"/admin/signposting/crisisresource/{samaritans.pk}/change/",
        change_form_data(samaritans, is_active=""),
    )
    assert ">Samaritans<" not in client.get("/help/").content.decode()

    night_owl = CrisisResource.objects.get(name="Night Owl Line")
    response = client.post(
        f"/admin/signposting/crisisresource/{night_owl.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert "Night Owl Line" not in crisis_box(client.get("/"))


def test_the_admin_list_shows_entries_not_verified_for_90_days(admin_client, db):
    today = timezone.localdate()
    CrisisResourceFactory(name="Checked Last Week", last_verified=today - datetime.timedelta(7))
    CrisisResourceFactory(name="Checked Long Ago", last_verified=today - datetime.timedelta(91))
    CrisisResourceFactory(name="Never Checked", last_verified=None)

    overdue = admin_client.get("/admin/signposting/crisisresource/?verification=overdue")
    content = overdue.content.decode()
    assert "Checked Long Ago" in content
    assert "Never Checked" in content
    assert "Checked Last Week" not in content

    current = admin_client.get("/admin/signposting/crisisresource/?verification=current")
    assert "Checked Last Week" in current.content.decode()
    assert "Checked Long Ago" not in current.content.decode()


def test_members_cannot_reach_the_crisis_resource_admin(member_client):
    response = member_client.get("/admin/signposting/crisisresource/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_uk_defaults_ship_with_the_first_migration(db):
    uk = {resource.name: resource for resource in CrisisResource.objects.for_region("uk")}
    assert uk["Emergency services"].phone == "999"
    assert uk["NHS 111"].phone == "111"
    assert uk["Samaritans"].phone == "116 123"
    assert (uk["Shout"].sms_number, uk["Shout"].sms_keyword) == ("85258", "SHOUT")
    assert uk["Childline"].phone == "0800 1111"
    assert uk["Papyrus HOPELINE247"].phone == "0800 068 4141"
    assert uk["Papyrus HOPELINE247"].sms_number == ""  # not verified: left out
    assert all(resource.last_verified for resource in uk.values())
