"""The load test's people, run by locust in its own process (bench/load.py starts it).

Readers browse, writers reply and sometimes start threads, one moderator works the
queue. Each writer records every post the server said it saved (the redirect after
posting) with the unique word in its body, so bench/load.py can check none was lost.
Sessions, targets and the record file come from the JSON named by BENCH_LOAD_CONFIG.
"""

import itertools
import json
import os
import random
import re
from pathlib import Path

from locust import HttpUser, between, task

from bench.bodies import new_token, reply_body, thread_title

CONFIG = json.loads(Path(os.environ["BENCH_LOAD_CONFIG"]).read_text())
SESSIONS = {role: itertools.cycle(keys) for role, keys in CONFIG["sessions"].items()}
CASE_ID = re.compile(r'data-case-id="(\d+)"')
DECIDED = re.compile(r"^/moderation/(cases/\d+/)?$")
SAVED = re.compile(r"^/(threads/\d+/|posts/\d+/waiting/)")
rng = random.Random()  # noqa: S311 (not security: varied wording and choices only)


class Member(HttpUser):
    abstract = True
    role = ""
    # A person pauses between pages; about a second on average.
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.client.cookies.set(CONFIG["session_cookie"], next(SESSIONS[self.role]))

    def csrf(self):
        return self.client.cookies.get(CONFIG["csrf_cookie"], "")


class Reader(Member):
    weight = 3
    role = "readers"

    @task(3)
    def home(self):
        self.client.get("/")

    @task(3)
    def board(self):
        self.client.get(f"/boards/{rng.choice(CONFIG['boards'])}/", name="/boards/[slug]/")

    @task(6)
    def thread(self):
        page = rng.choice(["", "", "", "?page=2"])
        thread = rng.choice(CONFIG["threads"])
        self.client.get(f"/threads/{thread}/{page}", name="/threads/[id]/")

    @task(1)
    def search(self):
        self.client.get(f"/search/?q={rng.choice(CONFIG['words'])}", name="/search/?q=[word]")


class Writer(Member):
    weight = 1
    role = "writers"

    @task(2)
    def read_thread(self):
        self.client.get(f"/threads/{rng.choice(CONFIG['threads'])}/", name="/threads/[id]/")

    @task(4)
    def reply(self):
        thread = rng.choice(CONFIG["reply_threads"])
        url = f"/threads/{thread}/reply/"
        self.client.get(url, name="/threads/[id]/reply/ (form)")
        token = new_token(rng)
        self.post(url, "/threads/[id]/reply/", token, {"body": reply_body(rng, token)})

    @task(1)
    def start_thread(self):
        url = f"/boards/{rng.choice(CONFIG['writable_boards'])}/new/"
        self.client.get(url, name="/boards/[slug]/new/ (form)")
        token = new_token(rng)
        data = {"title": thread_title(rng), "body": reply_body(rng, token), "content_warning": ""}
        self.post(url, "/boards/[slug]/new/", token, data)

    def post(self, url, name, token, data):
        data["csrfmiddlewaretoken"] = self.csrf()
        with self.client.post(
            url, data=data, name=name, allow_redirects=False, catch_response=True
        ) as response:
            location = response.headers.get("Location", "")
            if response.status_code == 302 and SAVED.match(location):
                record(token, location)
                response.success()
            else:
                response.failure(f"not saved: HTTP {response.status_code} {location}")


class Moderator(Member):
    fixed_count = 1
    role = "moderator"

    @task
    def decide_a_case(self):
        queue = self.client.get("/moderation/")
        cases = CASE_ID.findall(queue.text)
        if not cases:
            return
        case = rng.choice(cases[:10])
        url = f"/moderation/cases/{case}/"
        self.client.get(url, name="/moderation/cases/[id]/")
        data = {
            "action": "approve",
            "reason": "Thank you, this is fine to stay up.",
            "csrfmiddlewaretoken": self.csrf(),
        }
        with self.client.post(
            url,
            data=data,
            name="/moderation/cases/[id]/ (decide)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # A decision leads on to the next case, or to the queue when none is left; a
            # refused one comes back to the same case.
            location = response.headers.get("Location", "")
            if response.status_code == 302 and DECIDED.match(location) and location != url:
                response.success()
            else:
                response.failure(f"not decided: HTTP {response.status_code}")


def record(token, location):
    with open(CONFIG["saved_file"], "a") as saved:
        saved.write(f"{token}\t{location}\n")
