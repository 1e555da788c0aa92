"""A member's copy of everything the forum holds about them ("Download my data").

What they are told is what they may know: a post's status in the words they see, the
reasons moderators gave them, the flags they made. Never staff notes, who else flagged,
the audit log's own records, or anything about another member beyond the pseudonyms of
those they chose to mute or whose profile they flagged (posts they saved for their care
team are their words alone, kept without names).
"""

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.db.models import Prefetch
from django.utils import timezone

from forum.models import (
    BoardFollow,
    CircleMembership,
    CircleRequest,
    Mute,
    Notification,
    Post,
    Reaction,
    Revision,
    Subscription,
)
from moderation.models import Appeal, Flag, Sanction, Shift, ShiftNote
from peersupport.carenotes.models import CareNote, SavedQuote

FORMAT_VERSION = 1


def _when(value):
    return value.isoformat() if value else None


def build_export(member):
    """The member's data as a JSON-ready dict. A fixed number of queries, however much
    they have written."""
    return {
        "format_version": FORMAT_VERSION,
        "exported_at": _when(timezone.now()),
        "profile": _profile(member),
        "posts": _posts(member),
        "reactions_given": [
            {"post": reaction.post_id, "reaction": reaction.get_kind_display(), **_at(reaction)}
            for reaction in Reaction.objects.filter(member=member).order_by("created_at")
        ],
        "threads_followed": [
            {"thread": follow.thread_id, "title": follow.thread.title, **_at(follow)}
            for follow in Subscription.objects.filter(member=member)
            .select_related("thread")
            .order_by("created_at")
        ],
        "boards_followed": [
            {"board": follow.board.name, **_at(follow)}
            for follow in BoardFollow.objects.filter(member=member)
            .select_related("board")
            .order_by("created_at")
        ],
        "circles": [
            {"circle": membership.circle.name, "joined_at": _when(membership.joined_at)}
            for membership in CircleMembership.objects.filter(member=member)
            .select_related("circle")
            .order_by("joined_at")
        ],
        "circle_requests": [
            {
                "circle": circle_request.circle.name,
                "status": circle_request.get_status_display(),
                "answered_at": _when(circle_request.decided_at),
                **_at(circle_request),
            }
            for circle_request in CircleRequest.objects.filter(member=member)
            .select_related("circle")
            .order_by("created_at")
        ],
        "flags_made": [
            {
                "post": flag.post_id,
                # The pseudonym they flagged: one every signed-in member can see.
                "profile": flag.member.username if flag.member else None,
                "reason": flag.get_reason_display(),
                "note": flag.note,
                "still_open": flag.is_open,
                **_at(flag),
            }
            for flag in Flag.objects.filter(flagger=member)
            .select_related("member")
            .order_by("created_at")
        ],
        "notifications": [
            {
                "kind": notification.get_kind_display(),
                "message": notification.message,
                "thread": notification.thread_id,
                "post": notification.post_id,
                "read_at": _when(notification.read_at),
                **_at(notification),
            }
            for notification in Notification.objects.filter(recipient=member).order_by("created_at")
        ],
        "sanctions": [
            {
                "kind": sanction.get_kind_display(),
                "reason": sanction.reason,
                "until": _when(sanction.until),
                **_at(sanction),
            }
            for sanction in Sanction.objects.filter(member=member).order_by("created_at")
        ],
        "appeals": _appeals(member),
        "notes_for_my_care_team": _care_notes(member),
        # A moderator's own rota, and when they left the safeguarding leads a note (empty
        # for everyone else). Not the notes' words: they are about members' cases, kept
        # for the leads, and a download is the easiest thing to take from a stolen login.
        "moderation_shifts": [
            {"start": _when(shift.start), "end": _when(shift.end), "note": shift.note}
            for shift in Shift.objects.filter(moderator=member).order_by("start")
        ],
        "end_of_shift_notes_written_at": [
            _when(note.created_at)
            for note in ShiftNote.objects.filter(author=member).order_by("created_at")
        ],
    }


