"""Posts, nested under a thread's opening post by a stored path, and their earlier
versions."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection, models
from django.db.models import BooleanField, Case, ExpressionWrapper, F, OuterRef, Q, When
from django.urls import reverse

from peersupport.accounts.permissions import (
    holds_peer_supporter_role,
    holds_role_in_force,
    is_moderator,
)

from .threads import Thread
from .visibility import PostStatus, thread_visible_q, visible_q

MAX_BODY_LENGTH = 10_000
# Replies nest visibly to this depth; deeper ones sit at it, marked "replying to …".
MAX_DISPLAY_DEPTH = 4
PATH_SEGMENT_WIDTH = 10
# The text-search dictionary: English stemming, so "worried" finds "worry".
SEARCH_CONFIG = "english"
# How many of the newest matches a search ranks: more than anyone pages through.
SEARCH_CANDIDATES = 500


class ContentWarning(models.TextChoices):
    SELF_HARM = "self-harm", "Self-harm"
    SUICIDE = "suicide", "Suicide"
    EATING = "eating", "Eating difficulties"
    ABUSE = "abuse", "Abuse"
    OTHER = "other", "Other"


class PostQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(visible_q(user))

    def with_author_names(self):
        """Each post with what a thread page shows of its writer, `author_name`, and of
        the writer it answers, `parent_author_name`: pseudonyms only, in the same query
        (none for a former member), and whether the writer is a moderator or a lead whose
        role is in force, `author_is_moderator`, or a peer supporter,
        `author_is_peer_supporter`, for the badges. A deleted parent's writer is named
        nowhere, so `parent_is_deleted` says what to show instead."""
        parent_is_deleted = Q(parent__status=PostStatus.DELETED)
        return self.annotate(
            author_name=F("author__username"),
            author_is_moderator=holds_role_in_force(OuterRef("author")),
            author_is_peer_supporter=holds_peer_supporter_role(OuterRef("author")),
            parent_is_deleted=ExpressionWrapper(parent_is_deleted, output_field=BooleanField()),
            parent_author_name=Case(
                When(parent_is_deleted, then=None), default=F("parent__author__username")
            ),
        )

    def in_display_order(self):
        return self.order_by("path")

    def on_page(self, page):
        """The posts of one page of a thread (a Paginator page of `visible_to` posts),
        with their writers' names, in display order. The page's posts are picked by the
        thread's index alone, then joined with their writers: joined first, the last
        page of a long thread had PostgreSQL join and sort every post before it."""
        return (
            self.filter(pk__in=page.object_list.values("pk")).with_author_names().in_display_order()
        )

    def readable_by(self, user):
        """Posts `user` may see, in threads they may see: a visible reply inside a thread
        whose opening post is held or hidden stays out of reach too."""
        return self.visible_to(user).filter(thread_visible_q(user, prefix="thread__"))

    def readable_or_written_by(self, user):
        """What `user` may read, and their own posts wherever they are: a writer may
        still delete a reply in a thread that a moderator has held or hidden since."""
        readable = visible_q(user) & thread_visible_q(user, prefix="thread__")
        # An empty Q means "everything" (moderators); OR-ing it would narrow it.
        return self.filter(readable | Q(author=user)) if readable else self.all()

    def searchable_by(self, user):
        """What `user` may find by searching: what they may read, except that a deleted
        post's words stay unfindable even where its tombstone shows; only moderators,
        who can read them anyway, may find them."""
        posts = self.readable_by(user)
        if not (user.is_authenticated and is_moderator(user)):
            posts = posts.exclude(status=PostStatus.DELETED)
        return posts

    def search(self, query):
        """Posts matching `query`, best first, with their thread, board and author.

        PostgreSQL ranks full-text matches (a thread's title counts above a post's body).
        The zero-setup SQLite database of `make run` has no full-text search, so there a
        plain substring match, newest first, keeps the page working."""
        posts = self.select_related("thread__board", "author")
        if connection.vendor != "postgresql":
            matches = Q(body__icontains=query) | Q(depth=0, thread__title__icontains=query)
            return posts.filter(matches).order_by("-created_at", "-pk")
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        # A common word matches most of the forum, and ranking every match reads every
        # post. Only the newest matches are ranked (the planner walks the created_at
        # index until it has enough), so a search costs the same at any size. They are
        # chosen from the posts alone, and who may see them is checked on those few:
        # with the threads joined in here to check it, the planner read every thread
        # for a rare word.
        newest_matches = (
            self.model.objects.filter(search_vector=search_query)
            .order_by("-created_at")
            .values("pk")[:SEARCH_CANDIDATES]
        )
        return (
            posts.filter(pk__in=newest_matches)
            .annotate(rank=SearchRank(F("search_vector"), search_query))
            .order_by("-rank", "-created_at", "-pk")
        )


class PostManager(models.Manager.from_queryset(PostQuerySet)):
    def get_queryset(self):
        # The search words are as big as the post itself, written by the services and
        # read only inside the database: never worth carrying to Python.
        return super().get_queryset().defer("search_vector")


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="posts"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replies"
    )
    # Ancestors' ids and its own, zero-padded, so ordering by path gives display order.
    path = models.CharField(max_length=1000, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    body = models.TextField(max_length=MAX_BODY_LENGTH)
    body_html = models.TextField(editable=False)
    content_warning = models.CharField(max_length=20, blank=True, choices=ContentWarning.choices)
    content_warning_text = models.CharField(max_length=80, blank=True)
    status = models.CharField(
        max_length=20, choices=PostStatus.choices, default=PostStatus.PUBLISHED, db_index=True
    )
    # A deleted post with replies stays as "deleted" in place so the replies keep sense.
    is_tombstone = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    # The words search looks for (the thread's title too, for an opening post), kept by
    # the services that write posts. PostgreSQL only: it stays empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PostManager()

    class Meta:
        indexes = [
            # A thread's posts in display order, with what deciding who sees each needs:
            # counting a page's place and skipping to it read this index alone, however
            # long the thread.
            models.Index(
                fields=["thread", "path"],
                include=["status", "is_tombstone", "author", "id"],
                name="forum_post_in_thread",
            ),
            GinIndex(fields=["search_vector"], name="forum_post_search_gin"),
            # Search takes the newest matches first (see PostQuerySet.search).
            models.Index(fields=["-created_at"], name="forum_post_newest"),
        ]

    def __str__(self):
        return f"Post {self.pk} in thread {self.thread_id}"

    def get_absolute_url(self):
        return reverse("forum:post", args=[self.pk])

    @property
    def display_depth(self):
        return min(self.depth, MAX_DISPLAY_DEPTH)

    @property
    def is_flattened(self):
        return self.depth > MAX_DISPLAY_DEPTH

    @property
    def is_deleted(self):
        return self.status == PostStatus.DELETED

    @property
    def warning_label(self):
        if self.content_warning == ContentWarning.OTHER and self.content_warning_text:
            return self.content_warning_text
        return self.get_content_warning_display()


class Revision(models.Model):
    """A post's earlier text, kept whenever it is edited. Moderators can read these."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    content_warning = models.CharField(max_length=20, blank=True)
    content_warning_text = models.CharField(max_length=80, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Revision of post {self.post_id} from {self.created_at:%Y-%m-%d %H:%M}"
