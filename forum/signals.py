from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .board_cache import forget_boards
from .models import Board


# Cache invalidation only: boards change only in the admin, so any save or delete must
# drop the cached list and the home page's fragment at once.
@receiver(post_save, sender=Board)
@receiver(post_delete, sender=Board)
def board_changed(**kwargs):
    forget_boards()
