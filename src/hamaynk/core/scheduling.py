"""The periodic commands, run from one scheduler process (`manage.py scheduler`).

APScheduler 3 (BlockingScheduler, cron triggers) keeps the times; each trigger is in the
site's time zone (`HAMAYNK_SCHEDULER_TIME_ZONE`, Asia/Yerevan by default), so "06:00"
stays 06:00 in Yerevan. Before a job runs, its lease row (`core.JobLease`) is moved forward
by one conditional UPDATE: a second scheduler process started by mistake (two dynos, a
restart that overlaps) finds the lease held and skips the run. The lease is kept after the
run (a bit shorter than the job's period) so that a scheduler firing a few seconds later
does not run it again; a crashed run's lease simply expires.
"""

from __future__ import annotations

import datetime
import io
import logging
import os
import socket
import time
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, connections
from django.utils import timezone

from hamaynk.core.models import JobLease

logger = logging.getLogger("hamaynk.scheduler")


@dataclass(frozen=True)
class Job:
    command: str
    cron: dict[str, str]  # CronTrigger fields, in the site's time zone
    lease: datetime.timedelta  # shorter than the period between two runs
    about: str


JOBS: tuple[Job, ...] = (
    Job("calls_tick", {"minute": "*/5"}, datetime.timedelta(minutes=4),
        "open and close calls at their moments"),
    Job("membership_daily", {"hour": "6", "minute": "0"}, datetime.timedelta(hours=12),
        "LEDP reminders, suspension of overdue members"),
    Job("grants_daily", {"hour": "6", "minute": "15"}, datetime.timedelta(hours=12),
        "report reminders"),
    Job("learning_daily", {"hour": "6", "minute": "30"}, datetime.timedelta(hours=12),
        "session reminders, feedback requests"),
    Job("send_digests", {"hour": "8", "minute": "0"}, datetime.timedelta(hours=12),
        "the daily email digest"),
)
JOBS_BY_COMMAND = {job.command: job for job in JOBS}


def site_time_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(getattr(settings, "HAMAYNK_SCHEDULER_TIME_ZONE",
                                     settings.TIME_ZONE))


def holder_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def claim(job: Job, *, holder: str) -> bool:
    """Take the job's lease if no one holds it now; True if this process may run it."""
    now = timezone.now()
    try:
        JobLease.objects.get_or_create(name=job.command, defaults={"held_until": now})
    except IntegrityError:  # another scheduler made the row at the same moment
        pass
    taken = JobLease.objects.filter(name=job.command, held_until__lte=now).update(
        held_until=now + job.lease, holder=holder, started_at=now, finished_at=None,
        outcome="running")
    return taken == 1


def _finish(job: Job, outcome: str) -> None:
    JobLease.objects.filter(name=job.command).update(finished_at=timezone.now(),
                                                      outcome=outcome)


def _close_stale_connections() -> None:
    """Django's close_old_connections, sparing a connection inside a transaction (a test's,
    or a caller's): a long-lived process must not keep a connection the server dropped."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def run_job(command: str, *, holder: str | None = None) -> bool:
    """Run one periodic command under its lease, logging the run; False if skipped."""
    job = JOBS_BY_COMMAND[command]
    _close_stale_connections()
    try:
        if not claim(job, holder=holder or holder_name()):
            logger.info("%s skipped: another scheduler holds its lease", command)
            return False
        started = time.monotonic()
        logger.info("%s started", command)
        output = io.StringIO()
        try:
            call_command(command, stdout=output, stderr=output)
        except Exception:
            logger.exception("%s failed after %.1f s", command, time.monotonic() - started)
            _finish(job, "failed")
            return True
        _finish(job, "done")
        logger.info("%s done in %.1f s: %s", command, time.monotonic() - started,
                    output.getvalue().strip().replace("\n", "; "))
        return True
    finally:
        _close_stale_connections()


def add_jobs(scheduler: BaseScheduler, *, runner: Callable[[str], object] = run_job) -> None:
    tz = site_time_zone()
    for job in JOBS:
        scheduler.add_job(runner, CronTrigger(timezone=tz, **job.cron), args=[job.command],
                          id=job.command, name=job.command, replace_existing=True)


def build_scheduler() -> BlockingScheduler:
    """The scheduler process's scheduler: one run of a job at a time, a late run (the
    process was busy) within five minutes still runs, missed runs are run once."""
    scheduler = BlockingScheduler(
        timezone=site_time_zone(),
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300})
    add_jobs(scheduler)
    return scheduler
