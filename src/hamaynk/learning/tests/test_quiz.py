"""The quiz: taken by the enrolled person once the session has started, scored by points,
retaken until passed, its version frozen by the first answer; with attendance it completes
the learning."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import translation

from hamaynk.core.errors import DomainError
from hamaynk.learning.models import Certificate, Response
from hamaynk.learning.services.attendance import attendance_record
from hamaynk.learning.services.quiz import quiz_submit
from hamaynk.learning.tests.attendance_support import (
    DAYS,
    NOW,
    add_quiz,
    confirmed,
    three_day_session,
)
from hamaynk.notifications.models import Notification

pytestmark = pytest.mark.django_db
RIGHT = {"q1": "b", "q2": ["x", "y"], "comment": "Շնորհակալություն"}  # 4 of 4
HALF = {"q1": "b", "q2": ["x"]}  # 2 of 4


@pytest.fixture(autouse=True)
def _frozen_and_english():
    with time_machine.travel(NOW, tick=False), translation.override("en"):
        yield


@pytest.fixture
def session(world):
    session = three_day_session(world, days_required=1)
    add_quiz(session.opportunity, pass_mark=75)
    return session


def _attend(session, world, enrolment):
    return attendance_record(session=session, actor=world.secretariat, day=DAYS[0],
                             marks={enrolment.pk: "present"})


def test_below_the_pass_mark_the_attendance_alone_does_not_complete(world, session):
    (ann,) = confirmed(session, world)
    assert _attend(session, world, ann).certificates == []  # no quiz answered yet
    result = quiz_submit(enrolment=ann, actor=ann.person, answers=HALF)
    assert (result.response.score, result.passed, result.certificate) == (50, False, None)
    ann.refresh_from_db()
    assert ann.completed_at is None


def test_a_retake_above_the_pass_mark_completes_and_issues_the_certificate(world, session):
    (ann,) = confirmed(session, world)
    _attend(session, world, ann)
    quiz_submit(enrolment=ann, actor=ann.person, answers=HALF)
    result = quiz_submit(enrolment=ann, actor=ann.person, answers=RIGHT)
    assert (result.response.score, result.passed) == (100, True)
    assert result.certificate is not None and result.certificate.completed_on == DAYS[0]
    assert Response.objects.get(enrolment=ann).answers["q2"] == ["x", "y"]  # replaced
    assert Notification.objects.filter(recipient=ann.person,
                                       kind="learning.certificate.issued").count() == 1
    with pytest.raises(DomainError, match="You have passed this quiz."):
        quiz_submit(enrolment=ann, actor=ann.person, answers=RIGHT)


def test_a_passed_quiz_waits_for_the_attendance(world, session):
    (ann,) = confirmed(session, world)
    result = quiz_submit(enrolment=ann, actor=ann.person, answers=RIGHT)
    assert result.passed and result.certificate is None
    (certificate,) = _attend(session, world, ann).certificates
    assert Certificate.objects.get() == certificate


def test_only_the_enrolled_person_takes_the_quiz(world, session):
    (ann,) = confirmed(session, world)
    for person in (world.staff, world.head, world.secretariat, world.other_secretariat):
        with pytest.raises(PermissionDenied):
            quiz_submit(enrolment=ann, actor=person, answers=RIGHT)


def test_the_quiz_opens_when_the_session_starts(world, session):
    (ann,) = confirmed(session, world)
    with time_machine.travel(session.starts_at - datetime.timedelta(minutes=1), tick=False), \
            pytest.raises(DomainError, match="The quiz opens when the session starts"):
        quiz_submit(enrolment=ann, actor=ann.person, answers=RIGHT)


def test_a_waitlisted_person_does_not_take_the_quiz(world, session):
    (waiting,) = confirmed(session, world, status="waitlisted")
    with pytest.raises(DomainError, match="Only a confirmed enrolment"):
        quiz_submit(enrolment=waiting, actor=waiting.person, answers=RIGHT)


def test_the_first_answer_freezes_the_quiz_version(world, session):
    form = session.opportunity.forms.get()
    assert not form.frozen
    (ann,) = confirmed(session, world)
    quiz_submit(enrolment=ann, actor=ann.person, answers=HALF)
    form.refresh_from_db()
    assert form.frozen and Response.objects.get().form == form


def test_a_required_question_left_empty_is_refused_beside_it(world, session):
    (ann,) = confirmed(session, world)
    with pytest.raises(DomainError) as refused:
        quiz_submit(enrolment=ann, actor=ann.person, answers={"q2": ["x"]})
    assert refused.value.field == "q1"
    assert not Response.objects.exists()


def test_an_opportunity_without_a_quiz_refuses_answers(world):
    session = three_day_session(world)
    (ann,) = confirmed(session, world)
    with pytest.raises(DomainError, match="has no quiz"):
        quiz_submit(enrolment=ann, actor=ann.person, answers=RIGHT)


def test_a_quiz_without_a_pass_mark_is_passed_by_answering(world, session):
    opportunity = session.opportunity
    opportunity.pass_mark = None
    opportunity.save(update_fields=["pass_mark"])
    (ann,) = confirmed(session, world)
    _attend(session, world, ann)
    result = quiz_submit(enrolment=ann, actor=ann.person, answers={"q1": "a"})
    assert result.passed and result.certificate is not None
