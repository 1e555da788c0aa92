"""Screen readers hear what happened (WCAG 4.1.3) and which field needs another look (3.3.1):
confirmations sit in a role="status" region, and every field with a problem is marked
aria-invalid and described by the text of its problem."""

from html.parser import HTMLParser

import pytest

from forum.models import Post
from moderation.models import Priority, RiskLevel, WatchedPhrase
from moderation.services import open_case
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread
from tests.moderation.case_helpers import make_moderator

VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """Every element's attributes, and the text inside each element that has an id or a
    role (enough to follow aria-describedby and read live regions)."""

    def __init__(self, html):
        super().__init__()
        self.elements, self.text_by_id, self.status_text = [], {}, []
        self._open = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in VOID:
            self._open.append((tag, attrs, []))

    def handle_endtag(self, tag):
        while self._open:
            open_tag, attrs, text = self._open.pop()
            joined = " ".join(" ".join(text).split())
            if attrs.get("id"):
                self.text_by_id[attrs["id"]] = joined
            if attrs.get("role") == "status" or attrs.get("aria-live") in {"polite", "assertive"}:
                self.status_text.append(joined)
            if self._open:
                self._open[-1][2].extend(text)
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._open:
            self._open[-1][2].append(data)

    def field(self, name):
        # By Django's own ids, so the crisis box's region picker is not the settings one.
        return [
            attrs
            for tag, attrs in self.elements
            if attrs.get("name") == name and attrs.get("id", "").startswith("id_")
        ]


def assert_problem_linked(response, name, problem):
    """The field is aria-invalid and its description includes the problem's text. A group
    of radios is described as a whole, on its fieldset (as Django renders it)."""
    page = Page(response.content.decode())

    def description(attrs):
        refs = attrs.get("aria-describedby", "").split()
        return " ".join(page.text_by_id.get(ref, "") for ref in refs)

    fields = page.field(name)
    assert fields, f"no field named {name}"
    for attrs in fields:
        assert attrs.get("aria-invalid") == "true", (name, attrs)
    if all(attrs.get("type") == "radio" for attrs in fields):
        fieldsets = [attrs for tag, attrs in page.elements if tag == "fieldset"]
        assert any(problem in description(attrs) for attrs in fieldsets), (name, problem)
    else:
        for attrs in fields:
            assert problem in description(attrs), (name, attrs.get("aria-describedby"))


def announced(response):
    return " ".join(Page(response.content.decode()).status_text)


@pytest.fixture
def thread(db):
    return make_thread(board=BoardFactory(slug="feeling-low"), title="A hard week")


@pytest.fixture
def moderator_client(client, db):
    client.force_login(make_moderator())
    return client


def test_sign_up_problems_are_linked_to_their_fields(client, db):
    response = client.post(
        "/accounts/signup/",
        {"username": "someone@example.com", "email": "", "password1": "", "password2": ""},
    )

    assert response.status_code == 200
    problems = response.context["form"].errors
    assert {"username", "email", "password1", "age_confirmed", "accept_guidelines"} <= set(problems)
    for name, messages in problems.items():
        if name != "__all__":
            assert_problem_linked(response, name, messages[0])


def test_an_empty_reply_is_linked_to_the_message_field(member_client, thread):
    response = member_client.post(f"/threads/{thread.pk}/reply/", {"body": ""})

    assert response.status_code == 200
    assert_problem_linked(response, "body", response.context["form"].errors["body"][0])


def test_new_thread_flag_and_settings_problems_are_linked(member_client, member, thread):
    response = member_client.post("/boards/feeling-low/new/", {"title": "", "body": ""})
    for name in ["title", "body"]:
        assert_problem_linked(response, name, response.context["form"].errors[name][0])

    response = member_client.post(f"/posts/{thread.opening_post.pk}/flag/", {"reason": ""})
    assert_problem_linked(response, "reason", response.context["form"].errors["reason"][0])

    response = member_client.post("/settings/", {"region": "the-moon", "bio": "x" * 300})
    for name in ["region", "bio"]:
        assert_problem_linked(response, name, response.context["form"].errors[name][0])


def test_case_decision_problems_are_linked_to_their_fields(moderator_client, thread):
    case = open_case(post=thread.opening_post, reasons=["flagged"], priority=Priority.LOW)

    response = moderator_client.post(f"/moderation/cases/{case.pk}/", {"action": "", "reason": ""})
    assert_problem_linked(response, "action", "Please choose a decision.")

    response = moderator_client.post(f"/moderation/cases/{case.pk}/", {"action": "hide"})
    assert_problem_linked(response, "reason", "Please give a reason: the member will read it.")


def test_posting_flagging_and_deciding_are_announced(member_client, moderator_client, thread):
    response = member_client.post(
        f"/threads/{thread.pk}/reply/", {"body": "Thinking of you."}, follow=True
    )
    assert response.redirect_chain
    assert announced(response).strip()

    other_post = make_reply(thread, author=UserFactory(), body="Words to flag")
    response = member_client.post(
        f"/posts/{other_post.pk}/flag/", {"reason": "spam", "note": ""}, follow=True
    )
    assert "A moderator will look at this" in announced(response)

    case = open_case(post=other_post, reasons=["flagged"], priority=Priority.LOW)
    response = moderator_client.post(
        f"/moderation/cases/{case.pk}/", {"action": "approve", "reason": ""}, follow=True
    )
    assert "Your decision is saved" in announced(response)


def test_held_for_review_is_announced(member_client, thread, settings):
    WatchedPhrase.objects.get_or_create(phrase="end it all tonight", level=RiskLevel.CRISIS)
    response = member_client.post(
        f"/threads/{thread.pk}/reply/", {"body": "I will end it all tonight."}, follow=True
    )
    assert "Thank you for telling us" in announced(response)

    settings.PREMODERATION_FIRST_POSTS = 5
    response = member_client.post(
        f"/threads/{thread.pk}/reply/", {"body": "Hello, I am new here."}, follow=True
    )
    assert Post.objects.filter(body="Hello, I am new here.", status="held").exists()
    assert "A moderator will read it before others see it" in announced(response)
