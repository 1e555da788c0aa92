"""A crisis post reaches a person: the on-call safeguarding leads are told at once
through the task queue, by every notifier the settings name, and reminded once if the
case is still open; a site with nobody to tell says so."""

import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.checks import run_checks
from django.utils import timezone

from moderation.alerts import alert_leads_about_waiting_crises
from moderation.models import Case, CaseReason
from tests.factories import BoardFactory, UserFactory
from tests.moderation.case_helpers import make_case, make_lead

pytestmark = pytest.mark.django_db

CRISIS_WORDS = "I want to end my life tonight."
SITE = "https://peersupport.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def board(db):
    return BoardFactory(slug="feeling-low", name="Feeling low")


def verified_lead(username, email, **kwargs):
    lead = make_lead(username=username, email=email, **kwargs)
    EmailAddress.objects.create(user=lead, email=email, verified=True, primary=True)
    return lead


def post_crisis_thread(client, board, capture):
    writer = UserFactory(username="HiddenWriter", email="hidden.writer@example.com")
    client.force_login(writer)
    with capture(execute=True):
        response = client.post(
            f"/boards/{board.slug}/new/", {"title": "Sorry", "body": CRISIS_WORDS}
        )
    assert response.status_code == 302
    return Case.objects.get()


def assert_only_the_link(message, case):
    assert f"{SITE}/moderation/cases/{case.pk}/" in message.body
    everything = message.subject + message.body
    for private in ("end my life", "HiddenWriter", "hidden.writer", "127.0.0.1:8000"):
        assert private not in everything


def test_a_crisis_post_alerts_the_on_call_lead_at_once(
    client, board, django_capture_on_commit_callbacks
):
    on_call = verified_lead("SteadyOak", "oak@example.com", on_call=True)
    verified_lead("OffDutyAsh", "ash@example.com")

    case = post_crisis_thread(client, board, django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [[on_call.email]]
    assert_only_the_link(mail.outbox[0], case)
    case.refresh_from_db()
    assert case.leads_alerted_at is not None


def test_with_nobody_on_call_every_lead_is_alerted(
    client, board, django_capture_on_commit_callbacks
):
    verified_lead("SteadyOak", "oak@example.com")
    verified_lead("SteadyAsh", "ash@example.com")
    make_lead(username="GoneElm", email="elm@example.com", is_active=False)

    post_crisis_thread(client, board, django_capture_on_commit_callbacks)

    assert sorted(message.to[0] for message in mail.outbox) == [
        "ash@example.com",
        "oak@example.com",
    ]


def test_every_lead_is_reminded_once_if_the_case_is_still_open(
    client, board, django_capture_on_commit_callbacks, settings
):
    settings.CRISIS_REMINDER_MINUTES = 15
    verified_lead("SteadyOak", "oak@example.com", on_call=True)
    verified_lead("SteadyAsh", "ash@example.com")
    case = post_crisis_thread(client, board, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    alerted = Case.objects.get().leads_alerted_at

    assert alert_leads_about_waiting_crises(now=alerted + datetime.timedelta(minutes=14)) == 0
    assert mail.outbox == []

    later = alerted + datetime.timedelta(minutes=16)
    assert alert_leads_about_waiting_crises(now=later) == 1
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ash@example.com",
        "oak@example.com",
    ]
    assert all("Still waiting" in message.subject for message in mail.outbox)
    assert_only_the_link(mail.outbox[0], case)

    mail.outbox.clear()
    assert alert_leads_about_waiting_crises(now=later + datetime.timedelta(hours=1)) == 0
    assert mail.outbox == []


def test_a_decided_case_is_not_reminded_about(client, board, django_capture_on_commit_callbacks):
    verified_lead("SteadyOak", "oak@example.com")
    case = post_crisis_thread(client, board, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    Case.objects.filter(pk=case.pk).update(status="decided")

    assert alert_leads_about_waiting_crises(now=timezone.now() + datetime.timedelta(hours=1)) == 0
    assert mail.outbox == []


def test_a_case_opened_before_any_lead_existed_is_alerted_by_the_minutes_run(
    client, board, django_capture_on_commit_callbacks
):
    case = post_crisis_thread(client, board, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    verified_lead("SteadyOak", "oak@example.com")

    assert alert_leads_about_waiting_crises() == 1
    assert [message.to for message in mail.outbox] == [["oak@example.com"]]
    assert_only_the_link(mail.outbox[0], case)


class _Hook(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        self.received.append((self.headers["Content-Type"], json.loads(self.rfile.read(length))))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook():
    _Hook.received = []
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", _Hook.received
    server.shutdown()
    server.server_close()


def test_a_webhook_named_in_the_settings_is_posted_to(
    client, board, django_capture_on_commit_callbacks, settings, webhook
):
    url, received = webhook
    settings.CRISIS_NOTIFIERS = [
        "moderation.notifiers.EmailNotifier",
        "moderation.notifiers.WebhookNotifier",
    ]
    settings.CRISIS_WEBHOOK_URL = url
    verified_lead("SteadyOak", "oak@example.com")

    case = post_crisis_thread(client, board, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    [(content_type, payload)] = received
    assert content_type == "application/json"
    link = f"{SITE}/moderation/cases/{case.pk}/"
    assert payload == {"text": f"A crisis case is waiting: case {case.pk}: {link}", "url": link}


def test_the_webhook_without_an_address_is_warned_about(settings):
    settings.CRISIS_NOTIFIERS = ["moderation.notifiers.WebhookNotifier"]
    settings.CRISIS_WEBHOOK_URL = ""
    assert "peersupport.W002" in [message.id for message in run_checks()]


def warnings_about_leads():
    return [message for message in run_checks() if message.id == "peersupport.W001"]


def test_the_system_check_warns_until_a_lead_has_a_verified_address():
    [warning] = warnings_about_leads()
    assert "No safeguarding lead exists" in warning.msg

    lead = make_lead(email="oak@example.com")
    EmailAddress.objects.create(user=lead, email=lead.email, verified=False, primary=True)
    [warning] = warnings_about_leads()
    assert "verified email" in warning.msg

    EmailAddress.objects.filter(user=lead).update(verified=True)
    assert warnings_about_leads() == []


def test_the_admin_shows_a_banner_while_nobody_would_be_alerted(client):
    client.force_login(UserFactory(username="SiteAdmin", is_staff=True, is_superuser=True))
    page = client.get("/admin/").content.decode()
    assert 'id="safeguarding-warning"' in page
    assert "No safeguarding lead exists" in page

    verified_lead("SteadyOak", "oak@example.com")
    assert 'id="safeguarding-warning"' not in client.get("/admin/").content.decode()


def test_superusers_see_the_leads_page(client):
    case = make_case(reasons=(CaseReason.CRISIS_LANGUAGE,), held=True)
    client.force_login(UserFactory(username="SiteAdmin", is_staff=True, is_superuser=True))
    page = client.get("/moderation/escalated/").content.decode()
    assert f'data-case-id="{case.pk}"' in page
    # No link to a case page they may not open, and a sentence on how they could.
    assert f'href="/moderation/cases/{case.pk}/"' not in page
    assert "join the Safeguarding leads group" in page
    client.force_login(make_lead())
    lead_page = client.get("/moderation/escalated/").content.decode()
    assert f'href="/moderation/cases/{case.pk}/"' in lead_page
    client.force_login(UserFactory(username="JustStaff", is_staff=True))
    assert client.get("/moderation/escalated/").status_code == 403
