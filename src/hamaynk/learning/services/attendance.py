"""Attendance, taken by the organiser (the network's secretariat) day by day: present, late or
absent for each confirmed enrolment of a session, on one of the session's days (in its own
zone) that has come. Marking a day again changes its marks. After the marks, each enrolment
marked is checked against the opportunity's completion rules (`completion.py`)."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit, counts
from hamaynk.core.errors import DomainError
from hamaynk.core.transitions import lock
from hamaynk.core.workflow import require
from hamaynk.learning.models import Attendance, Certificate, Enrolment, Session
from hamaynk.learning.services.completion import completion_check

MARKS = frozenset(Attendance.Mark.values)


@dataclass
class Recorded:
    """What a save of one day's attendance did."""

    day: datetime.date
    marked: int = 0
    changed: int = 0
    certificates: list[Certificate] = field(default_factory=list)


def session_today(session: Session) -> datetime.date:
    """Today as the session's own zone reads it."""
    return timezone.now().astimezone(session.zone).date()


def check_day(session: Session, day: datetime.date) -> None:
    """Refuse a day that is not one of the session's, or one still to come."""
    if day not in session.days():
        raise DomainError(_("%(day)s is not a day of this session.")
                          % {"day": date_format(day, "DATE_FORMAT")}, field="day")
    if day > session_today(session):
        raise DomainError(_("Attendance for %(day)s can be taken on that day or after it, "
                            "not before.") % {"day": date_format(day, "DATE_FORMAT")},
                          field="day")


def _confirmed(session: Session, ids: list[int]) -> dict[int, Enrolment]:
    enrolments = (Enrolment.objects.select_for_update(of=("self",))
                  .filter(session=session, pk__in=ids).select_related("person", "community"))
    found = {e.pk: e for e in enrolments}
    if len(found) != len(ids) or any(e.status != Enrolment.Status.CONFIRMED
                                     for e in found.values()):
        raise DomainError(_("Only the confirmed enrolments of this session can be marked. "
                            "Reload the page and mark again."))
    return found


def _save_marks(enrolments: dict[int, Enrolment], day: datetime.date,
                marks: Mapping[int, str], actor: User) -> int:
    """Create or change the day's rows; returns how many changed."""
    now = timezone.now()
    existing = {a.enrolment_id: a for a in Attendance.objects.filter(
        enrolment_id__in=list(enrolments), day=day)}
    new, changed = [], []
    for pk, mark in marks.items():
        row = existing.get(pk)
        if row is None:
            new.append(Attendance(enrolment_id=pk, day=day, mark=mark, recorded_by=actor,
                                  recorded_at=now))
        elif row.mark != mark:
            row.mark, row.recorded_by, row.recorded_at = mark, actor, now
            changed.append(row)
    Attendance.objects.bulk_create(new)
    Attendance.objects.bulk_update(changed, ["mark", "recorded_by", "recorded_at"])
    counts.changed(Attendance)  # bulk writes move no generation by themselves
    return len(new) + len(changed)


@transaction.atomic
def attendance_record(*, session: Session, actor: User, day: datetime.date,
                      marks: Mapping[int, str]) -> Recorded:
    """Mark the confirmed enrolments `marks` names ({enrolment id: present | late | absent})
    for one day of the session; then record the completions the marks bring (each with its
    certificate)."""
    require(actor, "learning.manage_catalogue", session)
    locked = lock(Session, session.pk, select_related=("opportunity__network",), of=("self",))
    check_day(locked, day)
    if not marks:
        raise DomainError(_("Mark at least one person."), field="marks")
    if any(mark not in MARKS for mark in marks.values()):
        raise DomainError(_("Choose present, late or absent."), field="marks")
    enrolments = _confirmed(locked, list(marks))
    recorded = Recorded(day=day, marked=len(marks))
    recorded.changed = _save_marks(enrolments, day, marks, actor)
    audit.record(action="learning.attendance.recorded", actor=actor, target=locked,
                 data={"day": day.isoformat(), "marked": recorded.marked,
                       "changed": recorded.changed,
                       "marks": {str(pk): mark for pk, mark in sorted(marks.items())}})
    for enrolment in enrolments.values():
        enrolment.session = locked
        certificate = completion_check(enrolment=enrolment, actor=actor, session=locked)
        if certificate is not None:
            recorded.certificates.append(certificate)
    return recorded
