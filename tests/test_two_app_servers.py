"""Past one machine: two gunicorn app servers share one PostgreSQL database and one
Redis, with a Celery worker beside them, and the key journeys work whichever server
each request lands on (docs/deploy.md, "More app servers").

The servers run in production mode (DEBUG=0, rate limits on, mandatory email
verification) against a database of their own, migrated here and dropped afterwards,
and write emails to files. A plain HTTP client keeps one cookie jar for both servers,
as a browser does for one site behind a load balancer.
"""

import contextlib
import email
import html.parser
import http.cookies
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from pathlib import Path

import psycopg2
import pytest
import redis

# Two gunicorn servers and a Celery worker, started for the module.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REDIS_SERVER = "redis://127.0.0.1:6379"
# The site's public name, which the load balancer passes on to whichever server it picks.
PUBLIC_HOST = "peersupport.example"
PASSWORD = "a calm test password 1"  # tests/factories.py's
TIMEOUT = 30

# The data the journeys start from, made with the tests' own factories.
SETUP = """
import json
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from moderation.models import CaseReason
from moderation.services import open_case
from peersupport.accounts.permissions import MODERATORS
from tests.factories import BoardFactory, CrisisResourceFactory, UserFactory, make_thread

def member(username, **fields):
    user = UserFactory(username=username, **fields)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user

member("KeeperOwl", is_staff=True, is_superuser=True)
member("CalmHeron").groups.add(Group.objects.get_or_create(name=MODERATORS)[0])
wren = member("HopefulWren", email_on_reply=True)
member("GentleMoth")
member("BraveFinch")
fern = member("QuietFern")
board = BoardFactory(slug="talk", name="Talk")
thread = make_thread(author=wren, board=board, title="A long week")
case = open_case(post=make_thread(author=fern, board=board).opening_post,
                 reasons=[CaseReason.FLAGGED])
resource = CrisisResourceFactory(name="Harbour Line", region="uk", order=0)
print(json.dumps({"thread": thread.pk, "case": case.pk, "resource": resource.pk,
                  "wren_email": wren.email}))
"""

# Hashed static files, as production serves them, without the slow compression.
COLLECTSTATIC = """
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
manifest = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": manifest}):
    call_command("collectstatic", "--noinput", verbosity=0)
"""


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


class Page:
    def __init__(self, status, location, text):
        self.status, self.location, self.text = status, location, text

    def csrf(self):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.text).group(1)

    def crisis_box(self):
        return re.search(r'id="crisis-support".*?</aside>', self.text, re.S).group(0)


