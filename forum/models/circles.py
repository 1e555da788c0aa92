"""Small circles: a few members, placed by the moderators, with a board of their own
that only they and the moderators can read (issue 17). A circle's board holds its
threads, so posting, replies, the pipeline and thread pages work as on any board."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.urls import reverse

from .boards import Board


class CircleRequestStatus(models.TextChoices):
    WAITING = "waiting", "Waiting for a moderator"
    PLACED = "placed", "Placed in the circle"
    DECLINED = "declined", "Not placed this time"
    WITHDRAWN = "withdrawn", "Withdrawn"


class CircleQuerySet(models.QuerySet):
    def open(self):
        return self.filter(is_open=True)

    def of_member(self, user):
        return self.filter(memberships__member=user)

    def with_room(self):
        """Each circle with `has_room`; the count behind it stays in the query, so no
        page shows how many are in a circle."""
        return self.annotate(member_total=Count("memberships", distinct=True)).annotate(
            has_room=Q(member_total__lt=settings.CIRCLE_SIZE)
        )

    def with_request_of(self, user):
        """Each circle with whether `user` is in it (`is_member`) and has asked to join
        and is still waiting (`is_waiting`)."""
        return self.annotate(
            is_member=Exists(CircleMembership.objects.filter(circle=OuterRef("pk"), member=user)),
            is_waiting=Exists(
                CircleRequest.objects.waiting().filter(circle=OuterRef("pk"), member=user)
            ),
        )

    def for_moderators(self):
        """Every circle for the moderators' page: those with requests waiting first, the
        longest waiting first, then the rest by name."""
        waiting = Q(requests__status=CircleRequestStatus.WAITING)
        return (
            self.select_related("moderator", "board")
            .annotate(
                member_total=Count("memberships", distinct=True),
                oldest_request_at=Min("requests__created_at", filter=waiting),
            )
            .order_by(models.F("oldest_request_at").asc(nulls_last=True), "name")
        )


class Circle(models.Model):
    """A small group with its own threads. Admins create it (forum.services.create_circle
    makes its board); the moderators assign its moderator, open it and place members."""

    name = models.CharField(max_length=80)
    theme = models.CharField(max_length=200, help_text="One sentence on what it is for.")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="circles_moderated",
    )
    is_open = models.BooleanField("open", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    board = models.OneToOneField(Board, on_delete=models.PROTECT, related_name="circle")

    objects = CircleQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forum:circle", args=[self.pk])


class CircleMembership(models.Model):
    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["circle", "member"], name="forum_circle_member_once")
        ]

    def __str__(self):
        return f"{self.member_id} in circle {self.circle_id}"


class CircleRequestQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=CircleRequestStatus.WAITING)

    def oldest_first(self):
        return self.order_by("created_at", "pk")


class CircleRequest(models.Model):
    """A member asks to join a circle; a moderator places them or declines kindly."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_requests"
    )
    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="requests")
    status = models.CharField(
        max_length=20, choices=CircleRequestStatus.choices, default=CircleRequestStatus.WAITING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = CircleRequestQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["circle", "member"],
                condition=Q(status="waiting"),
                name="forum_circle_request_waiting_once",
            )
        ]

    def __str__(self):
        return f"{self.member_id} asks to join circle {self.circle_id}"
