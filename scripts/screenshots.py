"""Pictures of the main pages for the README and docs/design.md (`make screenshots`).

Builds a throwaway SQLite database under var/screenshots/, fills it with `make run`'s
demo data (seed_demo: boards, accounts and the demo conversations), serves it with
`manage.py runserver` on a free local port, and lets Debian's Chromium (through
Playwright) photograph each page in light and dark mode at 1280 px wide and on a phone
in light mode. The PNGs go to docs/screenshots/.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

WORKDIR = ROOT / "var" / "screenshots"
OUTPUT = ROOT / "docs" / "screenshots"
DATABASE = WORKDIR / "db.sqlite3"
ENVIRONMENT = {
    **os.environ,
    "DATABASE_URL": f"sqlite:///{DATABASE}",
    "DEBUG": "1",
    "RATE_LIMITS_ENABLED": "0",
    "DJANGO_SETTINGS_MODULE": "peersupport.settings",
}
DESKTOP = {"viewport": {"width": 1280, "height": 1200}}
# A touch screen, not a narrow desktop window: phones see what phones see (no Shift hint).
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def manage(*args):
    return [sys.executable, str(ROOT / "manage.py"), *args]


def build_database():
    WORKDIR.mkdir(parents=True, exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    # Our own manage.py with fixed arguments: nothing here comes from outside.
    quiet = {"env": ENVIRONMENT, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run(manage("migrate", "--noinput"), **quiet)  # noqa: S603
    subprocess.run(manage("seed_demo"), **quiet)  # noqa: S603


def pages_and_sessions():
    """The pages to photograph, and a session cookie for each person who views them:
    signing in through Django directly spares the script the demo passwords."""
    os.environ.update(ENVIRONMENT)
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from forum.management.commands.seed_demo import CIRCLE
    from forum.management.demo_conversations import CRISIS_TITLE, FIRST_TITLE
    from forum.models import Circle, Thread
    from moderation.models import Case
    from peersupport.accounts.models import User

    def session(username):
        client = Client()
        client.force_login(User.objects.get(username=username))
        return client.cookies[settings.SESSION_COOKIE_NAME].value

    thread = Thread.objects.get(title=FIRST_TITLE)
    crisis = Thread.objects.select_related("author").get(title=CRISIS_TITLE).opening_post
    crisis_case = Case.objects.get(post=crisis)
    member, moderator = session("DemoMember"), session("DemoModerator")
    circle = Circle.objects.get(name=CIRCLE[0])
    pages = [
        ("home", "/", member),
        ("thread", f"/threads/{thread.pk}/", member),
        ("help", "/help/", None),
        # What a writer in crisis sees the moment their post is held.
        ("crisis-response", f"/posts/{crisis.pk}/waiting/", session(crisis.author.username)),
        ("moderation-queue", "/moderation/", moderator),
        ("moderation-case", f"/moderation/cases/{crisis_case.pk}/", moderator),
        ("welcome", "/welcome/", member),
        ("circle", f"/circles/{circle.pk}/", member),
        ("take-a-break", "/settings/break/", member),
        ("care-team-notes", "/settings/care-team/print/", member),
        ("waiting-for-a-reply", "/peer-support/waiting/", session("DemoPeer")),
        ("transparency", "/transparency/", None),
    ]
    return pages, settings.SESSION_COOKIE_NAME


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, server, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("The development server stopped before it was ready.")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our http URL)
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The development server did not answer at {url}.")


def photograph(base_url, pages, cookie_name):
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    looks = [("light", "light", DESKTOP), ("dark", "dark", DESKTOP), ("phone", "light", PHONE)]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path, session in pages:
            for look, scheme, device in looks:
                context = browser.new_context(
                    **device, color_scheme=scheme, reduced_motion="reduce"
                )
                if session:
                    context.add_cookies([{"name": cookie_name, "value": session, "url": base_url}])
                page = context.new_page()
                page.goto(base_url + path, wait_until="networkidle")
                target = OUTPUT / f"{name}-{look}.png"
                page.screenshot(path=target)
                print(f"  {target.relative_to(ROOT)}")
                context.close()
        browser.close()


def main():
    build_database()
    pages, cookie_name = pages_and_sessions()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603
        manage("runserver", "--noreload", f"127.0.0.1:{port}"),
        env=ENVIRONMENT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"{base_url}/healthz", server)
        print("Screenshots:")
        photograph(base_url, pages, cookie_name)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
