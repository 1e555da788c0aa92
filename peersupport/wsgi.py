import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peersupport.settings")
application = get_wsgi_application()

# Load the screening's model and word lists now rather than on a member's first post.
from moderation.screening.screen import load_everything  # noqa: E402

load_everything()
