"""Building blocks for `seed_bulk`: a large, realistic forum written in bulk.

Words come from a pool of a few hundred Markdown bodies rendered once; threads get
long-tailed sizes and real nesting; ids are reserved from the sequences up front, so a
post's path and depth are known before its one INSERT and come out exactly as
forum.services computes them.
"""

import contextlib
import datetime
import sys
from dataclasses import dataclass, field

from django.db import connection

from .models import (
    REPLY_IN_FOLLOWED_THREAD,
    REPLY_TO_YOU,
    SEARCH_CONFIG,
    Notification,
    NotificationKind,
    PostStatus,
    Reaction,
    ReactionKind,
    Subscription,
)
from .rendering import render_markdown

# forum.services keeps the path format private to itself; seeding must match it exactly.
from .services import path_segment

MAX_SEED_DEPTH = 8
BATCH_SIZE = 2000
# A word some seeded bodies contain and titles never do, for tests to search for.
SEARCHABLE_WORD = "lighthouse"

SENTENCES = [
    "Today was a bit better than yesterday, and I wanted to tell someone.",
    "I have been finding it hard to get out of bed in the mornings lately.",
    "Thank you for writing this, it sounds like a really heavy week.",
    "Walking to the lighthouse every morning has helped me more than I expected.",
    "My exams start next month and I can't stop worrying about them.",
    "Sending you a big hug, you are not on your own with this.",
    "I tried the breathing exercise someone posted here and it calmed me down a little.",
    "Does anyone else feel really tired after being around lots of people?",
    "My sister noticed I was quiet and we ended up talking for an hour.",
    "It is okay to have days where you just get through it.",
    "I made a list of small things that help and stuck it on my wall.",
    "Music is the thing that gets me through the evenings.",
    "I told my GP how I was feeling and she was kinder than I expected.",
    "Some days the group chat makes me feel left out, so I muted it for a while.",
    "Writing things down before bed stops my thoughts going round in circles.",
    "I am proud of you for reaching out, that takes a lot of courage.",
    "The counsellor at college said I could drop in on Thursdays.",
    "I keep comparing myself to people online and it never helps.",
    "We had a calm day at home for once, and I actually enjoyed dinner.",
    "Has anyone got tips for falling asleep when your mind won't switch off?",
    "I went for a swim and felt lighter afterwards.",
    "It helps me to remember that feelings pass, even the big ones.",
    "My friend and I walked along the beach as far as the old lighthouse.",
    "I'm not sure how to explain to my parents what anxiety feels like.",
    "Drawing for ten minutes a day has become my little routine.",
    "You don't have to have it all figured out right now.",
    "I started volunteering at the animal shelter and the dogs make me smile.",
    "Panic attacks scare me, but knowing they end helps a bit.",
    "Sometimes I just need someone to say that it makes sense to feel this way.",
    "I baked bread for the first time and it was a bit flat but I was happy.",
    "Moving to a new school has been lonelier than I thought it would be.",
    "Looking after myself today meant a shower, a walk and an early night.",
    "I read this whole thread and it made me feel less alone.",
    "Has anyone tried keeping a mood diary, and did it help?",
    "My cat sits with me when I feel low, which is oddly comforting.",
    "I said no to something I didn't want to do and the world didn't end.",
    "Work experience starts next week and I'm nervous about meeting new people.",
    "Rain on the window and a good book is my favourite kind of evening.",
    "It's been a year since I first posted here, and things are different now.",
    "I'm still learning that asking for help is not the same as being a burden.",
]
LIST_INTROS = ["Things that helped me:", "What I'm trying this week:", "Small wins today:"]
LIST_ITEMS = [
    "a short walk outside",
    "texting one friend",
    "drinking some water",
    "*ten minutes* of music",
    "**one** small task at a time",
    "going to bed before midnight",
    "writing three things I noticed",
    "saying how I feel out loud",
    "a warm shower",
    "turning my phone off for an hour",
]
LINKS = [
    "[the NHS page on sleep](https://www.nhs.uk/live-well/sleep-and-tiredness/)",
    "[a grounding exercise](https://example.org/grounding)",
    "[this guide](https://example.org/guides/exam-stress)",
    "[the help page](https://example.org/help)",
]
TITLE_STARTS = [
    "Feeling low after",
    "Small win:",
    "Anyone else struggling with",
    "Tips for",
    "Can't stop thinking about",
    "Good news about",
    "Worried about",
    "How do you cope with",
    "A calmer week with",
    "Need to talk about",
]
TITLE_ENDS = [
    "exams",
    "sleep",
    "my first week at college",
    "friends drifting apart",
    "family arguments",
    "social media",
    "the weekend",
    "starting therapy",
    "panic attacks",
    "getting outside",
    "being on my own",
    "moving house",
]


def build_body(rng):
    """One Markdown body of about 50 to 2,000 characters: mostly short, sometimes long,
    now and then with a list, a quote, a link or emphasis."""
    target = int(min(2000, 50 * 40 ** rng.random()))
    blocks = []
    length = 0
    while length < max(target, 50):
        roll = rng.random()
        if roll < 0.08 and length + 250 < 2000:
            items = rng.sample(LIST_ITEMS, rng.randint(2, 5))
            block = rng.choice(LIST_INTROS) + "\n\n" + "\n".join(f"- {item}" for item in items)
        elif roll < 0.14:
            block = "> " + rng.choice(SENTENCES)
        elif roll < 0.18:
            block = f"This helped me: {rng.choice(LINKS)}."
        else:
            sentences = rng.sample(SENTENCES, rng.randint(1, 3))
            if rng.random() < 0.15:
                sentences[0] = f"*{sentences[0]}*"
            block = " ".join(sentences)
        if length + len(block) + 2 > 2000:
            break
        blocks.append(block)
        length += len(block) + 2
    return "\n\n".join(blocks)


