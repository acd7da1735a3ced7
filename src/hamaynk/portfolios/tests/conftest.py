"""Fixtures of the portfolio tests: M4EG's cohort with its coach, Akunk in it (coached by
world.coach) with its portfolio, and Dilijan in the same cohort (a peer)."""

import pytest
from django.utils import translation

from hamaynk.learning.models import CohortMember
from hamaynk.learning.services import cohorts as cohort_services
from hamaynk.portfolios.models import Portfolio
from hamaynk.portfolios.services.portfolio import portfolio_start


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def cohort(world):
    cohort = cohort_services.cohort_create(network=world.network, actor=world.secretariat,
                                           name_hy="Պորտֆելներ", name_en="Portfolios")
    cohort_services.cohort_set_coaches(cohort=cohort, coaches=[world.coach],
                                       actor=world.secretariat)
    return cohort


@pytest.fixture
def member(world, cohort) -> CohortMember:
    member = cohort_services.cohort_add_community(cohort=cohort, community=world.akunk,
                                                  actor=world.secretariat, reason="Պատրաստ է")
    cohort_services.member_assign_coach(member=member, coach=world.coach,
                                        actor=world.secretariat)
    return member


@pytest.fixture
def peer(world, cohort) -> CohortMember:
    return cohort_services.cohort_add_community(cohort=cohort, community=world.dilijan,
                                                actor=world.secretariat, reason="Ունի ծրագիր")


@pytest.fixture
def portfolio(world, member) -> Portfolio:
    return portfolio_start(member=member, actor=world.head)
