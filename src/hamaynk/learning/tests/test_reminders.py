"""The daily task: a reminder before the session to each confirmed person (once, not for the
waiting or cancelled ones), a feedback request after it where there is a questionnaire."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone, translation

from hamaynk.learning.models import Enrolment
from hamaynk.learning.services import forms as building
from hamaynk.learning.services import reminders
from hamaynk.notifications.models import Notification
from hamaynk.tests_support import EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def session(world):
    starts = timezone.now() + 20 * DAY
    return SessionFactory(opportunity__network=world.network, starts_at=starts,
                          ends_at=starts + datetime.timedelta(hours=6),
                          place_hy="Երևան", place_en="Yerevan",
                          online_url="https://meet.example.org/x", time_zone="Europe/Chisinau")


@pytest.fixture
def people(world, session):
    statuses = ["confirmed", "confirmed", "waitlisted", "cancelled", "requested"]
    return [EnrolmentFactory(session=session, community=world.akunk, status=status)
            for status in statuses]


def _kinds(kind):
    return sorted(n.recipient_id for n in Notification.objects.filter(kind=kind))


def test_the_reminder_goes_to_the_confirmed_two_days_before_once(session, people):
    confirmed = sorted(e.person_id for e in people if e.status == "confirmed")
    assert reminders.send_session_reminders(now=session.starts_at - 3 * DAY) == 0
    assert reminders.send_session_reminders(now=session.starts_at - 2 * DAY) == 2
    assert _kinds("learning.session.reminder") == confirmed
    assert reminders.send_session_reminders(now=session.starts_at - DAY) == 0  # once
    session.refresh_from_db()
    assert session.reminded_at == session.starts_at - 2 * DAY
    assert len(_kinds("learning.session.reminder")) == 2


def test_the_reminder_days_are_a_setting(settings, session, people):
    settings.LEARNING_REMINDER_DAYS = 5
    assert reminders.send_session_reminders(now=session.starts_at - 4 * DAY) == 2


def test_no_reminder_for_a_session_that_started_or_an_unpublished_opportunity(session, people):
    assert reminders.send_session_reminders(now=session.starts_at + DAY) == 0
    session.opportunity.status = "draft"
    session.opportunity.save()
    assert reminders.send_session_reminders(now=session.starts_at - DAY) == 0


def test_the_reminder_says_when_in_the_sessions_zone_where_and_the_ics(session, people):
    reminders.send_session_reminders(now=session.starts_at - DAY)
    enrolment = Enrolment.objects.filter(status="confirmed").first()
    body = render_to_string("learning/notifications/session_reminder_body.txt",
                            {"enrolment": enrolment, "ics": "https://site/ics"})
    local = timezone.localtime(session.starts_at, session.zone)
    assert "(Europe/Chisinau)" in body and f"{local:%H:%M}" in body
    assert "Place: Yerevan." in body and "https://meet.example.org/x" in body
    assert "https://site/ics" in body
    stored = Notification.objects.filter(kind="learning.session.reminder").first()
    assert stored.params["ics"].endswith(f"/learning/session/{session.pk}/calendar.ics")


def test_feedback_is_asked_once_after_the_end_where_there_is_a_questionnaire(world, session,
                                                                             people):
    after = session.ends_at + datetime.timedelta(hours=2)
    assert reminders.send_feedback_requests(now=after) == 0  # no questionnaire: nothing
    building.learning_form_question_save(
        opportunity=session.opportunity, purpose="feedback", actor=world.secretariat,
        section_key="questions", question={"key": "better", "type": "long_text",
                                           "label_hy": "Ի՞նչը բարելավել"})
    assert reminders.send_feedback_requests(now=session.ends_at - DAY) == 0  # not yet
    assert reminders.send_feedback_requests(now=after) == 2
    assert reminders.send_feedback_requests(now=after + DAY) == 0
    confirmed = sorted(e.person_id for e in people if e.status == "confirmed")
    assert _kinds("learning.session.feedback") == confirmed
    asked = Notification.objects.filter(kind="learning.session.feedback").first()
    assert asked.url.endswith("/feedback/")


def test_the_daily_command_runs_both(session, people):
    out = StringIO()
    call_command("learning_daily", stdout=out)
    assert "session reminders sent: 0" in out.getvalue()
    assert "feedback requests sent: 0" in out.getvalue()
