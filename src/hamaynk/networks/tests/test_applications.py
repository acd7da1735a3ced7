import datetime
import itertools

import pytest
from django.core.exceptions import PermissionDenied

from hamaynk.core.errors import DomainError, IllegalTransition
from hamaynk.core.models import AuditEntry
from hamaynk.networks import services
from hamaynk.networks.models import Membership, MembershipApplication
from hamaynk.notifications.models import Notification

pytestmark = pytest.mark.django_db
A = MembershipApplication.Status


def act(target, application, world):
    """Try to move `application` to `target` through the service that does it."""
    if target == A.SUBMITTED:
        return services.application_sign_and_submit(
            application=application, actor=world.head, expected_version=None,
            typed_name=world.head.full_name)
    if target == A.WITHDRAWN:
        return services.application_withdraw(application=application, actor=world.staff)
    service = {A.CHANGES_REQUESTED: services.application_request_changes,
               A.APPROVED: services.application_approve,
               A.REJECTED: services.application_reject}[target]
    return service(application=application, actor=world.secretariat, expected_version=None,
                   message="a message")


TARGETS = [A.SUBMITTED, A.CHANGES_REQUESTED, A.APPROVED, A.REJECTED, A.WITHDRAWN]


@pytest.mark.parametrize(("source", "target"), list(itertools.product(A.values, TARGETS)))
def test_application_state_machine_allows_exactly_the_table(world, ready_application, source,
                                                            target):
    MembershipApplication.objects.filter(pk=ready_application.pk).update(status=source)
    ready_application.refresh_from_db()
    if target in services.APPLICATION_TRANSITIONS[source]:
        act(target, ready_application, world)
        ready_application.refresh_from_db()
        assert ready_application.status == target
    else:
        with pytest.raises((IllegalTransition, DomainError)):
            act(target, ready_application, world)
        ready_application.refresh_from_db()
        assert ready_application.status == source


def test_start_twice_makes_one_application(world, m4eg):
    services.application_start(network=m4eg, community=world.akunk, actor=world.staff)
    with pytest.raises(DomainError):
        services.application_start(network=m4eg, community=world.akunk, actor=world.head)
    assert MembershipApplication.objects.filter(community=world.akunk).count() == 1


def test_a_member_cannot_apply_again(world, m4eg):
    with pytest.raises(DomainError):
        services.application_start(network=m4eg, community=world.dilijan,
                                   actor=world.other_head)


@pytest.mark.parametrize("who", ["staff", "pending", "other_head", "reviewer", "secretariat"])
def test_only_the_head_of_the_community_can_sign(world, ready_application, who):
    with pytest.raises(PermissionDenied):
        services.application_sign_and_submit(
            application=ready_application, actor=getattr(world, who), expected_version=None,
            typed_name=getattr(world, who).full_name)
    ready_application.refresh_from_db()
    assert ready_application.status == A.DRAFT and ready_application.signed_at is None


def test_signature_needs_the_heads_own_full_name(world, ready_application):
    with pytest.raises(DomainError) as exc:
        services.application_sign_and_submit(application=ready_application, actor=world.head,
                                             expected_version=None, typed_name="Someone Else")
    assert exc.value.field == "typed_name"


def test_incomplete_application_cannot_be_submitted(world, ready_application):
    ready_application.accepted_commitments.clear()
    with pytest.raises(DomainError, match="commitment"):
        services.application_sign_and_submit(application=ready_application, actor=world.head,
                                             expected_version=None,
                                             typed_name=world.head.full_name)
    assert len(services.application_missing(ready_application)) == 1


def test_sign_records_who_when_and_tells_the_secretariat(world, ready_application,
                                                       django_capture_on_commit_callbacks,
                                                       mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        services.application_sign_and_submit(
            application=ready_application, actor=world.head, expected_version=None,
            typed_name=f"  {world.head.full_name.upper()} ")
    ready_application.refresh_from_db()
    assert ready_application.signed_by == world.head and ready_application.signed_at
    signed = AuditEntry.objects.get(action="networks.application.signed")
    assert signed.actor == world.head and signed.data["signed_at"]
    assert Notification.objects.filter(recipient=world.secretariat,
                                       kind="networks.application.received").exists()
    assert any(world.secretariat.email in m.to for m in mailoutbox)


def test_a_decision_on_an_application_that_changed_meanwhile_is_refused(world,
                                                                      ready_application):
    services.application_sign_and_submit(application=ready_application, actor=world.head,
                                         expected_version=None,
                                         typed_name=world.head.full_name)
    seen = MembershipApplication.objects.get(pk=ready_application.pk).version
    services.application_withdraw(application=ready_application, actor=world.staff)
    with pytest.raises((DomainError, IllegalTransition)):
        services.application_approve(application=ready_application, actor=world.secretariat,
                                     expected_version=seen)
    assert not Membership.objects.filter(community=world.akunk).exists()


def test_stale_version_is_refused_even_when_the_transition_is_allowed(world,
                                                                     ready_application):
    submitted = services.application_sign_and_submit(
        application=ready_application, actor=world.head, expected_version=None,
        typed_name=world.head.full_name)
    with pytest.raises(DomainError, match="changed"):
        services.application_approve(application=submitted, actor=world.secretariat,
                                     expected_version=submitted.version - 1)


@pytest.fixture
def on_23_november_2026(time_machine):
    """The clock set before any data is made (request this fixture first)."""
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC))


def test_approval_makes_a_junior_member_with_the_ledp_due_date(on_23_november_2026, world,
                                                              ready_application):
    services.application_sign_and_submit(application=ready_application, actor=world.head,
                                         expected_version=None,
                                         typed_name=world.head.full_name)
    membership = services.application_approve(application=ready_application,
                                               actor=world.secretariat, expected_version=None)
    assert (membership.status, membership.since, membership.plan_due) == (
        "junior", datetime.date(2026, 11, 23), datetime.date(2027, 11, 23))
    assert AuditEntry.objects.filter(action="networks.membership.created").exists()


def test_changes_requested_then_resubmitted(world, ready_application):
    services.application_sign_and_submit(application=ready_application, actor=world.head,
                                         expected_version=None,
                                         typed_name=world.head.full_name)
    with pytest.raises(DomainError):
        services.application_request_changes(application=ready_application,
                                             actor=world.secretariat, expected_version=None,
                                             message="  ")
    services.application_request_changes(application=ready_application, actor=world.secretariat,
                                         expected_version=None, message="Attach the scan")
    ready_application.refresh_from_db()
    assert ready_application.is_editable and ready_application.review_message
    services.application_sign_and_submit(application=ready_application, actor=world.head,
                                         expected_version=None,
                                         typed_name=world.head.full_name)
    ready_application.refresh_from_db()
    assert ready_application.status == A.SUBMITTED and ready_application.review_message == ""


def test_one_open_application_per_community_is_a_database_rule(world, ready_application):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipApplication.objects.create(network=ready_application.network,
                                             community=world.akunk)
