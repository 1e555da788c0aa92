"""The benchmark's accounts: members who joined before they first took part, five
moderators, a safeguarding lead and an admin, all with one known password."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from peersupport.accounts.models import User
from peersupport.accounts.permissions import MODERATORS, SAFEGUARDING_LEADS

from .writing import insert

# Known on purpose: benchmarks and people sign in as the seeded accounts.
BULK_PASSWORD = "bulk-password-1"  # noqa: S105
MODERATORS_COUNT = 5


def create_accounts(out, rng, now, member_count, posts, cases):
    """Create the members (joined before they first took part), the moderators, the
    lead and the admin; returns the members' ids by index."""
    first_seen = {}
    for post in posts:
        first_seen.setdefault(post.author, post.created_at)
    for case in cases:
        for flagger, _, _, when in case.flags:
            first_seen[flagger] = min(first_seen.get(flagger, when), when)
    password = make_password(BULK_PASSWORD)
    year_ago = now - datetime.timedelta(days=365)
    wanted = []
    for index in range(member_count):
        if index in first_seen:
            joined = first_seen[index] - datetime.timedelta(days=rng.uniform(1, 60))
        else:
            joined = now - datetime.timedelta(days=rng.uniform(1, 395))
        wanted.append((f"bulk_member_{index + 1}", joined, {}))
    staff_joined = year_ago - datetime.timedelta(days=60)
    for number in range(1, MODERATORS_COUNT + 1):
        wanted.append((f"bulk_moderator_{number}", staff_joined, {}))
    wanted.append(("bulk_lead", staff_joined, {}))
    wanted.append(("bulk_admin", staff_joined, {"is_staff": True, "is_superuser": True}))
    ids = _create_users(out, wanted, password)
    _join_group(MODERATORS, [ids[f"bulk_moderator_{n}"] for n in range(1, MODERATORS_COUNT + 1)])
    _join_group(SAFEGUARDING_LEADS, [ids["bulk_lead"]])
    return [ids[f"bulk_member_{index + 1}"] for index in range(member_count)]


def _create_users(out, wanted, password):
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
    insert(out, "accounts", User, new_users)
    insert(
        out,
        "email addresses",
        EmailAddress,
        [
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in new_users
        ],
    )
    return existing | {user.username: user.pk for user in new_users}


def _join_group(name, user_ids):
    group = Group.objects.get(name=name)
    through = User.groups.through
    through.objects.bulk_create(
        [through(user_id=pk, group_id=group.pk) for pk in user_ids], ignore_conflicts=True
    )


def _email(username):
    return f"{username}@example.invalid"
