"""How one reader sees a page of posts: what they have folded away (muted members,
muted words), how content warnings show for them, and the reactions under each post.

Worked out once per page with a fixed number of queries, then attached to the posts
for the templates.
"""

import re
from dataclasses import dataclass, field

from django.db import models

from .models import Mute, PostStatus, Reaction, ReactionKind

MUTED_MEMBER = "Post from a muted member"
MUTED_WORD = "Post folded away: it contains a word you muted"
MUTED_TITLE = "Thread folded away: its title contains a word you muted"


class WarningDisplay(models.TextChoices):
    COLLAPSE = "collapse", "Fold them away behind the warning"
    HIDE = "hide", "Hide them, with a link to show one if I want to"
    SHOW = "show", "Show them openly, with the warning as a label"


def muted_ids(member):
    """The members `member` has muted, for now."""
    return set(Mute.objects.active().filter(muter=member).values_list("muted_id", flat=True))


def muted_words_pattern(muted_words):
    """One case-insensitive pattern matching any muted word or phrase as a whole word."""
    words = [line.strip() for line in muted_words.splitlines() if line.strip()]
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@dataclass
class ReaderChoices:
    user_id: int | None = None
    muted_author_ids: frozenset = frozenset()
    muted_words: re.Pattern | None = None
    warning_preferences: dict = field(default_factory=dict)
    revealed_post_id: int | None = None
    # Low stimulation hides every warned post, whatever the choice per kind of warning.
    hides_warned_posts: bool = False

    @classmethod
    def for_user(cls, user, revealed_post_id=None, muted_author_ids=None):
        """`user` may also be a forum.thread_pages.SharedReader: signed in, but nobody
        in particular (no pk), so owning no post and muting no one. `muted_author_ids`
        saves the query when the caller has them already."""
        if not user.is_authenticated:
            return cls(revealed_post_id=revealed_post_id)
        if muted_author_ids is None:
            muted_author_ids = muted_ids(user) if user.pk else ()
        return cls(
            user_id=user.pk,
            muted_author_ids=frozenset(muted_author_ids),
            muted_words=muted_words_pattern(user.muted_words),
            warning_preferences=user.warning_preferences or {},
            revealed_post_id=revealed_post_id,
            hides_warned_posts=user.low_stimulation,
        )

    def is_own(self, post):
        return self.user_id is not None and post.author_id == self.user_id

    def fold_reason(self, post):
        # A reader's own words are never folded away from them.
        if post.is_deleted or post.author_id is None or self.is_own(post):
            return ""
        if post.author_id in self.muted_author_ids:
            return MUTED_MEMBER
        if self.muted_words and self.muted_words.search(post.body):
            return MUTED_WORD
        return ""

    def warning_display(self, post):
        if not post.content_warning:
            return ""
        if post.pk == self.revealed_post_id:
            return WarningDisplay.SHOW
        if self.hides_warned_posts:
            chosen = WarningDisplay.HIDE
        else:
            chosen = self.warning_preferences.get(post.content_warning)
        if chosen not in WarningDisplay.values:
            return WarningDisplay.COLLAPSE
        if chosen == WarningDisplay.HIDE and self.is_own(post):
            return WarningDisplay.COLLAPSE
        return chosen


def has_muted_words(text, author_id, reader):
    """Whether `text`, written by `author_id`, holds a word `reader` muted. A reader's
    own words are never folded away from them."""
    if not reader.is_authenticated or author_id == reader.pk:
        return False
    pattern = muted_words_pattern(reader.muted_words)
    return pattern is not None and pattern.search(text) is not None


def title_folded(thread, reader):
    return has_muted_words(thread.title, thread.author_id, reader)


def shown_title(thread, reader):
    """A thread's title as `reader` sees it on any page: a neutral label when it holds a
    word they muted, so the word never shows, while the link still works."""
    return MUTED_TITLE if title_folded(thread, reader) else thread.title


LOW_STIMULATION_REACTIONS = [(ReactionKind.THANK_YOU, ReactionKind.THANK_YOU.label)]


@dataclass
class ReactionChoice:
    kind: str
    label: str
    count: int = 0
    pressed: bool = False
    names: list = field(default_factory=list)
    # The count as this viewer sees it: none in quiet mode or low stimulation.
    shown_count: int = 0


def reaction_choices(posts, viewer):
    """Per published post, its reactions as this viewer may see them: one query for any
    number of posts, and one more for the names when some of them are the viewer's."""
    published = [post for post in posts if post.status == PostStatus.PUBLISHED]
    low_stimulation = viewer.is_authenticated and viewer.low_stimulation
    quiet = viewer.is_authenticated and (viewer.quiet_mode or low_stimulation)
    # Low stimulation offers a single, quiet "Thank you" in place of the choice of four.
    kinds = LOW_STIMULATION_REACTIONS if low_stimulation else ReactionKind.choices
    choices = {
        post.pk: {kind: ReactionChoice(kind, label) for kind, label in kinds} for post in published
    }
    if not choices:
        return {}
    for post_id, kind, count, mine in Reaction.objects.counts_on(list(choices), viewer):
        if kind in choices[post_id]:
            choices[post_id][kind].count = count
            choices[post_id][kind].shown_count = 0 if quiet else count
            choices[post_id][kind].pressed = bool(mine)
    own_ids = [post.pk for post in published if viewer.pk and post.author_id == viewer.pk]
    if own_ids:
        for post_id, kind, username in Reaction.objects.names_on(own_ids):
            if kind in choices[post_id]:
                choices[post_id][kind].names.append(username)
    return {post_id: list(by_kind.values()) for post_id, by_kind in choices.items()}


def prepare_posts(posts, viewer, revealed_post_id=None, muted_author_ids=None):
    """Attach what the templates need to show each post to this viewer."""
    reader = ReaderChoices.for_user(viewer, revealed_post_id, muted_author_ids)
    reactions = reaction_choices(posts, viewer)
    on_page = {post.pk for post in posts}
    for post in posts:
        post.is_own = reader.is_own(post)
        # Shown too deep to indent further, or answering a post on another page: the
        # reader is told whom it answers.
        post.says_replying_to = post.depth > 1 and (
            post.is_flattened or post.parent_id not in on_page
        )
        post.fold_reason = reader.fold_reason(post)
        post.warning_display = reader.warning_display(post)
        post.reaction_choices = reactions.get(post.pk)
    return posts
