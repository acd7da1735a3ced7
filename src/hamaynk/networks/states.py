"""The state tables of the networks module: membership applications, memberships and
development plans (LEDP). Services move a status only through
`core.transitions.transition()`."""

from hamaynk.core.transitions import StateTable, register
from hamaynk.networks.models import DevelopmentPlan, Membership, MembershipApplication

A = MembershipApplication.Status
APPLICATION_TRANSITIONS = StateTable(model=MembershipApplication, initial={A.DRAFT},
                                     transitions={
    A.DRAFT: {A.SUBMITTED, A.WITHDRAWN},
    A.SUBMITTED: {A.CHANGES_REQUESTED, A.APPROVED, A.REJECTED, A.WITHDRAWN},
    A.CHANGES_REQUESTED: {A.SUBMITTED, A.WITHDRAWN},
    A.APPROVED: set(),
    A.REJECTED: set(),
    A.WITHDRAWN: set(),
})

M = Membership.Status
# A membership begins in the status its network's rules give on approval: member or junior.
MEMBERSHIP_TRANSITIONS = StateTable(model=Membership, initial={M.MEMBER, M.JUNIOR},
                                    transitions={
    M.MEMBER: {M.SUSPENDED, M.WITHDRAWN},
    M.JUNIOR: {M.ACTING, M.SUSPENDED, M.WITHDRAWN},
    M.ACTING: {M.SUSPENDED, M.WITHDRAWN},
    M.SUSPENDED: {M.MEMBER, M.JUNIOR, M.ACTING, M.WITHDRAWN},
    M.WITHDRAWN: set(),
})

P = DevelopmentPlan.Status
PLAN_TRANSITIONS = StateTable(model=DevelopmentPlan, initial={P.SUBMITTED}, transitions={
    P.SUBMITTED: {P.APPROVED, P.RETURNED},
    P.APPROVED: set(),
    P.RETURNED: set(),
})

register(APPLICATION_TRANSITIONS, MEMBERSHIP_TRANSITIONS, PLAN_TRANSITIONS)
