from hamaynk.grants.views.applying import (
    application_budget,
    application_clarify,
    application_detail,
    application_pdf,
    application_section,
    application_start,
    application_submit,
    application_withdraw,
)
from hamaynk.grants.views.awards import grant_action, grant_agreement, grant_detail, report_detail
from hamaynk.grants.views.calls import (
    call_applications,
    call_create,
    call_detail,
    call_documents,
    call_edit,
    call_form,
    call_form_question,
    call_form_question_action,
    call_qa,
    call_status,
    calls,
    calls_manage,
)
from hamaynk.grants.views.public import applications_export, awards, awards_export
from hamaynk.grants.views.review import (
    call_ranking,
    call_review,
    call_review_action,
    call_rubric,
    determine,
    review_detail,
    review_queue,
    screening,
)

__all__ = [
    "grant_action", "grant_agreement", "grant_detail", "report_detail",
    "applications_export", "awards", "awards_export",
    "call_ranking", "call_review", "call_review_action", "call_rubric", "determine",
    "review_detail", "review_queue", "screening",
    "application_budget", "application_clarify", "application_detail", "application_pdf",
    "application_section", "application_start", "application_submit", "application_withdraw",
    "call_applications", "call_create", "call_detail", "call_documents", "call_edit", "call_form",
    "call_form_question", "call_form_question_action", "call_qa", "call_status", "calls",
    "calls_manage",
]
