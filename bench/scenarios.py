"""What is measured: each scenario is one request a person makes, by whom, what answer
proves it worked, and its budget from DESIGN.md. The targets (which board, thread, case
and posts) are looked up in the seeded database. Imported once Django is set up."""

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count

from forum.models import Board, Post, PostStatus, Thread
from forum.paging import POSTS_PER_PAGE
from moderation.models import Case, FlagReason

from .bodies import UNIQUE_WORD_PREFIX, fresh_rng, new_token, reply_body
from .seed.seeder import BIGGEST_THREAD, THREAD_OF_200

PAGE_QUERY_BUDGET = 10

# Who makes each request (bench.seed's accounts); None is a visitor who is not signed in.
ROLES = {
    "reader": "bulk_member_2",
    "notified": "bulk_member_1",
    "writer": "bulk_member_3",
    "flagger": "bulk_member_4",
    "moderator": "bulk_moderator_1",
    "visitor": None,
}


@dataclass
class Scenario:
    name: str
    role: str
    # Called once per request: (path, POST data or None for a GET).
    next_request: Callable[[], tuple[str, dict | None]]
    expect_status: int = 200
    # For a redirect: where the Location must start, so a form shown again with a
    # message (also a 200) or a held post never counts as a success.
    expect_location: str = ""
    budget_ms: float | None = None
    budget_queries: int | None = None
    tokens: list = field(default_factory=list)


class ScenarioFailed(Exception):
    pass


def check_response(scenario, status, location):
    """Fail loudly: a scenario that did not do its job must never be timed."""
    if status != scenario.expect_status:
        raise ScenarioFailed(
            f"{scenario.name}: expected HTTP {scenario.expect_status}, got {status}"
            + (f" (to {location})" if location else "")
        )
    if scenario.expect_location and not (location or "").startswith(scenario.expect_location):
        raise ScenarioFailed(
            f"{scenario.name}: expected a redirect to {scenario.expect_location}…, got {location!r}"
        )


@dataclass(frozen=True)
class Targets:
    board_slug: str
    thread_200: int
    biggest: int
    biggest_last_page: int
    reply_thread: int
    case: int
    common_word: str
    rare_word: str


def users():
    names = [name for name in ROLES.values() if name]
    found = get_user_model().objects.in_bulk(names, field_name="username")
    missing = sorted(set(names) - set(found))
    if missing:
        raise ScenarioFailed(f"bench.seed's accounts are missing: {', '.join(missing)}")
    return {role: found[name] if name else None for role, name in ROLES.items()}


def find_targets(people):
    reader = people["reader"]
    board = Board.objects.annotate(size=Count("threads")).order_by("-size", "pk").first()
    named = dict(
        Thread.objects.filter(title__in=[BIGGEST_THREAD, THREAD_OF_200]).values_list("title", "pk")
    )
    if len(named) != 2:
        raise ScenarioFailed(f"bench.seed's threads are missing: found only {sorted(named)}")
    biggest_size = Post.objects.visible_to(reader).filter(thread_id=named[BIGGEST_THREAD]).count()
    case = Case.objects.open().in_queue_order().first()
    if case is None:
        raise ScenarioFailed("there is no open case to open")
    common, rare = search_words()
    return Targets(
        board_slug=board.slug,
        thread_200=named[THREAD_OF_200],
        biggest=named[BIGGEST_THREAD],
        biggest_last_page=max(1, math.ceil(biggest_size / POSTS_PER_PAGE)),
        reply_thread=replyable_threads(board, limit=1)[0],
        case=case.pk,
        common_word=common,
        rare_word=rare,
    )


def replyable_threads(board=None, limit=200):
    """Open, published threads anyone may answer, newest first. The named threads are
    left alone so their sizes stay what the scenarios say."""
    threads = Thread.objects.filter(
        is_closed=False,
        is_locked=False,
        board__is_locked=False,
        board__is_premoderated=False,
        opening_post__status=PostStatus.PUBLISHED,
    ).exclude(title__in=[BIGGEST_THREAD, THREAD_OF_200])
    if board is not None:
        threads = threads.filter(board=board)
    ids = list(threads.order_by("-last_activity_at").values_list("pk", flat=True)[:limit])
    if not ids:
        raise ScenarioFailed("there is no open thread to reply to")
    return ids


