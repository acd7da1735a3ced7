"""Who may do what in a network, as named predicates (django `rules`)."""

from typing import Any

import rules

from hamaynk.accounts.permissions import network_role_pairs, verified_community_ids
from hamaynk.communities.models import Community
from hamaynk.networks.models import DevelopmentPlan, Membership, MembershipApplication, Network


def _secretariat_network_ids(user: Any) -> set[int]:
    return {network for role, network in network_role_pairs(user) if role == "secretariat"}


def serves(user: Any, network_id: int | None) -> bool:
    """The user is the secretariat of this network (superusers count as every secretariat)."""
    if getattr(user, "is_superuser", False) and getattr(user, "is_active", False):
        return True
    return network_id in _secretariat_network_ids(user)


def _network_id(obj: Any) -> int | None:
    if isinstance(obj, Network):
        return obj.pk
    if isinstance(obj, MembershipApplication | Membership):
        return obj.network_id
    if isinstance(obj, DevelopmentPlan):
        return obj.membership.network_id
    return None


def _community_id(obj: Any) -> int | None:
    if isinstance(obj, Community):
        return obj.pk
    if isinstance(obj, MembershipApplication | Membership):
        return obj.community_id
    if isinstance(obj, DevelopmentPlan):
        return obj.membership.community_id
    return None


@rules.predicate
def is_secretariat_of(user: Any, obj: Any) -> bool:
    return obj is not None and serves(user, _network_id(obj))


@rules.predicate
def acts_for_the_community(user: Any, obj: Any) -> bool:
    return obj is not None and _community_id(obj) in verified_community_ids(user)


@rules.predicate
def heads_the_community(user: Any, obj: Any) -> bool:
    return obj is not None and _community_id(obj) in verified_community_ids(user, roles=("head",))


rules.add_perm("networks.manage_team", is_secretariat_of)
rules.add_perm("networks.manage_settings", is_secretariat_of)
rules.add_perm("networks.review_applications", is_secretariat_of)
rules.add_perm("networks.prepare_application", acts_for_the_community)
rules.add_perm("networks.sign_application", heads_the_community)
rules.add_perm("networks.view_application", is_secretariat_of | acts_for_the_community)
rules.add_perm("networks.decide_application", is_secretariat_of)
rules.add_perm("networks.view_membership", is_secretariat_of | acts_for_the_community)
rules.add_perm("networks.submit_plan", acts_for_the_community)
rules.add_perm("networks.decide_plan", is_secretariat_of)
rules.add_perm("networks.manage_membership", is_secretariat_of)
rules.add_perm("networks.withdraw_membership", heads_the_community)
