"""Who may do what with calls and applications (django `rules`)."""

from typing import Any

import rules

from hamaynk.accounts.permissions import is_reviewer, verified_community_ids
from hamaynk.communities.models import Community
from hamaynk.grants.models import Application, Call
from hamaynk.networks.models import Network
from hamaynk.networks.permissions import serves


def _network_id(obj: Any) -> int | None:
    if isinstance(obj, Call):
        return obj.network_id
    if isinstance(obj, Application):
        return obj.call.network_id
    if isinstance(obj, Network):
        return obj.pk
    return None


def _community_id(obj: Any) -> int | None:
    if isinstance(obj, Community):
        return obj.pk
    if isinstance(obj, Application):
        return obj.community_id
    return None


@rules.predicate
def runs_the_call(user: Any, obj: Any) -> bool:
    return obj is not None and serves(user, _network_id(obj))


@rules.predicate
def acts_for_applicant(user: Any, obj: Any) -> bool:
    return obj is not None and _community_id(obj) in verified_community_ids(user)


@rules.predicate
def heads_applicant(user: Any, obj: Any) -> bool:
    return obj is not None and _community_id(obj) in verified_community_ids(user, roles=("head",))


@rules.predicate
def is_the_reviewer(user: Any, review: Any) -> bool:
    return review is not None and review.reviewer_id == getattr(user, "pk", None)


rules.add_perm("grants.manage_call", runs_the_call)
rules.add_perm("grants.review", is_the_reviewer)
rules.add_perm("grants.is_reviewer", is_reviewer)
rules.add_perm("grants.prepare_application", acts_for_applicant)
rules.add_perm("grants.submit_application", heads_applicant)
rules.add_perm("grants.view_application", runs_the_call | acts_for_applicant)
rules.add_perm("grants.ask_clarification", runs_the_call)
