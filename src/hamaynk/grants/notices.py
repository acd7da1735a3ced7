"""The grants app's notification kinds and the objects they refer to (notifications/kinds.py)."""

from hamaynk.grants.models import (
    Application,
    Call,
    CallQuestion,
    Clarification,
    Determination,
    GrantReport,
    Review,
    Tranche,
)
from hamaynk.notifications.kinds import register_kinds, register_models

T = "grants/notifications/"
register_kinds({
    "grants.application.submitted": T + "application_submitted",
    "grants.application.received": T + "application_received",
    "grants.application.decided": T + "decision",
    "grants.call.closing": T + "call_closing",
    "grants.call.question": T + "call_question",
    "grants.call.answer": T + "call_answer",
    "grants.clarification.asked": T + "clarification_asked",
    "grants.clarification.answered": T + "clarification_answered",
    "grants.review.assigned": T + "review_assigned",
    "grants.review.conflict": T + "review_conflict",
    "grants.report.submitted": T + "report_submitted",
    "grants.report.decided": T + "report_decided",
    "grants.report.reminder": T + "report_reminder",
    "grants.tranche.paid": T + "tranche_paid",
})
register_models({
    Application: ("community", "call"),
    Call: (),
    CallQuestion: (),
    Clarification: (),
    Determination: (),
    Review: ("application__call", "reviewer"),
    GrantReport: ("grant__application", "grant__community"),
    Tranche: ("grant__application",),
})
