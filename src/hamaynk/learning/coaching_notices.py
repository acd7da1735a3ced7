"""The coaching paths' notification kinds and the objects they refer to
(notifications/kinds.py)."""

from hamaynk.learning.models import AgreedAction, Submission
from hamaynk.notifications.kinds import register_kinds, register_models

T = "learning/notifications/"
register_kinds({
    "learning.action.agreed": T + "action_agreed",
    "learning.submission.handed_in": T + "submission_handed_in",
    "learning.submission.reviewed": T + "submission_reviewed",
})
register_models({
    AgreedAction: ("session", "member__community"),
    Submission: ("step", "member__community"),
})
