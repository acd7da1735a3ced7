from typing import Any

import rules

from hamaynk.learning.models import Cohort
from hamaynk.networks.permissions import serves


@rules.predicate
def runs_the_cohort(user: Any, cohort: Any) -> bool:
    if isinstance(cohort, Cohort):
        return serves(user, cohort.network_id)
    return serves(user, getattr(cohort, "pk", None))  # a Network


@rules.predicate
def coaches_the_cohort(user: Any, cohort: Any) -> bool:
    return isinstance(cohort, Cohort) and cohort.coaches.filter(pk=getattr(user, "pk", None)
                                                                ).exists()


rules.add_perm("learning.manage_cohort", runs_the_cohort)
rules.add_perm("learning.view_cohort", runs_the_cohort | coaches_the_cohort)
