"""The guide for professionals explains the features made for the young people they see,
on a fresh database and on one whose page an admin had already edited."""

from importlib import import_module

import pytest
from django.apps import apps

from peersupport.signposting.models import GuidePage

pytestmark = pytest.mark.django_db

MIGRATION = import_module("peersupport.signposting.migrations.0005_guide_features_for_young_people")
FEATURES = ("Small circles", "Peer supporters", "Notes for my care team", "/transparency/")


def test_the_guide_explains_circles_peer_supporters_and_care_team_notes(client):
    page = client.get("/professionals/").content.decode()
    for feature in FEATURES:
        assert feature in page


def test_an_edited_page_gains_the_section_before_its_glossary_and_keeps_the_rest():
    page = GuidePage.objects.get(slug="professionals")
    page.body = "## Our own words\n\nEdited here.\n\n## Glossary of online words\n\n- **ctb**"
    page.save()
    MIGRATION.add_section(apps, None)
    page.refresh_from_db()
    assert page.body.startswith("## Our own words\n\nEdited here.\n\n## Features made")
    assert page.body.index("Small circles") < page.body.index("## Glossary")
    before = page.body
    MIGRATION.add_section(apps, None)
    page.refresh_from_db()
    assert page.body == before
