"""Server time and query count per scenario, through Django's test client in this
process: each request runs the whole middleware stack and view, with no network."""

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .scenarios import check_response
from .stats import summarise


def clients(people):
    """One signed-in client per role (force_login: no password hashing in the timings)."""
    made = {}
    for role, user in people.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        made[role] = client
    return made


def timed_request(client, scenario):
    """(milliseconds, queries) for one request; the target is chosen before the clock
    starts, and a wrong answer raises."""
    path, data = scenario.next_request()
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path) if data is None else client.post(path, data)
        elapsed = (time.perf_counter() - started) * 1000
    check_response(scenario, response.status_code, response.headers.get("Location"))
    return elapsed, len(captured)


def measure(scenario, client, iterations, warmup):
    for _ in range(warmup):
        timed_request(client, scenario)
    times, queries = [], []
    for _ in range(iterations):
        elapsed, count = timed_request(client, scenario)
        times.append(elapsed)
        queries.append(count)
    return {**summarise(times), "queries": max(queries), "times_ms": times}
