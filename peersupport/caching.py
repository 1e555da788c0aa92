"""The one way the apps cache what they read: `cached` to read through the cache, and
`forget` to drop copies when what they copy changes."""

from django.core.cache import cache
from django.db import transaction


def cached(key, timeout, compute):
    """The value stored under `key`, computed by `compute()` and stored for `timeout`
    seconds when missing. None is never stored, so `compute` must not return it."""
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def forget(*keys):
    """Drop `keys` now, so the writer's own next read is fresh, and again once the
    change commits: a request reading meanwhile may have stored the old value."""
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
