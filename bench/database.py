"""The benchmark's own database: created when missing, migrated, filled by bench.seed,
and described (versions and counts) for the results file. Imported once Django is set
up with bench.settings."""

import os
import platform
import sys
from pathlib import Path

import dj_database_url
import django
import psycopg2
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import connection
from psycopg2 import sql

from bench.seed.seeder import seed_forum
from forum.models import Board, Notification, Post, Thread
from moderation.models import Case


def ensure_database(url):
    """Create the database named in `url` if the server does not have it yet."""
    config = dj_database_url.parse(url)
    server = psycopg2.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
    )
    server.autocommit = True
    try:
        with server.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
                return True
    finally:
        server.close()
    return False


def prepare(scale):
    """Migrate, seed (bench.seed does nothing when the data is already there), vacuum,
    and collect the hashed static files that DEBUG=0 pages link to."""
    call_command("migrate", interactive=False, verbosity=0)
    seed_forum(scale=scale)
    # What autovacuum would soon do after a bulk load anyway: mark the pages all-visible,
    # so index-only scans (a thread's pages) read no table rows from the first request.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    if not static_files_current():
        call_command("collectstatic", interactive=False, verbosity=0)


def static_files_current():
    """Whether the collected files are newer than every source (compressing them all
    again takes minutes)."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return False
    collected_at = manifest.stat().st_mtime
    return all(
        Path(storage.path(path)).stat().st_mtime <= collected_at
        for finder in finders.get_finders()
        for path, storage in finder.list(["CVS", ".*", "*~"])
    )


def machine_info():
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    return {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "django": django.get_version(),
        "postgresql": postgres,
    }


def data_counts():
    return {
        "members": get_user_model().objects.count(),
        "boards": Board.objects.count(),
        "threads": Thread.objects.count(),
        "posts": Post.objects.count(),
        "notifications": Notification.objects.count(),
        "open_cases": Case.objects.open().count(),
    }


def describe_url(url):
    """Host and database name, without any password, for the results file."""
    config = dj_database_url.parse(url)
    return f"{config['HOST']}:{config['PORT']}/{config['NAME']}"
