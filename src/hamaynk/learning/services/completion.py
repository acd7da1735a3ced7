"""Completion: the moment an enrolment meets its opportunity's rules, recorded once, with the
certificate issued at the same moment.

The rules (`Opportunity.days_required`, `Opportunity.pass_mark`):

* days attended (present or late) ≥ the days required — every day of the session when the
  opportunity says none, and never more than the session has (a one-day run of a course that
  asks three days completes with its one day);
* where the opportunity has a quiz (a `LearningForm` of purpose quiz), the person's quiz
  score ≥ the pass mark (a quiz without a pass mark, or without points, is passed by
  answering it).

A completion is not undone by a later correction of attendance: the certificate stays, and
the organiser revokes it on its page if it was issued in error."""

import datetime

from django.utils import timezone

from hamaynk.accounts.models import User
from hamaynk.core.transitions import record_change
from hamaynk.learning.models import (
    Attendance,
    Certificate,
    Enrolment,
    LearningForm,
    Opportunity,
    Response,
    Session,
)
from hamaynk.learning.services.certificates import certificate_record

SOURCE_KIND = "learning.enrolment"


def days_needed(session: Session, opportunity: Opportunity) -> int:
    """The days of attendance that complete this session."""
    days = len(session.days())
    return min(opportunity.days_required or days, days)


def has_quiz(opportunity: Opportunity) -> bool:
    return LearningForm.objects.filter(opportunity=opportunity,
                                       purpose=LearningForm.Purpose.QUIZ).exists()


def quiz_passed(response: Response | None, opportunity: Opportunity) -> bool:
    if response is None:
        return False
    if response.score is None or opportunity.pass_mark is None:
        return True
    return response.score >= opportunity.pass_mark


def _attended(enrolment: Enrolment, session: Session) -> list[datetime.date]:
    return sorted(Attendance.objects.filter(
        enrolment=enrolment, day__in=session.days(), mark__in=Attendance.ATTENDED,
    ).values_list("day", flat=True))


def completion_check(*, enrolment: Enrolment, actor: User,
                     session: Session | None = None) -> Certificate | None:
    """Record the completion of a confirmed enrolment whose rules are met, and issue its
    certificate (the person is told); `None` when not (yet) met or already recorded. Runs in
    the caller's transaction, on an enrolment the caller has locked."""
    if enrolment.completed_at is not None or enrolment.status != Enrolment.Status.CONFIRMED:
        return None
    session = session or enrolment.session
    opportunity = session.opportunity
    attended = _attended(enrolment, session)
    if not attended or len(attended) < days_needed(session, opportunity):
        return None
    if has_quiz(opportunity):
        response = Response.objects.filter(enrolment=enrolment,
                                           purpose=LearningForm.Purpose.QUIZ).first()
        if not quiz_passed(response, opportunity):
            return None
    enrolment.completed_at = timezone.now()
    record_change(enrolment, actor=actor, action="learning.enrolment.completed",
                  fields=["completed_at"],
                  details={"days": [day.isoformat() for day in attended]})
    person = enrolment.person
    return certificate_record(
        network=opportunity.network, actor=actor, name=person.get_full_name(),
        title_hy=opportunity.title_hy, title_en=opportunity.title_en, hours=opportunity.hours,
        person=person, community=enrolment.community, completed_on=attended[-1],
        source_kind=SOURCE_KIND, source_id=enrolment.pk)
