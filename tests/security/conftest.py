import pytest

from forum.services import ask_to_join, set_post_status
from moderation.audit import record
from moderation.models import ActionKind, FlagReason, StaffNote
from moderation.services import flag_post, open_case
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread
from tests.forum.circle_helpers import make_circle
from tests.moderation.case_helpers import make_moderator


@pytest.fixture
def world(db):
    """Something of everything, so each URL's ids point at real rows."""
    writer = UserFactory(username="WriterWren")
    board = BoardFactory(slug="feeling-low", name="Feeling low")
    thread = make_thread(author=writer, board=board, title="A hard week")
    post = make_reply(thread, author=writer, body="Some words")
    held = set_post_status(post=make_reply(thread, author=writer), status="held")
    case = open_case(post=held, reasons=["premoderation"])
    flag_post(flagger=UserFactory(), post=post, reason=FlagReason.SPAM, note="")
    decision = record(actor=None, action=ActionKind.HIDE, target=post, case=case, member=writer)
    moderator = make_moderator()
    StaffNote.objects.create(member=writer, author=moderator, text="A private note")
    circle = make_circle(members=[writer], moderator=moderator)
    member = UserFactory(username="PlainMember")
    return {
        "writer": writer,
        "board": board,
        "thread": thread,
        "post": post,
        "case": case,
        "decision": decision,
        "moderator": moderator,
        "member": member,
        "circle": circle,
        "circle_request": ask_to_join(member=member, circle=circle),
    }


@pytest.fixture
def moderator(db):
    return make_moderator()


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client
