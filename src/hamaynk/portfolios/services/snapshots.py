"""Snapshots: the portfolio as it is now, kept as plain data with a label (a session's start
and close take one; the community, its coach and the secretariat take one when they wish)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.workflow import require
from hamaynk.portfolios.models import Portfolio, SensemakingSession, Snapshot
from hamaynk.portfolios.selectors.snapshots import portfolio_state

MAX_LABEL = 200


@transaction.atomic
def snapshot_take(*, portfolio: Portfolio, actor: User, label: str,
                  session: SensemakingSession | None = None) -> Snapshot:
    """Keep the portfolio's state now under `label` (of `session` when a session takes it):
    its own people, its coach and the secretariat may."""
    require(actor, "portfolios.take_snapshot", portfolio)
    label = label.strip()
    if not label:
        raise DomainError(_("Give the snapshot a label."), field="label")
    if len(label) > MAX_LABEL:
        raise DomainError(_("At most %(n)s characters.") % {"n": MAX_LABEL}, field="label")
    if session is not None and session.portfolio_id != portfolio.pk:
        raise DomainError(_("This session is not of this portfolio."))
    snapshot = Snapshot.objects.create(portfolio=portfolio, label=label, session=session,
                                       data=portfolio_state(portfolio), taken_by=actor)
    audit.record(action="portfolios.snapshot.taken", actor=actor, target=portfolio,
                 data={"snapshot": snapshot.pk, "label": label,
                       "session": session.pk if session else None})
    return snapshot
