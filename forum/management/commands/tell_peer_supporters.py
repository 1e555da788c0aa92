"""Peer supporters are told, once per thread, about a first post that has waited an
hour for a reply. Celery beat runs the same work every ten minutes (docs/deploy.md);
this command does it at once, for cron or by hand."""

from django.core.management import BaseCommand

from forum.peer_support import tell_peer_supporters_about_waiting_threads


class Command(BaseCommand):
    help = (
        "Tell the peer supporters, once per thread, about first posts that have waited "
        "an hour for a reply. Run it every ten minutes or so (cron)."
    )

    def handle(self, *args, **options):
        told = tell_peer_supporters_about_waiting_threads()
        self.stdout.write(f"Peer supporters told about {told} thread(s).")
