from typing import Any

import rules

from hamaynk.accounts.permissions import serves_the_owner
from hamaynk.learning.models import Cohort


@rules.predicate
def coaches_the_cohort(user: Any, cohort: Any) -> bool:
    return isinstance(cohort, Cohort) and cohort.coaches.filter(pk=getattr(user, "pk", None)
                                                                ).exists()


# A cohort, or the network whose cohorts are managed: both say their network as owner.
rules.add_perm("learning.manage_cohort", serves_the_owner)
rules.add_perm("learning.view_cohort", serves_the_owner | coaches_the_cohort)
