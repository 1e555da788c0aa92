"""What a member wrote, as the posting forms hand it on.

One value travels from the form through the moderation pipeline to forum's services,
so what a writer typed is never re-assembled from loose arguments along the way.
"""

from dataclasses import dataclass

from .models import ContentWarning


def kept_warning_text(content_warning, text):
    """A content warning's own words are kept only with "Other": every other warning
    has its label."""
    return text if content_warning == ContentWarning.OTHER else ""


@dataclass(frozen=True)
class Draft:
    body: str
    title: str = ""  # a new thread's; empty for replies and edits
    content_warning: str = ""
    content_warning_text: str = ""
    # Ticked after the screening found personal information: post it all the same,
    # for a moderator to read first.
    post_anyway: bool = False

    def __post_init__(self):
        text = kept_warning_text(self.content_warning, self.content_warning_text)
        object.__setattr__(self, "content_warning_text", text)

    def words_shown(self, title=None):
        """Everything others will read of it, for the screening: the title (`title`
        for an edit of a thread's opening post), the words of an "Other" warning, and
        the body."""
        title = self.title if title is None else title
        return "\n".join(part for part in (title, self.content_warning_text, self.body) if part)
