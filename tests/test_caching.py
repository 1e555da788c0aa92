"""The cache only saves work: when it is down, or holds an entry this release can no
longer read, every read still answers from the database, and a post is still screened."""

from unittest import mock

import pytest

from moderation.models import RiskLevel, WatchedPhrase
from moderation.screening.screen import screen_text
from peersupport.caching import cached

pytestmark = pytest.mark.django_db

# What unpickling an entry raises when the class it names moved in a release.
UNREADABLE = ModuleNotFoundError("No module named 'moderation.risk'")


def test_an_unreadable_entry_is_a_miss():
    with mock.patch("peersupport.caching.cache") as cache:
        cache.get.side_effect = UNREADABLE
        assert cached("any:key", 60, lambda: ["fresh"]) == ["fresh"]
    cache.set.assert_called_once_with("any:key", ["fresh"], 60)


def test_a_cache_that_cannot_store_still_answers():
    with mock.patch("peersupport.caching.cache") as cache:
        cache.get.return_value = None
        cache.set.side_effect = ConnectionError("Redis is not answering")
        assert cached("any:key", 60, lambda: 7) == 7


def test_a_crisis_post_is_screened_whatever_the_cache_holds():
    WatchedPhrase.objects.create(phrase="end it all tonight", level=RiskLevel.CRISIS)
    with mock.patch("peersupport.caching.cache") as cache:
        cache.get.side_effect = UNREADABLE
        cache.set.side_effect = ConnectionError("Redis is not answering")
        assert screen_text("I will end it all tonight").is_crisis
