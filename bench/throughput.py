"""Throughput over HTTP: how many requests a second gunicorn's two workers serve for each
page, loaded by `wrk` (Debian's package) with a fixed number of connections for a fixed
time. The pages take turns in every round, and each round also measures the bare 50-row
view, so a page's ratio compares it with the bare view under the same conditions on
the same machine.

A visitor's thread page needs reading open to visitors, so this part runs on a gunicorn
started with PUBLIC_READING on. That setting changes nothing on a member's pages."""

import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass

from django.conf import settings

BARE = "bare 50-row view"
CONNECTIONS = 16
THREADS = 2
ROUNDS = 3

RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
PERCENTILE = re.compile(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
NOT_OK = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    role: str  # whose session cookie it is sent with; "visitor" sends none


def pages(targets):
    return [
        Page(BARE, "/bench/bare/", "visitor"),
        Page("member's thread page", f"/threads/{targets.thread_200}/", "reader"),
        Page("visitor's thread page", f"/threads/{targets.thread_200}/", "visitor"),
        Page("home", "/", "reader"),
        Page("board", f"/boards/{targets.board_slug}/", "reader"),
        Page("moderation queue", "/moderation/", "moderator"),
        Page("case page", f"/moderation/cases/{targets.case}/", "moderator"),
        # Floors, not pages: Django's request cycle and middleware with one SELECT 1 and
        # no template, for a visitor and for a signed-in member (whose session and
        # account every request loads). No page can beat them.
        Page("floor: /healthz, visitor", "/healthz", "visitor"),
        Page("floor: /healthz, member", "/healthz", "reader"),
    ]


def available():
    return shutil.which("wrk") is not None


def parse(output):
    """wrk's report as {"rps", "p50_ms", "p99_ms", "errors"}."""
    percentiles = {
        int(which): float(value) * TO_MS[unit] for which, value, unit in PERCENTILE.findall(output)
    }
    not_ok = NOT_OK.search(output)
    sockets = SOCKET_ERRORS.search(output)
    return {
        "rps": float(RATE.search(output).group(1)),
        "p50_ms": percentiles.get(50),
        "p99_ms": percentiles.get(99),
        "errors": (int(not_ok.group(1)) if not_ok else 0)
        + (sum(int(count) for count in sockets.groups()) if sockets else 0),
    }


def load(base_url, page, cookies, seconds):
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        *(["-H", f"Cookie: {cookies[page.role]}"] if cookies.get(page.role) else []),
        base_url + page.path,
    ]
    # wrk from the PATH with fixed arguments; nothing here comes from outside.
    finished = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    return parse(finished.stdout)


def measure(base_url, targets, sessions, seconds, rounds=ROUNDS):
    """{page name: [one result per round]}, each result with its ratio to the bare view
    measured in the same round."""
    cookies = {
        role: f"{settings.SESSION_COOKIE_NAME}={session.cookies[settings.SESSION_COOKIE_NAME]}"
        for role, session in sessions.items()
        if settings.SESSION_COOKIE_NAME in session.cookies
    }
    results = {}
    for _ in range(rounds):
        measured = {page.name: load(base_url, page, cookies, seconds) for page in pages(targets)}
        bare = measured[BARE]["rps"]
        for name, result in measured.items():
            results.setdefault(name, []).append({**result, "ratio": result["rps"] / bare})
    return results


def summary(results):
    """Per page, the median over rounds of each figure, and the errors added up."""
    return {
        name: {
            "rps": statistics.median(r["rps"] for r in rounds),
            "p50_ms": statistics.median(r["p50_ms"] for r in rounds),
            "p99_ms": statistics.median(r["p99_ms"] for r in rounds),
            "errors": sum(r["errors"] for r in rounds),
            "ratio": statistics.median(r["ratio"] for r in rounds),
        }
        for name, rounds in results.items()
    }
