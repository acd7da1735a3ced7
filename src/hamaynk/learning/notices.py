"""The learning module's notification kinds and the objects they refer to
(notifications/kinds.py): what an enrolment's person is told."""

from hamaynk.learning.models import Enrolment
from hamaynk.notifications.kinds import register_kinds, register_models

T = "learning/notifications/"
register_kinds({
    "learning.enrolment.confirmed": T + "enrolment_confirmed",
    "learning.enrolment.waitlisted": T + "enrolment_waitlisted",
    "learning.enrolment.promoted": T + "enrolment_promoted",
    "learning.enrolment.declined": T + "enrolment_declined",
    "learning.enrolment.cancelled": T + "enrolment_cancelled",
    "learning.enrolment.handed_over": T + "enrolment_handed_over",
    "learning.session.reminder": T + "session_reminder",
    "learning.session.feedback": T + "session_feedback",
})
register_models({
    Enrolment: ("session__opportunity", "community"),
})
