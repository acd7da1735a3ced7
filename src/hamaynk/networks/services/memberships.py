"""Life as a member: the LEDP (submit → approve / return), suspension and reinstatement,
withdrawal, and the daily reminders and automatic suspension."""

import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.communities.selectors import people_acting_for
from hamaynk.core import audit
from hamaynk.core.errors import DomainError, IllegalTransition
from hamaynk.core.files import DOCUMENTS, store_upload
from hamaynk.core.models import StoredFile
from hamaynk.networks.models import DevelopmentPlan, Membership
from hamaynk.networks.selectors import secretariat_officers
from hamaynk.networks.services._common import (
    move,
    require,
    today_in,
)
from hamaynk.notifications.services import notify

M = Membership.Status
MEMBERSHIP_TRANSITIONS: dict[str, frozenset[str]] = {
    M.MEMBER: frozenset({M.SUSPENDED, M.WITHDRAWN}),
    M.JUNIOR: frozenset({M.ACTING, M.SUSPENDED, M.WITHDRAWN}),
    M.ACTING: frozenset({M.SUSPENDED, M.WITHDRAWN}),
    M.SUSPENDED: frozenset({M.MEMBER, M.JUNIOR, M.ACTING, M.WITHDRAWN}),
    M.WITHDRAWN: frozenset(),
}
P = DevelopmentPlan.Status
PLAN_TRANSITIONS: dict[str, frozenset[str]] = {
    P.SUBMITTED: frozenset({P.APPROVED, P.RETURNED}),
    P.APPROVED: frozenset(),
    P.RETURNED: frozenset(),
}


def _locked(membership: Membership) -> Membership:
    return (Membership.objects.select_for_update().select_related("network", "community")
            .get(pk=membership.pk))


def _tell_community(membership: Membership, kind: str, template: str, *,
                    essential: bool = True, **context: object) -> None:
    for person in people_acting_for(membership.community_id):
        notify(recipient=person, kind=kind, essential=essential, template=template,
               context={"membership": membership, **context},
               url=membership.get_absolute_url())


@transaction.atomic
def plan_submit(*, membership: Membership, actor: User, title: str, upload: UploadedFile,
                building_blocks: list[str]) -> DevelopmentPlan:
    require(actor, "networks.submit_plan", membership)
    locked = _locked(membership)
    if not locked.network.requires_plan:
        raise DomainError(_("This network does not ask for a development plan."))
    if locked.status not in (M.JUNIOR, M.ACTING, M.SUSPENDED):
        raise DomainError(_("A plan can be submitted only by a member."))
    blocks = [b for b in DevelopmentPlan.Block.values if b in set(building_blocks)]
    if not blocks:
        raise DomainError(_("Choose the building blocks the plan covers."),
                          field="building_blocks")
    if locked.plans.filter(status=P.SUBMITTED).exists():
        raise DomainError(_("A plan is already awaiting review."))
    stored = store_upload(upload=upload, uploaded_by=actor, allowed=DOCUMENTS, owner=locked,
                          visibility=StoredFile.Visibility.COMMUNITY)
    plan = DevelopmentPlan.objects.create(membership=locked, title=title.strip(), file=stored,
                                          building_blocks=blocks, submitted_by=actor)
    audit.record(action="networks.plan.submitted", actor=actor, target=locked,
                 data={"plan": plan.pk, "blocks": blocks})
    for officer in secretariat_officers(network=locked.network):
        notify(recipient=officer, kind="networks.plan.submitted",
               template="networks/notifications/plan_submitted",
               context={"membership": locked, "plan": plan}, url=locked.get_absolute_url())
    return plan


def _decide_plan(plan: DevelopmentPlan, actor: User, target: str,
                 message: str) -> tuple[DevelopmentPlan, Membership]:
    require(actor, "networks.decide_plan", plan)
    locked = DevelopmentPlan.objects.select_for_update().get(pk=plan.pk)
    membership = _locked(plan.membership)
    move(locked, target, PLAN_TRANSITIONS)
    locked.decided_by, locked.decided_at, locked.message = actor, timezone.now(), message.strip()
    locked.save()
    return locked, membership


@transaction.atomic
def plan_approve(*, plan: DevelopmentPlan, actor: User, message: str = "") -> Membership:
    """Approving the LEDP makes a junior (or a member suspended for a late plan) acting."""
    approved, membership = _decide_plan(plan, actor, P.APPROVED, message)
    source = membership.status
    if source in (M.JUNIOR, M.SUSPENDED):
        move(membership, M.ACTING, MEMBERSHIP_TRANSITIONS)
        membership.status_before_suspension = ""
        membership.status_reason = ""
        membership.save()
    audit.record(action="networks.plan.approved", actor=actor, target=membership,
                 data={"plan": approved.pk, "before": source, "after": membership.status})
    _tell_community(membership, "networks.plan.approved", "networks/notifications/plan_decided",
                    plan=approved)
    return membership


@transaction.atomic
def plan_return(*, plan: DevelopmentPlan, actor: User, message: str) -> DevelopmentPlan:
    if not message.strip():
        raise DomainError(_("Write what the community should change."), field="message")
    returned, membership = _decide_plan(plan, actor, P.RETURNED, message)
    audit.record(action="networks.plan.returned", actor=actor, target=membership,
                 data={"plan": returned.pk, "message": returned.message})
    _tell_community(membership, "networks.plan.returned", "networks/notifications/plan_decided",
                    plan=returned)
    return returned


