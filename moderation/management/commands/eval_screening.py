from django.core.management.base import BaseCommand

from moderation.screening import evaluation
from moderation.screening.personal_data import find_personal_data
from moderation.screening.screen import load_everything, screen_text


class Command(BaseCommand):
    help = (
        "Measure the screening on the labelled corpus: confusion matrix, recall and "
        "precision per label and category, every miss and false alarm with what fired, "
        "personal data, and time per post, on the development and frozen test splits."
    )

    def add_arguments(self, parser):
        parser.add_argument("--split", choices=["dev", "test"], action="append")
        parser.add_argument(
            "--summary", action="store_true", help="Only the targets, not every miss."
        )

    def handle(self, *args, split=None, summary=False, **options):
        load_everything()  # as an app server does when it starts: not timed as a post
        screen_text("warming up the caches")
        report, _ = evaluation.run(
            screen_text,
            find_personal_data,
            splits=split or ("dev", "test"),
            verbose=not summary,
        )
        self.stdout.write(report)
