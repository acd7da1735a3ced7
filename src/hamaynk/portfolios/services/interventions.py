"""The portfolio's interventions: added, changed, and moved along their state table (idea →
testing → scaling, or stopped with the reason). Each function checks its permission, writes
in one transaction and audits. Sensemaking decisions apply their changes through these."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.transitions import lock, record_change, transition
from hamaynk.core.workflow import SAVED_ELSEWHERE, require
from hamaynk.portfolios.models import Cluster, Intervention, Portfolio
from hamaynk.portfolios.states import INTERVENTION_TRANSITIONS

IS = Intervention.Status
MAX_TEXT = 4000


@dataclass
class InterventionValues:
    title_hy: str
    hypothesis_if: str
    hypothesis_then: str
    hypothesis_because: str = ""
    title_en: str = ""
    kind: str = Intervention.Kind.EXPERIMENT
    budget: Decimal | None = None
    currency: str = "AMD"
    funding: str = Intervention.Funding.NONE
    funder: str = ""
    cluster_id: int | None = None
    challenge_ids: list[int] = field(default_factory=list)
    stakeholder_ids: list[int] = field(default_factory=list)
    related_ids: list[int] = field(default_factory=list)


def checked_values(portfolio: Portfolio, values: InterventionValues) -> InterventionValues:
    """Refuse what the portfolio cannot hold: no title or hypothesis, an unknown kind or
    funding, a negative budget, or a cluster, challenge, stakeholder or related intervention
    of another portfolio."""
    if not values.title_hy.strip():
        raise DomainError(_("Give the intervention a title in Armenian."), field="title_hy")
    if not values.hypothesis_if.strip():
        raise DomainError(_("Say what you will do (“if we …”)."), field="hypothesis_if")
    if not values.hypothesis_then.strip():
        raise DomainError(_("Say what you expect to happen (“then …”)."),
                          field="hypothesis_then")
    if values.kind not in Intervention.Kind.values:
        raise DomainError(_("Choose the kind of intervention."), field="kind")
    if values.funding not in Intervention.Funding.values:
        raise DomainError(_("Choose how it is funded."), field="funding")
    if values.budget is not None and values.budget < 0:
        raise DomainError(_("The budget cannot be negative."), field="budget")
    if values.cluster_id is not None and not Cluster.objects.filter(
            pk=values.cluster_id, portfolio=portfolio).exists():
        raise DomainError(_("Choose a cluster of this portfolio."), field="cluster")
    for name, ids, qs in (("challenges", values.challenge_ids, portfolio.challenges),
                          ("stakeholders", values.stakeholder_ids, portfolio.stakeholders),
                          ("related", values.related_ids, portfolio.interventions)):
        if ids and qs.filter(pk__in=ids).count() != len(set(ids)):
            raise DomainError(_("Choose among this portfolio's own."), field=name)
    return values


def _apply(intervention: Intervention, values: InterventionValues) -> None:
    for name in ("title_hy", "title_en", "hypothesis_if", "hypothesis_then",
                 "hypothesis_because", "funder"):
        setattr(intervention, name, getattr(values, name).strip()[:MAX_TEXT])
    intervention.kind, intervention.budget = values.kind, values.budget
    intervention.currency, intervention.funding = values.currency, values.funding
    intervention.cluster_id = values.cluster_id


@transaction.atomic
def intervention_add(*, portfolio: Portfolio, actor: User, values: InterventionValues,
                     status: str = IS.IDEA,
                     permission: str = "portfolios.edit_portfolio") -> Intervention:
    """A new intervention of the portfolio (an idea, unless a decision says otherwise).
    `permission`: a sensemaking decision is the coach's to apply."""
    require(actor, permission, portfolio)
    checked_values(portfolio, values)
    if status not in INTERVENTION_TRANSITIONS.initial:
        raise DomainError(_("A new intervention is an idea, tested or scaled."))
    intervention = Intervention(portfolio=portfolio, status=status, created_by=actor)
    _apply(intervention, values)
    intervention.save()
    intervention.challenges.set(values.challenge_ids)
    intervention.stakeholders.set(values.stakeholder_ids)
    intervention.related.set(values.related_ids)
    audit.record(action="portfolios.intervention.added", actor=actor, target=portfolio,
                 data={"intervention": intervention.pk, "title": intervention.title_hy,
                       "status": status})
    return intervention


@transaction.atomic
def intervention_move(*, intervention: Intervention, actor: User, to: str, reason: str = "",
                      expected_version: int | None = None,
                      permission: str = "portfolios.edit_portfolio") -> Intervention:
    """Move the intervention along its table; stopping it needs the reason (kept on the row
    and in the audit). `permission`: a sensemaking decision is the coach's to apply."""
    require(actor, permission, intervention.portfolio)
    reason = reason.strip()[:MAX_TEXT]
    if to == IS.STOPPED and not reason:
        raise DomainError(_("Say why the intervention is stopped."), field="reason")
    locked = lock(Intervention, intervention.pk, expected_version=expected_version)
    if to == IS.STOPPED:
        locked.stop_reason = reason
    transition(locked, to=to, table=INTERVENTION_TRANSITIONS, actor=actor,
               action="portfolios.intervention.moved", fields=["stop_reason"],
               audit_target=intervention.portfolio,
               details={"intervention": locked.pk, "reason": reason})
    return locked


