"""What the daily task sends about sessions (`manage.py learning_daily`): a reminder to each
confirmed person some days before their session starts, and, once it has ended, the request
to answer the feedback questionnaire (where the opportunity has one). Each is sent once per
session, marked on the session (`reminded_at`, `feedback_asked_at`); the task reads the
sessions due, never every enrolment."""

import datetime
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse

from hamaynk.core import audit
from hamaynk.core.transitions import lock
from hamaynk.learning.models import Enrolment, LearningForm, Opportunity, Session
from hamaynk.learning.selectors.forms import form_asked
from hamaynk.notifications.services import absolute, notify

REMINDER_DAYS = 2  # the reminder goes this many days before the start (LEARNING_REMINDER_DAYS)
FEEDBACK_WITHIN = datetime.timedelta(days=14)  # a session that ended longer ago is not asked
BATCH = 200  # sessions handled by one run, the soonest first; the next run takes the rest


def reminder_days() -> int:
    return int(getattr(settings, "LEARNING_REMINDER_DAYS", REMINDER_DAYS))


def _confirmed(session: Session) -> list[Enrolment]:
    people = list(session.enrolments.filter(status=Enrolment.Status.CONFIRMED)
                  .select_related("person", "community").order_by("pk"))
    for enrolment in people:
        enrolment.session = session
    return people


def _each_session(pks: list[int], mark: str, send: Callable[[Session], int],
                  now: datetime.datetime) -> int:
    """Lock each due session, skip it when another run marked it, else send and mark."""
    sent = 0
    for pk in pks:
        with transaction.atomic():
            session = lock(Session, pk, select_related=("opportunity__network",), of=("self",))
            if getattr(session, mark) is not None:
                continue
            count = send(session)
            setattr(session, mark, now)
            session.save(update_fields=[mark])
            action = {"reminded_at": "learning.session.reminded",
                      "feedback_asked_at": "learning.session.feedback_asked"}[mark]
            audit.record(action=action, actor=None, target=session, data={"people": count})
        sent += count
    return sent


def _remind(session: Session) -> int:
    people = _confirmed(session)
    ics = absolute(reverse("learning:session_ics", args=[session.pk]))
    for enrolment in people:
        notify(recipient=enrolment.person, kind="learning.session.reminder",
               params={"enrolment": enrolment, "ics": ics},
               url=session.get_absolute_url())
    return len(people)


def send_session_reminders(*, now: datetime.datetime) -> int:
    """Remind each confirmed person of a published session that starts within the next
    `reminder_days()` days (once per session). Returns the reminders sent."""
    due = list(Session.objects.filter(
        reminded_at__isnull=True, starts_at__gt=now,
        starts_at__lte=now + datetime.timedelta(days=reminder_days()),
        opportunity__status=Opportunity.Status.PUBLISHED)
        .order_by("starts_at", "pk").values_list("pk", flat=True)[:BATCH])
    return _each_session(due, "reminded_at", _remind, now)


def _ask(session: Session) -> int:
    if form_asked(session.opportunity, LearningForm.Purpose.FEEDBACK) is None:
        return 0  # its questionnaire was emptied since: nothing to ask
    people = _confirmed(session)
    for enrolment in people:
        notify(recipient=enrolment.person, kind="learning.session.feedback",
               params={"enrolment": enrolment},
               url=reverse("learning:feedback", args=[enrolment.pk]))
    return len(people)


def send_feedback_requests(*, now: datetime.datetime) -> int:
    """Ask each confirmed person of a session that ended (in the last two weeks) for their
    feedback, where the opportunity has a feedback questionnaire (once per session)."""
    has_feedback = LearningForm.objects.filter(opportunity=OuterRef("opportunity"),
                                               purpose=LearningForm.Purpose.FEEDBACK)
    due = list(Session.objects.filter(
        feedback_asked_at__isnull=True, ends_at__lte=now, ends_at__gt=now - FEEDBACK_WITHIN)
        .filter(Exists(has_feedback))
        .order_by("ends_at", "pk").values_list("pk", flat=True)[:BATCH])
    return _each_session(due, "feedback_asked_at", _ask, now)
