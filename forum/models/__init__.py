"""The forum's models, one module per concept."""

from .boards import Board
from .circles import Circle, CircleMembership, CircleRequest, CircleRequestStatus
from .following import (
    PEER_SUPPORTER_REPLIED,
    REPLY_IN_FOLLOWED_THREAD,
    REPLY_TO_YOU,
    BoardFollow,
    Notification,
    NotificationKind,
    Subscription,
)
from .muting import Mute, MuteDuration
from .posts import (
    MAX_BODY_LENGTH,
    MAX_DISPLAY_DEPTH,
    PATH_SEGMENT_WIDTH,
    SEARCH_CONFIG,
    ContentWarning,
    Post,
    Revision,
)
from .reactions import Reaction, ReactionKind
from .threads import MAX_TITLE_LENGTH, Thread
from .visibility import PostStatus, thread_visible_q, visible_q

__all__ = [
    "MAX_BODY_LENGTH",
    "MAX_DISPLAY_DEPTH",
    "MAX_TITLE_LENGTH",
    "PATH_SEGMENT_WIDTH",
    "PEER_SUPPORTER_REPLIED",
    "REPLY_IN_FOLLOWED_THREAD",
    "REPLY_TO_YOU",
    "SEARCH_CONFIG",
    "Board",
    "BoardFollow",
    "Circle",
    "CircleMembership",
    "CircleRequest",
    "CircleRequestStatus",
    "ContentWarning",
    "Mute",
    "MuteDuration",
    "Notification",
    "NotificationKind",
    "Post",
    "PostStatus",
    "Reaction",
    "ReactionKind",
    "Revision",
    "Subscription",
    "Thread",
    "thread_visible_q",
    "visible_q",
]
