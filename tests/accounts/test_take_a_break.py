"""Choosing a break in the settings, and what stays open during one."""

import datetime
import json

import pytest
from django.utils import timezone

from peersupport.accounts.services import end_break, take_break

pytestmark = pytest.mark.django_db


def test_the_settings_page_offers_a_break_with_its_lengths(member_client):
    page = member_client.get("/settings/").content.decode()
    assert 'id="take-a-break"' in page and 'action="/settings/break/"' in page
    for value in ("day", "three-days", "week", "two-weeks"):
        assert f'value="{value}"' in page


def test_taking_a_break_for_a_week(member_client, member):
    before = timezone.now()
    response = member_client.post("/settings/break/", {"length": "week"})
    assert response.status_code == 302 and response["Location"] == "/settings/break/"
    member.refresh_from_db()
    week = datetime.timedelta(days=7)
    assert before + week <= member.break_until <= timezone.now() + week
    page = member_client.get("/settings/break/").content.decode()
    assert "<title>Take a break · Peer Support</title>" in page
    assert "You are taking a break until" in page
    assert 'action="/settings/break/end/"' in page


def test_a_length_that_is_not_offered_is_refused_kindly(member_client, member):
    page = member_client.post("/settings/break/", {"length": "forever"}).content.decode()
    assert "Select a valid choice" in page
    page = member_client.post("/settings/break/").content.decode()
    assert "Please choose how long your break should be." in page
    member.refresh_from_db()
    assert member.break_until is None


def test_visitors_are_asked_to_sign_in(client):
    assert client.get("/settings/break/")["Location"].startswith("/accounts/login/")
    assert client.post("/settings/break/end/")["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "path",
    [
        "/settings/",
        "/settings/break/",
        "/settings/delete/",
        "/help/",
        "/guidelines/",
        "/professionals/",
        "/privacy/",
    ],
)
def test_settings_help_and_guides_stay_open_during_a_break(member_client, member, path):
    take_break(member, length="two-weeks")
    page = member_client.get(path).content.decode()
    assert "It's fine to come back early." not in page
    assert 'id="crisis-support"' in page


def test_the_data_export_works_during_a_break_and_holds_both_settings(member_client, member):
    member.low_stimulation = True
    member.save()
    take_break(member, length="day")
    response = member_client.post("/settings/export/")
    assert response.status_code == 200
    profile = json.loads(response.content)["profile"]
    assert profile["low_stimulation"] is True
    assert profile["taking_a_break_until"] == member.break_until.isoformat()
    end_break(member)
    profile = json.loads(member_client.post("/settings/export/").content)["profile"]
    assert profile["taking_a_break_until"] is None


def test_take_break_and_end_break(member):
    now = timezone.now()
    take_break(member, length="three-days", now=now)
    member.refresh_from_db()
    assert member.break_until == now + datetime.timedelta(days=3)
    assert member.is_on_break() and not member.is_on_break(now + datetime.timedelta(days=4))
    end_break(member)
    member.refresh_from_db()
    assert member.break_until is None and not member.is_on_break()