_SCALARS = ("title_hy", "title_en", "hypothesis_if", "hypothesis_then", "hypothesis_because",
            "kind", "budget", "currency", "funding", "funder", "cluster_id")
_LINKS = (("challenges", "challenge_ids"), ("stakeholders", "stakeholder_ids"),
          ("related", "related_ids"))


def _changed(intervention: Intervention, values: InterventionValues) -> list[str]:
    """The names of the fields `values` changes (the related sets by their ids)."""
    probe = Intervention(portfolio_id=intervention.portfolio_id)
    _apply(probe, values)
    changed = [name for name in _SCALARS
               if getattr(probe, name) != getattr(intervention, name)]
    for name, attr in _LINKS:
        before = set(getattr(intervention, name).values_list("pk", flat=True))
        if before != set(getattr(values, attr)):
            changed.append(name)
    return changed


@transaction.atomic
def intervention_change(*, intervention: Intervention, actor: User, values: InterventionValues,
                        expected_version: int | None = None) -> Intervention:
    """Change what the intervention says (not its status: `intervention_move`), on the
    version its page showed; the audit names the fields that changed."""
    require(actor, "portfolios.edit_portfolio", intervention.portfolio)
    checked_values(intervention.portfolio, values)
    if intervention.pk in values.related_ids:
        raise DomainError(_("An intervention cannot be related to itself."), field="related")
    locked = lock(Intervention, intervention.pk, expected_version=expected_version,
                  stale_message=SAVED_ELSEWHERE)
    changed = _changed(locked, values)
    if not changed:
        return locked
    _apply(locked, values)
    for name, attr in _LINKS:
        getattr(locked, name).set(getattr(values, attr))
    record_change(locked, actor=actor, action="portfolios.intervention.changed",
                  audit_target=intervention.portfolio,
                  details={"intervention": locked.pk, "title": locked.title_hy,
                           "changed": changed})
    return locked


def _cluster_name(portfolio: Portfolio, name_hy: str, name_en: str,
                  exclude: int | None = None) -> tuple[str, str]:
    name_hy, name_en = name_hy.strip()[:120], name_en.strip()[:120]
    if not name_hy:
        raise DomainError(_("Name the cluster in Armenian."), field="name_hy")
    if portfolio.clusters.filter(name_hy=name_hy).exclude(pk=exclude or 0).exists():
        raise DomainError(_("This portfolio already has a cluster of that name."),
                          field="name_hy")
    return name_hy, name_en


@transaction.atomic
def cluster_add(*, portfolio: Portfolio, actor: User, name_hy: str, name_en: str = ""
                ) -> Cluster:
    """A new theme of the portfolio, last on the canvas."""
    require(actor, "portfolios.edit_portfolio", portfolio)
    name_hy, name_en = _cluster_name(portfolio, name_hy, name_en)
    last = portfolio.clusters.order_by("-order").values_list("order", flat=True).first()
    cluster = Cluster.objects.create(portfolio=portfolio, name_hy=name_hy, name_en=name_en,
                                     order=min((last or 0) + 1, 32000))
    audit.record(action="portfolios.cluster.saved", actor=actor, target=portfolio,
                 data={"cluster": cluster.pk, "change": "added", "name": name_hy})
    return cluster


@transaction.atomic
def cluster_rename(*, cluster: Cluster, actor: User, name_hy: str, name_en: str = ""
                   ) -> Cluster:
    require(actor, "portfolios.edit_portfolio", cluster.portfolio)
    name_hy, name_en = _cluster_name(cluster.portfolio, name_hy, name_en, exclude=cluster.pk)
    locked = lock(Cluster, cluster.pk)
    before = locked.name_hy
    locked.name_hy, locked.name_en = name_hy, name_en
    record_change(locked, actor=actor, action="portfolios.cluster.saved",
                  fields=["name_hy", "name_en"], audit_target=cluster.portfolio,
                  details={"cluster": locked.pk, "change": "renamed", "from": before,
                           "name": name_hy})
    return locked


@transaction.atomic
def cluster_remove(*, cluster: Cluster, actor: User) -> None:
    """Remove a theme: its interventions stay, without a cluster."""
    portfolio = cluster.portfolio
    require(actor, "portfolios.edit_portfolio", portfolio)
    locked = lock(Cluster, cluster.pk)
    moved = Intervention.objects.filter(cluster=locked).update(cluster=None)
    audit.record(action="portfolios.cluster.saved", actor=actor, target=portfolio,
                 data={"cluster": locked.pk, "change": "removed", "name": locked.name_hy,
                       "interventions": moved})
    locked.delete()
