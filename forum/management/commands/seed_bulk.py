"""A large, realistic forum for benchmarks: 5,000 members, 20 boards, 5,000 threads and
100,000 posts (at --scale 1), with reactions, flags, open cases, held posts, content
warnings, notifications and subscriptions, every counter consistent.

Everything is planned in memory first, then written with bulk inserts in one
transaction. Run it on PostgreSQL (search vectors are PostgreSQL's). It does nothing
when the database already holds a forum's worth of posts, so scripts may call it again.
"""

import datetime
import itertools
import random
import time

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from forum import bulk
from forum.models import (
    Board,
    BoardFollow,
    ContentWarning,
    Notification,
    Post,
    PostStatus,
    Reaction,
    Subscription,
    Thread,
)
from moderation import bulk as moderation_bulk
from moderation.models import Case, Flag
from peersupport.accounts.models import User
from peersupport.accounts.permissions import MODERATORS, SAFEGUARDING_LEADS

# Known on purpose: benchmarks and people sign in as the seeded accounts.
BULK_PASSWORD = "bulk-password-1"  # noqa: S105
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
MODERATORS_COUNT = 5
CONTENT_WARNING_SHARE = 0.03
# Reply notifications are made for this recent stretch; older ones would long be read.
NOTIFIED_DAYS = 60
UNREAD_DAYS = 3

BOARD_NAMES = [
    "Introductions",
    "Feeling low",
    "Anxiety and worry",
    "Exams and school",
    "College and university",
    "Work and money",
    "Friends",
    "Family",
    "Relationships",
    "Sleep",
    "Body image",
    "Identity",
    "Loneliness",
    "Self-harm support",
    "Getting help",
    "Therapy and medication",
    "Creative corner",
    "Hobbies and distractions",
    "Good things",
    "Chat and games",
]
PREMODERATED_BOARDS = {"Self-harm support"}
WARNING_TEXTS = ["Hospital", "Bereavement", "Bullying"]


