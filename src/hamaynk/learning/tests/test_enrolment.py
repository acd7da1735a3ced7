"""Enrolment by community: seats, quotas, the waiting list and its promotion, approval,
deadlines, cut-off and hand-over."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from hamaynk.core.errors import DomainError, IllegalTransition
from hamaynk.learning.models import Enrolment
from hamaynk.learning.services import enrolment as services
from hamaynk.notifications.models import Notification
from hamaynk.tests_support import (
    AffiliationFactory,
    CommunityFactory,
    CountryFactory,
    RegionFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db
E = Enrolment.Status


@pytest.fixture(autouse=True)
def english():
    """Refusals are read in English here (the journey reads both languages)."""
    with translation.override("en"):
        yield


@pytest.fixture
def colleagues(world):
    """Three more verified staff of Akunk."""
    return [AffiliationFactory(community=world.akunk, user__full_name=f"Աշխատակից {i}").user
            for i in range(3)]


@pytest.fixture
def session(world):
    return SessionFactory(opportunity__network=world.network, capacity=10, community_quota=2)


def _enrol(session, world, person, community=None, actor=None):
    return services.enrol(session=session, community=community or world.akunk, person=person,
                          actor=actor or world.staff)


def test_enrol_waitlists_beyond_the_community_quota(world, session, colleagues):
    first, second, third = (_enrol(session, world, p) for p in colleagues)
    assert [first.status, second.status, third.status] == [E.CONFIRMED, E.CONFIRMED,
                                                            E.WAITLISTED]
    dilijan = services.enrol(session=session, community=world.dilijan, person=world.other_head,
                             actor=world.other_head)
    assert dilijan.status == E.CONFIRMED  # another community's quota is its own


def test_enrol_waitlists_beyond_the_capacity_and_the_country_quota(world, colleagues):
    session = SessionFactory(opportunity__network=world.network, capacity=2)
    a, b, c = (_enrol(session, world, p) for p in colleagues)
    assert c.status == E.WAITLISTED
    by_country = SessionFactory(opportunity__network=world.network, capacity=10,
                                country_quota=1)
    assert _enrol(by_country, world, colleagues[0]).status == E.CONFIRMED
    moldova = RegionFactory(code="MD-CU", country=CountryFactory(code="MD", name_en="Moldova"))
    chisinau = CommunityFactory(region=moldova)
    mayor = AffiliationFactory(community=chisinau, role="head").user
    assert services.enrol(session=by_country, community=world.dilijan, person=world.other_head,
                          actor=world.other_head).status == E.WAITLISTED
    assert services.enrol(session=by_country, community=chisinau, person=mayor,
                          actor=mayor).status == E.CONFIRMED


def test_cancel_promotes_the_first_waitlisted_that_fits_and_tells_them(world, session,
                                                                       colleagues):
    first, _second, third = (_enrol(session, world, p) for p in colleagues)
    fourth = _enrol(session, world, world.head)
    assert fourth.status == E.WAITLISTED
    services.cancel(enrolment=first, actor=world.staff)
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert (third.status, fourth.status) == (E.CONFIRMED, E.WAITLISTED)
    told = Notification.objects.filter(recipient=third.person,
                                       kind="learning.enrolment.promoted")
    assert told.count() == 1


def test_promotion_skips_a_waitlisted_enrolment_that_still_does_not_fit(world, colleagues):
    session = SessionFactory(opportunity__network=world.network, capacity=3, community_quota=2)
    a, b, c = (_enrol(session, world, p) for p in colleagues)  # c: Akunk's quota
    d = services.enrol(session=session, community=world.dilijan, person=world.other_head,
                       actor=world.other_head)  # the last seat
    e = _enrol(session, world, world.head)  # capacity and quota
    assert (c.status, d.status, e.status) == (E.WAITLISTED, E.CONFIRMED, E.WAITLISTED)
    services.cancel(enrolment=d, actor=world.other_head)  # a seat, but Akunk has its two
    c.refresh_from_db()
    assert c.status == E.WAITLISTED
    services.cancel(enrolment=a, actor=world.staff)
    c.refresh_from_db()
    e.refresh_from_db()
    assert (c.status, e.status) == (E.CONFIRMED, E.WAITLISTED)


def test_more_seats_promote_in_order(world, colleagues):
    from hamaynk.learning.services import catalogue

    session = SessionFactory(opportunity__network=world.network, capacity=1)
    a, b, c = (_enrol(session, world, p) for p in colleagues)
    values = {f: getattr(session, f) for f in catalogue.SESSION_FIELDS}
    catalogue.session_update(session=session, actor=world.secretariat, **{**values,
                                                                          "capacity": 2})
    b.refresh_from_db()
    c.refresh_from_db()
    assert (b.status, c.status) == (E.CONFIRMED, E.WAITLISTED)


def test_enrolment_is_refused_after_its_deadline(world, session, colleagues):
    with time_machine.travel(session.enrolment_deadline + datetime.timedelta(minutes=1)), \
            pytest.raises(DomainError, match="closed") as refused:
        _enrol(session, world, colleagues[0])
    assert refused.value.field == "person"
    assert not Enrolment.objects.exists()


def test_cancel_is_refused_after_the_cut_off_for_the_community(world, colleagues):
    session = SessionFactory(opportunity__network=world.network,
                             cancellation_cutoff=timezone.now() + datetime.timedelta(days=12))
    enrolment = _enrol(session, world, colleagues[0])
    with time_machine.travel(session.cancellation_cutoff + datetime.timedelta(hours=1)):
        with pytest.raises(DomainError, match="Cancellation closed"):
            services.cancel(enrolment=enrolment, actor=world.staff)
        enrolment.refresh_from_db()
        assert enrolment.status == E.CONFIRMED
        services.cancel(enrolment=enrolment, actor=world.secretariat)  # the organiser may
    enrolment.refresh_from_db()
    assert enrolment.status == E.CANCELLED


def test_only_a_verified_colleague_can_be_enrolled(world, session):
    with pytest.raises(DomainError, match="verified affiliation") as refused:
        _enrol(session, world, world.pending)
    assert refused.value.field == "person"
    with pytest.raises(DomainError, match="verified affiliation"):
        _enrol(session, world, world.other_head)  # Dilijan's head is not Akunk's


def test_another_communitys_staff_is_refused(world, session):
    for actor in (world.other_head, world.pending, world.outsider, world.secretariat,
                  world.coach):
        with pytest.raises(PermissionDenied):
            _enrol(session, world, world.staff, actor=actor)
    assert not Enrolment.objects.exists()


def test_a_person_is_enrolled_once(world, session):
    _enrol(session, world, world.head)
    with pytest.raises(DomainError, match="already enrolled"):
        _enrol(session, world, world.head)


def test_hand_over_only_to_a_verified_colleague_of_the_same_community(world, session,
                                                                      colleagues):
    enrolment = _enrol(session, world, colleagues[0])
    with pytest.raises(DomainError, match="verified affiliation"):
        services.hand_over(enrolment=enrolment, actor=world.staff, person=world.other_head)
    with pytest.raises(DomainError, match="verified affiliation"):
        services.hand_over(enrolment=enrolment, actor=world.staff, person=world.pending)
    with pytest.raises(PermissionDenied):
        services.hand_over(enrolment=enrolment, actor=world.other_head, person=colleagues[1])
    services.hand_over(enrolment=enrolment, actor=world.staff, person=colleagues[1])
    enrolment.refresh_from_db()
    assert enrolment.person == colleagues[1] and enrolment.status == E.CONFIRMED
    assert Notification.objects.filter(recipient=colleagues[1],
                                       kind="learning.enrolment.handed_over").exists()


def test_organiser_approval_gives_a_seat_or_the_waiting_list(world, colleagues):
    session = SessionFactory(opportunity__network=world.network, capacity=1,
                             needs_approval=True)
    a, b = (_enrol(session, world, p) for p in colleagues[:2])
    assert (a.status, b.status) == (E.REQUESTED, E.REQUESTED)
    with pytest.raises(PermissionDenied):
        services.decide(enrolment=a, actor=world.other_secretariat, approve=True)
    with pytest.raises(PermissionDenied):
        services.decide(enrolment=a, actor=world.staff, approve=True)
    assert services.decide(enrolment=a, actor=world.secretariat, approve=True).status \
        == E.CONFIRMED
    assert services.decide(enrolment=b, actor=world.secretariat, approve=True).status \
        == E.WAITLISTED
    c = _enrol(session, world, colleagues[2])
    declined = services.decide(enrolment=c, actor=world.secretariat, approve=False,
                               reason="Միայն ֆինանսական բաժնի համար")
    assert declined.status == E.DECLINED
    assert Notification.objects.filter(recipient=colleagues[2],
                                       kind="learning.enrolment.declined").exists()
    with pytest.raises(IllegalTransition):
        services.cancel(enrolment=declined, actor=world.staff)


def test_enrolment_in_an_unpublished_opportunity_is_refused(world, colleagues):
    session = SessionFactory(opportunity__network=world.network, opportunity__status="draft")
    with pytest.raises(DomainError, match="not open"):
        _enrol(session, world, colleagues[0])
