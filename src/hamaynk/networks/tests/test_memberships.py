import datetime
import itertools

import pytest
from django.core.exceptions import PermissionDenied

from hamaynk.core.errors import DomainError, IllegalTransition
from hamaynk.core.models import AuditEntry
from hamaynk.networks import services
from hamaynk.networks.models import DevelopmentPlan, Membership
from hamaynk.networks.tests.conftest import pdf_upload
from hamaynk.notifications.models import Notification

pytestmark = pytest.mark.django_db
M = Membership.Status
UTC = datetime.UTC


@pytest.fixture(autouse=True)
def _clock(time_machine):
    """These tests walk a membership through fixed dates: the clock is set before any data
    is made, so nothing depends on the day the suite runs."""
    time_machine.move_to(datetime.datetime(2026, 10, 1, 8, tzinfo=UTC))


@pytest.fixture
def junior(world, m4eg):
    return Membership.objects.create(network=m4eg, community=world.akunk, status="junior",
                                     since=datetime.date(2025, 12, 1),
                                     plan_due=datetime.date(2026, 12, 1))


def submit_plan(world, membership):
    return services.plan_submit(membership=membership, actor=world.staff, title="ՏՏԶԾ 2026–2030",
                                upload=pdf_upload("ledp.pdf"),
                                building_blocks=["finance", "skills", "nonsense"])


def test_plan_approval_makes_the_junior_acting(world, junior):
    plan = submit_plan(world, junior)
    assert plan.building_blocks == ["finance", "skills"]
    with pytest.raises(PermissionDenied):
        services.plan_approve(plan=plan, actor=world.head)
    membership = services.plan_approve(plan=plan, actor=world.secretariat)
    assert membership.status == M.ACTING
    assert AuditEntry.objects.filter(action="networks.plan.approved").exists()


def test_plan_returned_then_resubmitted(world, junior):
    plan = submit_plan(world, junior)
    with pytest.raises(DomainError):
        submit_plan(world, junior)  # one awaiting review at a time
    with pytest.raises(DomainError):
        services.plan_return(plan=plan, actor=world.secretariat, message="")
    services.plan_return(plan=plan, actor=world.secretariat, message="Add the action plan")
    second = submit_plan(world, junior)
    assert second.status == DevelopmentPlan.Status.SUBMITTED
    junior.refresh_from_db()
    assert junior.status == M.JUNIOR


def test_plan_needs_building_blocks_and_a_real_document(world, junior):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(DomainError):
        services.plan_submit(membership=junior, actor=world.staff, title="x",
                             upload=pdf_upload(), building_blocks=[])
    with pytest.raises(ValidationError):
        services.plan_submit(membership=junior, actor=world.staff, title="x",
                             upload=SimpleUploadedFile("ledp.pdf", b"not a pdf"),
                             building_blocks=["land"])
    assert not DevelopmentPlan.objects.exists()


def test_reminders_go_30_and_7_days_before_and_only_once(world, junior, time_machine):
    time_machine.move_to(datetime.datetime(2026, 10, 20, 8, tzinfo=UTC))  # 42 days left
    assert services.send_plan_reminders() == 0
    time_machine.move_to(datetime.datetime(2026, 11, 1, 8, tzinfo=UTC))  # 30 days left
    assert services.send_plan_reminders() == 1
    assert services.send_plan_reminders() == 0
    notes = Notification.objects.filter(kind="networks.plan.reminder")
    assert {n.recipient for n in notes} == {world.head, world.staff}
    time_machine.move_to(datetime.datetime(2026, 11, 24, 8, tzinfo=UTC))  # 7 days left
    assert services.send_plan_reminders() == 1
    assert services.send_plan_reminders() == 0
    assert AuditEntry.objects.filter(action="networks.plan.reminder_sent").count() == 2


