"""Intervention reads: its page (hypothesis, history, what it addresses and involves, its
learning questions and milestones) and the portfolio's clusters, each in a fixed number of
queries and bounded."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Q

from hamaynk.core.audit import action_label
from hamaynk.core.models import AuditEntry
from hamaynk.portfolios.models import (
    Challenge,
    Cluster,
    Intervention,
    LearningQuestion,
    Milestone,
    Portfolio,
    Stakeholder,
)
from hamaynk.portfolios.selectors.practice import network_today

HISTORY_SHOWN = 30
PARTS_SHOWN = 50


@dataclass
class HistoryRow:
    when: datetime.datetime
    who: Any
    what: str
    before: str
    after: str
    reason: str
    changed: list[str]


@dataclass
class InterventionPage:
    intervention: Intervention
    history: list[HistoryRow]
    challenges: list[Challenge]
    stakeholders: list[Stakeholder]
    related: list[Intervention]
    questions: list[LearningQuestion]
    milestones: list[Milestone]


def _status(value: Any) -> str:
    return str(Intervention.Status(value).label) if value in Intervention.Status.values else ""


def _field_label(name: str) -> str:
    try:
        found: Any = Intervention._meta.get_field(name.removesuffix("_id"))
    except FieldDoesNotExist:  # an old entry naming a field that is gone
        return name
    return str(getattr(found, "verbose_name", name))


def history(intervention: Intervention, *, limit: int = HISTORY_SHOWN) -> list[HistoryRow]:
    """The intervention's story, newest first: the entries of its portfolio's audit trail
    that name it (added, changed, moved, named by a grant application)."""
    entries = (AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(Portfolio),
        target_id=str(intervention.portfolio_id), data__intervention=intervention.pk,
        ).filter(Q(action__startswith="portfolios.intervention.")
                 | Q(action__startswith="portfolios.grant."))
        .select_related("actor").order_by("-created_at", "-id")[:limit])
    rows = []
    for e in entries:
        data = e.data if isinstance(e.data, dict) else {}
        listed = data.get("changed")
        changed: list[Any] = listed if isinstance(listed, list) else []
        rows.append(HistoryRow(
            when=e.created_at, who=e.actor, what=str(action_label(e.action)),
            before=_status(data.get("before")), after=_status(data.get("after")),
            reason=str(data.get("reason") or ""),
            changed=[_field_label(str(n)) for n in changed]))
    return rows


def intervention_page(intervention: Intervention) -> InterventionPage:
    today, _zone = network_today(intervention.portfolio)
    milestones = list(intervention.milestones.order_by("done_at", "due_date", "pk")
                      [:PARTS_SHOWN])
    for m in milestones:
        m.overdue = m.done_at is None and m.due_date < today  # type: ignore[attr-defined]
    return InterventionPage(
        intervention=intervention, history=history(intervention),
        challenges=list(intervention.challenges.all()[:PARTS_SHOWN]),
        stakeholders=list(intervention.stakeholders.select_related(
            "organisation", "contact__organisation")[:PARTS_SHOWN]),
        related=list(intervention.related.only("pk", "title_hy", "title_en", "status")
                     [:PARTS_SHOWN]),
        questions=list(intervention.questions.all()[:PARTS_SHOWN]),
        milestones=milestones)


def clusters_with_counts(portfolio: Portfolio) -> list[Cluster]:
    """The portfolio's clusters, each with `n` (its interventions), in canvas order."""
    return list(portfolio.clusters.annotate(n=Count("interventions"))[:PARTS_SHOWN * 2])
