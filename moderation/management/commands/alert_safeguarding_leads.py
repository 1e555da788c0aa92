import time

from django.core.management.base import BaseCommand

from moderation.alerts import alert_leads_about_waiting_crises


class Command(BaseCommand):
    help = (
        "Tell the safeguarding leads about crisis cases not yet alerted, and remind them "
        "once about those still open CRISIS_REMINDER_MINUTES after the alert. Run it every "
        "minute (cron, or --every 60); each case is alerted and reminded about once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="Keep running, once every SECONDS, until stopped (`make run` uses this).",
        )

    def handle(self, *args, every=None, **options):
        while True:
            told = alert_leads_about_waiting_crises()
            if every is None or told:
                self.stdout.write(f"Leads alerted about {told} case(s).")
            if every is None:
                return
            time.sleep(every)
