"""Demo data for `make run`: boards, the default crisis resources, and three accounts.

Safe to run again: nothing is duplicated, and the accounts' passwords are reset so the
details printed always work.
"""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import BaseCommand, CommandError
from django.db import transaction

from forum.models import Board
from peersupport.accounts.models import User
from peersupport.accounts.permissions import MODERATORS
from peersupport.signposting.defaults import ensure_default_resources
from peersupport.signposting.models import CrisisResource

BOARDS = [
    ("Introduce yourself", "introduce-yourself", "Say hello, if you would like to.", False),
    ("Feeling low", "feeling-low", "When things feel heavy or grey.", False),
    ("Anxiety and worry", "anxiety-and-worry", "Panic, worry, and what helps.", False),
    ("School, college and work", "school-college-work", "Pressure, exams and people.", False),
    ("Friends and family", "friends-and-family", "Relationships of every kind.", False),
    (
        "Self-harm support",
        "self-harm-support",
        "Support without details. Every post here is read by a moderator before it appears.",
        True,
    ),
    ("Good things", "good-things", "Small wins, kind moments, things that helped.", False),
]

ACCOUNTS = [
    ("DemoMember", "member@example.com", "member", {}),
    ("DemoModerator", "moderator@example.com", "moderator", {}),
    ("DemoAdmin", "admin@example.com", "admin", {"is_staff": True, "is_superuser": True}),
]


class Command(BaseCommand):
    help = "Load demo boards, crisis resources and accounts (idempotent; development only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production", action="store_true", help="Run even when DEBUG is off."
        )

    @transaction.atomic
    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError("seed_demo creates known accounts: it runs only with DEBUG on.")
        for order, (name, slug, description, premoderated) in enumerate(BOARDS):
            Board.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "description": description,
                    "order": order * 10,
                    "is_premoderated": premoderated,
                },
            )
        ensure_default_resources(CrisisResource)
        moderators = Group.objects.get(name=MODERATORS)
        self.stdout.write("Demo accounts (development only):")
        for username, email, role, flags in ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username, defaults={"email": email})
            password = secrets.token_urlsafe(9)
            user.set_password(password)
            for flag, value in flags.items():
                setattr(user, flag, value)
            user.save()
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            if role == "moderator":
                user.groups.add(moderators)
            self.stdout.write(f"  {role:<10} {username:<14} password: {password}")
        self.stdout.write(
            self.style.SUCCESS(f"{len(BOARDS)} boards and the crisis resources are ready.")
        )
