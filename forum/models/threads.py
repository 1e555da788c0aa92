"""Threads: a title and an opening post in a board, and the replies under it."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, When
from django.urls import reverse

from .boards import Board
from .following import BoardFollow, Subscription
from .visibility import PostStatus, thread_visible_q

MAX_TITLE_LENGTH = 120
# Published and unanswered; the partial index below holds only these, so the peer
# supporters' list and its hourly run read a handful of rows however big the forum is.
WAITING_FOR_FIRST_REPLY = Q(status=PostStatus.PUBLISHED, reply_count=0)


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(thread_visible_q(user))

    def with_listing(self):
        """What a list of threads shows: the board, and the writer's pseudonym as
        `author_name` (none for a former member, or once they deleted the opening post:
        its writer is named nowhere after that)."""
        return self.select_related("board").annotate(
            author_name=Case(
                When(status=PostStatus.DELETED, then=None), default=F("author__username")
            )
        )

    def for_thread_page(self, user):
        """The threads `user` may open, each with its board and, for a member, whether
        they follow it (`is_following`, for the button) and whether it holds a post of
        theirs that only they can see (`holds_posts_only_reader_sees`: their page of
        posts is not the one other readers share, forum.thread_pages)."""
        threads = self.visible_to(user).select_related("board")
        if not user.is_authenticated:
            return threads
        return threads.annotate(
            is_following=Exists(Subscription.objects.filter(thread=OuterRef("pk"), member=user)),
            holds_posts_only_reader_sees=Exists(
                # By name: forum.models.posts imports this module.
                apps.get_model("forum", "Post").objects.filter(
                    thread=OuterRef("pk"),
                    author=user,
                    status__in=[PostStatus.HELD, PostStatus.HIDDEN],
                )
            ),
        )

    def unanswered(self):
        return self.filter(reply_count=0)

    def waiting_for_first_reply(self):
        """Threads whose opening post every member can read and that nobody has answered
        yet (a held reply does not count until it is published), where a reply can
        still go, longest waiting first: what peer supporters look through."""
        return self.filter(
            WAITING_FOR_FIRST_REPLY, is_closed=False, is_locked=False, board__is_locked=False
        ).order_by("created_at", "pk")

    def in_boards_followed_by(self, user):
        return self.filter(board__follows__member=user)

    def followed_by(self, user):
        """Threads `user` follows, themselves or through their board; each once."""
        return self.filter(
            Exists(Subscription.objects.filter(thread=OuterRef("pk"), member=user))
            | Exists(BoardFollow.objects.filter(board=OuterRef("board"), member=user))
        )


class Thread(models.Model):
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="threads")
    # The board's circle, if it is one, copied here by the services that start and move
    # threads, so who may see a thread is decided without a join (visibility.py).
    circle = models.ForeignKey(
        "forum.Circle", null=True, blank=True, on_delete=models.PROTECT, related_name="threads"
    )
    title = models.CharField(max_length=MAX_TITLE_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="threads"
    )
    opening_post = models.OneToOneField(
        "Post", null=True, on_delete=models.PROTECT, related_name="opened_thread"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(db_index=True)
    # Published replies, kept by the services that publish and remove posts.
    reply_count = models.PositiveIntegerField(default=0)
    # The opening post's status, kept by the services that change it (see visible_to).
    status = models.CharField(
        max_length=20, choices=PostStatus.choices, default=PostStatus.PUBLISHED, editable=False
    )
    is_closed = models.BooleanField(default=False, help_text="Closed by its writer.")
    is_locked = models.BooleanField(default=False, help_text="Locked by a moderator.")
    # When the peer supporters were told that the opening post had waited a while for a
    # reply (forum.peer_support): they are told once per thread, never again.
    peer_supporters_told_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["board", "-last_activity_at"]),
            models.Index(fields=["-last_activity_at"]),
            models.Index(
                fields=["created_at", "id"],
                condition=WAITING_FOR_FIRST_REPLY,
                name="forum_thread_waiting",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forum:thread", args=[self.pk])

    @property
    def accepts_replies(self):
        return not (self.is_closed or self.is_locked or self.board.is_locked)
