from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from peersupport.caching import forget_site_version

from .models import CrisisResource
from .resources import clear_resource_cache


# Cache invalidation only: a signal catches every way a resource changes (admin, shell,
# bulk delete), which is what keeps the crisis box right on the very next page view.
@receiver(post_save, sender=CrisisResource)
@receiver(post_delete, sender=CrisisResource)
def crisis_resource_changed(**kwargs):
    clear_resource_cache()
    forget_site_version()
