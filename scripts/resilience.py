"""Does the site ride out a PostgreSQL restart? `.ci/run` runs this after `make test`.

It never touches the machine's own PostgreSQL (other test runs use it): it makes a
throwaway cluster of its own (initdb into a temporary folder, as the `postgres` user when
run as root, on a free port, trusting 127.0.0.1 only), migrates a database there and
serves it with gunicorn as production does (DEBUG=0, two workers, persistent
health-checked connections). Signed-in members post replies, each with a unique token,
while the script

1. restarts PostgreSQL (pg_ctl stop -m fast, then start at once), then
2. stops it for a few seconds, asking for the home page and the reply form meanwhile,
   and starts it again.

It passes when every answer during the outages was a kind error page carrying the
crisis box and its services (never a bare server error), the site served pages again
within RECOVERY_LIMIT seconds of PostgreSQL coming back, with no error after that and
without restarting gunicorn, and every reply the site acknowledged (a redirect after the
POST) is in the database. Exit status 1 otherwise. Everything it started is stopped and
its folder removed, whatever happens.
"""

import dataclasses
import glob
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
WRITERS = 4
OUTAGE_SECONDS = 3
STEADY_SECONDS = 3
RECOVERY_LIMIT = 10
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# What a kind error page must carry: the crisis box and its services (built-in defaults
# when the database is down).
CRISIS_MARKERS = ('id="crisis-support"', "Samaritans", 'href="tel:116123"', 'id="quick-exit"')


@dataclasses.dataclass
class Answer:
    at: float  # when the request was sent
    who: str
    path: str
    status: int  # 0: no HTTP answer at all
    body: str


@dataclasses.dataclass
class Run:
    acknowledged: set = dataclasses.field(default_factory=set)
    found: set = dataclasses.field(default_factory=set)
    answers: list = dataclasses.field(default_factory=list)
    outages: list = dataclasses.field(default_factory=list)  # (start, end) of each
    recovered_at: float | None = None
    recovered_in: float | None = None


def is_kind_error_page(answer):
    return 500 <= answer.status < 600 and all(marker in answer.body for marker in CRISIS_MARKERS)


def problems(run):
    """Everything that went wrong, in words; empty when the run passed."""
    found = []
    lost = run.acknowledged - run.found
    if lost:
        found.append(f"{len(lost)} acknowledged replies are missing, e.g. {sorted(lost)[:3]}")
    if not run.acknowledged:
        found.append("no reply was ever acknowledged")
    errors = [answer for answer in run.answers if answer.status == 0 or answer.status >= 500]
    unkind = [answer for answer in errors if not is_kind_error_page(answer)]
    for answer in unkind[:3]:
        found.append(
            f"{answer.who} got a bare answer for {answer.path} ({answer.status or 'no answer'}):"
            f" {answer.body[:200]!r}"
        )
    if len(unkind) > 3:
        found.append(f"... and {len(unkind) - 3} more bare answers")
    if not any(path == "/" for path in _outage_paths(run)) or not any(
        path.endswith("/reply/") for path in _outage_paths(run)
    ):
        found.append("no request for the home page and the reply form met the outage")
    if run.recovered_in is None:
        found.append("the site did not serve pages again after PostgreSQL came back")
    elif run.recovered_in > RECOVERY_LIMIT:
        found.append(f"the site took {run.recovered_in:.1f} s to recover (limit {RECOVERY_LIMIT})")
    else:
        late = [answer for answer in errors if answer.at > run.recovered_at]
        if late:
            found.append(f"{len(late)} errors after recovery, e.g. {late[0].path}")
        if not any(answer.at > run.recovered_at for answer in _acknowledgements(run)):
            found.append("no reply was acknowledged after recovery")
    return found


def _outage_paths(run):
    return [
        answer.path
        for answer in run.answers
        if answer.who in ("prober", "visitor") and is_kind_error_page(answer)
        for start, end in run.outages
        if start <= answer.at <= end
    ]


def _acknowledgements(run):
    return [
        answer for answer in run.answers if answer.status == 302 and answer.who.startswith("writer")
    ]


def summary(run):
    errors = [answer for answer in run.answers if answer.status == 0 or answer.status >= 500]
    kind = sum(is_kind_error_page(answer) for answer in errors)
    statuses = sorted({answer.status for answer in errors})
    recovered = "never" if run.recovered_in is None else f"in {run.recovered_in:.1f} s"
    return (
        f"acknowledged {len(run.acknowledged)}, found {len(run.acknowledged & run.found)}, "
        f"lost {len(run.acknowledged - run.found)}; errors during outages {len(errors)} "
        f"(status {statuses}), {'all' if kind == len(errors) else kind} kind; "
        f"recovered {recovered}"
    )


