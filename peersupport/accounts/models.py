from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from peersupport.signposting.regions import DEFAULT_REGION, Region

# The role groups (accounts.permissions says what each may do).
MODERATORS = "Moderators"
SAFEGUARDING_LEADS = "Safeguarding leads"
PEER_SUPPORTERS = "Peer supporters"


class WelcomeBackAfter(models.IntegerChoices):
    """After how many days away a member is greeted with the "welcome back" page."""

    WEEK = 7, "After a week away"
    TWO_WEEKS = 14, "After two weeks away"
    MONTH = 30, "After a month away"
    NEVER = 0, "Never"


class MemberManager(UserManager):
    def get_by_natural_key(self, username):
        # Pseudonyms are unique without regard to case, so sign-in is too.
        return self.get(username__iexact=username)

    def with_profiles(self):
        """Members whose profile others may open: a closed or banned account has none."""
        return self.filter(is_active=True)

    def in_roles(self, *names):
        """Members in any of the role groups `names`, whether or not the roles are in
        force yet (accounts.permissions.roles_in_force)."""
        return self.filter(groups__name__in=names).distinct()

    def moderators(self):
        """Moderators and safeguarding leads: both work the moderation queue."""
        return self.in_roles(MODERATORS, SAFEGUARDING_LEADS)

    def safeguarding_leads(self):
        return self.in_roles(SAFEGUARDING_LEADS)

    def wanting_daily_digest(self, now=None):
        """Members whose reply emails are gathered into one a day (quiet mode and low
        stimulation), leaving out those on a break until it ends."""
        return self.filter(
            Q(quiet_mode=True) | Q(low_stimulation=True), email_on_reply=True, is_active=True
        ).exclude(break_until__gt=now or timezone.now())

    def peer_supporters(self):
        return self.in_roles(PEER_SUPPORTERS)

    def taken_pseudonyms(self, pseudonyms):
        """Which of `pseudonyms` members already have, lowercase (pseudonyms are unique
        without regard to case)."""
        lowered = {pseudonym.lower() for pseudonym in pseudonyms}
        return set(
            self.annotate(pseudonym=Lower("username"))
            .filter(pseudonym__in=lowered)
            .values_list("pseudonym", flat=True)
        )


class User(AbstractUser):
    """A member, known to others only by their pseudonym.

    There are no name fields on purpose: other members see the pseudonym, the month
    and year of joining and an optional short bio, nothing else. The email address is
    for account recovery only and is never shown to anyone but its owner.
    """

    first_name = None
    last_name = None

    username = models.CharField(
        "pseudonym",
        max_length=30,
        unique=True,
        help_text="The name other members see. Please do not use your real name.",
        error_messages={"unique": "Somebody already uses that pseudonym."},
    )
    bio = models.CharField(
        "short bio",
        max_length=280,
        blank=True,
        help_text="Optional. Shown to signed-in members. Nothing that could identify you.",
    )
    # A new bio waiting for a moderator (a new member's, or one the screening held):
    # others keep seeing `bio` until it is approved (moderation.services.profiles).
    pending_bio = models.CharField(max_length=280, blank=True, editable=False)
    region = models.CharField(
        "crisis services for",
        max_length=20,
        choices=Region.choices,
        default=DEFAULT_REGION,
        help_text="Which crisis services we show you on every page.",
    )
    quiet_mode = models.BooleanField(
        default=False,
        help_text="No counts or unread badge, only the boards you follow on the home page, "
        "and notifications gathered into one a day.",
    )
    low_stimulation = models.BooleanField(
        "low stimulation",
        default=False,
        help_text="Everything quiet mode does, and a little more: shorter lists, a single "
        "“Thank you” instead of the other reactions, posts with a content warning hidden "
        "until you choose to see one, and nothing that moves on the page.",
    )
    # A break the member chose: the forum rests and no email is sent until then.
    break_until = models.DateTimeField(null=True, blank=True, editable=False)
    email_on_reply = models.BooleanField(
        "email me about replies", default=False, help_text="Off unless you turn it on."
    )
    muted_words = models.TextField(
        blank=True,
        help_text="One word or phrase per line. Posts containing them are folded away for you.",
    )
    # Per content-warning type: "collapse" (the default), "hide" or "show".
    warning_preferences = models.JSONField(default=dict, blank=True)
    # Set by a moderator's suspension: the member can read but not post until then.
    posting_suspended_until = models.DateTimeField(null=True, blank=True, editable=False)
    # Only meaningful for safeguarding leads (moderation.alerts): when any lead is
    # on call, a new crisis case alerts those leads; when none is, it alerts them all.
    on_call = models.BooleanField(
        "on call for crisis alerts",
        default=False,
        help_text="Safeguarding leads only: alerted at once about every new crisis case.",
    )
    # Set at sign-up; cleared once the member has landed on the welcome (accounts.welcome).
    welcome_due = models.BooleanField(default=False, editable=False)
    # The day of the member's latest visit, written at most once a day (accounts.visits).
    last_seen_on = models.DateField(null=True, blank=True, editable=False)
    welcome_back_after = models.PositiveSmallIntegerField(
        "welcome me back",
        choices=WelcomeBackAfter.choices,
        default=WelcomeBackAfter.TWO_WEEKS,
        help_text="A calm page of what happened while you were away, when you come back "
        "after a break.",
    )
    # After a long break: the day they were last here before it, until they have seen
    # (or set aside) the "welcome back" page.
    away_since = models.DateField(null=True, blank=True, editable=False)
    # "Ease back in": quiet mode was turned on for a week, and turns off on this day.
    quiet_mode_until = models.DateField(null=True, blank=True, editable=False)
    age_confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the member confirmed they are 13 or over."
    )
    guidelines_accepted_at = models.DateTimeField(
        null=True, blank=True, help_text="When the member agreed to the community guidelines."
    )

    objects = MemberManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        verbose_name = "member"
        constraints = [
            models.UniqueConstraint(Lower("username"), name="accounts_user_username_ci_unique"),
        ]

    def __str__(self):
        return self.username

    def is_suspended(self, now=None):
        until = self.posting_suspended_until
        return until is not None and until > (now or timezone.now())

    def is_on_break(self, now=None):
        until = self.break_until
        return until is not None and until > (now or timezone.now())

    @property
    def is_quiet(self):
        """Quiet mode, which low stimulation includes."""
        return self.quiet_mode or self.low_stimulation

    def get_full_name(self):
        return self.username

    def get_short_name(self):
        return self.username
