"""What members did around the posts: supportive reactions, the threads and boards they
follow, and the reply notifications they were sent (with the product's own wording)."""

import datetime

from forum.models import (
    REPLY_IN_FOLLOWED_THREAD,
    REPLY_TO_YOU,
    BoardFollow,
    Notification,
    NotificationKind,
    PostStatus,
    Reaction,
    ReactionKind,
    Subscription,
)


def reactions_for(rng, posts, count, member_ids, now):
    """About `count` supportive reactions on published posts, never the writer's own,
    each (post, member, kind) once."""
    published = [post for post in posts if post.status == PostStatus.PUBLISHED]
    if not published:
        return []
    kinds = list(ReactionKind.values)
    seen = set()
    reactions = []
    for _ in range(count):
        post = rng.choice(published)
        member = rng.randrange(len(member_ids))
        key = (post.pk, member, rng.choice(kinds))
        if member == post.author or key in seen:
            continue
        seen.add(key)
        when = post.created_at + datetime.timedelta(minutes=rng.uniform(1, 3000))
        reactions.append(
            Reaction(
                post_id=post.pk,
                member_id=member_ids[member],
                kind=key[2],
                created_at=min(when, now),
            )
        )
    return reactions


def subscriptions_for(threads, member_ids):
    """Everyone who started or answered a thread follows it, as forum.services does."""
    subscriptions = []
    for thread in threads:
        followers = {}
        for post in thread.posts:
            followers.setdefault(post.author, post.created_at)
        subscriptions.extend(
            Subscription(thread_id=thread.pk, member_id=member_ids[member], created_at=when)
            for member, when in followers.items()
        )
    return subscriptions


def reply_notifications_for(rng, posts, member_ids, *, since, read_before):
    """Reply notifications for published replies since `since`: to the writer of the
    post answered and to the thread's writer (notify_reply also tells every follower;
    these two are enough for realistic volumes). Older ones have been read."""
    notifications = []
    for post in posts:
        if post.parent is None or post.status != PostStatus.PUBLISHED or post.created_at < since:
            continue
        recipients = {post.parent.author: REPLY_TO_YOU}
        recipients.setdefault(post.thread.author, REPLY_IN_FOLLOWED_THREAD)
        recipients.pop(post.author, None)
        for member, message in recipients.items():
            read_at = None
            if post.created_at < read_before:
                read_at = post.created_at + datetime.timedelta(hours=rng.uniform(0.2, 48))
            notifications.append(
                Notification(
                    recipient_id=member_ids[member],
                    kind=NotificationKind.REPLY,
                    thread_id=post.thread.pk,
                    post_id=post.pk,
                    message=message,
                    created_at=post.created_at,
                    read_at=read_at,
                )
            )
    return notifications


def board_follows_for(rng, boards, member_ids, now):
    """A tenth of the members follow one to three boards each."""
    follows = []
    for member_id in rng.sample(member_ids, len(member_ids) // 10):
        for board in rng.sample(boards, min(len(boards), rng.randint(1, 3))):
            when = now - datetime.timedelta(days=rng.uniform(0, 300))
            follows.append(BoardFollow(board=board, member_id=member_id, created_at=when))
    return follows
