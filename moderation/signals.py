from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from peersupport.caching import forget, forget_site_version

from .availability import ROTA_CACHE_KEY
from .models import ModerationSettings, Shift, WatchedPhrase
from .models.site import SETTINGS_CACHE_KEY
from .screening.screen import forget_watched_phrases


# Cache invalidation only: a phrase an admin adds, changes or switches off must apply
# to the very next post.
@receiver(post_save, sender=WatchedPhrase)
@receiver(post_delete, sender=WatchedPhrase)
def watched_phrase_changed(**kwargs):
    forget_watched_phrases()


# A switch to "moderate everything" must hold the very next post, and new hours show in
# every page's crisis box.
@receiver(post_save, sender=ModerationSettings)
@receiver(post_delete, sender=ModerationSettings)
def moderation_settings_changed(**kwargs):
    forget(SETTINGS_CACHE_KEY)
    forget_site_version()


# The rota says who is here now on every page, visitors' cached pages included.
@receiver(post_save, sender=Shift)
@receiver(post_delete, sender=Shift)
def rota_changed(**kwargs):
    forget(ROTA_CACHE_KEY)
    forget_site_version()
