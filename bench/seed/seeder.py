"""A large, realistic forum for the benchmark: 5,000 members, 20 boards, 5,000 threads
and 100,000 posts (at scale 1), with reactions, flags, open cases, held posts, content
warnings, notifications and subscriptions, every counter consistent.

Everything is planned in memory first, then written with bulk inserts in one
transaction. Run it on PostgreSQL (search vectors are PostgreSQL's). It does nothing
when the database already holds a forum's worth of posts, so scripts may call it again.
Where a rule is the product's (a post's path, its search vector, a case's priority, a
held post's notice, when flags hide a post), the product's own function applies it.
"""

import datetime
import itertools
import random
import sys
import time

from django.db import connection, transaction
from django.utils import timezone

from forum.models import (
    BoardFollow,
    ContentWarning,
    Notification,
    Post,
    PostStatus,
    Reaction,
    Subscription,
    Thread,
)
from moderation.models import Case, Flag
from peersupport.accounts.models import User

from .accounts import create_accounts
from .activity import (
    board_follows_for,
    reactions_for,
    reply_notifications_for,
    subscriptions_for,
)
from .boards import create_boards
from .cases import add_screened_bodies, build_cases, held_notices, plan_cases
from .content import body_pool, build_title
from .rows import post_row, thread_row, vectors_by_text
from .threads import MAX_SEED_DEPTH, assign_ids, plan_thread, thread_sizes
from .writing import explicit_timestamps, insert, reserve_ids

BIGGEST_THREAD = "The biggest thread"
BIGGEST_THREAD_POSTS = 2000
THREAD_OF_200 = "A thread of 200 posts"
THREAD_OF_200_POSTS = 200
# Above this many posts the database already holds a forum, so seeding stops.
PRESENT_THRESHOLD = 1000

MEMBERS = 5000
BOARDS = 20
THREADS = 5000
POSTS = 100_000
REACTIONS = 30_000
OPEN_CASES = 2000
CONTENT_WARNING_SHARE = 0.03
# Reply notifications are made for this recent stretch; older ones would long be read.
NOTIFIED_DAYS = 60
UNREAD_DAYS = 3
WARNING_TEXTS = ["Hospital", "Bereavement", "Bullying"]


class SeedingRefused(Exception):
    """Why nothing was seeded: the database or the scale will not do."""


def seed_forum(*, scale=1.0, seed=1, force=False, out=None):
    """Seed the forum in one transaction and print what was made to `out` (standard
    output by default); nothing when the database already holds a forum (unless
    `force`)."""
    out = out or sys.stdout
    if connection.vendor != "postgresql":
        raise SeedingRefused("Seeding needs PostgreSQL (set DATABASE_URL).")
    if scale <= 0:
        raise SeedingRefused("--scale must be more than 0.")
    present = Post.objects.count()
    if present > PRESENT_THRESHOLD and not force:
        out.write(f"Bulk data already present ({present} posts); nothing to do.\n")
        return
    started = time.monotonic()
    with transaction.atomic():
        # Deterministic test data, not secrets: a seeded generator is the point.
        rng = random.Random(seed)  # noqa: S311
        counts = Seeder(out, rng, scale).run()
    elapsed = time.monotonic() - started
    out.write(f"Seeded in {elapsed:.1f} s:\n")
    for name, count in counts.items():
        out.write(f"  {name:<16}{count:>9,}\n")


def scaled(count, scale, minimum=1):
    return max(minimum, round(count * scale))


