from typing import Any

import rules

from hamaynk.accounts.permissions import (
    acts_for_the_owner,
    serves_the_owner,
    verified_community_ids,
)
from hamaynk.learning.models import Cohort, Opportunity


@rules.predicate
def coaches_the_cohort(user: Any, cohort: Any) -> bool:
    return isinstance(cohort, Cohort) and cohort.coaches.filter(pk=getattr(user, "pk", None)
                                                                ).exists()


@rules.predicate
def is_published(user: Any, opportunity: Any) -> bool:
    return isinstance(opportunity, Opportunity) and (
        opportunity.status == Opportunity.Status.PUBLISHED)


@rules.predicate
def acts_for_the_community(user: Any, community: Any) -> bool:
    """A verified head or staff member of this very community."""
    return getattr(community, "pk", None) in verified_community_ids(user)


@rules.predicate
def acts_for_some_community(user: Any) -> bool:
    return bool(verified_community_ids(user))


# A cohort, or the network whose cohorts are managed: both say their network as owner.
rules.add_perm("learning.manage_cohort", serves_the_owner)
rules.add_perm("learning.view_cohort", serves_the_owner | coaches_the_cohort)

# The catalogue: a network (its secretariat creates opportunities), an opportunity, its
# sessions and materials all say the network as owner.
rules.add_perm("learning.manage_catalogue", serves_the_owner)
rules.add_perm("learning.view_opportunity", is_published | serves_the_owner)
# Enrolments: made by the community's people for the community; an enrolment says the
# session's network and the community as its owner.
rules.add_perm("learning.enrol_for", acts_for_the_community)
rules.add_perm("learning.view_our_learning", acts_for_some_community)  # the header's link
rules.add_perm("learning.change_enrolment", acts_for_the_owner | serves_the_owner)
rules.add_perm("learning.view_enrolment", acts_for_the_owner | serves_the_owner)
rules.add_perm("learning.decide_enrolment", serves_the_owner)
