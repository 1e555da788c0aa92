"""Every change to boards, threads and posts, one module per concept. One transaction
each.

These store what they are given: the moderation pipeline decides a new post's status
before calling them, so forum never imports moderation.
"""

from .circles import (
    ask_to_join,
    assign_circle_moderator,
    close_circle,
    close_circles_looked_after_by,
    create_circle,
    decline_request,
    leave_circle,
    open_circle,
    place_member,
    rename_circle,
    withdraw_request,
)
from .errors import CircleRefused, PostingRefused
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
    "CircleRefused",
    "PostingRefused",
    "ask_to_join",
    "assign_circle_moderator",
    "close_circle",
    "close_circles_looked_after_by",
    "close_thread",
    "create_circle",
    "decline_request",
    "delete_post",
    "edit_post",
    "leave_circle",
    "lock_thread",
    "move_thread",
    "mute_member",
    "open_circle",
    "path_segment",
    "place_member",
    "post_path",
    "post_reply",
    "rename_circle",
    "rerender_all_posts",
    "search_vector",
    "set_content_warning",
    "set_post_status",
    "start_thread",
    "toggle_reaction",
    "unmute_member",
    "withdraw_request",
]
