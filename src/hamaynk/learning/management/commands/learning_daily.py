from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from hamaynk.learning.services.reminders import send_feedback_requests, send_session_reminders


class Command(BaseCommand):
    help = ("Daily: remind each confirmed person of their session some days before it starts; "
            "after a session ends, ask them for their feedback.")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        self.stdout.write(f"session reminders sent: {send_session_reminders(now=now)}")
        self.stdout.write(f"feedback requests sent: {send_feedback_requests(now=now)}")