class Browser:
    """One person's visits: their own cookies, a fresh connection per request."""

    def __init__(self, port, who, run):
        self.port, self.who, self.run = port, who, run
        self.cookies = {}
        self.csrf_token = ""

    def request(self, method, path, form=None):
        headers = {"Cookie": "; ".join(f"{key}={value}" for key, value in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.csrf_token})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        sent = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    cookie = rest.split(";", 1)[0]
                    if cookie and "max-age=0" not in value.lower():
                        self.cookies[key] = cookie
                    else:
                        self.cookies.pop(key, None)
            answer = Answer(sent, self.who, path, response.status, text)
            if found := CSRF_FIELD.search(text):
                self.csrf_token = found.group(1)
        except OSError as problem:
            answer = Answer(sent, self.who, path, 0, repr(problem))
        finally:
            connection.close()
        self.run.answers.append(answer)
        return answer

    def sign_in(self, session, thread_id):
        """Sign in with a session made in the database, then take the reply form's CSRF
        token (password hashing would only slow the run down)."""
        self.cookies.update(session)
        if self.request("GET", f"/threads/{thread_id}/reply/").status != 200:
            raise RuntimeError(f"{self.who} cannot see the reply form")


def write_replies(browser, thread_id, stop):
    number = 0
    while not stop.is_set():
        number += 1
        token = f"token{browser.who}n{number}k{secrets.token_hex(4)}"
        answer = browser.request(
            "POST", f"/threads/{thread_id}/reply/", {"body": f"Thinking of you all. {token}"}
        )
        if answer.status == 302:
            browser.run.acknowledged.add(token)
        time.sleep(0.05)


BEGAN = time.monotonic()


