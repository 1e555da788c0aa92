"""Response headers that protect the reader, on every page the site serves."""

from django.conf import settings
from django.utils.cache import patch_cache_control


class NoStoreForSignedIn:
    """A page shown to a signed-in person is kept by no cache, the browser's included,
    so Back on a shared computer cannot show the next person what they read. It only
    ever adds to what a page asked for (a page asking for more keeps it): `private`
    replaces `public`, and `no-store` outweighs any age."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class PermissionsPolicy:
    """Denies every browser feature in PERMISSIONS_POLICY to every origin: a script
    injected into a page cannot reach the camera, microphone or location."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response
