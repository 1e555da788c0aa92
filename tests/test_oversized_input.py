"""A megabyte sent where a post, a note or a pseudonym belongs is turned down kindly and
at once: the form says how long it may be, nothing is stored, and neither the sanitiser
nor the screening ever reads it (they are the expensive steps, and the ones a flood of
text could tie up)."""

from unittest import mock

import pytest
from allauth.account.models import EmailAddress

from forum import rendering
from forum.models import Post, Revision, Thread
from moderation.models import Case, Flag
from moderation.screening import screen
from peersupport.accounts import pseudonyms
from peersupport.accounts.models import User
from tests.factories import BoardFactory, make_reply, make_thread
from tests.test_wording import assert_kind

pytestmark = pytest.mark.django_db

ONE_MEGABYTE = ("calm " * 210_000)[: 1024 * 1024]
# Far longer than any post, note or pseudonym the forms let through.
TOO_LONG = 100_000


@pytest.fixture
def never_read_by_the_expensive_steps():
    """Spies on the sanitiser and both halves of the screening; after the request, none
    of them may have been handed the megabyte."""
    spies = [
        mock.patch.object(rendering, "sanitise_html", wraps=rendering.sanitise_html),
        mock.patch.object(screen, "sentences", wraps=screen.sentences),
        mock.patch.object(screen, "find_personal_data", wraps=screen.find_personal_data),
    ]
    started = [spy.start() for spy in spies]
    yield
    for spy in spies:
        spy.stop()
    for spy in started:
        for call in spy.call_args_list:
            assert not any(len(arg) > TOO_LONG for arg in call.args if isinstance(arg, str))


@pytest.fixture
def stored():
    """What a refused request must leave as it was."""

    def counts():
        return [
            model.objects.count()
            for model in (Thread, Post, Revision, Flag, Case, User, EmailAddress)
        ]

    return counts


@pytest.fixture
def thread(member):
    return make_thread(board=BoardFactory(slug="feeling-low"), body="A kind first post")


def _refused_kindly(response, message):
    assert_kind(response, 200, message)
    assert 'id="crisis-support"' in response.content.decode()


@pytest.mark.usefixtures("never_read_by_the_expensive_steps")
@pytest.mark.parametrize(
    "url",
    ["/boards/feeling-low/new/", "/threads/{thread}/reply/", "/posts/{reply}/reply/"],
    ids=["new-thread", "reply-to-thread", "reply-to-post"],
)
def test_a_megabyte_post_is_refused_before_anything_reads_it(
    member_client, member, thread, stored, url
):
    reply = make_reply(thread, body="A kind reply")
    before = stored()
    response = member_client.post(
        url.format(thread=thread.pk, reply=reply.pk),
        {"title": "A long one", "body": ONE_MEGABYTE},
    )
    _refused_kindly(response, "longer than 10000 characters")
    assert stored() == before


@pytest.mark.usefixtures("never_read_by_the_expensive_steps")
def test_a_megabyte_edit_is_refused_before_anything_reads_it(member_client, member, stored):
    post = make_thread(author=member).opening_post
    before = stored()
    response = member_client.post(f"/posts/{post.pk}/edit/", {"body": ONE_MEGABYTE})
    _refused_kindly(response, "longer than 10000 characters")
    assert stored() == before
    post.refresh_from_db()
    assert post.body == "Opening words"


@pytest.mark.usefixtures("never_read_by_the_expensive_steps")
def test_a_megabyte_flag_note_is_refused(member_client, thread, stored):
    before = stored()
    response = member_client.post(
        f"/posts/{thread.opening_post.pk}/flag/", {"reason": "other", "note": ONE_MEGABYTE}
    )
    _refused_kindly(response, "Please keep your note under 1000 characters")
    assert stored() == before


@pytest.mark.usefixtures("never_read_by_the_expensive_steps")
def test_a_megabyte_pseudonym_is_refused(client, stored):
    before = stored()
    # The pseudonym rules are not run on it either (this helper is the reserved-words
    # rule's first step).
    with mock.patch.object(
        pseudonyms, "_letters_and_digits", wraps=pseudonyms._letters_and_digits
    ) as pseudonym_rules:
        response = client.post(
            "/accounts/signup/",
            {
                "username": ONE_MEGABYTE.replace(" ", "x"),
                "email": "gentle.fern@example.com",
                "password1": "a long calm password",
                "password2": "a long calm password",
                "age_confirmed": "on",
                "accept_guidelines": "on",
            },
        )
    _refused_kindly(response, "at most 30 characters")
    assert stored() == before
    pseudonym_rules.assert_not_called()


@pytest.mark.usefixtures("never_read_by_the_expensive_steps")
def test_more_than_the_framework_reads_gets_the_gentle_400_page(
    member_client, thread, stored, settings
):
    before = stored()
    response = member_client.post(
        f"/threads/{thread.pk}/reply/",
        {"body": "calm " * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 5 + 1)},
    )
    assert_kind(response, 400, "Please go back and try again")
    assert 'id="crisis-support"' in response.content.decode()
    assert stored() == before
