"""An admin's edit to a crisis resource shows on the very next page view, even when a
page read the old rows while the edit was still uncommitted and cached them."""

import pytest
from django.core.cache import cache

from peersupport.signposting.models import CrisisResource
from peersupport.signposting.resources import _cache_key, resources_for

pytestmark = pytest.mark.django_db


def test_an_edit_replaces_the_cached_list_at_once():
    samaritans = CrisisResource.objects.get(name="Samaritans", region="uk")
    assert samaritans in resources_for("uk")
    samaritans.phone = "116 000"
    samaritans.save()
    shown = {resource.name: resource.phone for resource in resources_for("uk")}
    assert shown["Samaritans"] == "116 000"


def test_rows_cached_while_an_edit_was_uncommitted_are_dropped_when_it_commits(
    django_capture_on_commit_callbacks,
):
    samaritans = CrisisResource.objects.get(name="Samaritans", region="uk")
    stale = list(CrisisResource.objects.for_region("uk"))
    with django_capture_on_commit_callbacks(execute=True):
        samaritans.phone = "116 000"
        samaritans.save()
        # Another request, still seeing the committed rows, caches them meanwhile.
        cache.set(_cache_key("uk"), stale)
    shown = {resource.name: resource.phone for resource in resources_for("uk")}
    assert shown["Samaritans"] == "116 000"
