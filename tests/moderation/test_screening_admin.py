"""The watched phrases in the admin and its "Try the screening" page."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from moderation.models import ActionKind, ModerationAction, WatchedPhrase
from moderation.screening.screen import screen_text
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TRY_URL = "/admin/moderation/watchedphrase/try/"


def test_the_phrase_list_links_to_the_try_page(admin_client):
    response = admin_client.get("/admin/moderation/watchedphrase/?level__exact=crisis")
    content = response.content.decode()
    assert response.status_code == 200
    assert f'href="{TRY_URL}"' in content
    assert "want to die" in content
    assert "self harm" not in content  # a concern phrase, filtered out


def test_the_phrase_list_searches(admin_client):
    content = admin_client.get("/admin/moderation/watchedphrase/?q=robux").content.decode()
    assert "free robux" in content
    assert "want to die" not in content


@pytest.mark.parametrize(
    ("text", "outcome", "why"),
    [
        (
            "I'm going to kill myself tonight",
            "Held for a moderator with a top-priority crisis case",
            "Ending their life with a time <small>(suicide-soon)</small>",
        ),
        (
            "people keep telling me to kys",
            "the writer quotes bullying aimed at them, so it is never refused",
            "quoting abuse received",
        ),
        ("I feel hopeless", "Published, with a high-priority concern case", "hopeless"),
        ("free robux here", "Refused. The writer is asked to change it", "advertising"),
        ("text me on 07700 900123", "asked to remove it", "Phone number: 07700 900123"),
        ("this homework is killing me", "Published.", "None."),
    ],
)
def test_the_try_page_says_what_would_happen_and_why(admin_client, text, outcome, why):
    response = admin_client.post(TRY_URL, {"text": text})
    content = response.content.decode()
    assert response.status_code == 200
    assert outcome in content
    assert why in content


def test_the_try_page_saves_nothing(admin_client):
    admin_client.post(TRY_URL, {"text": "I want to die"})
    assert not ModerationAction.objects.exists()


def test_staff_moderators_with_view_permission_may_try(client):
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    moderator.user_permissions.add(Permission.objects.get(codename="view_watchedphrase"))
    client.force_login(moderator)
    assert client.get(TRY_URL).status_code == 200


def test_staff_without_the_permission_may_not(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(TRY_URL).status_code == 403


def test_members_and_visitors_are_sent_to_the_admin_sign_in(client, member):
    assert client.get(TRY_URL)["Location"].startswith("/admin/login/")
    client.force_login(member)
    assert client.get(TRY_URL)["Location"].startswith("/admin/login/")


def test_editing_a_phrase_in_the_admin_is_audited(admin_client):
    phrase = WatchedPhrase.objects.get(phrase="kill me")
    response = admin_client.post(
        f"/admin/moderation/watchedphrase/{phrase.pk}/change/",
        {
            "phrase": "kill me",
            "level": "concern",
            "exceptions": "will kill me",
            "reason": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert WatchedPhrase.objects.get(pk=phrase.pk).exceptions == "will kill me"
    assert ModerationAction.objects.filter(action=ActionKind.ADMIN_CHANGE).count() == 1


def test_a_phrase_added_or_switched_off_in_the_admin_applies_to_the_next_post(admin_client):
    words = "the grey kestrel feeling is back"
    assert screen_text(words).matches == []  # and the list of phrases is now cached
    response = admin_client.post(
        "/admin/moderation/watchedphrase/add/",
        {
            "phrase": "grey kestrel",
            "level": "crisis",
            "exceptions": "",
            "reason": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert [match.level for match in screen_text(words).matches] == ["crisis"]

    phrase = WatchedPhrase.objects.get(phrase="grey kestrel")
    admin_client.post(
        f"/admin/moderation/watchedphrase/{phrase.pk}/change/",
        {"phrase": "grey kestrel", "level": "crisis", "exceptions": "", "reason": ""},
    )
    assert screen_text(words).matches == []


def test_screening_reads_the_phrases_from_the_database_once_while_they_are_unchanged():
    screen_text("a first post")
    with CaptureQueriesContext(connection) as queries:
        screen_text("a second post")
    assert len(queries) == 0


def test_the_try_page_shows_what_a_modifier_set_aside(admin_client):
    content = admin_client.post(TRY_URL, {"text": "I used to want to die, years ago"}).content
    content = content.decode()
    assert "Published." in content
    set_aside = content[content.index("Set aside by a modifier") :]
    assert "Wishes not to be alive" in set_aside
    assert "the past" in set_aside


def test_an_admin_concept_word_works_in_the_rules(admin_client):
    before = admin_client.post(TRY_URL, {"text": "took 30 zopiclone"}).content.decode()
    assert "Has taken something or harmed themselves now" not in before
    WatchedPhrase.objects.create(phrase="zopiclone", concept="means")
    content = admin_client.post(TRY_URL, {"text": "took 30 zopiclone"}).content.decode()
    assert "Held for a moderator with a top-priority crisis case" in content
    assert "Has taken something or harmed themselves now" in content
