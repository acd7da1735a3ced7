from django.db import IntegrityError, models, transaction
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
def cohort_add_community(*, cohort: Cohort, community: Community, actor: User,
                         reason: str) -> CohortMember:
    """Select a community into the cohort, saying why (the reason stays on its row)."""
    require(actor, "learning.manage_cohort", cohort)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Say why this community is selected into the cohort."),
                          field="reason")
    try:
        with transaction.atomic():
            member = CohortMember.objects.create(cohort=cohort, community=community,
                                                 reason=reason)
    except IntegrityError as exc:
        raise DomainError(_("%(community)s is already in the cohort.")
                          % {"community": community.name}, field="community") from exc
    audit.record(action="learning.cohort.community_added", actor=actor, target=cohort,
                 data={"community": community.pk, "reason": reason})
    return member


@transaction.atomic
def member_assign_coach(*, member: CohortMember, coach: User | None, actor: User
                        ) -> CohortMember:
    """Name the community's coach: one of the cohort's coaches (or none)."""
    require(actor, "learning.manage_cohort", member.cohort)
    if coach is not None and not member.cohort.coaches.filter(pk=coach.pk).exists():
        raise DomainError(_("Choose one of the cohort's coaches."), field="coach")
    member.coach = coach
    member.save(update_fields=["coach", "updated_at"])
    audit.record(action="learning.member.coach_assigned", actor=actor, target=member,
                 data={"coach": coach.pk if coach else None})
    return member


def eligible_team(member: CohortMember) -> models.QuerySet[User]:
    """The people who may be on the community's team: its verified head and staff."""
    return (User.objects.filter(affiliations__community_id=member.community_id,
                                affiliations__status="verified")
            .distinct().order_by("full_name", "pk"))


@transaction.atomic
def member_set_team(*, member: CohortMember, people: list[User], actor: User) -> CohortMember:
    """The community names its team: only people with a verified affiliation to it."""
    require(actor, "learning.edit_team", member)
    allowed = set(eligible_team(member).values_list("pk", flat=True))
    if any(person.pk not in allowed for person in people):
        raise DomainError(_("The team can only have people verified for the community."),
                          field="team")
    member.team.set(people)
    audit.record(action="learning.member.team_set", actor=actor, target=member,
                 data={"team": sorted(p.pk for p in people)})
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
    # a community whose coach no longer coaches the cohort has none until one is named
    cohort.members.exclude(coach__in=coaches).exclude(coach__isnull=True).update(coach=None)
    audit.record(action="learning.cohort.coaches_set", actor=actor, target=cohort,
                 data={"coaches": sorted(c.pk for c in coaches)})
    return cohort
