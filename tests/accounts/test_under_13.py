"""Someone younger than 13 who comes to join is told kindly that the forum is for 13 and
over, and shown where to go instead; nothing they typed is kept."""

import pytest
from allauth.account.models import EmailAddress

from peersupport.accounts.models import User
from tests.accounts.test_signup import signup_data

pytestmark = pytest.mark.django_db

UNDER_13 = "/accounts/signup/under-13/"


def test_the_joining_page_shows_where_to_go_if_younger_than_13(client):
    page = client.get("/accounts/signup/").content.decode()
    assert f'<a href="{UNDER_13}">Here is where you can get support</a>' in page


def test_an_unticked_age_box_keeps_nothing_and_points_the_way(client):
    response = client.post("/accounts/signup/", signup_data(age_confirmed=None))
    page = response.content.decode()
    assert "This forum is for people aged 13 and over" in page
    assert UNDER_13 in page
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()


def test_the_page_for_under_13s_offers_childline_kindly(client):
    response = client.get(UNDER_13)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Thank you for looking for support" in page
    assert 'href="tel:08001111"' in page
    assert 'href="https://www.childline.org.uk/get-support/message-boards/"' in page
    assert 'href="tel:1800666666"' in page
    assert "We have not kept anything you typed" in page
    # No form on it: nothing to fill in, nothing to keep.
    assert "<form" not in page.split('id="crisis-support"')[0].split("<main")[1]
