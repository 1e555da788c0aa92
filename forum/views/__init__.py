"""The forum's views, one module per concept; urls.py uses them by name."""

from .community import mute_member, react, unmute_member
from .following import follow_board, follow_thread, mark_notifications_read, notifications
from .reading import board, home, post, search, thread
from .writing import close_thread, delete_post, edit_post, new_thread, reply

__all__ = [
    "board",
    "close_thread",
    "delete_post",
    "edit_post",
    "follow_board",
    "follow_thread",
    "home",
    "mark_notifications_read",
    "mute_member",
    "new_thread",
    "notifications",
    "post",
    "react",
    "reply",
    "search",
    "thread",
    "unmute_member",
]