def say(words):
    print(f"[{time.monotonic() - BEGAN:5.1f} s] {words}", flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A throwaway PostgreSQL of our own, in `folder`, on `port`."""

    def __init__(self, folder, port):
        binaries = sorted(
            glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(path.split("/")[-2])
        )
        if not binaries:
            raise RuntimeError("PostgreSQL's server programs are not installed")
        self.bin = Path(binaries[-1])
        self.data, self.log, self.port = folder / "data", folder / "postgres.log", port
        self.options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(folder, "postgres", "postgres")

    def _run(self, program, *args, check=True):
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=check, stdout=subprocess.DEVNULL)  # noqa: S603

    def create(self):
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip

    def pg_ctl(self, action, *args, check=True):
        self._run("pg_ctl", action, "-D", str(self.data), "-w", *args, check=check)

    def start(self):
        self.pg_ctl("start", "-l", str(self.log), "-o", self.options)

    def stop(self, mode="fast"):
        self.pg_ctl("stop", "-m", mode)

    def restart(self):
        # pg_ctl restart is this pair, but would send the server's log to our terminal.
        self.stop()
        self.start()

    @property
    def running(self):
        return (self.data / "postmaster.pid").exists()


def site_environment(database_url):
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "scripts"), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": "resilience_settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "REQUIRE_MFA_FOR_STAFF": "0",
        "RATE_LIMITS_ENABLED": "0",
        "PREMODERATION_FIRST_POSTS": "0",
        "CONN_MAX_AGE": "60",
        "ACCOUNT_EMAIL_VERIFICATION": "none",
        "REDIS_URL": "",
    }


def prepare_site(environment):
    """Migrate the database, make the writers and their thread, and sign them in:
    returns the thread's id and a session cookie for each writer."""
    os.environ.update(environment)
    sys.path[:0] = environment["PYTHONPATH"].split(os.pathsep)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from forum.drafts import Draft
    from forum.models import Board
    from forum.services import start_thread
    from peersupport.accounts.models import User

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    now = timezone.now()
    writers = [
        User.objects.create_user(
            username=f"Writer{number}",
            email=f"writer{number}@example.com",
            password=None,
            age_confirmed_at=now,
            guidelines_accepted_at=now,
        )
        for number in range(WRITERS + 1)
    ]
    board = Board.objects.create(name="Checking in", slug="checking-in")
    thread = start_thread(
        author=writers[0], board=board, draft=Draft(title="Checking in", body="Hello all")
    )
    sessions = []
    for writer in writers:
        client = Client()
        client.force_login(writer)
        name = settings.SESSION_COOKIE_NAME
        sessions.append({name: client.cookies[name].value})
    return thread.pk, sessions


def tokens_in_database(tokens):
    from django.db import connection

    from forum.models import Post

    connection.close()  # its connection died with the restarts
    bodies = Post.objects.filter(body__startswith="Thinking of you all.").values_list(
        "body", flat=True
    )
    return {token for token in tokens if any(body.endswith(token) for body in bodies)}


def start_gunicorn(environment, port, log):
    import gunicorn

    # Since gunicorn 27 each server opens a control socket at one shared default path.
    private = ["--no-control-socket"] if gunicorn.version_info >= (27,) else []
    return subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "peersupport.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--graceful-timeout",
            "5",
            *private,
        ],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_until_served(browser, path="/", limit=30):
    """Seconds until `path` answers 200, or None after `limit` seconds."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if browser.request("GET", path).status == 200:
            return time.monotonic() - started
        time.sleep(0.1)
    return None


def probe_during(seconds, browsers, thread_id):
    anonymous, member = browsers
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        anonymous.request("GET", "/")
        member.request("GET", "/")
        member.request("GET", f"/threads/{thread_id}/reply/")
        time.sleep(0.2)


def exercise(cluster, port, thread_id, sessions, run):
    watcher = Browser(port, "watcher", run)
    if wait_until_served(watcher) is None:
        raise RuntimeError("gunicorn never served the home page")
    say("gunicorn serves the site")
    prober = Browser(port, "prober", run)
    prober.sign_in(sessions[WRITERS], thread_id)
    stop = threading.Event()
    writers = []
    for number in range(WRITERS):
        browser = Browser(port, f"writer{number}", run)
        browser.sign_in(sessions[number], thread_id)
        writers.append(threading.Thread(target=write_replies, args=(browser, thread_id, stop)))
    run.answers.clear()  # gunicorn's start-up and the sign-ins are not under test
    for writer in writers:
        writer.start()
    try:
        time.sleep(STEADY_SECONDS)
        say("restarting PostgreSQL")
        started = time.monotonic()
        cluster.restart()
        run.outages.append((started, time.monotonic()))
        time.sleep(STEADY_SECONDS)

        say(f"stopping PostgreSQL for {OUTAGE_SECONDS} s")
        started = time.monotonic()
        cluster.stop()
        probe_during(OUTAGE_SECONDS, (Browser(port, "visitor", run), prober), thread_id)
        cluster.start()
        back = time.monotonic()
        run.outages.append((started, back))
        run.recovered_in = wait_until_served(watcher, limit=RECOVERY_LIMIT * 3)
        if run.recovered_in is not None:
            run.recovered_at = back + run.recovered_in
        say("PostgreSQL is back")
        time.sleep(STEADY_SECONDS)
    finally:
        stop.set()
        for writer in writers:
            writer.join()


def main():
    folder = Path(tempfile.mkdtemp(prefix="peersupport-resilience-"))
    cluster = gunicorn = None
    run = Run()
    gunicorn_log = folder / "gunicorn.log"
    try:
        cluster = Cluster(folder, free_port())
        cluster.create()
        cluster.start()
        say(f"a throwaway PostgreSQL answers on port {cluster.port}")
        subprocess.run(  # noqa: S603
            [str(cluster.bin / "createdb"), "-h", "127.0.0.1", "-p", str(cluster.port),
             "-U", "postgres", "peersupport"],
            check=True,
        )  # fmt: skip
        environment = site_environment(f"postgres://postgres@127.0.0.1:{cluster.port}/peersupport")
        thread_id, sessions = prepare_site(environment)
        say("migrated")
        port = free_port()
        with gunicorn_log.open("w") as log:
            gunicorn = start_gunicorn(environment, port, log)
            exercise(cluster, port, thread_id, sessions, run)
        run.found = tokens_in_database(run.acknowledged)
    finally:
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            try:
                gunicorn.wait(timeout=15)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        failures = problems(run)
        if failures and gunicorn_log.exists():
            print(
                "gunicorn's log ends:\n" + "".join(gunicorn_log.read_text().splitlines(True)[-30:])
            )
        if cluster is not None and cluster.running:
            cluster.pg_ctl("stop", "-m", "immediate", check=False)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"Resilience: {summary(run)}")
    for failure in failures:
        print(f"  FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
