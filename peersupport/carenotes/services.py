"""Every change to a member's care-team notes. Nothing here is screened or seen by
moderators: the notes are private until the member prints or downloads them."""

import html
import re

from django.db import transaction
from django.utils.html import strip_tags

from peersupport.refusals import Refused

from .models import CareNote, SavedQuote
from .permissions import can_save_post


class NotSaved(Refused):
    pass


def plain_text(post):
    """A post's words without markup: the sanitised HTML's text, paragraphs kept apart."""
    text = html.unescape(strip_tags(post.body_html))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@transaction.atomic
def save_post_for_care_team(*, member, post):
    """Keep `post`'s words, as they are now, among `member`'s notes. Saving the same
    words twice keeps one copy. Returns (the saved quote, whether it is new)."""
    if not can_save_post(member, post):
        raise NotSaved("This post can't be saved to your notes.")
    text = plain_text(post)
    existing = SavedQuote.objects.of(member).filter(text=text).first()
    if existing:
        return existing, False
    quote = SavedQuote.objects.create(member=member, text=text, written_at=post.created_at)
    return quote, True


@transaction.atomic
def write_note(*, member, what_happened="", how_it_affected_me="", help_wanted=""):
    return CareNote.objects.create(
        member=member,
        what_happened=what_happened,
        how_it_affected_me=how_it_affected_me,
        help_wanted=help_wanted,
    )


@transaction.atomic
def change_note(*, note, what_happened="", how_it_affected_me="", help_wanted=""):
    note.what_happened = what_happened
    note.how_it_affected_me = how_it_affected_me
    note.help_wanted = help_wanted
    note.save()
    return note


@transaction.atomic
def change_quote_comment(*, quote, comment):
    quote.comment = comment
    quote.save(update_fields=["comment"])
    return quote


@transaction.atomic
def delete_note(*, note):
    note.delete()


@transaction.atomic
def delete_saved_quote(*, quote):
    quote.delete()
