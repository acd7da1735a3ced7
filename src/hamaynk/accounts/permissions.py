"""Role predicates shared by every app.

Roles are not global groups: a person is secretariat, reviewer or coach *of a network*
(`networks.NetworkRole`, reverse name `network_roles`) and head or staff *of a community*
through a verified affiliation (`communities.Affiliation`, reverse name `affiliations`).
These predicates read those reverse relations by name so that this bottom layer does not
import the apps above it.

A role means *this* network's role everywhere: the predicates that decide what may be done
with an object ask its owner (`core.ownership`: the networks responsible for it and the
community it belongs to). `is_secretariat` ("secretariat of some network") only decides
whether the secretariat's tools are shown; it never opens an object.
"""

from typing import Any

import rules

from hamaynk.core.ownership import owner_of

# Per-request memory of the user's roles, on the user object (dropped by forget_roles).
_NETWORK_ROLES = "_hamaynk_network_roles"
_AFFILIATIONS = "_hamaynk_affiliations"


def network_role_pairs(user: Any) -> list[tuple[str, int]]:
    """(role, network id) of every network role the user holds: one query a request, read
    by the role predicates here and by the per-network checks of the apps above."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, _NETWORK_ROLES, None)
    if cached is None:
        cached = list(user.network_roles.values_list("role", "network_id"))
        setattr(user, _NETWORK_ROLES, cached)
    return cached


def remember_network_roles(user: Any, pairs: list[tuple[str, int]]) -> None:
    """Roles read together with the user (accounts.backends.EmailBackend.get_user)."""
    setattr(user, _NETWORK_ROLES, pairs)


def _roles(user: Any) -> set[str]:
    return {role for role, _network in network_role_pairs(user)}


def _is_superuser(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False) and getattr(user, "is_active", False))


def network_ids_served(user: Any, role: str = "secretariat") -> set[int]:
    """Ids of the networks in which the user holds this role."""
    return {network for held, network in network_role_pairs(user) if held == role}


def serves(user: Any, network_id: int | None) -> bool:
    """The user is the secretariat of this network (superusers count as every secretariat)."""
    return _is_superuser(user) or (network_id is not None
                                   and network_id in network_ids_served(user))


@rules.predicate
def is_secretariat(user: Any) -> bool:
    """Secretariat of some network: shows the secretariat's tools, opens no object."""
    return "secretariat" in _roles(user) or _is_superuser(user)


@rules.predicate
def serves_the_owner(user: Any, obj: Any) -> bool:
    """The secretariat of a network responsible for the object (any network's, while the
    object is unclaimed: a community that works with no network yet)."""
    if obj is None:
        return False
    if _is_superuser(user):
        return True
    owner = owner_of(obj)
    if owner.unclaimed:
        return "secretariat" in _roles(user)
    return bool(owner.network_ids & network_ids_served(user))


@rules.predicate
def acts_for_the_owner(user: Any, obj: Any) -> bool:
    """A verified head or staff member of the community the object belongs to."""
    community_id = owner_of(obj).community_id
    return community_id is not None and community_id in verified_community_ids(user)


@rules.predicate
def heads_the_owner(user: Any, obj: Any) -> bool:
    """The verified head of the community the object belongs to."""
    community_id = owner_of(obj).community_id
    return community_id is not None and community_id in verified_community_ids(
        user, roles=("head",))


@rules.predicate
def is_reviewer(user: Any) -> bool:
    return "reviewer" in _roles(user)


@rules.predicate
def is_coach(user: Any) -> bool:
    return "coach" in _roles(user)


def verified_community_ids(user: Any, *, roles: tuple[str, ...] = ("head", "staff")) -> set[int]:
    """Ids of the communities for which the user holds a verified role."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, _AFFILIATIONS, None)
    if cached is None:
        cached = list(user.affiliations.filter(status="verified")
                      .values_list("community_id", "role"))
        setattr(user, _AFFILIATIONS, cached)
    return {cid for cid, role in cached if role in roles}


def remember_affiliations(user: Any, pairs: list[tuple[int, str]]) -> None:
    """Verified (community id, role) read together with the user (EmailBackend.get_user)."""
    setattr(user, _AFFILIATIONS, pairs)


def forget_roles(user: Any) -> None:
    """Drop the per-request caches after a role changes."""
    for key in (_NETWORK_ROLES, _AFFILIATIONS):
        if hasattr(user, key):
            delattr(user, key)


rules.add_perm("accounts.use_secretariat_tools", is_secretariat)
