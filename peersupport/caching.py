"""The one way the apps cache what they read: `cached` to read through the cache, and
`forget` to drop copies when what they copy changes.

`site_version` is a token for copies of whole pages: every change an admin makes to what
every page shows (crisis resources, boards, moderation hours) replaces it
(`forget_site_version`), so a key holding it is never read after such a change."""

import logging
import uuid

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

SITE_VERSION_KEY = "site:version"
SITE_VERSION_TIMEOUT = 24 * 60 * 60


def cached(key, timeout, compute):
    """The value stored under `key`, computed by `compute()` and stored for `timeout`
    seconds when missing. None is never stored, so `compute` must not return it.

    The cache only saves work, so it never stops a request. A cache that is down, or an
    entry this code can no longer read (a class that moved in a release), counts as a
    miss. Screening a post reads through here, and a post must always be screened."""
    try:
        value = cache.get(key)
    except Exception:
        logger.warning("Cache unreadable for %s; computing it instead", key, exc_info=True)
        value = None
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.warning("Cache unwritable for %s", key, exc_info=True)
    return value


def forget(*keys):
    """Drop `keys` now, so the writer's own next read is fresh, and again once the
    change commits: a request reading meanwhile may have stored the old value.

    A cache that cannot drop them does not stop the change: what a member wrote, or a
    moderator decided, matters more than a copy. It is logged as an error, because until
    the copies expire a reader may be shown what was there before."""
    if not keys:
        return
    _drop(keys)
    transaction.on_commit(lambda: _drop(keys))


def _drop(keys):
    try:
        cache.delete_many(keys)
    except Exception:
        logger.error(
            "Cache could not drop %s; old copies stay until they expire", keys, exc_info=True
        )


def site_version():
    return cached(SITE_VERSION_KEY, SITE_VERSION_TIMEOUT, lambda: uuid.uuid4().hex)


def forget_site_version():
    forget(SITE_VERSION_KEY)
