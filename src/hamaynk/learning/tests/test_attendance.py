"""Attendance by the organiser, day by day, and the completion it records: N of M days, the
certificate issued once with the person told, never taken back by a correction."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import translation

from hamaynk.core.audit import AuditEntry
from hamaynk.core.errors import DomainError
from hamaynk.learning.models import Attendance, Certificate
from hamaynk.learning.services.attendance import attendance_record
from hamaynk.learning.tests.attendance_support import (
    DAYS,
    NOW,
    confirmed,
    three_day_session,
)
from hamaynk.notifications.models import Notification
from hamaynk.tests_support import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen_and_english():
    with time_machine.travel(NOW, tick=False), translation.override("en"):
        yield


def _mark(session, world, day, marks, actor=None):
    return attendance_record(session=session, actor=actor or world.secretariat, day=day,
                             marks={e.pk: mark for e, mark in marks.items()})


def test_the_organiser_marks_a_day_and_marking_it_again_changes_the_marks(world):
    session = three_day_session(world)
    ann, ben = confirmed(session, world, 2)
    first = _mark(session, world, DAYS[0], {ann: "present", ben: "absent"})
    assert (first.marked, first.changed) == (2, 2)
    again = _mark(session, world, DAYS[0], {ann: "late", ben: "absent"})
    assert (again.marked, again.changed) == (2, 1)
    marks = dict(Attendance.objects.filter(day=DAYS[0]).values_list("enrolment_id", "mark"))
    assert marks == {ann.pk: "late", ben.pk: "absent"}
    assert AuditEntry.objects.filter(action="learning.attendance.recorded").count() == 2


def test_attendance_is_refused_for_a_day_to_come(world):
    session = SessionFactory(opportunity__network=world.network,
                             starts_at=NOW - datetime.timedelta(hours=2),
                             ends_at=NOW + datetime.timedelta(days=1),
                             enrolment_deadline=NOW - datetime.timedelta(days=3))
    (ann,) = confirmed(session, world)
    tomorrow = session.days()[-1]
    with pytest.raises(DomainError, match="on that day or after it"):
        _mark(session, world, tomorrow, {ann: "present"})
    _mark(session, world, session.days()[0], {ann: "present"})  # today is fine


def test_attendance_is_refused_for_a_day_outside_the_session(world):
    session = three_day_session(world)
    (ann,) = confirmed(session, world)
    with pytest.raises(DomainError, match="is not a day of this session"):
        _mark(session, world, datetime.date(2027, 3, 7), {ann: "present"})
    assert not Attendance.objects.exists()


def test_a_waitlisted_enrolment_cannot_be_marked_and_nothing_is_half_written(world):
    session = three_day_session(world)
    (ann,) = confirmed(session, world)
    (waiting,) = confirmed(session, world, status="waitlisted")
    with pytest.raises(DomainError, match="Only the confirmed enrolments"):
        _mark(session, world, DAYS[0], {ann: "present", waiting: "present"})
    assert not Attendance.objects.exists()


def test_an_unknown_mark_or_an_enrolment_of_another_session_is_refused(world):
    session = three_day_session(world)
    (ann,) = confirmed(session, world)
    (elsewhere,) = confirmed(three_day_session(world), world)
    with pytest.raises(DomainError, match="Choose present, late or absent"):
        _mark(session, world, DAYS[0], {ann: "sleeping"})
    with pytest.raises(DomainError, match="Only the confirmed enrolments"):
        _mark(session, world, DAYS[0], {elsewhere: "present"})


def test_attendance_refused_for_another_networks_organiser_and_community_people(world):
    session = three_day_session(world)
    (ann,) = confirmed(session, world)
    for person in (world.other_secretariat, world.head, world.coach):
        with pytest.raises(PermissionDenied):
            _mark(session, world, DAYS[0], {ann: "present"}, actor=person)


def test_completion_with_two_of_three_days_issues_the_certificate_once(world):
    session = three_day_session(world, days_required=2, title_en="Green transition")
    ann, ben = confirmed(session, world, 2)
    assert _mark(session, world, DAYS[0], {ann: "present", ben: "present"}).certificates == []
    recorded = _mark(session, world, DAYS[1], {ann: "late", ben: "absent"})
    (certificate,) = recorded.certificates
    ann.refresh_from_db()
    assert ann.completed_at == NOW
    assert (certificate.person, certificate.name, certificate.completed_on) == (
        ann.person, ann.person.full_name, DAYS[1])
    assert (certificate.title_en, certificate.hours, certificate.community) == (
        "Green transition", 12, world.akunk)
    again = _mark(session, world, DAYS[2], {ann: "present", ben: "absent"})
    assert again.certificates == []
    assert Certificate.objects.filter(source_kind="learning.enrolment").count() == 1
    assert Notification.objects.filter(recipient=ann.person,
                                       kind="learning.certificate.issued").count() == 1
    assert not Notification.objects.filter(recipient=ben.person).exists()


def test_every_day_is_required_when_the_opportunity_says_none(world):
    session = three_day_session(world)
    (ann,) = confirmed(session, world)
    for day in DAYS[:2]:
        _mark(session, world, day, {ann: "present"})
    ann.refresh_from_db()
    assert ann.completed_at is None
    assert len(_mark(session, world, DAYS[2], {ann: "late"}).certificates) == 1


def test_a_later_correction_does_not_take_the_completion_back(world, client):
    session = three_day_session(world, days_required=1)
    (ann,) = confirmed(session, world)
    (certificate,) = _mark(session, world, DAYS[0], {ann: "present"}).certificates
    _mark(session, world, DAYS[0], {ann: "absent"})
    ann.refresh_from_db()
    certificate.refresh_from_db()
    assert ann.completed_at is not None and not certificate.is_revoked
    client.cookies["hamaynk_language"] = "en"
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "This certificate is genuine" in page and ann.person.full_name in page


def test_more_days_required_than_the_session_has_complete_with_all_its_days(world):
    session = three_day_session(world, days_required=5)
    (ann,) = confirmed(session, world)
    for day in DAYS:
        recorded = _mark(session, world, day, {ann: "present"})
    assert len(recorded.certificates) == 1


def test_the_organiser_is_asked_to_take_the_attendance_until_everyone_is_marked(world):
    from hamaynk.core.workqueue import work_queue

    def kinds(user):
        return {g.kind: g for g in work_queue(user=user).groups}

    session = three_day_session(world)
    ann, ben = confirmed(session, world, 2)
    group = kinds(world.secretariat)["learning-attendance"]
    assert group.count == 1 and group.counted and f"/session/{session.pk}/attendance/" in \
        group.items[0].url
    assert "learning-attendance" not in kinds(world.other_secretariat)
    _mark(session, world, DAYS[0], {ann: "present"})
    assert kinds(world.secretariat)["learning-attendance"].count == 1  # Ben is not marked
    _mark(session, world, DAYS[0], {ben: "absent"})
    assert "learning-attendance" not in kinds(world.secretariat)
