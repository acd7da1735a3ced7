"""Who owns an object: the one question every permission predicate asks.

A model says who owns it by defining `ownership()`, returning an `Owner`: the networks whose
secretariat is responsible for it and the community it belongs to. Predicates
(`accounts.permissions`) ask the owner instead of switching on the object's type, so a new
module's objects need only their `ownership()` to be checked like every other object.

* An application to a network, a grant, a plan: one network and one community.
* A call, a cohort, a network itself: one network, no community.
* A community: no single network owns it (a community is shared by networks): the networks
  it works with (a membership or a membership application) are responsible for it; while it
  works with none, it is `unclaimed` and any network's secretariat may act for the registry.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Owner:
    network_ids: frozenset[int] = frozenset()
    community_id: int | None = None
    unclaimed: bool = False  # no network is responsible yet: any network's secretariat is

    @classmethod
    def of(cls, *, network_id: int | None = None, community_id: int | None = None) -> "Owner":
        return cls(network_ids=frozenset({network_id}) if network_id is not None else frozenset(),
                   community_id=community_id)


NOBODY = Owner()


def owner_of(obj: Any) -> Owner:
    """The owner an object declares; an object that declares none is owned by nobody (so no
    role-based predicate lets anyone act on it)."""
    if obj is None:
        return NOBODY
    ownership = getattr(obj, "ownership", None)
    return ownership() if callable(ownership) else NOBODY
