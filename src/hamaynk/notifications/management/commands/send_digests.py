from django.core.management.base import BaseCommand

from hamaynk.notifications.services import send_digests


class Command(BaseCommand):
    help = "Send the daily digest email to everyone who chose it (run once a day, e.g. by cron)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"digests sent: {send_digests()}")
