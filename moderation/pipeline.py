"""The one way a member's words become a post.

Every new thread, reply and edit passes here before anyone else can see it:
sanitise (forum's services render and clean the Markdown) → screen for risk and personal
data → decide visibility → store it through forum's services → open a case if needed.
Views call `submit_thread`, `submit_reply` or `submit_edit` with the writer's
`forum.drafts.Draft`, and act on the `Outcome`; all three run `_submit`.
"""

from dataclasses import dataclass, field

from django.db import transaction

from forum import services as forum_services
from forum.limits import REPLY, THREAD, posting_pause, take_posting_turn
from forum.models import PostStatus
from forum.notifications import notify_member

from . import notices
from .models import CaseReason, RiskLevel
from .screening.screen import screen_text
from .services.cases import open_case, open_crisis_case
from .visibility import OutcomeKind, decide, is_premoderated, is_staff


@dataclass
class Outcome:
    kind: str
    post: object = None
    thread: object = None
    reason: str = ""
    personal_data: list = field(default_factory=list)

    @property
    def saved(self):
        return self.post is not None


def _premoderated(author, board):
    """Pre-moderated boards, and every member `is_premoderated`, wait for a moderator."""
    return (board.is_premoderated and not is_staff(author)) or is_premoderated(author)


def _pause(author, kind, screening):
    """Flood control comes after safety: words that screen as crisis are always taken,
    held and answered with help, however much the writer has posted. Staff and
    moderators, like pre-moderation, are not limited. Takes the writer's turn first,
    for every post, so that counting and storing it are one step."""
    take_posting_turn(author)
    if screening.is_crisis or is_staff(author):
        return ""
    return posting_pause(author, kind)


def _not_saved(screening):
    if screening.level == RiskLevel.BLOCKED:
        return Outcome(
            OutcomeKind.REFUSED,
            reason=screening.blocked_reason
            or "It includes words we do not allow here. Please change them and try again.",
        )
    return Outcome(OutcomeKind.CHECK_PERSONAL_DATA, personal_data=screening.personal_data)


# The notice a writer keeps in their notifications when their post waits, most
# important reason first.
HELD_NOTICES = [
    (CaseReason.CRISIS_LANGUAGE, "held-crisis"),
    (CaseReason.PERSONAL_DATA, "held-personal-data"),
    (CaseReason.PREMODERATION, "held-premoderation"),
]


def held_notice(reasons):
    """The notice key for a held post's writer (HELD_NOTICES), or None."""
    return next((key for reason, key in HELD_NOTICES if reason in reasons), None)


def _open_case_and_tell_writer(post, reasons, screening):
    """Open the case for moderators and, when the post waits, tell its writer why in
    their notifications (the page they land on says it too, but that page is gone once
    they leave it)."""
    if not reasons:
        return
    opening = open_crisis_case if CaseReason.CRISIS_LANGUAGE in reasons else open_case
    opening(post=post, reasons=reasons, findings=screening.as_findings())
    if post.status != PostStatus.HELD:
        return
    key = held_notice(reasons)
    if key is not None:
        notify_member(recipient=post.author, message=notices.compose(key), post=post)


def _status(kind):
    return PostStatus.PUBLISHED if kind == OutcomeKind.PUBLISHED else PostStatus.HELD


def _submit(*, writer, board, draft, screened, flood_kind, store):
    """The path every thread, reply and edit takes: screen the words others will read
    (`screened`), take the writer's turn (new posts only: `flood_kind`), decide, then
    `store(kind, reasons)` and open a case. `store` returns the post and the outcome's
    kind, and may add to the reasons."""
    screening = screen_text(screened)
    if flood_kind:
        pause = _pause(writer, flood_kind, screening)
        if pause:
            return Outcome(OutcomeKind.PAUSED, reason=pause)
    decided = decide(
        screening, post_anyway=draft.post_anyway, premoderated=_premoderated(writer, board)
    )
    if decided is None:
        return _not_saved(screening)
    kind, reasons = decided
    post, kind = store(kind, reasons)
    _open_case_and_tell_writer(post, reasons, screening)
    return Outcome(kind, post=post, thread=post.thread)


@transaction.atomic
def submit_thread(*, author, board, draft):
    def store(kind, reasons):
        thread = forum_services.start_thread(
            author=author, board=board, draft=draft, status=_status(kind)
        )
        return thread.opening_post, kind

    return _submit(
        writer=author,
        board=board,
        draft=draft,
        screened=draft.words_shown(),
        flood_kind=THREAD,
        store=store,
    )


@transaction.atomic
def submit_reply(*, author, thread, parent, draft):
    def store(kind, reasons):
        post = forum_services.post_reply(
            author=author, thread=thread, parent=parent, draft=draft, status=_status(kind)
        )
        return post, kind

    return _submit(
        writer=author,
        board=thread.board,
        draft=draft,
        screened=draft.words_shown(title=""),
        flood_kind=REPLY,
        store=store,
    )


@transaction.atomic
def submit_edit(*, post, editor, draft):
    """An edit is screened again, approved or not: new crisis words or personal data
    hold the post for a moderator once more. Where a new post would wait for a moderator
    (a pre-moderated board, the writer's first posts), an edit waits too, post and new
    words together: what a moderator approved was the old words, and holding the post
    means no unread words ever show, through any page, search or email. The approved
    words stay as a revision. Edits take no posting turn."""

    def store(kind, reasons):
        edited = forum_services.edit_post(post=post, editor=editor, draft=draft)
        if kind != OutcomeKind.PUBLISHED and edited.status == PostStatus.PUBLISHED:
            edited = forum_services.set_post_status(post=edited, status=PostStatus.HELD)
        if edited.status == PostStatus.HIDDEN:
            reasons.append(CaseReason.EDITED)  # resubmitted after a moderator hid it
        if kind == OutcomeKind.PUBLISHED and edited.status != PostStatus.PUBLISHED:
            kind = OutcomeKind.HELD  # still waiting for a moderator
        return edited, kind

    return _submit(
        writer=editor,
        board=post.thread.board,
        draft=draft,
        screened=draft.words_shown(title=post.thread.title if post.depth == 0 else ""),
        flood_kind=None,
        store=store,
    )
