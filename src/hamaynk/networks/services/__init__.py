"""Every write in the networks module (re-exported here: `from hamaynk.networks import
services`)."""

from hamaynk.networks.services.applications import (
    application_approve,
    application_missing,
    application_reject,
    application_request_changes,
    application_sign_and_submit,
    application_start,
    application_update,
    application_withdraw,
)
from hamaynk.networks.services.memberships import (
    membership_reinstate,
    membership_suspend,
    membership_withdraw,
    plan_approve,
    plan_return,
    plan_submit,
    send_plan_reminders,
    suspend_overdue_members,
)
from hamaynk.networks.services.setup import (
    commitments_save,
    council_template_save,
    network_rules_update,
)
from hamaynk.networks.services.team import network_role_grant, network_role_revoke
from hamaynk.networks.states import (
    APPLICATION_TRANSITIONS,
    MEMBERSHIP_TRANSITIONS,
    PLAN_TRANSITIONS,
)

__all__ = [
    "APPLICATION_TRANSITIONS", "MEMBERSHIP_TRANSITIONS", "PLAN_TRANSITIONS",
    "application_approve", "application_missing", "application_reject",
    "application_request_changes", "application_sign_and_submit", "application_start",
    "application_update", "application_withdraw", "commitments_save", "council_template_save",
    "membership_reinstate", "membership_suspend", "membership_withdraw", "network_role_grant",
    "network_role_revoke", "network_rules_update", "plan_approve", "plan_return", "plan_submit",
    "send_plan_reminders", "suspend_overdue_members",
]
