"""The shape of the benchmark's threads, planned in memory: long-tailed sizes, replies
that answer the opening post or a recent reply, real nesting. Ids are given before the
one INSERT each post gets, so its path is the product's own (forum.services.post_path)."""

import datetime
from dataclasses import dataclass, field

from forum.models import PostStatus
from forum.services import post_path

MAX_SEED_DEPTH = 8


def thread_sizes(rng, count, total, cap):
    """`count` post counts (each at least one, at most `cap`) adding up to `total`, long
    tailed: most threads a handful of posts, a few several hundred."""
    if count == 0:
        return []
    weights = [rng.lognormvariate(1.6, 1.3) for _ in range(count)]
    factor = total / sum(weights)
    sizes = [min(cap, max(1, round(weight * factor))) for weight in weights]
    difference = total - sum(sizes)
    while difference:
        index = rng.randrange(count)
        if difference > 0 and sizes[index] < cap:
            sizes[index] += 1
            difference -= 1
        elif difference < 0 and sizes[index] > 1:
            sizes[index] -= 1
            difference += 1
    return sizes


@dataclass(eq=False, slots=True)
class PlannedPost:
    thread: "PlannedThread"
    parent: "PlannedPost | None"
    author: int  # an index into the member list
    created_at: datetime.datetime
    body: int  # an index into the body pool
    depth: int = 0
    status: str = PostStatus.PUBLISHED
    content_warning: str = ""
    content_warning_text: str = ""
    has_replies: bool = False
    pk: int | None = None
    path: str = ""


@dataclass(eq=False, slots=True)
class PlannedThread:
    title: str
    board: int
    author: int
    created_at: datetime.datetime
    posts: list = field(default_factory=list)
    pk: int | None = None


def plan_thread(rng, *, title, board, author, size, start, end, pick_author, bodies, chain=0):
    """A thread of `size` posts between `start` and `end`, in time order, each reply
    answering the opening post or a recent reply. The first `chain` replies answer one
    another, so the thread is sure to nest that deep."""
    thread = PlannedThread(title=title, board=board, author=author, created_at=start)
    span = (end - start).total_seconds()
    offsets = sorted(rng.uniform(60, span) for _ in range(size - 1))
    opening = PlannedPost(thread, None, author, start, rng.randrange(bodies))
    posts = [opening]
    for index, offset in enumerate(offsets, start=1):
        if index <= chain:
            parent = posts[-1]
        elif index == 1 or rng.random() < 0.45:
            parent = opening
        else:
            parent = rng.choice(posts[max(1, index - 12) :])
        while parent.depth >= MAX_SEED_DEPTH:
            parent = parent.parent
        writer = author if rng.random() < 0.2 else pick_author()
        if writer == parent.author:
            writer = pick_author()
        when = start + datetime.timedelta(seconds=offset)
        post = PlannedPost(thread, parent, writer, when, rng.randrange(bodies), parent.depth + 1)
        parent.has_replies = True
        posts.append(post)
    thread.posts = posts
    return thread


def assign_ids(posts, ids):
    """Give posts (parents before replies) their reserved ids and their paths."""
    for post, pk in zip(posts, ids, strict=True):
        post.pk = pk
        post.path = post_path(post.parent, pk)
