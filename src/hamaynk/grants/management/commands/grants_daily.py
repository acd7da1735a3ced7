from typing import Any

from django.core.management.base import BaseCommand

from hamaynk.grants.services import send_report_reminders


class Command(BaseCommand):
    help = "Daily: remind communities 7 days before a report is due, and when it is overdue."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"report reminders sent: {send_report_reminders()}")
