"""The load test: locust (bench/load_test/locustfile.py) in its own process against the
running gunicorn, at each number of users in turn, then the check that every post the
server acknowledged is in the database. Imported once Django is set up."""

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from forum.models import Board, Post, Thread

from .bodies import UNIQUE_WORD_PREFIX
from .scenarios import ROLES, replyable_threads

ROOT = Path(__file__).resolve().parent.parent
LOCUSTFILE = Path(__file__).resolve().parent / "load_test" / "locustfile.py"
TOKEN = re.compile(rf"{UNIQUE_WORD_PREFIX}[a-z]{{16}}")
# Sessions per role: enough for the largest level to give everyone their own.
SESSIONS_PER_ROLE = 64


def session_keys(users):
    """Signed-in sessions made as force_login makes them, so the load test does not begin
    with dozens of password hashes (the HTTP measurements use the real login form)."""
    keys = []
    for user in users:
        client = Client()
        client.force_login(user)
        keys.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    return keys


def write_config(path, people, targets, saved_file):
    members = list(
        get_user_model()
        .objects.filter(username__startswith="bulk_member_")
        .exclude(username__in=list(ROLES.values()))
        .order_by("pk")[: SESSIONS_PER_ROLE * 2]
    )
    half = len(members) // 2
    threads = list(
        Thread.objects.filter(opening_post__status="published")
        .order_by("?")
        .values_list("pk", flat=True)[:200]
    )
    config = {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "sessions": {
            "readers": session_keys(members[:half]),
            "writers": session_keys(members[half:]),
            "moderator": session_keys([people["moderator"]]),
        },
        "threads": [targets.thread_200, targets.biggest, *threads],
        "reply_threads": replyable_threads(),
        "boards": list(Board.objects.values_list("slug", flat=True)),
        "writable_boards": list(
            Board.objects.filter(is_locked=False).values_list("slug", flat=True)
        ),
        "words": [targets.common_word, targets.rare_word, "sleep", "friends", "exams"],
        "saved_file": str(saved_file),
    }
    path.write_text(json.dumps(config))


def run_level(base_url, users, seconds, config_path, workdir):
    prefix = workdir / f"locust_{users}"
    command = [
        str(Path(sys.executable).parent / "locust"),
        "--locustfile",
        str(LOCUSTFILE),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--host",
        base_url,
        "--csv",
        str(prefix),
        "--only-summary",
        "--stop-timeout",
        "10",
        "--loglevel",
        "WARNING",
    ]
    env = {**os.environ, "BENCH_LOAD_CONFIG": str(config_path), "PYTHONPATH": str(ROOT)}
    with open(workdir / "locust.log", "ab") as log:
        # Locust exits 1 when any request failed; the failures are read from its CSV.
        subprocess.run(  # noqa: S603
            command, cwd=ROOT, env=env, stdout=log, stderr=log, timeout=seconds + 120, check=False
        )
    return {"users": users, "seconds": seconds, **read_stats(prefix)}


def read_stats(prefix):
    with open(f"{prefix}_stats.csv", newline="") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    total = rows["Aggregated"]
    with open(f"{prefix}_failures.csv", newline="") as failures:
        failed = [
            {"name": row["Name"], "error": row["Error"], "count": int(row["Occurrences"])}
            for row in csv.DictReader(failures)
        ]
    return {
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "requests_per_second": float(total["Requests/s"]),
        "p50": _number(total["50%"]),
        "p95": _number(total["95%"]),
        "p99": _number(total["99%"]),
        "failures": failed,
        "by_request": {
            name: {
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "p50": _number(row["50%"]),
                "p95": _number(row["95%"]),
            }
            for name, row in rows.items()
            if name != "Aggregated"
        },
    }


def _number(text):
    return None if text in ("", "N/A") else float(text)


def check_saved(saved_file):
    """Every post a writer was told was saved must be in the database."""
    acknowledged = []
    if saved_file.exists():
        acknowledged = [line.split("\t")[0] for line in saved_file.read_text().splitlines()]
    stored = set()
    bodies = Post.objects.filter(body__contains=UNIQUE_WORD_PREFIX).values_list("body", flat=True)
    for body in bodies.iterator():
        stored.update(TOKEN.findall(body))
    found = sum(1 for token in acknowledged if token in stored)
    return {"acknowledged": len(acknowledged), "found": found, "lost": len(acknowledged) - found}


def run(base_url, people, targets, levels, seconds, workdir):
    workdir.mkdir(parents=True, exist_ok=True)
    saved_file = workdir / "saved.tsv"
    saved_file.unlink(missing_ok=True)
    config_path = workdir / "load-config.json"
    write_config(config_path, people, targets, saved_file)
    results = [run_level(base_url, users, seconds, config_path, workdir) for users in levels]
    return {"levels": results, "durability": check_saved(saved_file)}
