import json

from django.core.management.base import BaseCommand, CommandError

from moderation.verdicts import DAYS, labelled_examples


def positive(value):
    days = int(value)
    if days < 1:
        raise ValueError(value)
    return days


def write_examples(lines, days):
    count = 0
    for example in labelled_examples(days=days):
        lines.write(json.dumps(example, ensure_ascii=False) + "\n")
        count += 1
    return count


class Command(BaseCommand):
    help = (
        "Write the examples moderators labelled (their answers to “Was the screening "
        "right?”) as JSON Lines in the corpus format, pseudonymised: pseudonyms become "
        "[member] and personal information [removed]."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=positive,
            default=DAYS,
            help=f"Verdicts given in the last N days (default {DAYS}).",
        )
        parser.add_argument(
            "--output", metavar="PATH", help="Write to this file (default: standard output)."
        )

    def handle(self, *args, days, output, **options):
        if not output:
            write_examples(self.stdout, days)
            return
        try:
            with open(output, "w", encoding="utf-8") as lines:
                count = write_examples(lines, days)
        except OSError as problem:
            raise CommandError(f"Cannot write to {output}: {problem.strerror}.") from problem
        # On stderr, so that standard output holds only examples whichever way it runs.
        self.stderr.write(f"Wrote {count} example(s) to {output}.")
