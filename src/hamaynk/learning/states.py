"""The state tables of the learning module: an opportunity's publication, an enrolment's way
to a seat, and an assignment handed in and reviewed by the coach (accepted, or returned for
changes and handed in again). Services move a status only through
`core.transitions.transition()`."""

from django.utils.translation import gettext_lazy as _

from hamaynk.core.transitions import StateTable, register
from hamaynk.learning.models import Enrolment, Opportunity, Submission

OS = Opportunity.Status
OPPORTUNITY_TRANSITIONS = StateTable(model=Opportunity, initial={OS.DRAFT}, transitions={
    OS.DRAFT: {OS.PUBLISHED},
    OS.PUBLISHED: {OS.ARCHIVED, OS.DRAFT},
    OS.ARCHIVED: {OS.PUBLISHED},
})

E = Enrolment.Status
# requested: the organiser approves (to a seat, or to the waiting list when none is free)
# or declines; waitlisted: promoted in order when a seat frees; confirmed holds a seat.
ENROLMENT_TRANSITIONS = StateTable(
    model=Enrolment, initial={E.REQUESTED, E.CONFIRMED, E.WAITLISTED}, transitions={
        E.REQUESTED: {E.CONFIRMED, E.WAITLISTED, E.DECLINED, E.CANCELLED},
        E.WAITLISTED: {E.CONFIRMED, E.CANCELLED, E.DECLINED},
        E.CONFIRMED: {E.CANCELLED},
        E.CANCELLED: set(),
        E.DECLINED: set(),
    }, refusal=_("This enrolment cannot be changed while it is “%(status)s”."))

S = Submission.Status
SUBMISSION_TRANSITIONS = StateTable(model=Submission, initial={S.SUBMITTED}, transitions={
    S.SUBMITTED: {S.ACCEPTED, S.RETURNED},
    S.RETURNED: {S.SUBMITTED},
    S.ACCEPTED: set(),
})

register(OPPORTUNITY_TRANSITIONS, ENROLMENT_TRANSITIONS, SUBMISSION_TRANSITIONS)
