"""Fixtures shared by the coaching tests: M4EG's cohort with its coach, and Akunk in it
with that coach and a team of two (its staff member and its head)."""

import pytest

from hamaynk.learning.models import Cohort, CohortMember
from hamaynk.learning.services import cohorts as cohort_services


@pytest.fixture
def cohort(world) -> Cohort:
    cohort = cohort_services.cohort_create(network=world.network, actor=world.secretariat,
                                           name_hy="Պորտֆելներ", name_en="Portfolios")
    cohort_services.cohort_set_coaches(cohort=cohort, coaches=[world.coach],
                                       actor=world.secretariat)
    return cohort


@pytest.fixture
def akunk(world, cohort) -> CohortMember:
    member = cohort_services.cohort_add_community(cohort=cohort, community=world.akunk,
                                                  actor=world.secretariat, reason="Պատրաստ է")
    cohort_services.member_assign_coach(member=member, coach=world.coach,
                                        actor=world.secretariat)
    cohort_services.member_set_team(member=member, people=[world.staff, world.head],
                                    actor=world.head)
    return member
