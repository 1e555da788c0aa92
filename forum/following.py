"""Following threads and boards: a member hears about new replies in what they follow
(forum/notifications.py). One transaction each, like forum's services."""

from django.db import transaction

from .models import BoardFollow, Subscription


def follow_thread(*, member, thread):
    # One INSERT that does nothing for a member already following: it runs on every
    # reply, where a lookup first would cost two more round trips.
    Subscription.objects.bulk_create(
        [Subscription(thread=thread, member=member)], ignore_conflicts=True
    )


@transaction.atomic
def unfollow_thread(*, member, thread):
    Subscription.objects.filter(thread=thread, member=member).delete()


@transaction.atomic
def follow_board(*, member, board):
    BoardFollow.objects.get_or_create(board=board, member=member)


@transaction.atomic
def unfollow_board(*, member, board):
    BoardFollow.objects.filter(board=board, member=member).delete()
