"""Every decision a moderator can take on a case, in one table (DECISION_KINDS): what it
does to a post or to a profile, the decision form's heading and fields for it, and the
notice the member is sent (moderation.notices): its template (the action's own, or
one for a bio or a writer in crisis) and what the member may do next. Its name in the
audit log is the action's label.

Each handler runs inside `decide_case`'s transaction and returns (before, after, the
member to tell, or None): the audit row's two halves and who hears of it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from forum import services as forum_services
from forum.drafts import Draft
from forum.models import PostStatus

from ..models import ActionKind
from .claims import DecisionRefused
from .profiles import approve_bio, hide_bio
from .sanctions import ban_member, suspend_member, warn_member

ASK_AGAIN = "If you think this is wrong, you can ask the moderators to look at it again."


@dataclass(frozen=True)
class DecisionKind:
    action: ActionKind
    # The decision form's heading it sits under, and the fields it needs there.
    group: str
    # What it does to a case's post, or to the member a profile case is about; None
    # where it makes no sense.
    on_post: Callable | None = None
    on_profile: Callable | None = None
    fields: tuple = ()
    # After the notice: what the member can do next.
    next_steps: str = ""
    # The notice's template where the action's own would not fit: a bio's words, and,
    # for hiding the post of someone who may be in danger, words of care rather than
    # a sanction's, with no invitation to edit the post (so no next steps).
    notice_about_bio: str = ""
    notice_in_crisis: str = ""
    # A case that gathered a burst of posts takes it for every post in it.
    on_every_post: bool = False
    # Not a final decision: the case stays open for a safeguarding lead.
    escalates: bool = False

    @property
    def label(self):
        return self.action.label

    @property
    def for_posts(self):
        return self.on_post is not None or self.escalates

    @property
    def for_profiles(self):
        return self.on_profile is not None or self.escalates


def _check_not_deleted(post):
    # Deleting is the writer's choice; showing or hiding it again would undo that.
    if post.is_deleted:
        raise DecisionRefused(
            "The writer has deleted this post, so it can no longer be shown, hidden or "
            "edited. You can still lock or move the thread, or warn the writer."
        )


def _publish(post):
    _check_not_deleted(post)
    was = post.status
    forum_services.set_post_status(post=post, status=PostStatus.PUBLISHED)
    return was


def _approve(*, post, **_):
    was = _publish(post)
    # The writer hears only when their post was waiting or hidden; a flag on a
    # published post never reaches its author.
    told = post.author if was in (PostStatus.HELD, PostStatus.HIDDEN) else None
    return {"status": was}, {"status": PostStatus.PUBLISHED}, told


def _hide(*, post, **_):
    _check_not_deleted(post)
    was = post.status
    forum_services.set_post_status(post=post, status=PostStatus.HIDDEN)
    return {"status": was}, {"status": PostStatus.HIDDEN}, post.author


def _edit(*, post, moderator, body, **_):
    _check_not_deleted(post)
    before = {"status": post.status, "body": post.body}
    draft = Draft(
        body=body,
        content_warning=post.content_warning,
        content_warning_text=post.content_warning_text,
    )
    forum_services.edit_post(post=post, editor=moderator, draft=draft)
    _publish(post)
    return before, {"status": PostStatus.PUBLISHED, "body": body}, post.author


def _add_warning(*, post, content_warning, content_warning_text="", **_):
    before = {
        "status": post.status,
        "content_warning": post.content_warning,
        "content_warning_text": post.content_warning_text,
    }
    forum_services.set_content_warning(
        post=post, content_warning=content_warning, content_warning_text=content_warning_text
    )
    _publish(post)
    after = {
        "status": PostStatus.PUBLISHED,
        "content_warning": post.content_warning,
        "content_warning_text": post.content_warning_text,
    }
    return before, after, post.author


def _lock(*, post, **_):
    if post.thread.is_locked:
        raise DecisionRefused("This thread is already locked, so nothing was changed.")
    forum_services.lock_thread(thread=post.thread)
    return {"is_locked": False}, {"is_locked": True}, post.thread.author


def _move(*, post, board, **_):
    thread = post.thread
    if thread.board_id == board.pk:
        raise DecisionRefused(f"The thread is already in “{board.name}”, so nothing was changed.")
    before = {"board": thread.board.slug}
    forum_services.move_thread(thread=thread, board=board)
    return before, {"board": board.slug}, thread.author


def _check_member(member):
    if member is None:
        raise DecisionRefused("The writer has left, so there is nobody to sanction.")
    return member


def _warn(*, member, moderator, reason, case, **_):
    member = _check_member(member)
    before, after = warn_member(member=member, moderator=moderator, reason=reason, case=case)
    return before, after, member


def _suspend(*, member, moderator, reason, case, until, **_):
    member = _check_member(member)
    if until <= timezone.now():
        raise DecisionRefused("Please choose when the suspension ends: a time in the future.")
    before, after = suspend_member(
        member=member, moderator=moderator, reason=reason, case=case, until=until
    )
    return before, after, member


def _ban(*, member, moderator, reason, case, **_):
    member = _check_member(member)
    before, after = ban_member(member=member, moderator=moderator, reason=reason, case=case)
    return before, after, member


def _approve_bio(*, member, **_):
    before, after = approve_bio(member)
    # As with a post: the member hears only when their bio was waiting.
    return before, after, member if before["pending_bio"] else None


def _hide_bio(*, member, **_):
    before, after = hide_bio(member)
    return before, after, member


# In the order the decision form offers them.
DECISION_KINDS = {
    kind.action: kind
    for kind in [
        DecisionKind(
            ActionKind.APPROVE,
            "Keep",
            _approve,
            _approve_bio,
            notice_about_bio="bio-approve",
            on_every_post=True,
        ),
        DecisionKind(
            ActionKind.HIDE,
            "Hide",
            _hide,
            _hide_bio,
            next_steps="You can edit your post so it can be looked at again, or ask the "
            "moderators to look at this decision again.",
            notice_about_bio="bio-hide",
            notice_in_crisis="hide-crisis",
            on_every_post=True,
        ),
        DecisionKind(
            ActionKind.EDIT,
            "Change",
            _edit,
            fields=("body",),
            next_steps="You can edit your post again, or ask the moderators to look at "
            "this decision again.",
        ),
        DecisionKind(
            ActionKind.ADD_WARNING,
            "Change",
            _add_warning,
            fields=("content_warning", "content_warning_text"),
            next_steps="You can edit your post, or ask the moderators to look at this "
            "decision again.",
            on_every_post=True,
        ),
        DecisionKind(ActionKind.LOCK, "Change", _lock, next_steps=ASK_AGAIN),
        DecisionKind(ActionKind.MOVE, "Change", _move, fields=("board",)),
        DecisionKind(ActionKind.ESCALATE, "Escalate", escalates=True),
        DecisionKind(ActionKind.WARN, "Sanction the member", _warn, _warn, next_steps=ASK_AGAIN),
        DecisionKind(
            ActionKind.SUSPEND,
            "Sanction the member",
            _suspend,
            _suspend,
            fields=("days", "until"),
            next_steps=ASK_AGAIN,
        ),
        DecisionKind(ActionKind.BAN, "Sanction the member", _ban, _ban),
    ]
}
