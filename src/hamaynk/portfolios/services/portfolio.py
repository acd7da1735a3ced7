"""Starting a portfolio, deciding who sees it, and writing its mission. Each function checks
its permission, writes in one transaction and audits."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.transitions import lock, record_change
from hamaynk.core.workflow import require
from hamaynk.learning.models import CohortMember
from hamaynk.networks.models import DevelopmentPlan
from hamaynk.portfolios.models import Mission, Portfolio


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


@dataclass
class MissionValues:
    statement_hy: str
    horizon: int
    indicator_hy: str
    target: Decimal
    statement_en: str = ""
    indicator_en: str = ""
    unit: str = ""
    baseline: Decimal | None = None
    building_blocks: list[str] = field(default_factory=list)


MISSION_FIELDS = ("statement_hy", "statement_en", "horizon", "indicator_hy", "indicator_en",
                  "unit", "baseline", "target", "building_blocks")
HORIZON_YEARS = 15  # a mission looks at most this far ahead
AMOUNT_LIMIT = Decimal("1e12")  # the column holds 14 digits, 2 after the point


def _checked_mission(values: MissionValues) -> MissionValues:
    """Refuse a mission without its statement or measure, a horizon in the past or beyond
    reason, an amount the column cannot hold, or a block the plan does not have."""
    if not values.statement_hy.strip():
        raise DomainError(_("Write the mission in Armenian."), field="statement_hy")
    if not values.indicator_hy.strip():
        raise DomainError(_("Say what is measured, in Armenian."), field="indicator_hy")
    this_year = timezone.localdate().year
    if not this_year <= values.horizon <= this_year + HORIZON_YEARS:
        raise DomainError(_("Choose a year from %(first)d to %(last)d.") % {
            "first": this_year, "last": this_year + HORIZON_YEARS}, field="horizon")
    for name in ("baseline", "target"):
        amount = getattr(values, name)
        if amount is not None and not -AMOUNT_LIMIT < amount < AMOUNT_LIMIT:
            raise DomainError(_("Enter a smaller number."), field=name)
    unknown = set(values.building_blocks) - set(DevelopmentPlan.Block.values)
    if unknown:
        raise DomainError(_("Choose building blocks of the list."), field="building_blocks")
    values.building_blocks = [b for b in DevelopmentPlan.Block.values
                              if b in values.building_blocks]
    return values


@transaction.atomic
def mission_save(*, portfolio: Portfolio, actor: User, values: MissionValues) -> Mission:
    """Write the portfolio's mission (the first time, or again): audited with what changed."""
    require(actor, "portfolios.edit_portfolio", portfolio)
    values = _checked_mission(values)
    mission = Mission.objects.select_for_update().filter(portfolio=portfolio).first()
    created = mission is None
    if mission is None:
        mission = Mission(portfolio=portfolio)
    changed = {}
    for name in MISSION_FIELDS:
        new = getattr(values, name)
        new = new.strip() if isinstance(new, str) else new
        old = getattr(mission, name, None)
        if created or old != new:
            changed[name] = {"from": None if created else _plain(old), "to": _plain(new)}
        setattr(mission, name, new)
    if not changed:
        return mission
    mission.save()
    audit.record(action="portfolios.mission.saved", actor=actor, target=portfolio,
                 data={"created": created, "changed": changed})
    return mission


def _plain(value: object) -> object:
    return str(value) if isinstance(value, Decimal) else value
