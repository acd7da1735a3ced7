"""The networks app's notification kinds and the objects they refer to
(notifications/kinds.py)."""

from hamaynk.networks.models import DevelopmentPlan, Membership, MembershipApplication, NetworkRole
from hamaynk.notifications.kinds import register_kinds, register_models

T = "networks/notifications/"
register_kinds({
    "networks.application.received": T + "application_submitted",
    # what the community hears as its application moves on
    "networks.application.submitted": T + "application_changed",
    "networks.application.changes_requested": T + "application_changed",
    "networks.application.approved": T + "application_changed",
    "networks.application.rejected": T + "application_changed",
    "networks.application.withdrawn": T + "application_changed",
    "networks.membership.suspended": T + "membership_changed",
    "networks.membership.reinstated": T + "membership_changed",
    "networks.membership.withdrawn": T + "membership_changed",
    "networks.plan.submitted": T + "plan_submitted",
    "networks.plan.approved": T + "plan_decided",
    "networks.plan.returned": T + "plan_decided",
    "networks.plan.reminder": T + "plan_reminder",
    "networks.role.granted": T + "role_granted",
})
register_models({
    MembershipApplication: ("community", "network"),
    Membership: ("community", "network"),
    DevelopmentPlan: (),
    NetworkRole: ("network",),
})
