"""Sensemaking sessions: the coach (or the network's secretariat) opens a session of the
community's team (a snapshot "before" is taken), notes the patterns observed, records the
decisions — each changes the portfolio in one step, through the interventions' services, in
the same transaction as its row — and closes it (a snapshot "after"). Each function checks
its permission, writes in one transaction and audits."""

import datetime
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError, IllegalTransition
from hamaynk.core.transitions import lock, record_change
from hamaynk.core.workflow import require
from hamaynk.portfolios.models import (
    Decision,
    Intervention,
    Portfolio,
    SensemakingSession,
)
from hamaynk.portfolios.services import interventions as intervention_services
from hamaynk.portfolios.services.snapshots import snapshot_take

RUN = "portfolios.run_sensemaking"
IS = Intervention.Status
MAX_TEXT = 4000
PLANNED_AHEAD = datetime.timedelta(days=366)  # a session is planned at most a year ahead
LOGGED_BACK = datetime.timedelta(days=366)  # and logged at most a year after it was held


def today_of(portfolio: Portfolio, now: datetime.datetime | None = None) -> datetime.date:
    """The day it is for the portfolio, in its network's time zone."""
    try:
        zone = zoneinfo.ZoneInfo(portfolio.network.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = None
    return timezone.localdate(now or timezone.now(), timezone=zone)


def _label(session: SensemakingSession, which: str) -> str:
    with translation.override(session.language):
        day = session.held_on.isoformat()
        if which == "before":
            return gettext("Before the sensemaking session of %(day)s") % {"day": day}
        return gettext("After the sensemaking session of %(day)s") % {"day": day}


def _checked_day(portfolio: Portfolio, held_on: datetime.date | None) -> datetime.date:
    if held_on is None:
        raise DomainError(_("Give the day of the session."), field="held_on")
    today = today_of(portfolio)
    if held_on > today + PLANNED_AHEAD:
        raise DomainError(_("A session is planned at most a year ahead."), field="held_on")
    if held_on < today - LOGGED_BACK:
        raise DomainError(_("A session is recorded at most a year after it was held."),
                          field="held_on")
    return held_on


@transaction.atomic
def session_open(*, portfolio: Portfolio, actor: User, held_on: datetime.date | None,
                 language: str, participants: list[User]) -> SensemakingSession:
    """Open (or plan) a session: its day (today, a day of the past year, or planned up to a
    year ahead), its language, who takes part (the community's team and the coach). The
    portfolio's state is kept as the session's "before" snapshot."""
    require(actor, RUN, portfolio)
    day = _checked_day(portfolio, held_on)
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise DomainError(_("Choose the language of the session."), field="language")
    member = portfolio.member
    allowed = set(member.team.values_list("pk", flat=True)) | {member.coach_id}
    if any(person.pk not in allowed for person in participants):
        raise DomainError(_("Those who take part are the community's team and the coach."),
                          field="participants")
    lock(Portfolio, portfolio.pk)  # one open session at a time, whoever opens it
    if portfolio.sessions.filter(closed_at__isnull=True).exists():
        raise DomainError(_("Another session of this portfolio is open: close it first."))
    session = SensemakingSession.objects.create(portfolio=portfolio, held_on=day,
                                                language=language, coach=member.coach,
                                                logged_by=actor)
    session.participants.set(participants)
    snapshot = snapshot_take(portfolio=portfolio, actor=actor, session=session,
                             label=_label(session, "before"))
    audit.record(action="portfolios.session.logged", actor=actor, target=portfolio,
                 data={"session": session.pk, "held_on": str(day), "language": language,
                       "participants": [p.pk for p in participants],
                       "snapshot": snapshot.pk})
    return session


def _open_and_held(session: SensemakingSession) -> SensemakingSession:
    locked = lock(SensemakingSession, session.pk, select_related=["portfolio__network"])
    if locked.closed_at is not None:
        raise DomainError(_("This session is closed: what it recorded stays as it was."))
    if locked.held_on > today_of(locked.portfolio):
        raise DomainError(_("This session is planned: it records patterns and decisions "
                            "once its day has come."))
    return locked


@transaction.atomic
def session_note(*, session: SensemakingSession, actor: User,
                 patterns: str) -> SensemakingSession:
    """The patterns observed in the session (the whole text, written again)."""
    require(actor, RUN, session.portfolio)
    locked = _open_and_held(session)
    if len(patterns.strip()) > MAX_TEXT:
        raise DomainError(_("At most %(n)s characters.") % {"n": MAX_TEXT}, field="patterns")
    locked.patterns = patterns.strip()
    locked.save(update_fields=["patterns", "updated_at"])
    audit.record(action="portfolios.session.logged", actor=actor, target=locked.portfolio,
                 data={"session": locked.pk, "patterns": True})
    return locked


@transaction.atomic
def session_close(*, session: SensemakingSession, actor: User) -> SensemakingSession:
    """Close the session: the portfolio's state after it is kept as its "after" snapshot."""
    require(actor, RUN, session.portfolio)
    locked = _open_and_held(session)
    snapshot = snapshot_take(portfolio=locked.portfolio, actor=actor, session=locked,
                             label=_label(locked, "after"))
    locked.closed_at = timezone.now()
    locked.save(update_fields=["closed_at", "updated_at"])
    audit.record(action="portfolios.session.closed", actor=actor, target=locked.portfolio,
                 data={"session": locked.pk, "snapshot": snapshot.pk,
                       "decisions": locked.decisions.count()})
    return locked


# ------------------------------------------------------------------------------ decisions

@dataclass(frozen=True)
class DecisionValues:
    kind: str
    reason: str
    intervention_id: int | None = None
    cluster_id: int | None = None  # cluster: the cluster (None: out of any cluster)
    title_hy: str = ""  # new: its title
    hypothesis_if: str = ""  # new and pivot: the hypothesis
    hypothesis_then: str = ""
    hypothesis_because: str = ""


@transaction.atomic
def intervention_pivot(*, intervention: Intervention, actor: User, hypothesis_if: str,
                       hypothesis_then: str, hypothesis_because: str = "",
                       permission: str = RUN) -> Intervention:
    """A new hypothesis for the intervention ("if … then … because …"), the old one kept in
    the audit."""
    require(actor, permission, intervention.portfolio)
    if not hypothesis_if.strip():
        raise DomainError(_("Say what you will do (“if we …”)."), field="hypothesis_if")
    if not hypothesis_then.strip():
        raise DomainError(_("Say what you expect to happen (“then …”)."),
                          field="hypothesis_then")
    locked = lock(Intervention, intervention.pk)
    before = [locked.hypothesis_if, locked.hypothesis_then, locked.hypothesis_because]
    locked.hypothesis_if = hypothesis_if.strip()[:MAX_TEXT]
    locked.hypothesis_then = hypothesis_then.strip()[:MAX_TEXT]
    locked.hypothesis_because = hypothesis_because.strip()[:MAX_TEXT]
    return record_change(locked, actor=actor, action="portfolios.intervention.changed",
                         fields=["hypothesis_if", "hypothesis_then", "hypothesis_because"],
                         audit_target=intervention.portfolio,
                         details={"intervention": locked.pk, "pivot": True, "before": before})


@transaction.atomic
def intervention_cluster(*, intervention: Intervention, actor: User, cluster_id: int | None,
                         permission: str = RUN) -> Intervention:
    """Put the intervention in a cluster of its portfolio (or in none)."""
    require(actor, permission, intervention.portfolio)
    if cluster_id is not None and not intervention.portfolio.clusters.filter(
            pk=cluster_id).exists():
        raise DomainError(_("Choose a cluster of this portfolio."), field="cluster")
    locked = lock(Intervention, intervention.pk)
    before = locked.cluster_id
    locked.cluster_id = cluster_id
    return record_change(locked, actor=actor, action="portfolios.intervention.changed",
                         fields=["cluster"], audit_target=intervention.portfolio,
                         details={"intervention": locked.pk, "cluster": [before, cluster_id]})


def _apply(portfolio: Portfolio, actor: User, values: DecisionValues,
           intervention: Intervention | None) -> tuple[Intervention, dict[str, Any]]:
    kind = values.kind
    if kind == Decision.Kind.NEW:
        added = intervention_services.intervention_add(
            portfolio=portfolio, actor=actor, permission=RUN,
            values=intervention_services.InterventionValues(
                title_hy=values.title_hy, hypothesis_if=values.hypothesis_if,
                hypothesis_then=values.hypothesis_then,
                hypothesis_because=values.hypothesis_because, cluster_id=values.cluster_id))
        return added, {"title": added.title_hy}
    assert intervention is not None
    if kind in (Decision.Kind.STOP, Decision.Kind.SCALE):
        to = IS.STOPPED if kind == Decision.Kind.STOP else IS.SCALING
        moved = intervention_services.intervention_move(
            intervention=intervention, actor=actor, to=to, reason=values.reason,
            permission=RUN)
        return moved, {"from": intervention.status, "to": to}
    if kind == Decision.Kind.PIVOT:
        pivoted = intervention_pivot(
            intervention=intervention, actor=actor, hypothesis_if=values.hypothesis_if,
            hypothesis_then=values.hypothesis_then,
            hypothesis_because=values.hypothesis_because)
        return pivoted, {"before": [intervention.hypothesis_if, intervention.hypothesis_then,
                                    intervention.hypothesis_because]}
    clustered = intervention_cluster(intervention=intervention, actor=actor,
                                     cluster_id=values.cluster_id)
    return clustered, {"from": intervention.cluster_id, "to": values.cluster_id}


@transaction.atomic
def decision_record(*, session: SensemakingSession, actor: User,
                    values: DecisionValues) -> Decision:
    """A decision of the session, with its reason, applied to the portfolio at once: stop
    or scale an intervention, pivot it (a new hypothesis), put it in a cluster, or add a new
    one. A decision the portfolio refuses (an illegal move) writes nothing."""
    portfolio = session.portfolio
    require(actor, RUN, portfolio)
    locked = _open_and_held(session)
    if values.kind not in Decision.Kind.values:
        raise DomainError(_("Choose the decision."), field="kind")
    reason = values.reason.strip()[:MAX_TEXT]
    if not reason:
        raise DomainError(_("Say why the session decided this."), field="reason")
    intervention = None
    if values.kind != Decision.Kind.NEW:
        intervention = portfolio.interventions.filter(pk=values.intervention_id or 0).first()
        if intervention is None:
            raise DomainError(_("Choose an intervention of this portfolio."),
                              field="intervention")
    try:
        changed, details = _apply(portfolio, actor, values, intervention)
    except IllegalTransition as exc:
        raise DomainError(exc.message, field="intervention") from exc
    decision = Decision.objects.create(session=locked, kind=values.kind, intervention=changed,
                                       reason=reason, details=details, decided_by=actor)
    audit.record(action="portfolios.decision.applied", actor=actor, target=portfolio,
                 data={"session": locked.pk, "decision": decision.pk, "kind": values.kind,
                       "intervention": changed.pk, "reason": reason})
    return decision
