"""A thread's version: a random token in the cache that every change to what a reader
of the thread can see replaces. forum.thread_pages keeps pages of posts under it.

The services that make such a change (a post, an edit, a deletion, a hide or an
approval, a reaction, a lock or a move, a warning, an erasure, a writer's role or
pseudonym) call `touch_threads`. It drops the token inside their transaction and again
once it commits (peersupport.caching.forget), and the next reader draws a new one, so
a page rendered from the state before a change is never read after it commits. Tokens
are random rather than counted: a token the cache lost can never come back and match
an old page.
"""

import uuid

from peersupport.caching import cached, forget

from .models import Post

VERSION_TIMEOUT = 24 * 60 * 60


def _key(thread_id):
    return f"forum:thread-version:{thread_id}"


def thread_version(thread_id):
    return cached(_key(thread_id), VERSION_TIMEOUT, lambda: uuid.uuid4().hex)


def touch_threads(*thread_ids):
    """Give these threads a new version: every cached page of them is out of date."""
    forget(*(_key(thread_id) for thread_id in thread_ids))


def touch_threads_written_in_by(member_id):
    """A change to a writer (their role's badge, their pseudonym, their leaving) shows
    wherever they wrote."""
    touch_threads(
        *Post.objects.filter(author_id=member_id).values_list("thread_id", flat=True).distinct()
    )
