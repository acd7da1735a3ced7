from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.communities.models import Community
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.workflow import require
from hamaynk.learning.models import Cohort, CohortMember
from hamaynk.networks.models import Network


@transaction.atomic
def cohort_create(*, network: Network, actor: User, name_hy: str, name_en: str = "",
                  description_hy: str = "", description_en: str = "") -> Cohort:
    require(actor, "learning.manage_cohort", network)
    if not name_hy.strip():
        raise DomainError(_("Give the cohort a name."), field="name_hy")
    cohort = Cohort.objects.create(network=network, name_hy=name_hy.strip(),
                                   name_en=name_en.strip(), description_hy=description_hy,
                                   description_en=description_en)
    audit.record(action="learning.cohort.created", actor=actor, target=cohort)
    return cohort


@transaction.atomic
def cohort_add_community(*, cohort: Cohort, community: Community, actor: User) -> CohortMember:
    require(actor, "learning.manage_cohort", cohort)
    try:
        with transaction.atomic():
            member = CohortMember.objects.create(cohort=cohort, community=community)
    except IntegrityError as exc:
        raise DomainError(_("%(community)s is already in the cohort.")
                          % {"community": community.name}, field="community") from exc
    audit.record(action="learning.cohort.community_added", actor=actor, target=cohort,
                 data={"community": community.pk})
    return member


@transaction.atomic
def cohort_remove_community(*, cohort: Cohort, community_id: int, actor: User) -> None:
    require(actor, "learning.manage_cohort", cohort)
    deleted, _rows = CohortMember.objects.filter(cohort=cohort, community_id=community_id).delete()
    if not deleted:
        raise DomainError(_("This community is not in the cohort."))
    audit.record(action="learning.cohort.community_removed", actor=actor, target=cohort,
                 data={"community": community_id})


@transaction.atomic
def cohort_set_coaches(*, cohort: Cohort, coaches: list[User], actor: User) -> Cohort:
    require(actor, "learning.manage_cohort", cohort)
    allowed = set(User.objects.filter(network_roles__network=cohort.network_id,
                                      network_roles__role="coach").values_list("pk", flat=True))
    if any(c.pk not in allowed for c in coaches):
        raise DomainError(_("Only the network's coaches can coach a cohort."), field="coaches")
    cohort.coaches.set(coaches)
    return cohort
