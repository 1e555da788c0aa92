"""Every read of cases: the queue and its filters, a member's history, the cases the
crisis alerts and the shift's next case come from."""

from django.db import models
from django.db.models import Count, Exists, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from .audit import ActionKind, ModerationAction
from .case_choices import CaseReason, CaseStatus, Priority
from .flags import Flag


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=CaseStatus.OPEN)

    def crisis(self):
        return self.filter(priority=Priority.CRISIS)

    def in_queue_order(self):
        return self.order_by("priority", "opened_at", "pk")

    def for_queue(self):
        """Open cases in queue order, with only what the queue shows of each: the post's
        words (folded away), writer, thread and board, or the bio a profile case is about, and
        who holds the claim."""
        return (
            self.open()
            .select_related("post__thread__board", "post__author", "member", "claimed_by")
            .only(
                *("status", "priority", "reasons", "findings", "is_escalated", "opened_at"),
                "claimed_until",
                *("post__body", "post__author__username"),
                *("post__thread__title", "post__thread__board__name"),
                *("member__username", "member__bio", "member__pending_bio"),
                "claimed_by__username",
            )
            .with_added_post_count()
            .in_queue_order()
        )

    def about_post(self, post):
        """Cases about `post`: as the post a case was opened for, or as one of the posts
        gathered into it since (see Case.added_posts)."""
        gathered = self.model.added_posts.through.objects.filter(post=post).values("case_id")
        return self.filter(Q(post=post) | Q(pk__in=gathered))

    def crisis_of_writer(self, member):
        """The open crisis case a member's next crisis post joins, if they have one."""
        # By priority, not reason: a JSON lookup SQLite (`make run`) cannot do, and only
        # crisis words give a case the crisis priority.
        return self.open().crisis().filter(post__author=member).in_queue_order()

    def with_added_post_count(self):
        """Each case with `added_post_count`, how many posts were gathered into it after
        its first, counted in the same query."""
        through = self.model.added_posts.through
        count = (
            through.objects.filter(case_id=OuterRef("pk"))
            .order_by()
            .values("case_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            added_post_count=Coalesce(Subquery(count, output_field=models.IntegerField()), 0)
        )

    def with_priority(self, label):
        """Cases of one priority, named as in the markup: crisis, high, medium, low."""
        return self.filter(priority={p.label: p.value for p in Priority}[label])

    def with_reason(self, reason):
        return self.filter(reasons__contains=[reason])

    def in_board(self, board):
        return self.filter(post__thread__board=board)

    def filtered(self, *, moderator, priority="", reason="", board=None, mine=False):
        """The queue's filters (QueueFilterForm's fields), each left empty matching
        everything; `mine` keeps the cases `moderator` holds a live claim on."""
        cases = self
        if priority:
            cases = cases.with_priority(priority)
        if reason:
            cases = cases.with_reason(reason)
        if board:
            cases = cases.in_board(board)
        if mine:
            cases = cases.claimed_by(moderator)
        return cases

    def claimed_by(self, user, now=None):
        """Cases `user` holds a live claim on (claims expire, see `claimed_until`)."""
        return self.filter(claimed_by=user, claimed_until__gt=now or timezone.now())

    def about_member(self, member):
        """Every case about a member's posts or profile, newest first: their history."""
        return (
            self.filter(Q(post__author=member) | Q(member=member))
            .select_related("post__thread", "decided_by")
            .order_by("-opened_at", "-pk")
        )

    def with_screening_verdict(self, since=None):
        """Cases a moderator said whether the screening was right about, answered at or
        after `since` if given: what the screening learns from."""
        cases = self.exclude(screening_verdict="")
        if since is not None:
            cases = cases.filter(screening_verdict_at__gte=since)
        return cases

    def claimed_by_other_than(self, user, now=None):
        return self.filter(claimed_until__gt=now or timezone.now()).exclude(claimed_by=user)

    def next_for(self, moderator, now=None):
        """The open case `moderator` should read next, in queue order: not held by
        someone else and not about their own post or profile (someone else decides
        those). Rank limits only withhold sanctions, so such cases still come."""
        now = now or timezone.now()
        return (
            self.open()
            .filter(
                Q(claimed_until__isnull=True) | Q(claimed_until__lte=now) | Q(claimed_by=moderator)
            )
            .exclude(post__author=moderator)
            .exclude(member=moderator)
            .in_queue_order()
            .first()
        )

    def plain_first_posts(self):
        """Open cases held only for pre-moderation that nothing was found in, by the
        screening or by a member: the ones a moderator may approve several at once."""
        return (
            self.open()
            .filter(reasons=[CaseReason.PREMODERATION], findings=[], post__isnull=False)
            .exclude(Exists(Flag.objects.filter(post=OuterRef("post"))))
            .exclude(Exists(self.model.added_posts.through.objects.filter(case=OuterRef("pk"))))
        )

    def escalated_or_crisis(self):
        return self.open().filter(Q(is_escalated=True) | Q(priority=Priority.CRISIS))

    def for_leads(self):
        """The safeguarding leads' page: escalated and crisis cases, oldest first."""
        return (
            self.escalated_or_crisis()
            .select_related("post__thread__board", "member")
            .order_by("opened_at", "pk")
        )

    def for_case_page(self):
        """Cases with everything their page shows of the post, the thread, the people
        and the posts gathered into it (`added_post_count`)."""
        return self.select_related(
            "post__thread__board",
            "post__thread__author",
            "post__author",
            "post__parent__author",
            "member",
            "claimed_by",
            "decided_by",
        ).with_added_post_count()

    def crisis_not_alerted(self):
        """Open crisis cases no lead has been told about yet."""
        return self.open().crisis().filter(leads_alerted_at__isnull=True)

    def crisis_due_a_reminder(self, cutoff):
        """Open crisis cases the leads were told about before `cutoff` and not yet
        reminded about."""
        return (
            self.open().crisis().filter(leads_alerted_at__lt=cutoff, leads_reminded_at__isnull=True)
        )

    def for_transparency(self, since):
        """What the public transparency page counts of each case opened at or after
        `since`, as dicts: when it opened, its reasons, priority and decision, and the
        times of its first look (`first_look_at`), of becoming a crisis case
        (`crisis_at`, from the audit row that raised it) and of the first look after
        that (`crisis_look_at`). Nothing about who wrote, flagged or decided."""
        looks = ModerationAction.objects.looks().filter(case_id=OuterRef("pk"))
        raised = ModerationAction.objects.filter(
            case_id=OuterRef("pk"),
            action=ActionKind.OPEN_CASE,
            after__priority=Priority.CRISIS.label,
        )
        return (
            self.filter(opened_at__gte=since)
            .annotate(
                first_look_at=_earliest(looks),
                crisis_at=_earliest(raised),
            )
            .annotate(crisis_look_at=_earliest(looks.filter(created_at__gte=OuterRef("crisis_at"))))
            .order_by()
            .values(
                *("opened_at", "reasons", "priority", "decision", "decided_at"),
                *("first_look_at", "crisis_at", "crisis_look_at"),
            )
        )


def _earliest(actions):
    """A subquery: when the first of `actions` happened, or null."""
    first = actions.order_by().values("case_id").annotate(at=Min("created_at")).values("at")
    return Subquery(first, output_field=models.DateTimeField())
