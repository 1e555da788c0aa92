from django.core.management.base import BaseCommand

from forum.counters import synchronize_thread_counters


class Command(BaseCommand):
    help = "Rebuild the denormalised thread counters (reply counts, last activity)."

    def handle(self, *args, **options):
        corrected = synchronize_thread_counters()
        self.stdout.write(f"Corrected the counters of {corrected} thread(s).")
