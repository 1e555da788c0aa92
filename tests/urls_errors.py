"""The site's URLs plus views that fail on purpose, to exercise the error pages."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from peersupport.urls import handler400, handler500, urlpatterns

__all__ = ["handler400", "handler500", "urlpatterns"]


def forbidden(request):
    raise PermissionDenied


def bad_request(request):
    raise SuspiciousOperation("a malformed request")


def broken(request):
    raise RuntimeError("something broke")


urlpatterns = [
    path("test-errors/403/", forbidden),
    path("test-errors/400/", bad_request),
    path("test-errors/500/", broken),
    *urlpatterns,
]
