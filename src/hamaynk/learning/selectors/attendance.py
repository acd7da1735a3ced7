"""Attendance reads: a session's day sheet for its organiser (the confirmed people with their
mark of the day, who has completed, the day's count), and the quiz for the enrolled person."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404

from hamaynk.accounts.models import User
from hamaynk.core import fragments
from hamaynk.core.i18n import language_columns
from hamaynk.core.lookups import one
from hamaynk.core.pagination import paginate
from hamaynk.learning.models import (
    Attendance,
    Certificate,
    Enrolment,
    LearningForm,
    Response,
    Session,
)
from hamaynk.learning.services.attendance import session_today
from hamaynk.learning.services.completion import SOURCE_KIND, days_needed, has_quiz

E = Enrolment.Status
# what a row shows (the full rows of a person and a community are three times as many columns)
SHEET_FIELDS = ("updated_at", "session_id", "status", "completed_at", "version",
                "person__full_name", "person__email", "community__updated_at",
                *language_columns(via="community"))
SHEET_PAGE_SIZE = 60  # a room of people on one phone screen's scroll, one save


@dataclass
class Row:
    enrolment: Enrolment
    mark: str  # recorded for the day ("" when not yet)
    chosen: str  # what the radio buttons show: posted, filled in, or recorded


@dataclass
class Sheet:
    session: Session
    day: datetime.date
    days: list[datetime.date]
    today: datetime.date
    page_obj: Page
    rows: list[Row]
    confirmed: int
    marked: int
    completed: int
    needed: int
    has_quiz: bool

    @property
    def open(self) -> bool:
        """Whether the day has come (attendance can be taken)."""
        return self.day <= self.today


def pick_day(session: Session, text: Any) -> datetime.date:
    """The day asked for when it is one of the session's; else today when the session runs,
    else its last day once over, else its first."""
    days = session.days()
    try:
        asked = datetime.date.fromisoformat(str(text or ""))
    except ValueError:
        asked = None
    if asked in days:
        return asked  # type: ignore[return-value]
    today = session_today(session)
    if today in days:
        return today
    return days[-1] if today > days[-1] else days[0]


def sheet_rows(*, session: Session, day: datetime.date) -> Any:
    """The session's confirmed enrolments by name, each with its mark of the day and the code
    of its certificate (once completed)."""
    mark = Attendance.objects.filter(enrolment=OuterRef("pk"), day=day).values("mark")[:1]
    code = Certificate.objects.filter(source_kind=SOURCE_KIND,
                                      source_id=OuterRef("pk")).values("code")[:1]
    # the name read row by row for the order (a join would hash every user of the platform)
    name = User.objects.filter(pk=OuterRef("person_id")).values("full_name")[:1]
    return (Enrolment.objects.filter(session=session, status=E.CONFIRMED)
            .select_related("person", "community")
            .only(*SHEET_FIELDS)
            .annotate(day_mark=Subquery(mark), certificate_code=Subquery(code),
                      person_name=Subquery(name))
            .order_by("person_name", "pk"))


def _counts(session: Session, day: datetime.date) -> dict[str, int]:
    """Who holds a seat, who has completed, and who is marked on the day — the marks
    counted on their own, through the (enrolment, day) index, not joined to every row."""
    confirmed = Enrolment.objects.filter(session=session, status=E.CONFIRMED)
    counted = confirmed.aggregate(
        confirmed=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False)))
    counted["marked"] = Attendance.objects.filter(enrolment__in=confirmed, day=day).count()
    return counted


def sheet_version(sheet: Sheet) -> str:
    """The key of the sheet's cached rows: each enrolment (and its community), its mark of
    the day and the one shown, its certificate, the person's name, and whether the day is
    open."""
    return fragments.version(
        [row.enrolment for row in sheet.rows], related=("community",),
        also=[sheet.open, sheet.day, [(row.mark, row.chosen, row.enrolment.certificate_code,  # type: ignore[attr-defined]
                                       row.enrolment.person.get_full_name())
                                      for row in sheet.rows]])


def attendance_sheet(*, session: Session, user: Any, day: datetime.date, page: Any = None,
                     chosen: Mapping[int, str] | None = None, fill: str = "") -> Sheet:
    """The organiser's sheet of one day; `chosen` keeps what was posted, `fill` pre-sets the
    rows not yet marked (the "everyone present" shortcut: nothing is saved until Save)."""
    if not user.has_perm("learning.manage_catalogue", session):
        raise Http404
    # keys first: the page's keys sorted by name alone, then their rows with the people, the
    # communities and the day's marks (else every seat of a large session is joined first)
    page_obj = paginate(sheet_rows(session=session, day=day), page, per_page=SHEET_PAGE_SIZE,
                        keys_first=True)
    chosen = chosen or {}
    rows = [Row(e, e.day_mark or "", chosen.get(e.pk) or e.day_mark or fill)
            for e in page_obj.object_list]
    counted = _counts(session, day)
    return Sheet(session=session, day=day, days=session.days(), today=session_today(session),
                 page_obj=page_obj, rows=rows, confirmed=counted["confirmed"],
                 marked=counted["marked"], completed=counted["completed"],
                 needed=days_needed(session, session.opportunity),
                 has_quiz=has_quiz(session.opportunity))


def enrolment_for_person(*, pk: int, user: Any) -> Enrolment:
    """The viewer's own enrolment (the quiz is theirs to take); anyone else's is a 404."""
    enrolment = one(Enrolment.objects.select_related("session__opportunity__network",
                                                     "community", "person").filter(pk=pk))
    if enrolment is None or not user.has_perm("learning.take_quiz", enrolment):
        raise Http404
    return enrolment


def quiz_response(enrolment: Enrolment) -> Response | None:
    """The person's last answers to the quiz (with their score), if any."""
    return one(Response.objects.filter(enrolment=enrolment, purpose=LearningForm.Purpose.QUIZ)
               .select_related("form"))


def certificate_of(enrolment: Enrolment) -> Certificate | None:
    """The certificate the enrolment's completion issued, if any."""
    return one(Certificate.objects.filter(source_kind=SOURCE_KIND, source_id=enrolment.pk))
