from django.core.management.base import BaseCommand

from peersupport.accounts.retention import apply_retention


class Command(BaseCommand):
    help = "Remove data past its keeping time (settings.RETENTION_DAYS). Run daily."

    def handle(self, *args, **options):
        for what, count in apply_retention():
            self.stdout.write(f"{what}: {count}")
