from django.utils.translation import gettext_lazy as _

from hamaynk.core.audit import register_actions

register_actions({
    "portfolios.portfolio.started": _("Portfolio started"),
    "portfolios.portfolio.shared": _("Who sees the portfolio changed"),
    "portfolios.mission.saved": _("Mission saved"),
    "portfolios.challenge.added": _("Challenge added"),
    "portfolios.challenge.changed": _("Challenge changed"),
    "portfolios.challenge.removed": _("Challenge removed"),
    "portfolios.evidence.added": _("Evidence added"),
    "portfolios.evidence.removed": _("Evidence removed"),
    "portfolios.stakeholder.added": _("Stakeholder added"),
    "portfolios.stakeholder.changed": _("Stakeholder changed"),
    "portfolios.stakeholder.removed": _("Stakeholder removed"),
    "portfolios.cluster.saved": _("Cluster saved"),
    "portfolios.intervention.added": _("Intervention added"),
    "portfolios.intervention.changed": _("Intervention changed"),
    "portfolios.intervention.moved": _("Intervention status changed"),
    "portfolios.grant.named": _("Grant application named the intervention it funds"),
    "portfolios.grant.unnamed": _("Grant application no longer names an intervention"),
    "portfolios.question.saved": _("Learning question saved"),
    "portfolios.question.entry_added": _("Evidence log entry added"),
    "portfolios.risk.saved": _("Risk saved"),
    "portfolios.milestone.saved": _("Milestone saved"),
    "portfolios.session.logged": _("Sensemaking session logged"),
    "portfolios.session.closed": _("Sensemaking session closed"),
    "portfolios.decision.applied": _("Decision applied"),
    "portfolios.snapshot.taken": _("Snapshot taken"),
    "portfolios.comment.added": _("Comment added"),
})
