"""Members in quiet mode or low stimulation who asked for reply emails get one short
email saying how many new replies are waiting (none while they are on a break). Celery
beat runs the same work daily (docs/deploy.md); this command sends at once, for cron or
by hand."""

from django.core.management import BaseCommand

from forum.emails import send_notification_digests


class Command(BaseCommand):
    help = "Send each quiet or low-stimulation member who wants reply emails one daily summary."

    def handle(self, *args, **options):
        sent = send_notification_digests()
        self.stdout.write(f"Sent {sent} digest email{'s' if sent != 1 else ''}.")