class Browser:
    """One cookie jar for both servers, and the one public host name, as when a load
    balancer sends each request to either. The cookies are Secure (__Host-), which a
    real browser sends only over https; the proxy's TLS is not what is tested here."""

    def __init__(self):
        self.cookies = {}

    def open(self, url, data=None):
        headers = {"Host": PUBLIC_HOST, "User-Agent": "two-app-servers-test"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        try:
            request = urllib.request.Request(url, body, headers)  # noqa: S310 (our own http servers)
            response = OPENER.open(request, timeout=TIMEOUT)
        except urllib.error.HTTPError as answer:  # redirects and refusals alike
            response = answer
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                self._keep(header)
            text = response.read().decode()
            return Page(response.getcode(), response.headers.get("Location", ""), text)

    def _keep(self, header):
        for name, morsel in http.cookies.SimpleCookie(header).items():
            if morsel["max-age"] == "0":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value

    def submit(self, url, fields, form_url=None):
        """Post a form the way a person does: open the page it is on, then send it."""
        token = self.open(form_url or url).csrf()
        return self.open(url, {**fields, "csrfmiddlewaretoken": token})

    def sign_in(self, server, username, password=PASSWORD):
        return self.submit(f"{server}/accounts/login/", {"login": username, "password": password})


class FormFields(html.parser.HTMLParser):
    """The values a browser would send from the form with the given id."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select = self.textarea = None
        self.options = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "option" and self.select:
            self.options.append((attrs.get("value", ""), "selected" in attrs))
        elif "name" not in attrs:
            return
        elif tag == "input" and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") not in {"checkbox", "radio"}:
                self.fields.append((attrs["name"], attrs.get("value", "")))
            elif "checked" in attrs:
                self.fields.append((attrs["name"], attrs.get("value", "on")))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select, self.options = attrs["name"], []

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select" and self.select:
            chosen = [value for value, selected in self.options if selected]
            self.fields.append((self.select, (chosen or [self.options[0][0]])[0]))
            self.select = None

    @classmethod
    def of(cls, page, form_id):
        parser = cls(form_id)
        parser.feed(page.text)
        return dict(parser.fields)


def emails(mail_dir):
    """Every email the servers and the worker have written, as (to, subject, text)."""
    found = []
    for path in sorted(mail_dir.glob("*.log")):
        for chunk in path.read_text().split("-" * 79 + "\n"):
            if not chunk.strip():
                continue
            message = email.message_from_string(chunk)
            text = "".join(
                part.get_payload(decode=True).decode()
                for part in message.walk()
                if part.get_content_type() == "text/plain"
            )
            found.append((message["To"], message["Subject"], text))
    return found


def wait_for_email(cluster, to, subject):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        for sent_to, sent_subject, text in emails(cluster.mail_dir):
            if to in sent_to and subject in sent_subject:
                return text
        time.sleep(0.2)
    raise AssertionError(
        f"no email to {to} about {subject!r} within {TIMEOUT} s; the worker said:\n"
        + cluster.log_tail("worker")
    )


class Cluster:
    def __init__(self, workdir, env):
        self.workdir, self.env = workdir, env
        self.mail_dir = workdir / "mail"
        self.processes = {}
        self.a = self.b = None
        self.ids = {}

    def run(self, *command):
        result = subprocess.run(
            command, cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def start(self, name, *command):
        with open(self.workdir / f"{name}.log", "wb") as log:
            self.processes[name] = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True
            )

    def log_tail(self, name):
        return (self.workdir / f"{name}.log").read_text()[-3000:]

    def wait_until_serving(self, name, base_url):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.processes[name].poll() is not None:
                break
            with contextlib.suppress(OSError):
                if Browser().open(f"{base_url}/healthz").status == 200:
                    return base_url
            time.sleep(0.2)
        raise AssertionError(f"{name} did not start:\n{self.log_tail(name)}")

    def stop(self):
        for process in self.processes.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def own_database_and_redis():
    """A database and a Redis db number of this run's own: named after the tests'
    database and the xdist worker, so parallel runs and workers never share one."""
    base = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    name = f"{base.path.lstrip('/')}_two_apps_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    redis_db = 1 + zlib.crc32(name.encode()) % 15
    return base, name, f"{REDIS_SERVER}/{redis_db}"


def maintenance(base, *statements):
    connection = psycopg2.connect(base._replace(path="/postgres").geturl())
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        connection.close()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    base, db_name, redis_url = own_database_and_redis()
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=3).flushdb()
    except redis.ConnectionError as error:
        pytest.fail(
            f"Redis is not reachable at {REDIS_SERVER} ({error}). These tests run two app "
            "servers sharing one Redis: start it (apt-get install redis-server).",
            pytrace=False,
        )
    drop = f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)'
    maintenance(base, drop, f'CREATE DATABASE "{db_name}"')

    workdir = tmp_path_factory.mktemp("two_app_servers")
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="peersupport.settings",
        DEBUG="0",
        SECRET_KEY="two-app-servers-test-only",
        ALLOWED_HOSTS=PUBLIC_HOST,
        DATABASE_URL=base._replace(path=f"/{db_name}").geturl(),
        REDIS_URL=redis_url,
        EMAIL_FILE_PATH=str(workdir / "mail"),
        STATIC_ROOT=str(workdir / "static"),
        REQUIRE_MFA_FOR_STAFF="0",
        PREMODERATION_FIRST_POSTS="0",
        RATE_LIMITS_ENABLED="1",
        SECURE_SSL_REDIRECT="0",
    )
    cluster = Cluster(workdir, env)
    cluster.mail_dir.mkdir()
    try:
        cluster.start("collectstatic", sys.executable, "-c", COLLECTSTATIC)
        cluster.run(sys.executable, "manage.py", "migrate", "--noinput")
        ports = {"a": free_port(), "b": free_port()}
        for name, port in ports.items():
            cluster.start(
                name,
                str(BIN / "gunicorn"),
                "peersupport.wsgi",
                f"--bind=127.0.0.1:{port}",
                "--workers=1",
                "--threads=2",
            )
        cluster.start(
            "worker",
            str(BIN / "celery"),
            "--app=peersupport",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=WARNING",
        )
        # While the servers and the worker start up.
        setup = cluster.run(sys.executable, "manage.py", "shell", "--no-imports", "-c", SETUP)
        cluster.ids = json.loads(setup)
        collected = cluster.processes.pop("collectstatic").wait(timeout=120)
        assert collected == 0, cluster.log_tail("collectstatic")
        cluster.a = cluster.wait_until_serving("a", f"http://127.0.0.1:{ports['a']}")
        cluster.b = cluster.wait_until_serving("b", f"http://127.0.0.1:{ports['b']}")
        yield cluster
    finally:
        cluster.stop()
        maintenance(base, drop)


def sign_up_on_one_server_and_confirm_the_email_on_the_other(cluster):
    browser = Browser()
    signed_up = browser.submit(
        f"{cluster.a}/accounts/signup/",
        {
            "username": "NewLark",
            "email": "lark@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "age_confirmed": "on",
            "accept_guidelines": "on",
        },
    )
    assert signed_up.status == 302, signed_up.text
    text = wait_for_email(cluster, "lark@example.com", "confirm your email address")
    confirm = re.search(r"/accounts/confirm-email/[^/\s]+/", text).group(0)

    confirmed = browser.submit(f"{cluster.b}{confirm}", {})
    assert confirmed.status == 302

    elsewhere = Browser()
    assert elsewhere.sign_in(cluster.b, "NewLark").status == 302
    assert "NewLark" in elsewhere.open(f"{cluster.a}/settings/").text


def a_session_begun_on_one_server_is_good_on_the_other(cluster):
    browser = Browser()
    assert browser.sign_in(cluster.a, "GentleMoth").status == 302
    page = browser.open(f"{cluster.b}/settings/")
    assert page.status == 200 and "GentleMoth" in page.text


def a_reply_posted_on_one_server_is_read_on_the_other_and_emailed_by_the_worker(cluster):
    browser = Browser()
    browser.sign_in(cluster.b, "GentleMoth")
    thread = f"/threads/{cluster.ids['thread']}/"
    posted = browser.submit(
        f"{cluster.b}{thread}reply/",
        {"body": "Sending you a warm cup of tea."},
        form_url=f"{cluster.b}{thread}",
    )
    assert posted.status == 302
    assert "Sending you a warm cup of tea." in browser.open(f"{cluster.a}{thread}").text

    reply_id = posted.location.rpartition("#post-")[2]
    text = wait_for_email(cluster, cluster.ids["wren_email"], "Someone replied to you")
    assert f"/posts/{reply_id}/" in text and "warm cup of tea" not in text


def an_admin_edit_to_a_crisis_resource_shows_on_the_other_server_at_once(cluster):
    visitor = Browser()
    assert "Harbour Line" in visitor.open(f"{cluster.b}/").crisis_box()  # now cached

    admin = Browser()
    admin.sign_in(cluster.a, "KeeperOwl")
    change = f"{cluster.a}/admin/signposting/crisisresource/{cluster.ids['resource']}/change/"
    fields = FormFields.of(admin.open(change), "crisisresource_form")
    assert fields["name"] == "Harbour Line"
    saved = admin.open(change, {**fields, "name": "Harbour Line Evenings"})
    assert saved.status == 302, saved.text

    assert "Harbour Line Evenings" in visitor.open(f"{cluster.b}/").crisis_box()


def failed_sign_ins_on_both_servers_count_against_one_limit(cluster):
    attempts = [cluster.a, cluster.b, cluster.a, cluster.b, cluster.a]
    for server in attempts:  # five tries in five minutes is allauth's limit
        page = Browser().sign_in(server, "BraveFinch", password="not the password")
        assert page.status == 200 and "paused" not in page.text

    # Paused, the right password is refused too, in the words of a wrong one.
    refused = Browser().sign_in(cluster.b, "BraveFinch")
    assert refused.status == 200
    assert "we pause signing in to an account" in refused.text


def a_ban_decided_on_one_server_ends_the_session_on_the_other(cluster):
    member = Browser()
    assert member.sign_in(cluster.b, "QuietFern").status == 302
    assert member.open(f"{cluster.b}/settings/").status == 200

    moderator = Browser()
    moderator.sign_in(cluster.a, "CalmHeron")
    case = f"{cluster.a}/moderation/cases/{cluster.ids['case']}/"
    decided = moderator.submit(case, {"action": "ban", "reason": "repeated cruelty"})
    assert decided.status == 302

    signed_out = member.open(f"{cluster.b}/settings/")
    assert signed_out.status == 302 and signed_out.location.startswith("/accounts/login/")


JOURNEYS = [
    sign_up_on_one_server_and_confirm_the_email_on_the_other,
    a_session_begun_on_one_server_is_good_on_the_other,
    a_reply_posted_on_one_server_is_read_on_the_other_and_emailed_by_the_worker,
    an_admin_edit_to_a_crisis_resource_shows_on_the_other_server_at_once,
    failed_sign_ins_on_both_servers_count_against_one_limit,
    a_ban_decided_on_one_server_ends_the_session_on_the_other,
]


def test_the_key_journeys_work_whichever_server_answers(cluster):
    # One test, not one per journey, so the servers start once whatever pytest-xdist
    # does: split across workers, each would start its own pair.
    for journey in JOURNEYS:
        journey(cluster)
