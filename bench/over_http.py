"""The same scenarios over HTTP against gunicorn, one request at a time, each role
signed in through the real login form: round-trip time measured by the client, server
time read from the Server-Timing header that bench.middleware adds."""

import re
import time

import requests
from django.conf import settings

from .scenarios import ScenarioFailed, check_response
from .stats import summarise

SERVER_TIMING = re.compile(r"app;dur=([\d.]+)")


def sign_in(base_url, username, password):
    session = requests.Session()
    if username is None:
        return session
    session.get(f"{base_url}/accounts/login/", timeout=30).raise_for_status()
    response = session.post(
        f"{base_url}/accounts/login/",
        data={
            "login": username,
            "password": password,
            "csrfmiddlewaretoken": session.cookies[settings.CSRF_COOKIE_NAME],
        },
        allow_redirects=False,
        timeout=30,
    )
    if response.status_code != 302:
        raise ScenarioFailed(f"could not sign in as {username} (HTTP {response.status_code})")
    return session


def server_time(response):
    match = SERVER_TIMING.search(response.headers.get("Server-Timing", ""))
    if not match:
        raise ScenarioFailed(f"no Server-Timing header from {response.url}")
    return float(match.group(1))


def timed_request(session, base_url, scenario):
    path, data = scenario.next_request()
    method = "GET"
    if data is not None:
        method = "POST"
        # Django's CSRF check: the form field must match the csrftoken cookie.
        data = {**data, "csrfmiddlewaretoken": session.cookies[settings.CSRF_COOKIE_NAME]}
    started = time.perf_counter()
    response = session.request(
        method, base_url + path, data=data, allow_redirects=False, timeout=60
    )
    round_trip = (time.perf_counter() - started) * 1000
    check_response(scenario, response.status_code, response.headers.get("Location"))
    return server_time(response), round_trip


def measure(scenario, session, base_url, iterations, warmup):
    for _ in range(warmup):
        timed_request(session, base_url, scenario)
    server, round_trip = [], []
    for _ in range(iterations):
        on_server, total = timed_request(session, base_url, scenario)
        server.append(on_server)
        round_trip.append(total)
    return {
        "server": {**summarise(server), "times_ms": server},
        "round_trip": {**summarise(round_trip), "times_ms": round_trip},
    }
