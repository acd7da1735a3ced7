"""The learning module's state tables: an assignment handed in is reviewed by the coach
(accepted, or returned for changes and handed in again). Services move a status only
through `core.transitions.transition()`."""

from hamaynk.core.transitions import StateTable, register
from hamaynk.learning.models import Submission

S = Submission.Status
SUBMISSION_TRANSITIONS = StateTable(model=Submission, initial={S.SUBMITTED}, transitions={
    S.SUBMITTED: {S.ACCEPTED, S.RETURNED},
    S.RETURNED: {S.SUBMITTED},
    S.ACCEPTED: set(),
})

register(SUBMISSION_TRANSITIONS)
