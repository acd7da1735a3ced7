"""The secretariat hears of each application that arrives; a community that started an
application hears 7 days and 1 day before the call closes (issue 14)."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from hamaynk.grants import services
from hamaynk.grants.models import Call
from hamaynk.grants.tests.conftest import fill
from hamaynk.notifications.models import Notification

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_the_secretariat_is_told_when_an_application_arrives(world, draft,
                                                            django_capture_on_commit_callbacks):
    application = fill(world, draft)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(application=application, actor=world.head,
                                    expected_version=None)
    notice = Notification.objects.get(kind="grants.application.received")
    assert notice.recipient == world.secretariat  # not the other network's secretariat
    assert notice.url == application.get_absolute_url()


def test_no_secretariat_notice_for_a_refused_submission(world, draft):
    with pytest.raises(Exception, match="not complete"):
        services.application_submit(application=draft, actor=world.head, expected_version=None)
    assert not Notification.objects.filter(kind="grants.application.received").exists()


def closes_in(call: Call, delta: datetime.timedelta) -> None:
    Call.objects.filter(pk=call.pk).update(opens_at=timezone.now() - 10 * DAY,
                                           closes_at=timezone.now() + delta)


def reminders():
    return list(Notification.objects.filter(kind="grants.call.closing")
                .values_list("recipient__email", flat=True))


def test_a_started_application_is_reminded_7_days_before_the_call_closes_once(world, draft):
    closes_in(draft.call, 6 * DAY + datetime.timedelta(hours=1))
    assert services.send_closing_reminders() == 1
    assert services.send_closing_reminders() == 0  # run again: nothing more
    assert reminders() == [world.head.email]  # the head, who may submit; not the staff


def test_the_one_day_reminder_follows_and_is_sent_once(world, draft):
    closes_in(draft.call, 6 * DAY + datetime.timedelta(hours=1))
    services.send_closing_reminders()
    later = timezone.now() + 5 * DAY + datetime.timedelta(hours=12)
    assert services.send_closing_reminders(now=later) == 1
    assert services.send_closing_reminders(now=later + datetime.timedelta(hours=6)) == 0
    assert len(reminders()) == 2


def test_a_first_run_within_the_last_day_sends_only_the_one_day_reminder(world, draft):
    closes_in(draft.call, datetime.timedelta(hours=20))
    assert services.send_closing_reminders() == 1
    assert services.send_closing_reminders(now=timezone.now() + datetime.timedelta(hours=1)) == 0
    assert len(reminders()) == 1


def test_no_reminder_too_early_after_submitting_or_after_closing(world, draft):
    closes_in(draft.call, 20 * DAY)
    assert services.send_closing_reminders() == 0
    assert services.send_closing_reminders(now=timezone.now() + 25 * DAY) == 0  # closed


def test_a_submitted_application_is_not_reminded(world, draft):
    application = fill(world, draft)
    services.application_submit(application=application, actor=world.head,
                                expected_version=None)
    closes_in(draft.call, 3 * DAY)
    assert services.send_closing_reminders() == 0


def test_days_are_counted_in_the_calls_time_zone(world, draft):
    """The call closes at 00:30 in Yerevan: at 23:00 the evening before (19:00 UTC) the
    call closes "tomorrow" there, a day ahead of the UTC calendar."""
    closing = datetime.datetime(2030, 5, 10, 0, 30, tzinfo=datetime.timezone(
        datetime.timedelta(hours=4)))
    Call.objects.filter(pk=draft.call.pk).update(opens_at=closing - 30 * DAY,
                                                 closes_at=closing)
    evening = closing - datetime.timedelta(hours=1, minutes=30)
    assert services.send_closing_reminders(now=evening) == 1
    notice = Notification.objects.get(kind="grants.call.closing")
    assert notice.params["days_left"] == 1


def test_grants_daily_sends_the_closing_reminders(world, draft):
    closes_in(draft.call, 2 * DAY)
    call_command("grants_daily")
    assert len(reminders()) == 1
