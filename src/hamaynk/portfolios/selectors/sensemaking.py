"""Sensemaking reads: a session's page (its participants, decisions and snapshots), the
portfolio's comments, the people who may take part, and what the session pack holds."""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from hamaynk.accounts.models import User
from hamaynk.core.lookups import one
from hamaynk.learning.models import AgreedAction, Enrolment
from hamaynk.portfolios.models import (
    Comment,
    Decision,
    Intervention,
    LearningQuestion,
    Milestone,
    Mission,
    Portfolio,
    Risk,
    SensemakingSession,
    Snapshot,
)
from hamaynk.portfolios.selectors.funding import GrantRow, portfolio_grants

PACK_ROWS = 100  # each list of the pack is bounded


def session_for_viewer(*, pk: int, user: Any) -> SensemakingSession:
    """A session the viewer may see (its portfolio's people, coach, secretariat), else 404."""
    session = one(SensemakingSession.objects.select_related(
        "portfolio__community", "portfolio__network", "portfolio__member__cohort",
        "portfolio__member__coach", "coach").filter(pk=pk))
    if session is None or not user.has_perm("portfolios.view_portfolio", session):
        raise Http404
    return session


@dataclass
class SessionPage:
    session: SensemakingSession
    participants: list[User]
    decisions: list[Decision]
    snapshots: list[Snapshot]


def session_page(session: SensemakingSession) -> SessionPage:
    """Everything the session page shows, in a fixed number of queries."""
    decisions = list(session.decisions.select_related("intervention", "decided_by")
                     .order_by("pk"))
    snapshots = list(session.snapshots.defer("data").order_by("created_at", "pk"))
    return SessionPage(session=session, participants=list(session.participants.order_by(
        "full_name", "pk")), decisions=decisions, snapshots=snapshots)


def possible_participants(portfolio: Portfolio) -> QuerySet[User]:
    """The community's team and the coach: who may take part in a session."""
    member = portfolio.member
    ids = [*member.team.values_list("pk", flat=True)]
    if member.coach_id:
        ids.append(member.coach_id)
    return User.objects.filter(pk__in=ids).order_by("full_name", "pk")


def open_session(portfolio: Portfolio) -> SensemakingSession | None:
    """The portfolio's session that is open (not closed yet), if any: one at a time."""
    return portfolio.sessions.filter(closed_at__isnull=True).order_by("-pk").first()


def comments_of(portfolio: Portfolio) -> QuerySet[Comment]:
    """The portfolio's comments, newest last, with their authors (paginate them)."""
    return portfolio.comments.select_related("author").order_by("created_at", "pk")


def sessions_of(portfolio: Portfolio) -> QuerySet[SensemakingSession]:
    return portfolio.sessions.select_related("coach").order_by("-held_on", "-pk")


# ----------------------------------------------------------------------------- the pack

@dataclass
class PackContents:
    session: SensemakingSession
    portfolio: Portfolio
    mission: Mission | None
    challenges: list[Any]
    stakeholders: list[Any]
    interventions_by_status: list[tuple[str, list[Intervention]]]
    questions: list[LearningQuestion]
    risks: list[Risk]
    overdue: list[Milestone]
    actions: list[AgreedAction]
    grants: list[GrantRow]
    learning: list[Enrolment]  # learning done by the community's people, latest first


def pack_contents(session: SensemakingSession, today: Any, *, reader: Any) -> PackContents:
    """What the session pack shows: the portfolio's state now, its grants as `reader` may
    see them, the learning its community's people completed, and the community's open
    coaching actions. Each list is bounded."""
    portfolio = session.portfolio
    interventions = list(portfolio.interventions.select_related("cluster").order_by(
        "status", "pk")[:PACK_ROWS])
    by_status = [(str(label), [i for i in interventions if i.status == value])
                 for value, label in Intervention.Status.choices]
    return PackContents(
        session=session, portfolio=portfolio,
        mission=Mission.objects.filter(portfolio=portfolio).first(),
        challenges=list(portfolio.challenges.order_by("order", "pk")[:PACK_ROWS]),
        stakeholders=list(portfolio.stakeholders.select_related(
            "organisation", "contact__organisation")[:PACK_ROWS]),
        interventions_by_status=[(label, rows) for label, rows in by_status if rows],
        questions=list(portfolio.questions.filter(answered_at__isnull=True)
                       .order_by("pk")[:PACK_ROWS]),
        risks=list(portfolio.risks.filter(closed_at__isnull=True)[:PACK_ROWS]),
        overdue=list(portfolio.milestones.filter(done_at__isnull=True, due_date__lt=today)
                     .order_by("due_date", "pk")[:PACK_ROWS]),
        actions=list(AgreedAction.objects.filter(member_id=portfolio.member_id,
                                                 done_at__isnull=True)
                     .select_related("owner").order_by("due_date", "pk")[:PACK_ROWS]),
        grants=portfolio_grants(portfolio, reader, limit=PACK_ROWS),
        learning=list(Enrolment.objects.filter(community_id=portfolio.community_id,
                                               completed_at__isnull=False)
                      .select_related("session__opportunity", "person")
                      .order_by("-completed_at", "-pk")[:PACK_ROWS]))

