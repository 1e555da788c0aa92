"""Dropping cached copies when what they copy changes."""

from django.core.cache import cache
from django.db import transaction


def forget(*keys):
    """Drop `keys` now, so the writer's own next read is fresh, and again once the
    change commits: a request reading meanwhile may have stored the old value."""
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
