"""Life as a member: the LEDP (submit → approve / return), suspension and reinstatement,
withdrawal, and the daily reminders and automatic suspension."""

import datetime
from collections.abc import Callable

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
from hamaynk.core.transitions import lock, transition
from hamaynk.networks.models import DevelopmentPlan, Membership
from hamaynk.networks.selectors import secretariat_officers
from hamaynk.networks.services._common import require, today_in
from hamaynk.networks.states import MEMBERSHIP_TRANSITIONS, PLAN_TRANSITIONS
from hamaynk.notifications.services import announce

M, P = Membership.Status, DevelopmentPlan.Status
JOINS = ("network", "community")


def _tell_community(membership: Membership, kind: str, *, essential: bool = True,
                    **params: object) -> Callable[[], object]:
    return announce(people_acting_for(membership.community_id), kind=kind, essential=essential,
                    params={"membership": membership, **params},
                    url=membership.get_absolute_url())


@transaction.atomic
def plan_submit(*, membership: Membership, actor: User, title: str, upload: UploadedFile,
                building_blocks: list[str]) -> DevelopmentPlan:
    require(actor, "networks.submit_plan", membership)
    locked = lock(Membership, membership.pk, select_related=JOINS)
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
    announce(secretariat_officers(network=locked.network), kind="networks.plan.submitted",
             params={"membership": locked, "plan": plan}, url=locked.get_absolute_url())()
    return plan


def _decide_plan(plan: DevelopmentPlan, actor: User, target: str, message: str,
                 action: str) -> tuple[DevelopmentPlan, Membership]:
    """Decide a plan (audited on its membership), then tell the community."""
    require(actor, "networks.decide_plan", plan)
    locked = lock(DevelopmentPlan, plan.pk)
    membership = lock(Membership, plan.membership_id, select_related=JOINS)
    PLAN_TRANSITIONS.check(locked, target)
    if target == P.APPROVED and membership.status in (M.JUNIOR, M.SUSPENDED):
        # Approving the LEDP makes a junior (or a member suspended for a late plan) acting.
        membership.status_before_suspension = ""
        membership.status_reason = ""
        transition(membership, to=M.ACTING, table=MEMBERSHIP_TRANSITIONS, actor=actor,
                   action="networks.membership.acting", details={"plan": locked.pk})
    locked.decided_by, locked.decided_at, locked.message = actor, timezone.now(), message.strip()
    transition(locked, to=target, table=PLAN_TRANSITIONS, actor=actor, action=action,
               audit_target=membership, details={"plan": locked.pk, "message": locked.message},
               notify=_tell_community(membership, action,
                                      plan=locked))
    return locked, membership


@transaction.atomic
def plan_approve(*, plan: DevelopmentPlan, actor: User, message: str = "") -> Membership:
    """Approving the LEDP makes a junior (or a member suspended for a late plan) acting."""
    return _decide_plan(plan, actor, P.APPROVED, message, "networks.plan.approved")[1]


@transaction.atomic
def plan_return(*, plan: DevelopmentPlan, actor: User, message: str) -> DevelopmentPlan:
    if not message.strip():
        raise DomainError(_("Write what the community should change."), field="message")
    return _decide_plan(plan, actor, P.RETURNED, message, "networks.plan.returned")[0]


def _suspend(membership: Membership, actor: User | None, reason: str, code: str) -> Membership:
    membership.status_before_suspension = MEMBERSHIP_TRANSITIONS.check(membership, M.SUSPENDED)
    membership.status_reason = reason
    transition(membership, to=M.SUSPENDED, table=MEMBERSHIP_TRANSITIONS, actor=actor,
               action="networks.membership.suspended", details={"reason": reason, "code": code},
               notify=_tell_community(membership, "networks.membership.suspended"))
    return membership


@transaction.atomic
def membership_suspend(*, membership: Membership, actor: User, reason: str) -> Membership:
    require(actor, "networks.manage_membership", membership)
    if not reason.strip():
        raise DomainError(_("Give the reason: the community will read it."), field="reason")
    return _suspend(lock(Membership, membership.pk, select_related=JOINS), actor, reason.strip(),
                    "by_secretariat")


@transaction.atomic
def membership_reinstate(*, membership: Membership, actor: User, reason: str,
                         new_plan_due: datetime.date | None = None) -> Membership:
    """Lift a suspension (e.g. for objective external circumstances), back to the status the
    member had; a new LEDP due date keeps a late junior from being suspended again."""
    require(actor, "networks.manage_membership", membership)
    locked = lock(Membership, membership.pk, select_related=JOINS)
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
    MEMBERSHIP_TRANSITIONS.check(locked, target)
    locked.status_before_suspension = ""
    locked.status_reason = reason.strip()
    transition(locked, to=target, table=MEMBERSHIP_TRANSITIONS, actor=actor,
               action="networks.membership.reinstated",
               details={"reason": locked.status_reason,
                        "plan_due": locked.plan_due.isoformat() if locked.plan_due else None},
               notify=_tell_community(locked, "networks.membership.reinstated"))
    return locked


@transaction.atomic
def membership_withdraw(*, membership: Membership, actor: User, reason: str) -> Membership:
    """The community head withdraws the community from the network."""
    require(actor, "networks.withdraw_membership", membership)
    locked = lock(Membership, membership.pk, select_related=JOINS)
    MEMBERSHIP_TRANSITIONS.check(locked, M.WITHDRAWN)
    locked.status_reason = reason.strip()
    transition(locked, to=M.WITHDRAWN, table=MEMBERSHIP_TRANSITIONS, actor=actor,
               action="networks.membership.withdrawn", details={"reason": locked.status_reason},
               notify=announce(secretariat_officers(network=locked.network),
                               kind="networks.membership.withdrawn",
                               params={"membership": locked}, url=locked.get_absolute_url()))
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
                    locked = lock(Membership, membership.pk, select_related=JOINS)
                    if getattr(locked, field) is not None:
                        break
                    setattr(locked, field, now)
                    if days == 7:  # the 30-day reminder is then moot
                        locked.reminded_30_at = locked.reminded_30_at or now
                    locked.save(update_fields=[field, "reminded_30_at", "updated_at"])
                    audit.record(action="networks.plan.reminder_sent", actor=None,
                                 target=locked, data={"days_left": days_left})
                    _tell_community(locked, "networks.plan.reminder",
                                    days_left=days_left)()
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
                locked = lock(Membership, membership.pk, select_related=JOINS)
                if locked.status != M.JUNIOR:
                    continue
                _suspend(locked, None, str(_("The LEDP was not approved by its due date.")),
                         "plan_overdue")
            suspended += 1
    return suspended
