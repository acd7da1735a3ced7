from typing import Any

import rules

from hamaynk.accounts.permissions import acts_for_the_owner, serves_the_owner
from hamaynk.learning.models import Certificate, Cohort


@rules.predicate
def coaches_the_cohort(user: Any, cohort: Any) -> bool:
    return isinstance(cohort, Cohort) and cohort.coaches.filter(pk=getattr(user, "pk", None)
                                                                ).exists()


# A cohort, or the network whose cohorts are managed: both say their network as owner.
rules.add_perm("learning.manage_cohort", serves_the_owner)
rules.add_perm("learning.view_cohort", serves_the_owner | coaches_the_cohort)


@rules.predicate
def holds_the_certificate(user: Any, certificate: Any) -> bool:
    return (isinstance(certificate, Certificate) and certificate.person_id is not None
            and certificate.person_id == getattr(user, "pk", None))


# Certificates: the network's secretariat issues and revokes them (given the network, or the
# certificate); the person, their community's people and the secretariat open the PDF.
rules.add_perm("learning.issue_certificate", serves_the_owner)
rules.add_perm("learning.download_certificate",
               holds_the_certificate | acts_for_the_owner | serves_the_owner)
