"""Cached page fragments (the crisis box per region, the home page's board list) are
never stale and never shown to the wrong reader."""

import pytest
from django.test import Client

from forum.models import Board
from peersupport.signposting.models import CrisisResource
from tests.factories import BoardFactory
from tests.pages import crisis_box

pytestmark = pytest.mark.django_db


def test_each_region_keeps_its_own_cached_crisis_box(client):
    scottish = CrisisResource.objects.filter(region="scotland", is_active=True).first()
    assert scottish is not None
    assert scottish.name not in crisis_box(client.get("/"))  # UK-wide box now cached

    client.post("/help/region/", {"region": "scotland", "next": "/"})
    assert scottish.name in crisis_box(client.get("/"))
    assert scottish.name not in crisis_box(Client().get("/"))


def test_the_board_list_follows_admin_edits_at_once(reader_client, admin_user):
    board = BoardFactory(name="Exams and school")
    assert "Exams and school" in reader_client.get("/").content.decode()  # now cached

    board.name = "School and exams"
    board.save()
    assert "School and exams" in reader_client.get("/").content.decode()

    BoardFactory(name="Friendships")
    assert "Friendships" in reader_client.get("/").content.decode()

    Board.objects.get(name="Friendships").delete()
    assert "Friendships" not in reader_client.get("/").content.decode()
