"""Snapshots: the portfolio's state as plain JSON data (what a snapshot keeps, what the canvas
draws), the snapshots a viewer may see, and the difference between two states.

`portfolio_state` gives exactly the format the canvas reads:
``{"interventions": [{"id", "title", "status", "kind", "cluster", "related", "challenges",
"stakeholders"}], "clusters": [{"id", "name"}], "mission": {...} | None,
"challenges": [{"id", "title"}], "stakeholders": [{"id", "name", "influence", "interest"}]}``
plus "hypotheses" (each intervention's if/then/because, by id), so that a pivot shows in a
comparison. Titles and names are the Armenian ones (the portfolio's own language), so a
snapshot reads the same whatever the language of the person who took it."""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from hamaynk.core.lookups import one
from hamaynk.portfolios.models import Mission, Portfolio, Snapshot

SNAPSHOTS_PER_PAGE = 20


def _mission(portfolio: Portfolio) -> dict[str, Any] | None:
    mission = Mission.objects.filter(portfolio=portfolio).first()
    if mission is None:
        return None
    return {"statement": mission.statement_hy, "statement_en": mission.statement_en,
            "horizon": mission.horizon, "indicator": mission.indicator_hy,
            "unit": mission.unit,
            "baseline": None if mission.baseline is None else str(mission.baseline),
            "target": str(mission.target)}


def portfolio_state(portfolio: Portfolio) -> dict[str, Any]:
    """The portfolio as it is now, as plain data, in a fixed number of queries."""
    interventions = list(portfolio.interventions.select_related("cluster").prefetch_related(
        "challenges", "stakeholders", "related").order_by("pk"))
    stakeholders = portfolio.stakeholders.select_related(
        "organisation", "contact__organisation").order_by("pk")
    return {
        "mission": _mission(portfolio),
        "challenges": [{"id": c.pk, "title": c.title_hy}
                       for c in portfolio.challenges.order_by("order", "pk")],
        "stakeholders": [{"id": s.pk, "name": str(s), "influence": s.influence,
                          "interest": s.interest} for s in stakeholders],
        "clusters": [{"id": c.pk, "name": c.name_hy}
                     for c in portfolio.clusters.order_by("order", "pk")],
        "interventions": [{
            "id": i.pk, "title": i.title_hy, "status": i.status, "kind": i.kind,
            "cluster": i.cluster.name_hy if i.cluster else None,
            "related": sorted(r.pk for r in i.related.all()),
            "challenges": sorted(c.pk for c in i.challenges.all()),
            "stakeholders": sorted(s.pk for s in i.stakeholders.all()),
        } for i in interventions],
        "hypotheses": {str(i.pk): {"if": i.hypothesis_if, "then": i.hypothesis_then,
                                   "because": i.hypothesis_because} for i in interventions},
    }


# ---------------------------------------------------------------------------- reading them

def snapshots_of(portfolio: Portfolio) -> QuerySet[Snapshot]:
    """The portfolio's snapshots, newest first, without their data (a list)."""
    return (portfolio.snapshots.select_related("taken_by", "session").defer("data")
            .order_by("-created_at", "-pk"))


def snapshot_for_viewer(*, pk: Any, user: Any, portfolio: Portfolio | None = None) -> Snapshot:
    """A snapshot the viewer may see (of `portfolio` when given); anything else is a 404."""
    qs = Snapshot.objects.select_related(
        "portfolio__community", "portfolio__network", "portfolio__member__cohort",
        "portfolio__member__coach", "taken_by", "session")
    if portfolio is not None:
        qs = qs.filter(portfolio=portfolio)
    snapshot = one(qs.filter(pk=pk)) if pk is not None else None
    if snapshot is None or not user.has_perm("portfolios.view_portfolio", snapshot):
        raise Http404
    return snapshot


# ----------------------------------------------------------------------- the difference

@dataclass(frozen=True)
class Change:
    """One line of a comparison: `what` (intervention, challenge, stakeholder, cluster,
    mission) `how` (added, removed, changed); for a change, the field and its two values."""

    what: str
    how: str
    name: str
    field: str = ""
    before: Any = None
    after: Any = None


def _rows(state: dict[str, Any], key: str) -> dict[Any, dict[str, Any]]:
    rows = state.get(key) or []
    return {row.get("id"): row for row in rows if isinstance(row, dict)}


def _hypothesis(state: dict[str, Any], pk: Any) -> str:
    found = (state.get("hypotheses") or {}).get(str(pk)) or {}
    return " / ".join(str(found.get(k) or "") for k in ("if", "then", "because")).strip(" /")


def _compare(what: str, before: dict[Any, dict[str, Any]], after: dict[Any, dict[str, Any]],
             fields: tuple[str, ...], label: str) -> list[Change]:
    changes: list[Change] = []
    for pk, row in after.items():
        if pk not in before:
            changes.append(Change(what, "added", str(row.get(label) or "")))
    for pk, row in before.items():
        if pk not in after:
            changes.append(Change(what, "removed", str(row.get(label) or "")))
    for pk in [pk for pk in after if pk in before]:
        old, new = before[pk], after[pk]
        for name in fields:
            if old.get(name) != new.get(name):
                changes.append(Change(what, "changed", str(new.get(label) or ""), name,
                                      old.get(name), new.get(name)))
    return changes


def _mission_change(before: dict[str, Any] | None, after: dict[str, Any] | None
                    ) -> list[Change]:
    if before == after:
        return []
    if before is None and after is not None:
        return [Change("mission", "added", str(after.get("statement") or ""))]
    if after is None and before is not None:
        return [Change("mission", "removed", str(before.get("statement") or ""))]
    assert before is not None and after is not None
    return [Change("mission", "changed", str(after.get("statement") or ""), name,
                   before.get(name), after.get(name))
            for name in ("statement", "horizon", "indicator", "baseline", "target", "unit")
            if before.get(name) != after.get(name)]


def state_difference(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """What changed from one state to the other (two snapshots' data, or a snapshot and now):
    a pure function. Interventions added, removed, or changed in status, cluster, title or
    hypothesis; challenges, stakeholders and clusters added, removed or changed; the
    mission's change."""
    changes = _mission_change(before.get("mission"), after.get("mission"))
    old, new = _rows(before, "interventions"), _rows(after, "interventions")
    changes += _compare("intervention", old, new, ("status", "cluster", "title"), "title")
    for pk in [pk for pk in new if pk in old]:
        was, now = _hypothesis(before, pk), _hypothesis(after, pk)
        if was != now:
            changes.append(Change("intervention", "changed", str(new[pk].get("title") or ""),
                                  "hypothesis", was, now))
    changes += _compare("challenge", _rows(before, "challenges"), _rows(after, "challenges"),
                        ("title",), "title")
    changes += _compare("stakeholder", _rows(before, "stakeholders"),
                        _rows(after, "stakeholders"), ("influence", "interest"), "name")
    changes += _compare("cluster", _rows(before, "clusters"), _rows(after, "clusters"),
                        ("name",), "name")
    return changes
