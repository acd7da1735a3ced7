"""Every write in the grants module: `from hamaynk.grants import services`."""

from hamaynk.grants.services.applying import (
    application_save_section,
    application_start,
    application_submit,
    application_withdraw,
    budget_line_delete,
    budget_line_save,
    budget_problems,
    clarification_answer,
    clarification_ask,
    submission_problems,
)
from hamaynk.grants.services.awards import (
    TrancheInput,
    closure_problems,
    grant_close,
    report_decide,
    report_save,
    report_submit,
    send_report_reminders,
    tranche_pay,
    tranches_set,
)
from hamaynk.grants.services.calls import (
    call_create,
    call_document_add,
    call_document_remove,
    call_move,
    call_question_answer,
    call_question_ask,
    call_update,
    calls_tick,
    form_question_delete,
    form_question_move,
    form_question_save,
    form_section_save,
    send_closing_reminders,
)
from hamaynk.grants.services.review import (
    CriterionInput,
    awarded_total,
    criteria_save,
    determination_record,
    ranked,
    review_assign,
    review_declare,
    review_save,
    reviews_auto_assign,
    screening_record,
)
from hamaynk.grants.states import CALL_TRANSITIONS

__all__ = [
    "TrancheInput", "closure_problems", "grant_close", "report_decide", "report_save",
    "report_submit", "send_closing_reminders", "send_report_reminders", "tranche_pay",
    "tranches_set",
    "CriterionInput", "awarded_total", "criteria_save", "determination_record", "ranked",
    "review_assign", "review_declare", "review_save", "reviews_auto_assign", "screening_record",
    "CALL_TRANSITIONS", "application_save_section", "application_start", "application_submit",
    "application_withdraw", "budget_line_delete", "budget_line_save", "budget_problems",
    "call_create", "call_document_add", "call_document_remove", "call_move",
    "call_question_answer", "call_question_ask", "call_update",
    "calls_tick", "clarification_answer", "clarification_ask", "form_question_delete",
    "form_question_move", "form_question_save", "form_section_save", "submission_problems",
]
