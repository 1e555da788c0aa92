"""The crisis resources a viewer sees, cached per region.

The cache is cleared whenever a resource is saved or deleted, so an admin's edit shows
on the very next page view everywhere.
"""

import logging

from django.core.cache.utils import make_template_fragment_key

from peersupport.caching import cached, forget

from .defaults import DEFAULT_RESOURCES, VERIFIED
from .directory import CrisisDirectory
from .models import CrisisResource
from .regions import Region, regions_shown_in

logger = logging.getLogger(__name__)
CACHE_TIMEOUT = 60 * 60


def _cache_key(region):
    return f"signposting:resources:{region}"


def resources_for(region):
    return cached(
        _cache_key(region),
        CACHE_TIMEOUT,
        lambda: list(CrisisResource.objects.for_region(region)),
    )


def emergency_words(region):
    """What to do when a life is at risk, for a member in `region`, in plain text."""
    return CrisisDirectory(resources_for(region)).emergency_words


def clear_resource_cache():
    forget(
        *[_cache_key(region) for region in Region.values],
        *[make_template_fragment_key("crisis_resources", [region]) for region in Region.values],
    )


def built_in_resources(region):
    """The shipped defaults, without touching the database."""
    shown = regions_shown_in(region)
    return sorted(
        (
            CrisisResource(**fields, last_verified=VERIFIED)
            for fields in DEFAULT_RESOURCES
            if fields["region"] in shown
        ),
        key=lambda resource: (resource.order, resource.name),
    )


def resources_or_built_in(region):
    """Help must show even when the database is down (the 500 page)."""
    try:
        return resources_for(region)
    # Whatever failed: a connection the server closed mid-request raises InterfaceError,
    # which is no DatabaseError, and a Redis cache that is down raises its own errors.
    except Exception:
        logger.exception("Crisis resources unavailable; showing the built-in defaults")
        return built_in_resources(region)
