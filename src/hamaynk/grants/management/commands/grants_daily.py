from typing import Any

from django.core.management.base import BaseCommand

from hamaynk.grants.services import send_closing_reminders, send_report_reminders


class Command(BaseCommand):
    help = ("Daily: remind communities 7 days before a report is due, and when it is overdue; "
            "and 7 days and 1 day before a call they started an application to closes.")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"report reminders sent: {send_report_reminders()}")
        self.stdout.write(f"closing reminders sent: {send_closing_reminders()}")
