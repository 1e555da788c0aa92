"""Every change to boards, threads and posts, one module per concept. One transaction
each.

These store what they are given: the moderation pipeline decides a new post's status
before calling them, so forum never imports moderation.
"""

from .errors import PostingRefused
from .muting import mute_member, unmute_member
from .posting import (
    edit_post,
    path_segment,
    post_path,
    post_reply,
    rerender_all_posts,
    search_vector,
    start_thread,
)
from .reactions import toggle_reaction
from .statuses import (
    close_thread,
    delete_post,
    lock_thread,
    move_thread,
    set_content_warning,
    set_post_status,
)

__all__ = [
    "PostingRefused",
    "close_thread",
    "delete_post",
    "edit_post",
    "lock_thread",
    "move_thread",
    "mute_member",
    "path_segment",
    "post_path",
    "post_reply",
    "rerender_all_posts",
    "search_vector",
    "set_content_warning",
    "set_post_status",
    "start_thread",
    "toggle_reaction",
    "unmute_member",
]