def _suspend(membership: Membership, actor: User | None, reason: str, code: str) -> Membership:
    source = move(membership, M.SUSPENDED, MEMBERSHIP_TRANSITIONS)
    membership.status_before_suspension = source
    membership.status_reason = reason
    membership.save()
    audit.record(action="networks.membership.suspended", actor=actor, target=membership,
                 data={"before": source, "after": M.SUSPENDED, "reason": reason, "code": code})
    _tell_community(membership, "networks.membership.suspended",
                    "networks/notifications/membership_changed")
    return membership


@transaction.atomic
def membership_suspend(*, membership: Membership, actor: User, reason: str) -> Membership:
    require(actor, "networks.manage_membership", membership)
    if not reason.strip():
        raise DomainError(_("Give the reason: the community will read it."), field="reason")
    return _suspend(_locked(membership), actor, reason.strip(), "by_secretariat")


@transaction.atomic
def membership_reinstate(*, membership: Membership, actor: User, reason: str,
                         new_plan_due: datetime.date | None = None) -> Membership:
    """Lift a suspension (e.g. for objective external circumstances), back to the status the
    member had; a new LEDP due date keeps a late junior from being suspended again."""
    require(actor, "networks.manage_membership", membership)
    locked = _locked(membership)
    if locked.status != M.SUSPENDED:
        raise IllegalTransition(_("Only a suspended membership can be reinstated."))
    if not reason.strip():
        raise DomainError(_("Give the reason: the community will read it."), field="reason")
    target = locked.status_before_suspension or locked.network.status_on_approval
    if target == M.JUNIOR and locked.network.requires_plan:
        if new_plan_due is None or new_plan_due <= today_in(locked.network):
            raise DomainError(_("Set a new LEDP due date in the future."), field="new_plan_due")
        locked.plan_due = new_plan_due
        locked.reminded_30_at = locked.reminded_7_at = None
    source = move(locked, target, MEMBERSHIP_TRANSITIONS)
    locked.status_before_suspension = ""
    locked.status_reason = reason.strip()
    locked.save()
    audit.record(action="networks.membership.reinstated", actor=actor, target=locked,
                 data={"before": source, "after": target, "reason": locked.status_reason,
                       "plan_due": locked.plan_due.isoformat() if locked.plan_due else None})
    _tell_community(locked, "networks.membership.reinstated",
                    "networks/notifications/membership_changed")
    return locked


@transaction.atomic
def membership_withdraw(*, membership: Membership, actor: User, reason: str) -> Membership:
    """The community head withdraws the community from the network."""
    require(actor, "networks.withdraw_membership", membership)
    locked = _locked(membership)
    source = move(locked, M.WITHDRAWN, MEMBERSHIP_TRANSITIONS)
    locked.status_reason = reason.strip()
    locked.save()
    audit.record(action="networks.membership.withdrawn", actor=actor, target=locked,
                 data={"before": source, "after": M.WITHDRAWN, "reason": locked.status_reason})
    for officer in secretariat_officers(network=locked.network):
        notify(recipient=officer, kind="networks.membership.withdrawn",
               template="networks/notifications/membership_changed",
               context={"membership": locked}, url=locked.get_absolute_url())
    return locked


def _awaiting_plan(network_filter: dict[str, object]) -> list[Membership]:
    return list(Membership.objects.select_related("network", "community")
                .filter(status=M.JUNIOR, plan_due__isnull=False, network__requires_plan=True,
                        **network_filter)
                .exclude(plans__status=P.APPROVED))


def send_plan_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind juniors 30 and 7 days before their LEDP is due (once each)."""
    now = now or timezone.now()
    sent = 0
    for membership in _awaiting_plan({}):
        assert membership.plan_due is not None  # filtered by _awaiting_plan
        days_left = (membership.plan_due - today_in(membership.network)).days
        for days, field in ((7, "reminded_7_at"), (30, "reminded_30_at")):
            if 0 <= days_left <= days and getattr(membership, field) is None:
                with transaction.atomic():
                    locked = _locked(membership)
                    if getattr(locked, field) is not None:
                        break
                    setattr(locked, field, now)
                    if days == 7:  # the 30-day reminder is then moot
                        locked.reminded_30_at = locked.reminded_30_at or now
                    locked.save(update_fields=[field, "reminded_30_at", "updated_at"])
                    audit.record(action="networks.plan.reminder_sent", actor=None,
                                 target=locked, data={"days_left": days_left})
                    _tell_community(locked, "networks.plan.reminder",
                                    "networks/notifications/plan_reminder",
                                    days_left=days_left)
                sent += 1
                break
    return sent


def suspend_overdue_members() -> int:
    """Suspend juniors whose LEDP is past due (plus the network's grace days); the audit
    trail says so. Run daily."""
    suspended = 0
    for membership in _awaiting_plan({}):
        assert membership.plan_due is not None  # filtered by _awaiting_plan
        limit = membership.plan_due + datetime.timedelta(
            days=membership.network.suspension_grace_days)
        if today_in(membership.network) > limit:
            with transaction.atomic():
                locked = _locked(membership)
                if locked.status != M.JUNIOR:
                    continue
                _suspend(locked, None, str(_("The LEDP was not approved by its due date.")),
                         "plan_overdue")
            suspended += 1
    return suspended
