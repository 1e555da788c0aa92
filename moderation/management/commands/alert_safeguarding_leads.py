from django.core.management.base import BaseCommand

from moderation.escalation import ALERT_AFTER, alert_leads_about_waiting_crises


class Command(BaseCommand):
    help = (
        f"Email the safeguarding leads about crisis cases open longer than {ALERT_AFTER}. "
        "Run it every minute (cron); each case is emailed about once."
    )

    def handle(self, *args, **options):
        alerted = alert_leads_about_waiting_crises()
        self.stdout.write(f"Leads alerted about {alerted} case(s).")
