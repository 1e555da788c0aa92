"""Safeguarding leads see escalated and crisis cases, and are emailed about crisis
cases left waiting."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from moderation.alerts import alert_leads_about_waiting_crises
from moderation.models import Case, CaseReason
from moderation.services import open_case
from tests.factories import UserFactory, make_thread
from tests.moderation.case_helpers import in_group

pytestmark = pytest.mark.django_db

URL = "/moderation/escalated/"


def crisis_case(minutes_ago, body="I will end it all tonight"):
    author = UserFactory(username="HiddenWriter", email="hidden.writer@example.com")
    case = open_case(
        post=make_thread(author=author, body=body).opening_post,
        reasons=[CaseReason.CRISIS_LANGUAGE],
    )
    Case.objects.filter(pk=case.pk).update(
        opened_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    return case


@pytest.fixture
def lead():
    return in_group("Safeguarding leads", username="CalmLead", email="lead@example.com")


def test_only_leads_see_the_escalated_view(client, lead):
    assert client.get(URL)["Location"].startswith("/accounts/login/")
    for other in (UserFactory(), in_group("Moderators"), UserFactory(is_staff=True)):
        client.force_login(other)
        assert client.get(URL).status_code == 403
    client.force_login(lead)
    assert client.get(URL).status_code == 200


def test_escalated_and_crisis_cases_oldest_first_with_long_waits_highlighted(client, lead):
    fresh = crisis_case(minutes_ago=2)
    waiting = crisis_case(minutes_ago=25)
    escalated = open_case(post=make_thread().opening_post, reasons=[CaseReason.FLAGGED])
    Case.objects.filter(pk=escalated.pk).update(
        is_escalated=True, opened_at=timezone.now() - datetime.timedelta(hours=2)
    )
    ordinary = open_case(post=make_thread().opening_post, reasons=[CaseReason.FLAGGED])
    client.force_login(lead)

    response = client.get(URL)
    page = response.content.decode()
    assert [case.pk for case in response.context["cases"]] == [escalated.pk, waiting.pk, fresh.pk]
    assert f'data-case-id="{ordinary.pk}"' not in page
    assert page.count("waiting over 10 minutes") == 1
    waiting_entry = page[page.index(f'data-case-id="{waiting.pk}"') :]
    assert waiting_entry.index("waiting over 10 minutes") < waiting_entry.index("</li>")


@override_settings(SITE_URL="https://peersupport.example")
def test_the_minutes_run_alerts_every_active_lead_once_about_a_crisis_case(lead):
    second_lead = in_group("Safeguarding leads", email="lead2@example.com")
    in_group("Safeguarding leads", email="gone@example.com", is_active=False)
    in_group("Moderators", email="mod@example.com")
    waiting = crisis_case(minutes_ago=11)

    output = io.StringIO()
    call_command("alert_safeguarding_leads", stdout=output)
    assert "Leads alerted about 1 case(s)." in output.getvalue()

    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [lead.email, second_lead.email]
    )
    for message in mail.outbox:
        assert f"https://peersupport.example/moderation/cases/{waiting.pk}/" in message.body
        assert "end it all" not in message.body + message.subject
        assert "HiddenWriter" not in message.body + message.subject
        assert "hidden.writer" not in message.body
    waiting.refresh_from_db()
    assert waiting.leads_alerted_at is not None

    mail.outbox.clear()
    assert alert_leads_about_waiting_crises() == 0
    assert mail.outbox == []


def test_decided_cases_are_not_alerted(lead):
    case = crisis_case(minutes_ago=30)
    Case.objects.filter(pk=case.pk).update(status="decided")
    assert alert_leads_about_waiting_crises() == 0
    assert mail.outbox == []
