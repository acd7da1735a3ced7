"""Who may do what with calls and applications (django `rules`). Each predicate asks the
object's owner (`ownership()`: the call's network, the applicant community)."""

from typing import Any

import rules

from hamaynk.accounts.permissions import (
    acts_for_the_owner,
    heads_the_owner,
    is_reviewer,
    serves_the_owner,
)


@rules.predicate
def is_the_reviewer(user: Any, review: Any) -> bool:
    return review is not None and review.reviewer_id == getattr(user, "pk", None)


@rules.predicate
def reviews_the_application(user: Any, application: Any) -> bool:
    """Assigned to review it and has declared no conflict of interest."""
    pk = getattr(user, "pk", None)
    return application is not None and pk is not None and application.reviews.filter(
        reviewer_id=pk, status__in=["in_progress", "submitted"]).exists()


rules.add_perm("grants.manage_call", serves_the_owner)
rules.add_perm("grants.review", is_the_reviewer)
rules.add_perm("grants.is_reviewer", is_reviewer)
rules.add_perm("grants.prepare_application", acts_for_the_owner)
rules.add_perm("grants.submit_application", heads_the_owner)
rules.add_perm("grants.view_application", serves_the_owner | acts_for_the_owner)
rules.add_perm("grants.ask_clarification", serves_the_owner)
# An application's files: those who see the application, and its reviewers once they have
# declared no conflict of interest (they read its attachments to score it).
rules.add_perm("grants.view_application_files", serves_the_owner | acts_for_the_owner
               | reviews_the_application)
rules.add_perm("grants.view_report_files", serves_the_owner | acts_for_the_owner)


@rules.predicate
def call_is_public(user: Any, call: Any) -> bool:
    return call is not None and call.status in call.PUBLIC_STATUSES


rules.add_perm("grants.view_call", call_is_public | serves_the_owner)
