"""Who may do what with cohorts and coaching paths.

* The secretariat of the cohort's network manages the cohort: its communities (with the
  reason), their coaches, the path; it sees everything of its cohorts.
* A coach of the cohort sees the cohort page; the coach *assigned to a community* sees and
  writes that community's log and reviews its assignments.
* A community's verified head and staff see their own coaching page and log, name their
  team, hand in assignments and mark their actions done.
Everyone else gets a 404, the same as for a missing object."""

from typing import Any

import rules

from hamaynk.accounts.permissions import (
    acts_for_the_owner,
    serves_the_owner,
    verified_community_ids,
)
from hamaynk.learning.models import Certificate, Cohort, CohortMember, Opportunity


def _member(obj: Any) -> CohortMember | None:
    if isinstance(obj, CohortMember):
        return obj
    member = getattr(obj, "member", None)
    return member if isinstance(member, CohortMember) else None


@rules.predicate
def coaches_the_cohort(user: Any, cohort: Any) -> bool:
    return isinstance(cohort, Cohort) and cohort.coaches.filter(pk=getattr(user, "pk", None)
                                                                ).exists()


@rules.predicate
def coaches_the_community(user: Any, obj: Any) -> bool:
    """The coach assigned to the cohort community (of a member, a session, a submission)."""
    member = _member(obj)
    return (member is not None and member.coach_id is not None
            and member.coach_id == getattr(user, "pk", None))


@rules.predicate
def is_published(user: Any, opportunity: Any) -> bool:
    return isinstance(opportunity, Opportunity) and (
        opportunity.status == Opportunity.Status.PUBLISHED)


@rules.predicate
def acts_for_the_community(user: Any, community: Any) -> bool:
    """A verified head or staff member of this very community."""
    return getattr(community, "pk", None) in verified_community_ids(user)


@rules.predicate
def is_the_enrolled_person(user: Any, enrolment: Any) -> bool:
    person_id = getattr(enrolment, "person_id", None)
    return person_id is not None and person_id == getattr(user, "pk", None)


@rules.predicate
def acts_for_some_community(user: Any) -> bool:
    return bool(verified_community_ids(user))


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
# A cohort community (or its session, action, submission): owned by the network and the
# community.
rules.add_perm("learning.view_member", serves_the_owner | coaches_the_community
               | acts_for_the_owner)
rules.add_perm("learning.view_member_files", serves_the_owner | coaches_the_community
               | acts_for_the_owner)
rules.add_perm("learning.edit_team", acts_for_the_owner)
rules.add_perm("learning.log_session", coaches_the_community | serves_the_owner)
rules.add_perm("learning.follow_up", serves_the_owner | coaches_the_community
               | acts_for_the_owner)
rules.add_perm("learning.hand_in", acts_for_the_owner)
rules.add_perm("learning.review_submission", coaches_the_community)
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
# The quiz: the enrolled person only, answering for themselves.
rules.add_perm("learning.take_quiz", is_the_enrolled_person)
# The feedback questionnaire: answered by the enrolled person themselves.
rules.add_perm("learning.give_feedback", is_the_enrolled_person)
