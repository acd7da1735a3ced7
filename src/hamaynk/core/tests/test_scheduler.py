"""The scheduler process: the five periodic commands, their times in Yerevan, one run per
moment across scheduler processes, and a log line per run."""

import datetime
import logging
from io import StringIO
from unittest import mock

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from django.core.management import call_command

from hamaynk.core import scheduling
from hamaynk.core.models import JobLease

YEREVAN = datetime.timezone(datetime.timedelta(hours=4))


def test_schedule_lists_the_five_periodic_commands_with_their_triggers():
    scheduler = scheduling.build_scheduler()

    triggers = {job.id: str(job.trigger) for job in scheduler.get_jobs()}

    assert triggers == {
        "calls_tick": "cron[minute='*/5']",
        "membership_daily": "cron[hour='6', minute='0']",
        "grants_daily": "cron[hour='6', minute='15']",
        "learning_daily": "cron[hour='6', minute='30']",
        "send_digests": "cron[hour='8', minute='0']",
    }
    assert {job.args for job in scheduler.get_jobs()} == {
        ("calls_tick",), ("membership_daily",), ("grants_daily",), ("learning_daily",),
        ("send_digests",)}


def test_daily_jobs_run_at_their_hour_in_the_site_time_zone(settings):
    settings.HAMAYNK_SCHEDULER_TIME_ZONE = "Asia/Yerevan"
    scheduler = BackgroundScheduler()
    scheduling.add_jobs(scheduler)
    job = next(job for job in scheduler.get_jobs() if job.id == "send_digests")
    # 04:30 UTC is 08:30 in Yerevan: the next digest goes at 08:00 Yerevan the next day.
    after = datetime.datetime(2031, 3, 10, 4, 30, tzinfo=datetime.UTC)

    next_run = job.trigger.get_next_fire_time(None, after)

    assert next_run == datetime.datetime(2031, 3, 11, 8, 0, tzinfo=YEREVAN)


@pytest.mark.django_db
def test_running_a_job_calls_its_command_and_logs_the_run(caplog):
    caplog.set_level(logging.INFO, logger="hamaynk.scheduler")

    assert scheduling.run_job("grants_daily", holder="test:1") is True

    messages = [record.getMessage() for record in caplog.records]
    assert messages[0] == "grants_daily started"
    assert messages[1].startswith("grants_daily done in ")
    assert messages[1].endswith(": report reminders sent: 0; closing reminders sent: 0")
    lease = JobLease.objects.get(name="grants_daily")
    assert (lease.holder, lease.outcome) == ("test:1", "done")
    assert lease.finished_at is not None


@pytest.mark.django_db
def test_a_second_scheduler_skips_a_job_the_first_holds(caplog):
    caplog.set_level(logging.INFO, logger="hamaynk.scheduler")
    with mock.patch.object(scheduling, "call_command") as command:
        assert scheduling.run_job("calls_tick", holder="first:1") is True
        assert scheduling.run_job("calls_tick", holder="second:2") is False

    command.assert_called_once_with("calls_tick", stdout=mock.ANY, stderr=mock.ANY)
    assert caplog.records[-1].getMessage() == (
        "calls_tick skipped: another scheduler holds its lease")
    assert JobLease.objects.get(name="calls_tick").holder == "first:1"


@pytest.mark.django_db
def test_a_lease_runs_out_so_the_next_period_runs_again(time_machine):
    time_machine.move_to(datetime.datetime(2031, 3, 10, 4, 0, tzinfo=datetime.UTC), tick=False)
    with mock.patch.object(scheduling, "call_command") as command:
        assert scheduling.run_job("calls_tick", holder="first:1")
        time_machine.shift(datetime.timedelta(minutes=5))
        assert scheduling.run_job("calls_tick", holder="second:2")

    assert command.call_count == 2


@pytest.mark.django_db
def test_a_failing_job_is_logged_and_recorded(caplog):
    caplog.set_level(logging.INFO, logger="hamaynk.scheduler")
    with mock.patch.object(scheduling, "call_command", side_effect=RuntimeError("smtp down")):
        assert scheduling.run_job("send_digests", holder="test:1") is True

    failed = caplog.records[-1]
    assert failed.levelno == logging.ERROR
    assert failed.getMessage().startswith("send_digests failed after ")
    assert JobLease.objects.get(name="send_digests").outcome == "failed"


@pytest.mark.django_db
def test_scheduler_command_lists_the_jobs_and_their_next_runs():
    out = StringIO()
    call_command("scheduler", "--list", stdout=out)

    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines] == [
        "calls_tick", "membership_daily", "grants_daily", "learning_daily", "send_digests"]
    assert all("+04:00" in line for line in lines)
