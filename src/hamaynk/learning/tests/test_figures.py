"""The figures the results module reads: people trained (by community, role, gender with
small buckets suppressed), hours of learning, communities completing the path."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from hamaynk.learning.models import StepProgress
from hamaynk.learning.selectors import figures
from hamaynk.tests_support import (
    AffiliationFactory,
    CohortFactory,
    CohortMemberFactory,
    CommunityFactory,
    EnrolmentFactory,
    PathStepFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _days_ago(days: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def course(world):
    return SessionFactory(opportunity__network=world.network, opportunity__hours=Decimal("6"),
                          starts_at=_days_ago(30), ends_at=_days_ago(29.8),
                          enrolment_deadline=_days_ago(40))


def _completed(session, community, *, gender="", role="staff", days_ago=10):
    person = UserFactory(gender=gender)
    AffiliationFactory(user=person, community=community, role=role)
    person.affiliations.update(created_at=_days_ago(365))
    return EnrolmentFactory(session=session, community=community, person=person,
                            completed_at=_days_ago(days_ago))


def _buckets(items):
    return {b.key: b.count for b in items}


def test_people_trained_counts_distinct_people_by_community_role_and_gender(world, course):
    for i in range(6):
        _completed(course, world.akunk, gender="female" if i < 5 else "")
    world.other_head.gender = "male"
    world.other_head.save()
    world.other_head.affiliations.update(created_at=_days_ago(365))
    head = EnrolmentFactory(session=course, community=world.dilijan, person=world.other_head,
                            completed_at=_days_ago(10))
    again = SessionFactory(opportunity=course.opportunity, starts_at=_days_ago(20),
                           ends_at=_days_ago(19.8), enrolment_deadline=_days_ago(25))
    EnrolmentFactory(session=again, community=world.dilijan, person=head.person,
                     completed_at=_days_ago(5))  # the same person twice: counted once
    EnrolmentFactory(session=course, community=world.dilijan)  # not completed
    result = figures.people_trained(network=world.network)
    assert result.total == 7
    assert [(c.name, c.value) for c in result.by_community] == [("Akunk", 6), ("Dilijan", 1)]
    # one head: hidden, and the staff with it (else 7 - 6 would tell)
    assert _buckets(result.by_role) == {"head": None, "staff": None, "none": 0}
    # not stated (1) and male (1) are both fewer than 5: neither number is shown
    assert _buckets(result.by_gender) == {"female": 5, "male": None, "other": 0,
                                          "not_stated": None}
    assert [b.label for b in result.by_gender] == ["woman", "man", "another gender",
                                                   "not stated"]


def test_one_small_bucket_hides_the_next_smallest_too(world, course):
    for _ in range(7):
        _completed(course, world.akunk, gender="female")
    for _ in range(5):
        _completed(course, world.akunk, gender="male")
    _completed(course, world.akunk, gender="other")
    by_gender = _buckets(figures.people_trained(network=world.network).by_gender)
    assert by_gender == {"female": 7, "male": None, "other": None, "not_stated": 0}


def test_gender_is_optional_and_not_stated_is_its_own_bucket(world, course):
    for _ in range(5):
        _completed(course, world.akunk)  # nobody stated a gender
    by_gender = _buckets(figures.people_trained(network=world.network).by_gender)
    assert by_gender == {"female": 0, "male": 0, "other": 0, "not_stated": 5}


def test_the_period_and_the_network_bound_what_is_counted(world, course):
    _completed(course, world.akunk, days_ago=40)
    _completed(course, world.akunk, days_ago=10)
    elsewhere = SessionFactory(opportunity__network=world.other_network,
                               opportunity__hours=Decimal("3"))
    _completed(elsewhere, world.akunk)
    result = figures.people_trained(network=world.network, start=_days_ago(30),
                                    end=timezone.now())
    assert result.total == 1
    assert figures.people_trained(network=world.network, end=_days_ago(30)).total == 1
    assert figures.people_trained(network=world.other_network).total == 1


def test_the_role_is_the_one_held_when_the_person_completed(world, course):
    community = CommunityFactory(region=world.kotayk)
    enrolment = _completed(course, community, role="staff", days_ago=10)
    later = AffiliationFactory.build(user=enrolment.person, community=community, role="head",
                                     status="verified")
    enrolment.person.affiliations.update(status="revoked")
    later.save()  # made after the completion: not the role it was done in
    assert _buckets(figures.people_trained(network=world.network).by_role)["staff"] is None
    assert _buckets(figures.people_trained(network=world.network).by_role)["head"] == 0


def test_hours_of_learning_sum_the_completed_enrolments_hours(world, course):
    _completed(course, world.akunk)
    _completed(course, world.akunk)
    _completed(course, world.dilijan)
    no_hours = SessionFactory(opportunity__network=world.network, opportunity__hours=None)
    _completed(no_hours, world.dilijan)
    EnrolmentFactory(session=course, community=world.dilijan)  # not completed: no hours
    result = figures.hours_of_learning(network=world.network)
    assert result.total == Decimal("18")
    assert [(c.name, c.value) for c in result.by_community] == [("Akunk", Decimal("12")),
                                                                 ("Dilijan", Decimal("6"))]
    assert figures.hours_of_learning(network=world.other_network).total == 0


def test_figures_cost_the_same_queries_for_one_or_many(world, course,
                                                       django_assert_max_num_queries):
    _completed(course, world.akunk)
    with django_assert_max_num_queries(5):
        figures.people_trained(network=world.network)
    for _ in range(20):
        _completed(course, CommunityFactory(region=world.kotayk), gender="other")
    with django_assert_max_num_queries(5):
        figures.people_trained(network=world.network)
    with django_assert_max_num_queries(3):
        figures.hours_of_learning(network=world.network)


def test_communities_completing_the_path_have_done_every_step(world):
    cohort = CohortFactory(network=world.network)
    steps = [PathStepFactory(cohort=cohort, order=n) for n in (1, 2)]
    done, halfway, _none = (CohortMemberFactory(cohort=cohort) for _ in range(3))
    for step in steps:
        StepProgress.objects.create(step=step, member=done, done_at=timezone.now())
    StepProgress.objects.create(step=steps[0], member=halfway, done_at=timezone.now())
    result = figures.communities_completing_path(cohort=cohort)
    assert (result.members, result.steps, result.completed) == (3, 2, 1)
    assert result.community_ids == [done.community_id]
    empty = CohortFactory(network=world.network, name_hy="Առանց քայլերի")
    CohortMemberFactory(cohort=empty)
    assert figures.communities_completing_path(cohort=empty).completed == 0


def test_the_management_page_shows_the_networks_totals_kept_until_an_enrolment_changes(
        client, world, course):
    _completed(course, world.akunk)
    _completed(course, world.akunk)
    client.force_login(world.secretariat)
    client.cookies["hamaynk_language"] = "en"
    page = client.get(f"/learning/manage/{world.network.slug}/").content.decode()
    assert "People trained: 2" in page and "Hours of learning: 12" in page
    _completed(course, world.dilijan)  # a save moves the kept totals on
    assert figures.network_totals(network=world.network) == figures.Totals(
        people_trained=3, hours=Decimal("18"))
