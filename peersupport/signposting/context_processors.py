from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .directory import CrisisDirectory
from .regions import Region, clean_region
from .resources import resources_for

REGION_COOKIE = "crisis_region"


def viewer_region(request):
    """A member's preference, else the region a visitor picked, else UK-wide."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return clean_region(user.region)
    return clean_region(request.COOKIES.get(REGION_COOKIE))


def crisis_support(request):
    region = SimpleLazyObject(lambda: viewer_region(request))
    return {
        "crisis_region": region,
        "crisis_directory": SimpleLazyObject(lambda: CrisisDirectory(resources_for(str(region)))),
        "region_choices": Region.choices,
        "quick_exit_url": settings.QUICK_EXIT_URL,
        "site_contact_email": settings.CONTACT_EMAIL,
    }