def _at(row):
    return {"created_at": _when(row.created_at)}


def _profile(member):
    return {
        "pseudonym": member.username,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=member).order_by("pk")
        ],
        "member_since": _when(member.date_joined),
        "last_signed_in": _when(member.last_login),
        "bio": member.bio,
        "bio_waiting_for_a_moderator": member.pending_bio,
        "crisis_services_region": member.get_region_display(),
        "quiet_mode": member.quiet_mode,
        "quiet_mode_until": _when(member.quiet_mode_until),
        "welcome_back_after_days_away": member.welcome_back_after or "never",
        "last_seen_on": _when(member.last_seen_on),
        "away_before_this_visit_since": _when(member.away_since),
        "welcome_still_to_show": member.welcome_due,
        "low_stimulation": member.low_stimulation,
        "taking_a_break_until": _when(member.break_until),
        "email_me_about_replies": member.email_on_reply,
        "muted_words": member.muted_words.splitlines(),
        "content_warning_preferences": member.warning_preferences,
        "age_confirmed_at": _when(member.age_confirmed_at),
        "guidelines_accepted_at": _when(member.guidelines_accepted_at),
        "posting_suspended_until": _when(member.posting_suspended_until),
        "signed_in_on": [
            {
                "browser": session.user_agent,
                "ip_address": session.ip,
                "since": _when(session.created_at),
                "last_seen_at": _when(session.last_seen_at),
            }
            for session in UserSession.objects.filter(user=member).order_by("created_at")
        ],
        "members_muted": [
            {"pseudonym": mute.muted.username, "until": _when(mute.until), **_at(mute)}
            for mute in Mute.objects.filter(muter=member)
            .select_related("muted")
            .order_by("created_at")
        ],
    }


def _posts(member):
    posts = (
        Post.objects.filter(author=member)
        .select_related("thread__board")
        .prefetch_related(Prefetch("revisions", queryset=Revision.objects.order_by("created_at")))
        .order_by("created_at", "pk")
    )
    return [
        {
            "id": post.pk,
            "thread": post.thread_id,
            "thread_title": post.thread.title,
            "board": post.thread.board.name,
            "opens_the_thread": post.depth == 0,
            "replying_to_post": post.parent_id,
            "body_markdown": post.body,
            "content_warning": post.warning_label,
            "status": post.get_status_display(),
            "created_at": _when(post.created_at),
            "edited_at": _when(post.edited_at),
            "earlier_versions": [
                {
                    "body_markdown": revision.body,
                    "replaced_at": _when(revision.created_at),
                    "changed_by": "you" if revision.edited_by_id == member.pk else "a moderator",
                }
                for revision in post.revisions.all()
            ],
        }
        for post in posts
    ]


def _appeals(member):
    appeals = (
        Appeal.objects.filter(member=member)
        .select_related("decision", "case")
        .order_by("created_at")
    )
    return [
        {
            "decision": appeal.decision.get_action_display(),
            "decision_reason": appeal.decision.reason,
            "decided_at": _when(appeal.decision.created_at),
            "your_appeal": appeal.text,
            "outcome": appeal.case.decision_label or "Waiting for a moderator",
            **_at(appeal),
        }
        for appeal in appeals
    ]


def _care_notes(member):
    return {
        "notes": [
            {
                "what_happened": note.what_happened,
                "how_it_affected_me": note.how_it_affected_me,
                "what_i_would_like_help_with": note.help_wanted,
                "written_at": _when(note.created_at),
                "changed_at": _when(note.updated_at),
            }
            for note in CareNote.objects.of(member).order_by("created_at", "pk")
        ],
        "saved_posts": [
            {
                "text": quote.text,
                "post_written_at": _when(quote.written_at),
                "your_note": quote.comment,
                "saved_at": _when(quote.saved_at),
            }
            for quote in SavedQuote.objects.of(member).order_by("saved_at", "pk")
        ],
    }
