"""The task queue: emails and digests leave the request and run in a Celery worker.

Start a worker with `celery -A peersupport worker` and the scheduler with
`celery -A peersupport beat` (docs/deploy.md). Without a broker (development, tests)
tasks run at once in the calling process.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peersupport.settings")

app = Celery("peersupport")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
