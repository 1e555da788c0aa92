"""How long data is kept: one function per rule, each returning how many it removed.
`manage.py apply_retention` runs them all; the days are `settings.RETENTION_DAYS`, and
the privacy notice (/privacy/) tells members the same numbers."""

import datetime

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from forum.models import Notification
from moderation.models import Flag

from .models import User


def _cutoff(rule, now):
    return (now or timezone.now()) - datetime.timedelta(days=settings.RETENTION_DAYS[rule])


@transaction.atomic
def drop_flag_sources(now=None):
    """Where a flag came from (its address and browser, hashed) only helps spot one
    person flagging from many accounts, which the flags of the last few weeks show;
    older flags keep everything else."""
    old = Flag.objects.filter(created_at__lt=_cutoff("flag_ip_address", now)).exclude(
        address_hash="", device_hash=""
    )
    return old.update(address_hash="", device_hash="")


@transaction.atomic
def delete_read_notifications(now=None):
    old = Notification.objects.filter(
        read_at__isnull=False, created_at__lt=_cutoff("read_notification", now)
    )
    return old.delete()[0]


@transaction.atomic
def delete_expired_sessions(now=None):
    """Ended sign-ins, and the record of the device and address each came from."""
    expired, _ = Session.objects.filter(expire_date__lt=now or timezone.now()).delete()
    live = Session.objects.filter(session_key=OuterRef("session_key"))
    UserSession.objects.filter(~Exists(live)).delete()
    return expired


@transaction.atomic
def delete_unconfirmed_accounts(now=None):
    """Sign-ups whose email address was never confirmed and that never signed in: the
    address may be someone else's, typed by mistake, so it is not kept. Staff accounts,
    made by hand, are left alone."""
    confirmed = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    any_address = EmailAddress.objects.filter(user=OuterRef("pk"))
    stale = User.objects.filter(
        Exists(any_address),
        ~Exists(confirmed),
        last_login__isnull=True,
        is_staff=False,
        is_superuser=False,
        date_joined__lt=_cutoff("unconfirmed_account", now),
    )
    return stale.delete()[1].get(User._meta.label, 0)


RULES = [
    ("flag addresses and devices dropped", drop_flag_sources),
    ("read notifications deleted", delete_read_notifications),
    ("expired sessions deleted", delete_expired_sessions),
    ("unconfirmed accounts deleted", delete_unconfirmed_accounts),
]


def apply_retention(now=None):
    """Run every rule. Returns (what, how many) pairs."""
    return [(what, rule(now)) for what, rule in RULES]
