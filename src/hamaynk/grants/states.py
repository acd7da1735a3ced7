"""The application state machine, shared by the applying and review services."""

from hamaynk.grants.models import Application, Review

AS = Application.Status
APPLICATION_TRANSITIONS: dict[str, frozenset[str]] = {
    AS.DRAFT: frozenset({AS.SUBMITTED, AS.WITHDRAWN}),
    AS.SUBMITTED: frozenset({AS.WITHDRAWN, AS.INELIGIBLE, AS.IN_REVIEW}),
    AS.INELIGIBLE: frozenset({AS.IN_REVIEW}),
    AS.IN_REVIEW: frozenset({AS.AWARDED, AS.REJECTED, AS.MORE_INFO}),
    AS.MORE_INFO: frozenset({AS.IN_REVIEW, AS.AWARDED, AS.REJECTED}),
    AS.AWARDED: frozenset(),
    AS.REJECTED: frozenset(),
    AS.WITHDRAWN: frozenset(),
}

# Where a decision (award, reject, ask for more) can be recorded: read from the table above.
DECIDABLE = frozenset(s for s, targets in APPLICATION_TRANSITIONS.items() if AS.AWARDED in targets)

RS = Review.Status
REVIEW_TRANSITIONS: dict[str, frozenset[str]] = {
    RS.ASSIGNED: frozenset({RS.CONFLICT, RS.IN_PROGRESS}),
    RS.IN_PROGRESS: frozenset({RS.SUBMITTED}),
    RS.CONFLICT: frozenset(),
    RS.SUBMITTED: frozenset(),
}
