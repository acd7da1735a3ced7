"""Starting a portfolio and deciding who sees it. Each function checks its permission,
writes in one transaction and audits."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.transitions import lock, record_change
from hamaynk.core.workflow import require
from hamaynk.learning.models import CohortMember
from hamaynk.portfolios.models import Portfolio


@transaction.atomic
def portfolio_start(*, member: CohortMember, actor: User) -> Portfolio:
    """The portfolio of a cohort community (its own people or the secretariat start it);
    starting one that exists gives it back."""
    require(actor, "portfolios.start_portfolio", member)
    found = Portfolio.objects.filter(member=member).first()
    if found is not None:
        return found
    portfolio = Portfolio.objects.create(member=member, community_id=member.community_id,
                                         network_id=member.cohort.network_id)
    audit.record(action="portfolios.portfolio.started", actor=actor, target=portfolio,
                 data={"member": member.pk})
    return portfolio


@transaction.atomic
def portfolio_share(*, portfolio: Portfolio, actor: User, sharing: str,
                    expected_version: int | None = None) -> Portfolio:
    """Who sees the portfolio besides its community, its coach and the secretariat: the
    cohort's other communities, or everyone (its public summary). The head decides."""
    require(actor, "portfolios.share_portfolio", portfolio)
    if sharing not in Portfolio.Sharing.values:
        raise DomainError(_("Choose who sees the portfolio."), field="sharing")
    locked = lock(Portfolio, portfolio.pk, expected_version=expected_version)
    before = locked.sharing
    locked.sharing = sharing
    record_change(locked, actor=actor, action="portfolios.portfolio.shared",
                  fields=["sharing"], details={"from": before, "to": sharing})
    return locked
