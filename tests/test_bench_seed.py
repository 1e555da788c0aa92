"""bench.seed builds a consistent forum: the benchmark's named threads, counters that
match the rows, paths in display order, searchable words and accounts that sign in.

Seeding runs once for the module, at a tiny scale, inside a transaction that is rolled
back afterwards; each test runs in a savepoint inside it.
"""

import io

import pytest
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.db.models import Count, Max, Q

from bench.seed.__main__ import main as seed_main
from bench.seed.accounts import BULK_PASSWORD
from bench.seed.content import SEARCHABLE_WORD
from bench.seed.seeder import BIGGEST_THREAD, THREAD_OF_200, SeedingRefused, seed_forum
from bench.seed.threads import MAX_SEED_DEPTH
from forum import services
from forum.counters import synchronize_thread_counters
from forum.models import Notification, Post, PostStatus, Thread
from forum.rendering import render_markdown
from moderation.models import Case, Flag
from peersupport.accounts.models import User
from peersupport.accounts.permissions import MODERATORS

# Seeding a forum of 3,000 posts takes seconds.
pytestmark = pytest.mark.slow

SCALE = 0.01


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        seed_forum(scale=SCALE, seed=7, out=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def forum(seeded, db):
    return seeded


def _thread(title):
    return Thread.objects.get(title=title)


@pytest.mark.parametrize(
    ("title", "posts", "deepest"),
    [(BIGGEST_THREAD, 2000, MAX_SEED_DEPTH), (THREAD_OF_200, 200, None)],
)
def test_the_named_threads_keep_their_exact_sizes_at_any_scale(forum, title, posts, deepest):
    thread = _thread(title)
    assert thread.posts.count() == posts
    assert thread.posts.filter(depth=0).get() == thread.opening_post
    assert thread.posts.filter(status=PostStatus.PUBLISHED).count() == posts
    depth = thread.posts.aggregate(deepest=Max("depth"))["deepest"]
    assert depth == deepest if deepest else depth >= 3
    # Replies to replies, not only to the opening post.
    assert thread.posts.filter(depth__gte=2).count() > posts // 10


def test_scale_shrinks_everything_else(forum):
    assert Thread.objects.count() == 50
    assert User.objects.filter(username__startswith="bulk_member_").count() == 50
    assert Case.objects.open().count() == 20
    assert "Seeded in" in forum
    assert "posts" in forum


def test_reply_counts_and_last_activity_match_the_posts(forum):
    threads = Thread.objects.annotate(
        published=Count("posts", filter=Q(posts__depth__gt=0, posts__status="published")),
        latest=Max("posts__created_at", filter=~Q(posts__status="held")),
    )
    for thread in threads:
        assert thread.reply_count == thread.published
        assert thread.last_activity_at == thread.latest
        assert thread.opening_post.thread_id == thread.pk
        assert thread.opening_post.depth == 0
        assert thread.created_at == thread.opening_post.created_at
        assert thread.status == thread.opening_post.status
    assert Thread.objects.filter(reply_count__gte=100).count() >= 2
    assert synchronize_thread_counters() == 0  # nothing for `synchronize` to put right


def test_paths_and_depths_are_as_the_services_make_them(forum):
    posts = {post.pk: post for post in Post.objects.all()}
    for post in posts.values():
        segment = str(post.pk).zfill(10)
        if post.parent_id is None:
            assert (post.path, post.depth) == (segment, 0)
            continue
        parent = posts[post.parent_id]
        assert post.path == f"{parent.path}/{segment}"
        assert post.depth == parent.depth + 1 <= MAX_SEED_DEPTH
        assert post.created_at > parent.created_at
        assert post.thread_id == parent.thread_id


def test_path_order_is_the_reading_order(forum):
    """Ordered by path, the thread reads as a conversation: each post under its parent,
    after its older siblings' whole subtrees."""
    thread = _thread(THREAD_OF_200)
    posts = list(thread.posts.in_display_order())
    children = {}
    for post in sorted(posts, key=lambda post: post.created_at):
        children.setdefault(post.parent_id, []).append(post)

    def walk(post):
        yield post
        for child in children.get(post.pk, []):
            yield from walk(child)

    assert [post.pk for post in posts] == [post.pk for post in walk(thread.opening_post)]


def test_stored_html_is_the_rendered_markdown(forum):
    sample = Post.objects.order_by("?")[:50]
    for post in sample:
        assert post.body_html == render_markdown(post.body)
    lengths = [len(body) for body in Post.objects.values_list("body", flat=True).distinct()]
    assert len(lengths) > 100
    assert min(lengths) >= 50
    assert max(lengths) <= 2000
    assert Post.objects.filter(body_html__contains="<li>").exists()
    assert Post.objects.filter(body_html__contains="<blockquote>").exists()
    assert Post.objects.filter(body_html__contains='<a href="https://').exists()


def test_search_vectors_are_what_the_services_store(forum):
    opening = _thread(BIGGEST_THREAD).opening_post
    reply = opening.replies.first()
    for post in (opening, reply):
        seeded_vector = Post.objects.values_list("search_vector", flat=True).get(pk=post.pk)
        services.posting._index_for_search(post)
        assert Post.objects.values_list("search_vector", flat=True).get(pk=post.pk) == (
            seeded_vector
        )


def test_search_finds_seeded_words(forum, member_client):
    response = member_client.post("/search/", {"q": SEARCHABLE_WORD})
    assert response.status_code == 200
    assert "<mark>" in response.content.decode()
    assert Post.objects.search(SEARCHABLE_WORD).count() > 10


def test_a_bulk_member_signs_in_with_the_shared_password(forum, client):
    response = client.post(
        "/accounts/login/", {"login": "bulk_member_1", "password": BULK_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(User.objects.get(username="bulk_member_1").pk)


def test_roles(forum):
    moderators = User.objects.in_roles(MODERATORS)
    assert sorted(moderators.values_list("username", flat=True)) == [
        f"bulk_moderator_{n}" for n in range(1, 6)
    ]
    assert User.objects.safeguarding_leads().get().username == "bulk_lead"
    admin = User.objects.get(username="bulk_admin")
    assert admin.is_staff
    assert admin.is_superuser
    for user in User.objects.filter(username__startswith="bulk_"):
        address = user.emailaddress_set.get()
        assert (address.email, address.verified, address.primary) == (
            f"{user.username}@example.invalid",
            True,
            True,
        )


def test_moderation_data_is_consistent(forum):
    cases = Case.objects.open()
    assert cases.values("post").distinct().count() == cases.count()
    assert len(set(cases.values_list("priority", flat=True))) >= 3
    held = Post.objects.filter(status=PostStatus.HELD)
    assert held.exists()
    assert not held.filter(depth=0).exists()
    assert not held.filter(replies__isnull=False).exists()
    assert set(held.values_list("pk", flat=True)) <= set(cases.values_list("post", flat=True))
    for flag in Flag.objects.select_related("case", "post"):
        assert flag.case.post_id == flag.post_id
        assert flag.flagger_id != flag.post.author_id
    assert Post.objects.exclude(content_warning="").exists()


def test_bulk_member_1_has_notifications_to_read(forum):
    member = User.objects.get(username="bulk_member_1")
    notifications = Notification.objects.for_member(member)
    assert notifications.count() >= 60
    assert 0 < notifications.unread().count() < notifications.count()


def test_it_refuses_politely_when_posts_are_present(forum):
    posts = Post.objects.count()
    out = io.StringIO()
    seed_forum(scale=SCALE, out=out)
    assert out.getvalue() == f"Bulk data already present ({posts} posts); nothing to do.\n"
    assert Post.objects.count() == posts


def test_it_refuses_a_scale_of_nothing_from_the_command_line(capsys, db):
    assert seed_main(["--scale", "0"]) == 1
    assert capsys.readouterr().err == "Error: --scale must be more than 0.\n"
    with pytest.raises(SeedingRefused):
        seed_forum(scale=-1)
