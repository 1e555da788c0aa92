"""`make backup` and `make restore` against a real, committed database.

pg_dump sees only committed rows, so the test cannot use the usual rolled-back test
transaction: it creates a database of its own (named after this worker's test database,
so parallel workers and parallel runs never share one), migrates it as a deployment
would, points Django's connection at it to write the posts, and drops it afterwards.
"""

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import dj_database_url
import psycopg2
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from forum import services
from forum.drafts import Draft
from forum.models import Post, PostStatus, Revision, Thread
from tests.factories import UserFactory, make_reply, make_thread

# make, pg_dump and pg_restore in subprocesses, on a scratch database.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def _server():
    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    return {
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
    }


def _on_maintenance_database(*statements):
    admin = psycopg2.connect(dbname="postgres", **_server())
    admin.autocommit = True
    with admin.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    admin.close()


@pytest.fixture(scope="module")
def scratch_url(django_db_setup):
    """A migrated database of this module's own, dropped at the end. Yields its URL."""
    name = f"{connection.settings_dict['NAME']}_backup"
    server = _server()
    url = "postgres://{user}{password}@{host}:{port}/{name}".format(
        user=server["user"] or "",
        password=f":{server['password']}" if server["password"] else "",
        host=server["host"] or "127.0.0.1",
        port=server["port"] or 5432,
        name=name,
    )
    _on_maintenance_database(
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        check=True,
    )
    yield name, url
    _on_maintenance_database(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def scratch_database(scratch_url, django_db_blocker):
    """Django's connection points at the scratch database while the test runs."""
    name, url = scratch_url
    original = connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        connection.close()
        connection.settings_dict["NAME"] = name
        ContentType.objects.clear_cache()
        try:
            yield url
        finally:
            connection.close()
            connection.settings_dict["NAME"] = original
            ContentType.objects.clear_cache()


def _make(target, url, *variables, **env):
    # Under `make test DATABASE_URL=...`, MAKEFLAGS would hand the outer database to this
    # make, over our environment: restore must never reach anything but the scratch one.
    outer = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}
    environment = {key: value for key, value in os.environ.items() if key not in outer}
    # -o: never reinstall the venv from inside a test run.
    return subprocess.run(
        [
            shutil.which("make"),
            "--no-print-directory",
            "-o",
            ".venv/.installed",
            target,
            *variables,
        ],
        cwd=ROOT,
        env={**environment, "DATABASE_URL": url, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def _snapshot():
    threads = list(Thread.objects.order_by("pk").values_list("pk", "title", "opening_post_id"))
    posts = list(
        Post.objects.order_by("pk").values_list(
            "pk", "thread_id", "parent_id", "path", "depth", "body", "body_html", "status"
        )
    )
    revisions = list(Revision.objects.order_by("pk").values_list("post_id", "body"))
    return threads, posts, revisions


def _append_only_triggers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%_append_only'")
        return cursor.fetchone()[0]


def _conversations():
    writer, reader = UserFactory(), UserFactory()
    thread = make_thread(author=writer, body="Some days are **heavy**. Ça va — 🌧️ then 🌤️")
    first = make_reply(thread, author=reader, body="You are not alone.\n\n- one\n- two")
    deeper = make_reply(thread, author=writer, parent=first, body="Thank you <3")
    make_reply(thread, author=reader, parent=deeper, body="Any time. [help](/help/)")
    make_reply(thread, author=reader, body="Waiting for a moderator", status=PostStatus.HELD)
    services.edit_post(post=first, editor=reader, draft=Draft(body="You are not alone, truly."))
    other = make_thread(author=reader, title="Exams", body="Revision is hard")
    make_reply(other, author=writer, body="Small steps help me")


def test_backup_then_restore_brings_every_post_back(scratch_database, tmp_path):
    _conversations()
    before = _snapshot()
    _threads, posts, revisions = before
    assert {status for *_, status in posts} == {PostStatus.PUBLISHED, PostStatus.HELD}
    assert max(depth for *_, depth, _body, _html, _status in posts) == 3
    assert revisions
    triggers = _append_only_triggers()
    assert triggers > 0

    backed_up = _make("backup", scratch_database, BACKUP_DIR=str(tmp_path))
    assert backed_up.returncode == 0, backed_up.stderr
    backup = Path(backed_up.stdout.strip().splitlines()[-1])
    assert backup.parent == tmp_path
    assert backup.name.startswith("peersupport-")
    assert backup.name.endswith(".dump")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600  # members' emails are inside

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE forum_post, forum_thread CASCADE")
    assert not Post.objects.exists()

    restored = _make("restore", scratch_database, f"BACKUP={backup}", "YES=1")
    assert restored.returncode == 0, restored.stderr

    assert _snapshot() == before
    assert _append_only_triggers() == triggers


def test_restore_asks_first_and_changes_nothing_without_a_yes(scratch_database, tmp_path):
    make_thread(body="Still here")
    backup = _make("backup", scratch_database, BACKUP_DIR=str(tmp_path)).stdout.strip()
    make_thread(body="Written after the backup")

    refused = _make("restore", scratch_database, f"BACKUP={backup}")

    assert refused.returncode != 0
    assert "Nothing was restored" in refused.stderr
    assert Post.objects.filter(body="Written after the backup").exists()


@pytest.mark.parametrize("url", ["", "sqlite:///var/peersupport.sqlite3"])
def test_backup_needs_a_postgresql_database(url, tmp_path):
    refused = _make("backup", url, BACKUP_DIR=str(tmp_path))
    assert refused.returncode != 0
    assert "PostgreSQL" in refused.stderr
    assert not list(tmp_path.iterdir())
