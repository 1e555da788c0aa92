import pytest

from peersupport.signposting.models import CrisisResource
from tests.pages import assert_signposted, crisis_box


@pytest.fixture
def by_region(db):
    return lambda region: list(CrisisResource.objects.for_region(region))


def test_visitors_see_uk_wide_services_by_default(client, by_region):
    response = client.get("/")
    assert_signposted(response, by_region("uk"), absent=by_region("us"))
    assert "Breathing Space" not in crisis_box(response)


def test_a_visitor_picks_a_region_and_it_is_remembered(client, by_region):
    response = client.post("/help/region/", {"region": "scotland", "next": "/guidelines/"})
    assert response.status_code == 302
    assert response["Location"] == "/guidelines/"
    assert response.cookies["crisis_region"].value == "scotland"
    assert response.cookies["crisis_region"]["secure"]  # like the session: HTTPS only

    box = crisis_box(client.get("/"))
    assert "Breathing Space" in box  # Scotland's own line
    assert "Samaritans" in box  # and the UK-wide services


def test_a_members_region_is_their_preference(member_client, member, by_region):
    member_client.post("/settings/", {"region": "ireland", "bio": ""})
    member.refresh_from_db()
    assert member.region == "ireland"
    assert_signposted(member_client.get("/"), by_region("ireland"), absent=by_region("uk"))


def test_a_member_choosing_in_the_box_updates_their_preference(member_client, member):
    member_client.post("/help/region/", {"region": "us", "next": "/"})
    member.refresh_from_db()
    assert member.region == "us"
    assert "988 Suicide &amp; Crisis Lifeline" in crisis_box(member_client.get("/"))


def test_an_unknown_region_changes_nothing(client, db):
    response = client.post("/help/region/", {"region": "atlantis", "next": "/"})
    assert response.status_code == 400
    assert "crisis_region" not in response.cookies
    assert "Select a valid choice" in response.content.decode()
    assert 'id="crisis-support"' in response.content.decode()


def test_a_forged_region_cookie_falls_back_to_uk(client, by_region):
    client.cookies["crisis_region"] = "<script>"
    assert_signposted(client.get("/"), by_region("uk"))


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_region_choice_never_redirects_off_site(client, db, next_url):
    response = client.post("/help/region/", {"region": "wales", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/help/"


def test_help_page_lists_every_service_without_login(client, by_region):
    response = client.get("/help/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "<script" not in content.split("</head>")[1]  # works without JavaScript
    for resource in by_region("uk"):
        assert resource.name in content or resource.is_emergency
        if resource.phone:
            assert f'href="{resource.tel_href}"' in content


def test_the_help_page_names_the_region_shown(client, db):
    client.post("/help/region/", {"region": "scotland", "next": "/help/"})
    assert (
        "Showing services for: <strong>Scotland</strong>" in client.get("/help/").content.decode()
    )
