"""`manage.py scheduler`: the one process that runs the periodic commands (Procfile)."""

import logging
import signal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from hamaynk.core import scheduling


class Command(BaseCommand):
    help = ("Run the periodic commands (calls_tick, membership_daily, grants_daily, "
            "learning_daily, send_digests) at their times in the site's time zone. Start ONE per "
            "deployment, beside the web server and the worker; a second one skips what "
            "the first holds.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--list", action="store_true",
                            help="show the jobs, their triggers and next runs, and exit")
        parser.add_argument("--run", metavar="COMMAND", choices=sorted(scheduling.JOBS_BY_COMMAND),
                            help="run one job now (under its lease) and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        logging.getLogger("hamaynk.scheduler").setLevel(logging.INFO)
        if options["run"]:
            ran = scheduling.run_job(options["run"])
            self.stdout.write(f"{options['run']}: {'ran' if ran else 'skipped (lease held)'}")
            return
        scheduler = scheduling.build_scheduler()
        if options["list"]:
            now = timezone.now()
            for job in scheduler.get_jobs():
                next_run = job.trigger.get_next_fire_time(None, now)
                self.stdout.write(f"{job.id:<18} {job.trigger}  next: {next_run.isoformat()}")
            return
        signal.signal(signal.SIGTERM, lambda *_: scheduler.shutdown(wait=False))
        self.stdout.write(f"scheduler started ({scheduling.site_time_zone()}), "
                          f"{len(scheduler.get_jobs())} jobs; stop with Ctrl-C")
        try:
            scheduler.start()
        except KeyboardInterrupt:
            pass
        self.stdout.write("scheduler stopped")