def body_pool(rng, size=400):
    """`size` distinct bodies with their rendered HTML, each rendered once."""
    bodies = {}
    while len(bodies) < size:
        body = build_body(rng)
        if body not in bodies:
            bodies[body] = render_markdown(body)
    return list(bodies.items())


def build_title(rng):
    return f"{rng.choice(TITLE_STARTS)} {rng.choice(TITLE_ENDS)}"


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
        segment = path_segment(pk)
        post.path = f"{post.parent.path}/{segment}" if post.parent else segment


def reserve_ids(model, count):
    """`count` fresh primary keys from the table's own sequence, in increasing order."""
    if count == 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return sorted(row[0] for row in cursor.fetchall())


@contextlib.contextmanager
def explicit_timestamps(*models):
    """Let bulk_create keep the `created_at` values it is given: auto_now_add would
    otherwise stamp every row with the moment of the insert."""
    fields = [
        model_field
        for model in models
        for model_field in model._meta.concrete_fields
        if getattr(model_field, "auto_now_add", False)
    ]
    for model_field in fields:
        model_field.auto_now_add = False
    try:
        yield
    finally:
        for model_field in fields:
            model_field.auto_now_add = True


def search_vectors(texts):
    """The search vector forum.services stores for each (title, body) pair (the title
    is empty for a reply), as text, in one query: seeding computes each distinct text
    once and inserts the vectors with the posts, rather than rewriting every row."""
    if not texts:
        return []
    titles, bodies = zip(*texts, strict=True)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT (
                setweight(to_tsvector(%s::regconfig, COALESCE(title, '')), 'A')
                || setweight(to_tsvector(%s::regconfig, COALESCE(body, '')), 'B')
            )::text
            FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS texts(title, body, place)
            ORDER BY place
            """,
            [SEARCH_CONFIG, SEARCH_CONFIG, list(titles), list(bodies)],
        )
        return [row[0] for row in cursor.fetchall()]


class Progress:
    """A plain-text progress bar: redrawn in place on a terminal, one line per step
    (at most twenty) when written to a file or a log."""

    WIDTH = 20

    def __init__(self, out, label, total):
        self.out = out
        self.label = label
        self.total = max(total, 1)
        self.done = 0
        self.shown = -1
        stream = getattr(out, "_out", out)
        self.in_place = getattr(stream, "isatty", lambda: False)() and stream is sys.stdout

    def advance(self, count):
        self.done += count
        filled = self.WIDTH * min(self.done, self.total) // self.total
        if filled == self.shown:
            return
        self.shown = filled
        bar = "#" * filled + "." * (self.WIDTH - filled)
        line = f"{self.label:<16}{self.done:>9,}/{self.total:,} [{bar}]"
        self.out.write(line, ending="\r" if self.in_place and filled < self.WIDTH else "\n")


def reactions_for(rng, posts, count, member_ids, now):
    """About `count` supportive reactions on published posts, never the writer's own,
    each (post, member, kind) once."""
    published = [post for post in posts if post.status == PostStatus.PUBLISHED]
    if not published:
        return []
    kinds = list(ReactionKind.values)
    seen = set()
    reactions = []
    for _ in range(count):
        post = rng.choice(published)
        member = rng.randrange(len(member_ids))
        key = (post.pk, member, rng.choice(kinds))
        if member == post.author or key in seen:
            continue
        seen.add(key)
        when = post.created_at + datetime.timedelta(minutes=rng.uniform(1, 3000))
        reactions.append(
            Reaction(
                post_id=post.pk,
                member_id=member_ids[member],
                kind=key[2],
                created_at=min(when, now),
            )
        )
    return reactions


def subscriptions_for(threads, member_ids):
    """Everyone who started or answered a thread follows it, as forum.services does."""
    subscriptions = []
    for thread in threads:
        followers = {}
        for post in thread.posts:
            followers.setdefault(post.author, post.created_at)
        subscriptions.extend(
            Subscription(thread_id=thread.pk, member_id=member_ids[member], created_at=when)
            for member, when in followers.items()
        )
    return subscriptions


def reply_notifications_for(rng, posts, member_ids, *, since, read_before):
    """Reply notifications for published replies since `since`: to the writer of the
    post answered and to the thread's writer (notify_reply also tells every follower;
    these two are enough for realistic volumes). Older ones have been read."""
    notifications = []
    for post in posts:
        if post.parent is None or post.status != PostStatus.PUBLISHED or post.created_at < since:
            continue
        recipients = {post.parent.author: REPLY_TO_YOU}
        recipients.setdefault(post.thread.author, REPLY_IN_FOLLOWED_THREAD)
        recipients.pop(post.author, None)
        for member, message in recipients.items():
            read_at = None
            if post.created_at < read_before:
                read_at = post.created_at + datetime.timedelta(hours=rng.uniform(0.2, 48))
            notifications.append(
                Notification(
                    recipient_id=member_ids[member],
                    kind=NotificationKind.REPLY,
                    thread_id=post.thread.pk,
                    post_id=post.pk,
                    message=message,
                    created_at=post.created_at,
                    read_at=read_at,
                )
            )
    return notifications
