"""Who may do what with the registry, as named predicates (django `rules`)."""

from typing import Any

import rules

from hamaynk.accounts.permissions import is_secretariat, verified_community_ids
from hamaynk.communities.models import Affiliation, Community
from hamaynk.core.models import StoredFile


@rules.predicate
def works_for_community(user: Any, community: Community | None) -> bool:
    return community is not None and community.pk in verified_community_ids(user)


@rules.predicate
def is_head_of(user: Any, community: Community | None) -> bool:
    return community is not None and community.pk in verified_community_ids(user, roles=("head",))


@rules.predicate
def is_own_affiliation(user: Any, affiliation: Affiliation | None) -> bool:
    return affiliation is not None and affiliation.user_id == getattr(user, "pk", None)


@rules.predicate
def file_is_public(user: Any, stored: StoredFile | None) -> bool:
    return stored is not None and stored.visibility == StoredFile.Visibility.PUBLIC


@rules.predicate
def uploaded_file(user: Any, stored: StoredFile | None) -> bool:
    return stored is not None and stored.uploaded_by_id == getattr(user, "pk", None) \
        and getattr(user, "is_authenticated", False)


@rules.predicate
def file_of_own_community(user: Any, stored: StoredFile | None) -> bool:
    return (stored is not None and stored.visibility == StoredFile.Visibility.COMMUNITY
            and stored.community_id_ref in verified_community_ids(user))


rules.add_perm("communities.edit_profile", is_secretariat | works_for_community)
rules.add_perm("communities.view_private", is_secretariat | works_for_community)
rules.add_perm("communities.confirm_community", is_secretariat)
rules.add_perm("communities.decide_affiliation", is_secretariat)
rules.add_perm("communities.view_affiliation", is_secretariat | is_own_affiliation)
rules.add_perm("core.view_file", file_is_public | uploaded_file | file_of_own_community
               | is_secretariat)