class Seeder:
    def __init__(self, out, rng, scale):
        self.out = out
        self.rng = rng
        self.scale = scale
        self.now = timezone.now()
        self.member_count = scaled(MEMBERS, scale, minimum=10)

    def run(self):
        self.out.write("Planning the forum…\n")
        boards = create_boards(scaled(BOARDS, self.scale, minimum=2))
        pool = body_pool(self.rng)
        screened = add_screened_bodies(pool)
        threads = self.plan_threads(len(boards), len(pool))
        posts = sorted(
            (post for thread in threads for post in thread.posts),
            key=lambda post: post.created_at,
        )
        named = {id(thread.posts[0]) for thread in threads[:2]}
        candidates = [
            post
            for post in posts
            if post.parent is not None and id(post.thread.posts[0]) not in named
        ]
        cases = plan_cases(
            self.rng,
            candidates,
            min(scaled(OPEN_CASES, self.scale), len(candidates)),
            screened=screened,
            member_count=self.member_count,
            now=self.now,
        )
        self.add_content_warnings(posts)
        member_ids = create_accounts(self.out, self.rng, self.now, self.member_count, posts, cases)

        # Ids are reserved in time order, so a reply's id is always above its parent's.
        for thread, pk in zip(threads, reserve_ids(Thread, len(threads)), strict=True):
            thread.pk = pk
        assign_ids(posts, reserve_ids(Post, len(posts)))
        with explicit_timestamps(
            Thread, Post, Reaction, Subscription, Notification, Flag, BoardFollow
        ):
            insert(
                self.out,
                "threads",
                Thread,
                [thread_row(t, boards, member_ids) for t in threads],
            )
            self.out.write("Indexing the words for search…\n")
            vectors = vectors_by_text(threads, pool)
            insert(
                self.out,
                "posts",
                Post,
                [post_row(p, pool, vectors, member_ids) for p in posts],
            )
            insert(self.out, "subscriptions", Subscription, subscriptions_for(threads, member_ids))
            insert(
                self.out,
                "board follows",
                BoardFollow,
                board_follows_for(self.rng, boards, member_ids, self.now),
            )
            reactions = reactions_for(
                self.rng, posts, scaled(REACTIONS, self.scale), member_ids, self.now
            )
            insert(self.out, "reactions", Reaction, reactions)
            notifications = reply_notifications_for(
                self.rng,
                posts,
                member_ids,
                since=self.now - datetime.timedelta(days=NOTIFIED_DAYS),
                read_before=self.now - datetime.timedelta(days=UNREAD_DAYS),
            )
            notifications += held_notices(cases, member_ids)
            insert(self.out, "notifications", Notification, notifications)
            case_rows, flags = build_cases(cases, reserve_ids(Case, len(cases)), member_ids)
            insert(self.out, "cases", Case, case_rows)
            insert(self.out, "flags", Flag, flags)
        with connection.cursor() as cursor:
            # Fresh statistics, so the first benchmark queries are planned well.
            for model in (User, Thread, Post, Subscription, Reaction, Notification, Case, Flag):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
        return {
            "members": len(member_ids),
            "boards": len(boards),
            "threads": len(threads),
            "posts": len(posts),
            "held posts": sum(post.status == PostStatus.HELD for post in posts),
            "hidden posts": sum(post.status == PostStatus.HIDDEN for post in posts),
            "warned posts": sum(bool(post.content_warning) for post in posts),
            "reactions": len(reactions),
            "notifications": len(notifications),
            "open cases": len(case_rows),
            "flags": len(flags),
        }

    def plan_threads(self, board_count, body_count):
        rng = self.rng
        # A few members write much more than most, as in any community.
        weights = [1 / (rank + 1) ** 0.7 for rank in range(self.member_count)]
        rng.shuffle(weights)
        cumulative = list(itertools.accumulate(weights))
        members = range(self.member_count)

        def pick_author():
            return rng.choices(members, cum_weights=cumulative)[0]

        def thread(title, size, start, end, author=None, chain=0):
            return plan_thread(
                rng,
                title=title,
                board=rng.randrange(board_count),
                author=pick_author() if author is None else author,
                size=size,
                start=start,
                end=end,
                pick_author=pick_author,
                bodies=body_count,
                chain=chain,
            )

        now = self.now
        days = datetime.timedelta(days=1)
        threads = [
            thread(
                BIGGEST_THREAD,
                BIGGEST_THREAD_POSTS,
                now - 360 * days,
                now - datetime.timedelta(hours=1),
                chain=MAX_SEED_DEPTH,
            ),
            # bulk_member_1 started it, so they have plenty of notifications to read.
            thread(
                THREAD_OF_200,
                THREAD_OF_200_POSTS,
                now - 20 * days,
                now - datetime.timedelta(hours=2),
                author=0,
                chain=3,
            ),
        ]
        other_count = scaled(THREADS, self.scale, minimum=3) - len(threads)
        other_posts = max(
            scaled(POSTS - BIGGEST_THREAD_POSTS - THREAD_OF_200_POSTS, self.scale), other_count
        )
        for size in thread_sizes(rng, other_count, other_posts, cap=BIGGEST_THREAD_POSTS * 3 // 4):
            start = now - datetime.timedelta(seconds=rng.uniform(3600, 365 * 86400))
            # Bigger threads run longer: a few hours per post, until now at the latest.
            end = min(now, start + datetime.timedelta(hours=size * rng.uniform(0.5, 6)))
            threads.append(thread(build_title(rng), size, start, end))
        return threads

    def add_content_warnings(self, posts):
        warnings = list(ContentWarning.values)
        for post in self.rng.sample(posts, round(len(posts) * CONTENT_WARNING_SHARE)):
            post.content_warning = self.rng.choice(warnings)
            if post.content_warning == ContentWarning.OTHER:
                post.content_warning_text = self.rng.choice(WARNING_TEXTS)
