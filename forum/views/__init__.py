"""The forum's views, one module per concept; urls.py uses them by name."""

from .circles import ask_to_join, circle, circles, leave_circle, withdraw_request
from .following import follow_board, follow_thread
from .muting import mute_member, unmute_member
from .notifications import mark_notifications_read, notifications
from .peer_support import waiting_for_first_reply
from .reactions import react
from .reading import board, home, post, search, thread
from .writing import close_thread, delete_post, edit_post, new_thread, reply

__all__ = [
    "ask_to_join",
    "board",
    "circle",
    "circles",
    "close_thread",
    "delete_post",
    "edit_post",
    "follow_board",
    "follow_thread",
    "home",
    "leave_circle",
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
    "waiting_for_first_reply",
    "withdraw_request",
]
