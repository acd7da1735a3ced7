"""The practice page's reads: learning questions (open first) with their latest evidence log
entries, the risk register (open first, the gravest first), the workplan (due first, overdue
ones flagged relative to today in the network's zone) — each bounded, in a fixed number of
queries whatever the number of rows."""

import datetime
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from hamaynk.accounts.models import User
from hamaynk.portfolios.models import (
    Intervention,
    LearningEntry,
    LearningQuestion,
    Milestone,
    Portfolio,
    Risk,
)

QUESTIONS_SHOWN = 50
ENTRIES_SHOWN = 10
RISKS_SHOWN = 50
MILESTONES_SHOWN = 100


@dataclass
class PracticePage:
    portfolio: Portfolio
    today: datetime.date
    zone: str
    questions: list[Any]  # LearningQuestion with `latest_entries`
    risks: list[Risk]
    milestones: list[Milestone]


def network_today(portfolio: Portfolio) -> tuple[datetime.date, str]:
    """Today in the portfolio's network's time zone, and the zone's name."""
    name = portfolio.network.time_zone or "Asia/Yerevan"
    try:
        zone = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        name, zone = "UTC", zoneinfo.ZoneInfo("UTC")
    return timezone.localdate(timezone=zone), name


def practice_page(portfolio: Portfolio) -> PracticePage:
    today, zone = network_today(portfolio)
    entries = (LearningEntry.objects.select_related("file", "added_by")
               .order_by("-noted_on", "-pk"))
    questions = list(portfolio.questions.select_related("intervention")
                     .prefetch_related(Prefetch("entries", queryset=entries[:ENTRIES_SHOWN],
                                                to_attr="latest_entries"))
                     .order_by("answered_at", "-pk")[:QUESTIONS_SHOWN])
    risks = list(portfolio.risks.select_related("owner")[:RISKS_SHOWN])
    milestones = list(portfolio.milestones.select_related("intervention")
                      .order_by("done_at", "due_date", "pk")[:MILESTONES_SHOWN])
    for m in milestones:
        m.overdue = m.done_at is None and m.due_date < today  # type: ignore[attr-defined]
    return PracticePage(portfolio=portfolio, today=today, zone=zone, questions=questions,
                        risks=risks, milestones=milestones)


def community_people(portfolio: Portfolio) -> Any:
    """The community's verified people (a handful): who may own a risk."""
    return (User.objects.filter(affiliations__community_id=portfolio.community_id,
                                affiliations__status="verified")
            .distinct().order_by("pk"))


def own_interventions(portfolio: Portfolio) -> Any:
    return Intervention.objects.filter(portfolio=portfolio).only(
        "pk", "title_hy", "title_en", "portfolio_id")


def question_of(portfolio: Portfolio, pk: int | None) -> LearningQuestion | None:
    return portfolio.questions.filter(pk=pk or 0).first()


def risk_of(portfolio: Portfolio, pk: int | None) -> Risk | None:
    return portfolio.risks.filter(pk=pk or 0).first()


def milestone_of(portfolio: Portfolio, pk: int | None) -> Milestone | None:
    return portfolio.milestones.filter(pk=pk or 0).first()
