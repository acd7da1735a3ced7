"""The portfolios module's items in the work queue (`core.workqueue`).

* A community's people: the milestones of their portfolio's workplan not done, due within
  `MILESTONE_HORIZON_DAYS` or overdue, linked to the portfolio (counted); and, while their
  community's portfolio has no mission yet, "write the mission" (a suggestion).
* A coach: the sensemaking sessions they opened and have not closed yet, linked to the
  session (counted).
* Those who follow communities (`followed`): the communities' milestones due or overdue."""

import datetime
from typing import Any

from django.utils.translation import gettext as _

from hamaynk.accounts.permissions import verified_community_ids
from hamaynk.core import counts
from hamaynk.core.workqueue import Source, WorkItem, register
from hamaynk.portfolios.models import Milestone, Mission, Portfolio, SensemakingSession

MILESTONE_HORIZON_DAYS = 14  # a milestone shows this many days before it is due


def _milestones(community_ids: set[int], now: datetime.datetime) -> Source:
    horizon = now.date() + datetime.timedelta(days=MILESTONE_HORIZON_DAYS)
    due = (Milestone.objects
           .filter(portfolio__community_id__in=community_ids, done_at__isnull=True,
                   due_date__lte=horizon)
           .select_related("portfolio__community").order_by("due_date", "pk"))
    return Source.of_queryset(
        kind="portfolios-milestones", title=_("Milestones of the workplan"), queryset=due,
        item=lambda m: WorkItem(
            what=_("Milestone: %(title)s") % {"title": m.title},
            whom=m.portfolio.community.name, url=m.portfolio.get_absolute_url() + "#workplan",
            since=m.created_at, due=m.due_date, community_id=m.portfolio.community_id))


def followed(community_ids: set[int], now: datetime.datetime) -> list[Source]:
    return [_milestones(community_ids, now)]


def sources(user: Any, now: datetime.datetime) -> list[Source]:
    found = []
    communities = verified_community_ids(user)
    if communities:
        found.append(_milestones(communities, now))
        without = (Portfolio.objects.filter(community_id__in=communities)
                   .exclude(pk__in=Mission.objects.values("portfolio_id"))
                   .select_related("community").order_by("pk"))
        found.append(Source.of_queryset(
            kind="portfolios-mission", title=_("Portfolios without a mission"),
            queryset=without, counted=False,
            item=lambda p: WorkItem(what=_("Write the portfolio's mission"),
                                    whom=p.community.name, url=p.get_absolute_url() + "#mission",
                                    since=p.created_at, community_id=p.community_id)))
    if getattr(user, "is_authenticated", False):
        open_sessions = (SensemakingSession.objects
                         .filter(coach_id=user.pk, closed_at__isnull=True)
                         .select_related("portfolio__community").order_by("held_on", "pk"))
        found.append(Source.of_queryset(
            kind="portfolios-sessions", title=_("Sensemaking sessions to close"),
            queryset=open_sessions,
            item=lambda s: WorkItem(what=_("Record the decisions and close the session"),
                                    whom=s.portfolio.community.name, url=s.get_absolute_url(),
                                    since=s.created_at, due=s.held_on,
                                    community_id=s.portfolio.community_id)))
    return found


def register_work() -> None:
    register("portfolios", sources=sources, followed=followed)
    # the header's count follows their rows (core/workqueue.py)
    counts.track(Milestone, Mission, SensemakingSession)
