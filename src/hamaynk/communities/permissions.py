"""Who may do what with the registry, as named predicates (django `rules`).

A community is shared by networks: the secretariat responsible for it is that of a network
it works with (a membership or a membership application; `Community.ownership()`), or any
network's while it works with none. Its own verified people act for it."""

from typing import Any

import rules

from hamaynk.accounts.permissions import acts_for_the_owner, serves_the_owner
from hamaynk.communities.models import Affiliation


@rules.predicate
def is_own_affiliation(user: Any, affiliation: Affiliation | None) -> bool:
    return affiliation is not None and affiliation.user_id == getattr(user, "pk", None)


rules.add_perm("communities.edit_profile", serves_the_owner | acts_for_the_owner)
rules.add_perm("communities.view_private", serves_the_owner | acts_for_the_owner)
rules.add_perm("communities.confirm_community", serves_the_owner)
rules.add_perm("communities.decide_affiliation", serves_the_owner)
rules.add_perm("communities.view_affiliation", serves_the_owner | is_own_affiliation)
