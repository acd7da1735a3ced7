from django.utils.translation import gettext_lazy as _

from hamaynk.core.audit import register_actions

register_actions({
    "grants.call.created": _("Call created"),
    "grants.call.changed": _("Call changed"),
    "grants.call.status_changed": _("Call status changed"),
    "grants.call.form_changed": _("Application form changed"),
    "grants.application.started": _("Grant application started"),
    "grants.application.answers_changed": _("Answers changed"),
    "grants.application.budget_changed": _("Budget changed"),
    "grants.application.submitted": _("Grant application submitted"),
    "grants.application.withdrawn": _("Grant application withdrawn"),
    "grants.clarification.asked": _("Clarification requested"),
    "grants.clarification.answered": _("Clarification answered"),
    "grants.call.rubric_changed": _("Rubric changed"),
    "grants.application.screened": _("Eligibility screened"),
    "grants.review.assigned": _("Reviewer assigned"),
    "grants.review.conflict_declared": _("Reviewer declared a conflict of interest"),
    "grants.review.no_conflict": _("Reviewer declared no conflict of interest"),
    "grants.review.saved": _("Review saved"),
    "grants.review.submitted": _("Review submitted"),
    "grants.application.awarded": _("Grant awarded"),
    "grants.application.rejected": _("Application rejected"),
    "grants.application.more_info": _("More information asked"),
    "grants.grant.schedule_set": _("Payment schedule set"),
    "grants.report.submitted": _("Report submitted"),
    "grants.report.accepted": _("Report accepted"),
    "grants.report.returned": _("Report returned for changes"),
    "grants.tranche.paid": _("Tranche paid"),
    "grants.grant.completed": _("Grant closed"),
})
