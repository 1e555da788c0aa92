"""Production settings for scripts/resilience.py, with one change: static files are served
unhashed, because building the hashed and compressed set (collectstatic) takes about a
minute and has nothing to do with surviving a database restart."""

from peersupport.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
