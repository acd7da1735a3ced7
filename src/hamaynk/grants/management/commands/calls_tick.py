from typing import Any

from django.core.management.base import BaseCommand

from hamaynk.grants.services import calls_tick


class Command(BaseCommand):
    help = ("Open announced calls whose opening moment has come and close open calls whose "
            "closing moment has passed. Run every few minutes (cron); submissions check the "
            "closing moment themselves, to the second.")

    def handle(self, *args: Any, **options: Any) -> None:
        result = calls_tick()
        self.stdout.write(f"calls opened: {result['opened']}, closed: {result['closed']}")
