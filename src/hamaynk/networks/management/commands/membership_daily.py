from typing import Any

from django.core.management.base import BaseCommand

from hamaynk.networks.services import send_plan_reminders, suspend_overdue_members


class Command(BaseCommand):
    help = ("Daily: remind members 30 and 7 days before their LEDP is due, and suspend those "
            "whose plan is overdue (each suspension is in the audit trail). Run from cron.")

    def handle(self, *args: Any, **options: Any) -> None:
        reminded = send_plan_reminders()
        suspended = suspend_overdue_members()
        self.stdout.write(f"reminders sent: {reminded}, members suspended: {suspended}")
