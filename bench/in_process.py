"""Server time and query count per scenario, through Django's test client in this
process: each request runs the whole middleware stack and view, with no network."""

import time
from urllib.parse import urlencode

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .scenarios import check_response
from .stats import summarise

FORM_ENCODED = "application/x-www-form-urlencoded"


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
    # A form is sent as a browser sends ours (none has a file field) and encoded before
    # the clock starts, as over HTTP; the test client's default, multipart, added about
    # a millisecond of encoding and parsing that no member's browser asks for.
    body = None if data is None else urlencode(data)
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = send(client, path, body)
        elapsed = (time.perf_counter() - started) * 1000
    check_response(scenario, response.status_code, response.headers.get("Location"))
    return elapsed, len(captured)


def send(client, path, body):
    """A GET, or a POST of a form already encoded (`body`)."""
    if body is None:
        return client.get(path)
    return client.post(path, body, content_type=FORM_ENCODED)


def measure(scenario, client, iterations, warmup):
    for _ in range(warmup):
        timed_request(client, scenario)
    times, queries = [], []
    for _ in range(iterations):
        elapsed, count = timed_request(client, scenario)
        times.append(elapsed)
        queries.append(count)
    return {**summarise(times), "queries": max(queries), "times_ms": times}