def test_overdue_junior_is_suspended_at_midnight_yerevan(world, junior, time_machine):
    # 1 Dec 2026 23:59 in Yerevan (UTC+4): still on time.
    time_machine.move_to(datetime.datetime(2026, 12, 1, 19, 59, tzinfo=UTC))
    assert services.suspend_overdue_members() == 0
    time_machine.move_to(datetime.datetime(2026, 12, 1, 20, 0, 1, tzinfo=UTC))  # 2 Dec 00:00
    assert services.suspend_overdue_members() == 1
    junior.refresh_from_db()
    assert junior.status == M.SUSPENDED and junior.status_before_suspension == M.JUNIOR
    entry = AuditEntry.objects.get(action="networks.membership.suspended")
    assert entry.actor is None and entry.data["code"] == "plan_overdue"


def test_approved_plan_prevents_suspension(world, junior, time_machine):
    plan = submit_plan(world, junior)
    services.plan_approve(plan=plan, actor=world.secretariat)
    time_machine.move_to(datetime.datetime(2027, 6, 1, tzinfo=UTC))
    assert services.suspend_overdue_members() == 0


def test_reinstate_a_late_junior_needs_a_new_due_date(world, junior, time_machine):
    time_machine.move_to(datetime.datetime(2027, 1, 10, tzinfo=UTC))
    services.suspend_overdue_members()
    junior.refresh_from_db()
    with pytest.raises(DomainError):
        services.membership_reinstate(membership=junior, actor=world.secretariat,
                                      reason="flood", new_plan_due=None)
    services.membership_reinstate(membership=junior, actor=world.secretariat, reason="flood",
                                  new_plan_due=datetime.date(2027, 6, 1))
    junior.refresh_from_db()
    assert (junior.status, junior.plan_due) == (M.JUNIOR, datetime.date(2027, 6, 1))
    assert services.suspend_overdue_members() == 0


def test_suspended_member_whose_plan_is_approved_becomes_acting(world, junior, time_machine):
    time_machine.move_to(datetime.datetime(2027, 1, 10, tzinfo=UTC))
    services.suspend_overdue_members()
    junior.refresh_from_db()
    plan = submit_plan(world, junior)
    assert services.plan_approve(plan=plan, actor=world.secretariat).status == M.ACTING


def test_only_the_head_withdraws(world, junior):
    with pytest.raises(PermissionDenied):
        services.membership_withdraw(membership=junior, actor=world.staff, reason="")
    services.membership_withdraw(membership=junior, actor=world.head, reason="council decision")
    junior.refresh_from_db()
    assert junior.status == M.WITHDRAWN


ACTIONS = {
    M.SUSPENDED: lambda w, m: services.membership_suspend(membership=m, actor=w.secretariat,
                                                          reason="late report"),
    M.WITHDRAWN: lambda w, m: services.membership_withdraw(membership=m, actor=w.head,
                                                           reason="x"),
}


@pytest.mark.parametrize(("source", "target"), list(itertools.product(M.values, ACTIONS)))
def test_membership_state_machine(world, junior, source, target):
    Membership.objects.filter(pk=junior.pk).update(status=source,
                                                   status_before_suspension="junior")
    junior.refresh_from_db()
    if target in services.MEMBERSHIP_TRANSITIONS[source]:
        ACTIONS[target](world, junior)
        junior.refresh_from_db()
        assert junior.status == target
    else:
        with pytest.raises(IllegalTransition):
            ACTIONS[target](world, junior)


@pytest.mark.parametrize("source", list(M.values))
def test_reinstate_only_from_suspended(world, junior, source):
    Membership.objects.filter(pk=junior.pk).update(status=source,
                                                   status_before_suspension="acting")
    junior.refresh_from_db()
    if source == M.SUSPENDED:
        services.membership_reinstate(membership=junior, actor=world.secretariat, reason="ok")
        junior.refresh_from_db()
        assert junior.status == M.ACTING
    else:
        with pytest.raises(IllegalTransition):
            services.membership_reinstate(membership=junior, actor=world.secretariat,
                                          reason="ok")