class Command(BaseCommand):
    help = "Seed a large, realistic forum with bulk inserts (benchmarks; PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Multiply every count.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed.")
        parser.add_argument(
            "--force", action="store_true", help="Seed even when posts are already there."
        )

    def handle(self, *args, scale, seed, force, **options):
        if connection.vendor != "postgresql":
            raise CommandError("seed_bulk needs PostgreSQL (set DATABASE_URL).")
        if scale <= 0:
            raise CommandError("--scale must be more than 0.")
        present = Post.objects.count()
        if present > PRESENT_THRESHOLD and not force:
            self.stdout.write(f"Bulk data already present ({present} posts); nothing to do.")
            return
        started = time.monotonic()
        with transaction.atomic():
            # Deterministic test data, not secrets: a seeded generator is the point.
            rng = random.Random(seed)  # noqa: S311
            counts = Seeder(self.stdout, rng, scale).run()
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Seeded in {elapsed:.1f} s:"))
        for name, count in counts.items():
            self.stdout.write(f"  {name:<16}{count:>9,}")


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
        self.out.write("Planning the forum…")
        boards = self.boards()
        pool = bulk.body_pool(self.rng)
        screened = moderation_bulk.add_screened_bodies(pool)
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
        cases = moderation_bulk.plan_cases(
            self.rng,
            candidates,
            min(scaled(OPEN_CASES, self.scale), len(candidates)),
            screened=screened,
            member_count=self.member_count,
            now=self.now,
        )
        self.add_content_warnings(posts)
        member_ids = self.accounts(posts, cases)

        # Ids are reserved in time order, so a reply's id is always above its parent's.
        for thread, pk in zip(threads, bulk.reserve_ids(Thread, len(threads)), strict=True):
            thread.pk = pk
        bulk.assign_ids(posts, bulk.reserve_ids(Post, len(posts)))
        with bulk.explicit_timestamps(
            Thread, Post, Reaction, Subscription, Notification, Flag, BoardFollow
        ):
            self.insert(
                "threads", Thread, [self.thread_row(t, boards, member_ids) for t in threads]
            )
            vectors = self.search_vectors(threads, pool)
            self.insert("posts", Post, [self.post_row(p, pool, vectors, member_ids) for p in posts])
            self.insert("subscriptions", Subscription, bulk.subscriptions_for(threads, member_ids))
            self.insert("board follows", BoardFollow, self.board_follows(boards, member_ids))
            reactions = bulk.reactions_for(
                self.rng, posts, scaled(REACTIONS, self.scale), member_ids, self.now
            )
            self.insert("reactions", Reaction, reactions)
            notifications = bulk.reply_notifications_for(
                self.rng,
                posts,
                member_ids,
                since=self.now - datetime.timedelta(days=NOTIFIED_DAYS),
                read_before=self.now - datetime.timedelta(days=UNREAD_DAYS),
            )
            notifications += moderation_bulk.held_notices(cases, member_ids)
            self.insert("notifications", Notification, notifications)
            case_rows, flags = moderation_bulk.build_cases(
                cases, bulk.reserve_ids(Case, len(cases)), member_ids
            )
            self.insert("cases", Case, case_rows)
            self.insert("flags", Flag, flags)
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

    # --- Planning -------------------------------------------------------------------

    def boards(self):
        boards = []
        for order, name in enumerate(BOARD_NAMES[: scaled(BOARDS, self.scale, minimum=2)]):
            board, _ = Board.objects.get_or_create(
                slug=name.lower().replace(" ", "-"),
                defaults={
                    "name": name,
                    "description": f"Talk about {name.lower()}.",
                    "order": order * 10,
                    "is_premoderated": name in PREMODERATED_BOARDS,
                },
            )
            boards.append(board)
        return boards

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
            return bulk.plan_thread(
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
                chain=bulk.MAX_SEED_DEPTH,
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
        for size in bulk.thread_sizes(
            rng, other_count, other_posts, cap=BIGGEST_THREAD_POSTS * 3 // 4
        ):
            start = now - datetime.timedelta(seconds=rng.uniform(3600, 365 * 86400))
            # Bigger threads run longer: a few hours per post, until now at the latest.
            end = min(now, start + datetime.timedelta(hours=size * rng.uniform(0.5, 6)))
            threads.append(thread(bulk.build_title(rng), size, start, end))
        return threads

    def add_content_warnings(self, posts):
        warnings = list(ContentWarning.values)
        for post in self.rng.sample(posts, round(len(posts) * CONTENT_WARNING_SHARE)):
            post.content_warning = self.rng.choice(warnings)
            if post.content_warning == ContentWarning.OTHER:
                post.content_warning_text = self.rng.choice(WARNING_TEXTS)

    # --- Accounts -------------------------------------------------------------------

    def accounts(self, posts, cases):
        """Create the members (joined before they first took part), the moderators, the
        lead and the admin; returns the members' ids by index."""
        first_seen = {}
        for post in posts:
            first_seen.setdefault(post.author, post.created_at)
        for case in cases:
            for flagger, _, _, when in case.flags:
                first_seen[flagger] = min(first_seen.get(flagger, when), when)
        password = make_password(BULK_PASSWORD)
        year_ago = self.now - datetime.timedelta(days=365)
        wanted = []
        for index in range(self.member_count):
            if index in first_seen:
                joined = first_seen[index] - datetime.timedelta(days=self.rng.uniform(1, 60))
            else:
                joined = self.now - datetime.timedelta(days=self.rng.uniform(1, 395))
            wanted.append((f"bulk_member_{index + 1}", joined, {}))
        staff_joined = year_ago - datetime.timedelta(days=60)
        for number in range(1, MODERATORS_COUNT + 1):
            wanted.append((f"bulk_moderator_{number}", staff_joined, {}))
        wanted.append(("bulk_lead", staff_joined, {}))
        wanted.append(("bulk_admin", staff_joined, {"is_staff": True, "is_superuser": True}))
        ids = self.create_users(wanted, password)
        self.join_group(MODERATORS, [ids[f"bulk_moderator_{n}"] for n in range(1, 6)])
        self.join_group(SAFEGUARDING_LEADS, [ids["bulk_lead"]])
        return [ids[f"bulk_member_{index + 1}"] for index in range(self.member_count)]

    def create_users(self, wanted, password):
        names = [username for username, _, _ in wanted]
        existing = dict(User.objects.filter(username__in=names).values_list("username", "pk"))
        new_users = [
            User(
                username=username,
                email=_email(username),
                password=password,
                date_joined=joined,
                age_confirmed_at=joined,
                guidelines_accepted_at=joined,
                **flags,
            )
            for username, joined, flags in wanted
            if username not in existing
        ]
        self.insert("accounts", User, new_users)
        self.insert(
            "email addresses",
            EmailAddress,
            [
                EmailAddress(user=user, email=user.email, verified=True, primary=True)
                for user in new_users
            ],
        )
        return existing | {user.username: user.pk for user in new_users}

    def join_group(self, name, user_ids):
        group = Group.objects.get(name=name)
        through = User.groups.through
        through.objects.bulk_create(
            [through(user_id=pk, group_id=group.pk) for pk in user_ids], ignore_conflicts=True
        )

    # --- Rows -----------------------------------------------------------------------

    def thread_row(self, thread, boards, member_ids):
        counted = [post for post in thread.posts[1:] if post.status != PostStatus.HELD]
        return Thread(
            pk=thread.pk,
            board=boards[thread.board],
            title=thread.title,
            author_id=member_ids[thread.author],
            opening_post_id=thread.posts[0].pk,
            created_at=thread.created_at,
            # Hidden replies were published once, so they moved the activity along.
            last_activity_at=max([thread.created_at, *(post.created_at for post in counted)]),
            reply_count=sum(post.status == PostStatus.PUBLISHED for post in counted),
            status=thread.posts[0].status,
        )

    def search_vectors(self, threads, pool):
        """{(title, body index): vector}, the title empty except for opening posts."""
        self.out.write("Indexing the words for search…")
        texts = [("", index) for index in range(len(pool))]
        texts += list(dict.fromkeys((thread.title, thread.posts[0].body) for thread in threads))
        vectors = bulk.search_vectors([(title, pool[index][0]) for title, index in texts])
        return dict(zip(texts, vectors, strict=True))

    def post_row(self, post, pool, vectors, member_ids):
        body, html = pool[post.body]
        title = post.thread.title if post.parent is None else ""
        return Post(
            pk=post.pk,
            thread_id=post.thread.pk,
            author_id=member_ids[post.author],
            parent_id=post.parent.pk if post.parent else None,
            path=post.path,
            depth=post.depth,
            body=body,
            body_html=html,
            content_warning=post.content_warning,
            content_warning_text=post.content_warning_text,
            status=post.status,
            created_at=post.created_at,
            search_vector=vectors[title, post.body],
        )

    def board_follows(self, boards, member_ids):
        follows = []
        for member_id in self.rng.sample(member_ids, len(member_ids) // 10):
            for board in self.rng.sample(boards, min(len(boards), self.rng.randint(1, 3))):
                when = self.now - datetime.timedelta(days=self.rng.uniform(0, 300))
                follows.append(BoardFollow(board=board, member_id=member_id, created_at=when))
        return follows

    def insert(self, label, model, rows):
        progress = bulk.Progress(self.out, label, len(rows))
        for start in range(0, len(rows), bulk.BATCH_SIZE):
            batch = rows[start : start + bulk.BATCH_SIZE]
            model.objects.bulk_create(batch)
            progress.advance(len(batch))


def _email(username):
    return f"{username}@example.invalid"