def search_words():
    """The most and the least common words in the posts (single plain words that
    search's stemming maps to themselves)."""
    picked = []
    for order in ("DESC", "ASC"):
        with connection.cursor() as cursor:
            # Not the benchmark's own unique words, each of which is in one post.
            cursor.execute(
                "SELECT word FROM ts_stat('SELECT search_vector FROM forum_post') "  # noqa: S608
                "WHERE word ~ '^[a-z]{4,}$' AND word NOT LIKE %s "
                f"ORDER BY ndoc {order}, word LIMIT 50",
                [f"{UNIQUE_WORD_PREFIX}%"],
            )
            candidates = [row[0] for row in cursor.fetchall()]
            for word in candidates:
                cursor.execute("SELECT plainto_tsquery('english', %s)::text", [word])
                if cursor.fetchone()[0] == f"'{word}'":
                    picked.append(word)
                    break
            else:
                raise ScenarioFailed(f"no searchable word found ({order})")
    return picked


def fresh_flag_target(flagger):
    """A published post this member has not flagged yet (one open flag per member per
    post), outside the named threads."""

    def next_request():
        post = (
            Post.objects.filter(status=PostStatus.PUBLISHED, depth__gt=0)
            .exclude(author=flagger)
            .exclude(flags__flagger=flagger)
            .exclude(thread__title__in=[BIGGEST_THREAD, THREAD_OF_200])
            .order_by("-pk")
            .values_list("pk", flat=True)
            .first()
        )
        note = "This reply feels a bit unkind to the person who posted, please take a look."
        return f"/posts/{post}/flag/", {"reason": FlagReason.BULLYING, "note": note}

    return next_request


def build(targets, people):
    """The scenarios in table order. The reply scenario's `tokens` collects the unique
    word in each body it sends."""

    def get(path):
        return lambda: (path, None)

    rng = fresh_rng()
    tokens = []

    def reply():
        token = new_token(rng)
        tokens.append(token)
        return f"/threads/{targets.reply_thread}/reply/", {"body": reply_body(rng, token)}

    page = PAGE_QUERY_BUDGET
    return [
        Scenario("home", "reader", get("/"), budget_ms=40, budget_queries=page),
        Scenario(
            "board",
            "reader",
            get(f"/boards/{targets.board_slug}/"),
            budget_ms=40,
            budget_queries=page,
        ),
        Scenario(
            "thread of 200 posts",
            "reader",
            get(f"/threads/{targets.thread_200}/"),
            budget_ms=50,
            budget_queries=page,
        ),
        Scenario(
            "biggest thread, first page",
            "reader",
            get(f"/threads/{targets.biggest}/"),
            budget_queries=page,
        ),
        Scenario(
            "biggest thread, last page",
            "reader",
            get(f"/threads/{targets.biggest}/?page={targets.biggest_last_page}"),
            budget_queries=page,
        ),
        Scenario(
            "search, common word",
            "reader",
            get(f"/search/?q={targets.common_word}"),
            budget_ms=100,
            budget_queries=page,
        ),
        Scenario(
            "search, rare word",
            "reader",
            get(f"/search/?q={targets.rare_word}"),
            budget_ms=100,
            budget_queries=page,
        ),
        Scenario("notifications", "notified", get("/notifications/"), budget_queries=page),
        Scenario(
            "moderation queue",
            "moderator",
            get("/moderation/"),
            budget_ms=40,
            budget_queries=page,
        ),
        Scenario(
            "case page",
            "moderator",
            get(f"/moderation/cases/{targets.case}/"),
            budget_queries=page,
        ),
        Scenario(
            "reply (POST)",
            "writer",
            reply,
            expect_status=302,
            expect_location=f"/threads/{targets.reply_thread}/",
            budget_ms=30,
            tokens=tokens,
        ),
        Scenario(
            "flag (POST)",
            "flagger",
            fresh_flag_target(people["flagger"]),
            expect_status=302,
            expect_location="/threads/",
        ),
        Scenario("baseline", "visitor", get("/bench/baseline/")),
    ]
