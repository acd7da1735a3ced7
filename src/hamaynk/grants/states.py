"""The state tables of the grants module: calls, applications, reviews, grants, tranches and
reports. Services move a status only through `core.transitions.transition()`."""

from hamaynk.core.transitions import StateTable, register
from hamaynk.grants.models import Application, Call, Grant, GrantReport, Review, Tranche

C = Call.Status
CALL_TRANSITIONS = StateTable(model=Call, initial={C.DRAFT}, transitions={
    C.DRAFT: {C.PUBLISHED, C.OPEN},
    C.PUBLISHED: {C.OPEN, C.DRAFT},
    C.OPEN: {C.CLOSED},
    C.CLOSED: {C.DECIDED},
    C.DECIDED: {C.ARCHIVED},
    C.ARCHIVED: set(),
})

AS = Application.Status
APPLICATION_TRANSITIONS = StateTable(model=Application, initial={AS.DRAFT}, transitions={
    AS.DRAFT: {AS.SUBMITTED, AS.WITHDRAWN},
    AS.SUBMITTED: {AS.WITHDRAWN, AS.INELIGIBLE, AS.IN_REVIEW},
    AS.INELIGIBLE: {AS.IN_REVIEW},
    AS.IN_REVIEW: {AS.AWARDED, AS.REJECTED, AS.MORE_INFO},
    AS.MORE_INFO: {AS.IN_REVIEW, AS.AWARDED, AS.REJECTED},
    AS.AWARDED: set(),
    AS.REJECTED: set(),
    AS.WITHDRAWN: set(),
})

# Where a decision (award, reject, ask for more) can be recorded: read from the table above.
DECIDABLE = frozenset(s for s, targets in APPLICATION_TRANSITIONS.items() if AS.AWARDED in targets)

RS = Review.Status
REVIEW_TRANSITIONS = StateTable(model=Review, initial={RS.ASSIGNED}, transitions={
    RS.ASSIGNED: {RS.CONFLICT, RS.IN_PROGRESS},
    RS.IN_PROGRESS: {RS.SUBMITTED},
    RS.CONFLICT: set(),
    RS.SUBMITTED: set(),
})

G = Grant.Status
GRANT_TRANSITIONS = StateTable(model=Grant, initial={G.ACTIVE}, transitions={
    G.ACTIVE: {G.COMPLETED, G.TERMINATED},
    G.COMPLETED: set(),
    G.TERMINATED: set(),
})

T = Tranche.Status
TRANCHE_TRANSITIONS = StateTable(model=Tranche, initial={T.PLANNED}, transitions={
    T.PLANNED: {T.PAID},
    T.PAID: set(),
})

R = GrantReport.Status
REPORT_TRANSITIONS = StateTable(model=GrantReport, initial={R.DUE}, transitions={
    R.DUE: {R.SUBMITTED},
    R.SUBMITTED: {R.ACCEPTED, R.RETURNED},
    R.RETURNED: {R.SUBMITTED},
    R.ACCEPTED: set(),
})

register(CALL_TRANSITIONS, APPLICATION_TRANSITIONS, REVIEW_TRANSITIONS, GRANT_TRANSITIONS,
         TRANCHE_TRANSITIONS, REPORT_TRANSITIONS)
