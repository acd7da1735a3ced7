"""Reads for the grants pages and API, by phase like `grants/services/`: calls, applying,
review, awards. Callers use `from hamaynk.grants import selectors; selectors.x`."""

from hamaynk.grants.selectors.applying import (
    APPLICATION_SORTS,
    application_for_viewer,
    application_listing,
    call_applications,
    my_grant_applications,
)
from hamaynk.grants.selectors.awards import (
    agreement_for_viewer,
    grant_for_viewer,
    public_awards,
    public_awards_page,
    report_for_viewer,
)
from hamaynk.grants.selectors.calls import (
    call_for_manager,
    call_for_viewer,
    call_questions,
    calls_for_secretariat,
    open_calls,
    public_calls,
    standing_in_call,
)
from hamaynk.grants.selectors.review import (
    RANKED,
    call_reviewers,
    other_reviews,
    ranking,
    review_board,
    review_for_reviewer,
    review_queue,
)

__all__ = [
    "APPLICATION_SORTS",
    "RANKED",
    "agreement_for_viewer",
    "application_for_viewer",
    "application_listing",
    "call_applications",
    "call_for_manager",
    "call_for_viewer",
    "call_questions",
    "call_reviewers",
    "calls_for_secretariat",
    "grant_for_viewer",
    "my_grant_applications",
    "other_reviews",
    "public_awards",
    "public_awards_page",
    "open_calls",
    "public_calls",
    "ranking",
    "report_for_viewer",
    "review_board",
    "review_for_reviewer",
    "review_queue",
    "standing_in_call",
]
