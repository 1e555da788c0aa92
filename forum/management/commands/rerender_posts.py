from django.core.management import BaseCommand

from forum.services import rerender_all_posts


class Command(BaseCommand):
    help = "Re-render every post's stored HTML, after the Markdown or sanitising rules change."

    def handle(self, *args, **options):
        changed = rerender_all_posts()
        self.stdout.write(self.style.SUCCESS(f"Re-rendered posts: {changed} changed."))
