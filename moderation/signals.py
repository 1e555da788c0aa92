from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import WatchedPhrase
from .screening import forget_watched_phrases


# Cache invalidation only: a phrase an admin adds, changes or switches off must apply
# to the very next post.
@receiver(post_save, sender=WatchedPhrase)
@receiver(post_delete, sender=WatchedPhrase)
def watched_phrase_changed(**kwargs):
    forget_watched_phrases()
