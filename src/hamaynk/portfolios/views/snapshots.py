"""Snapshots: the portfolio's list of them (and "take a snapshot now"), one snapshot (the
portfolio as it was), and the comparison of two (or of one with the portfolio now)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hamaynk.core.errors import DomainError
from hamaynk.core.pagination import paginate
from hamaynk.core.parsing import parse_id
from hamaynk.core.views import svg_response
from hamaynk.portfolios.forms.sensemaking import SnapshotForm
from hamaynk.portfolios.models import Intervention
from hamaynk.portfolios.selectors import canvas
from hamaynk.portfolios.selectors import portfolio as portfolio_selectors
from hamaynk.portfolios.selectors import snapshots as selectors
from hamaynk.portfolios.services.snapshots import snapshot_take

IS = Intervention.Status
WHAT = {"mission": gettext_lazy("Mission"), "intervention": gettext_lazy("Intervention"),
        "challenge": gettext_lazy("Challenge"), "stakeholder": gettext_lazy("Stakeholder"),
        "cluster": gettext_lazy("Cluster")}
HOW = {"added": gettext_lazy("added"), "removed": gettext_lazy("removed"),
       "changed": gettext_lazy("changed")}
FIELD = {"status": gettext_lazy("status"), "cluster": gettext_lazy("cluster"),
         "title": gettext_lazy("title"), "hypothesis": gettext_lazy("hypothesis"),
         "name": gettext_lazy("name"), "influence": gettext_lazy("influence"),
         "interest": gettext_lazy("interest"), "statement": gettext_lazy("statement"),
         "horizon": gettext_lazy("horizon"), "indicator": gettext_lazy("what is measured"),
         "baseline": gettext_lazy("baseline"), "target": gettext_lazy("target"),
         "unit": gettext_lazy("unit")}


def _lines(changes: list[selectors.Change]) -> list[dict[str, Any]]:
    """The changes as the page reads them: labels in the reader's language."""
    lines = []
    for change in changes:
        before, after = change.before, change.after
        if change.field == "status":
            before, after = _status_label(before), _status_label(after)
        lines.append({"what": WHAT.get(change.what, change.what),
                      "how": HOW.get(change.how, change.how), "kind": change.how,
                      "name": change.name, "field": FIELD.get(change.field, change.field),
                      "before": before, "after": after})
    return lines


@login_required
def snapshots(request: HttpRequest, pk: int) -> HttpResponse:
    """The portfolio's snapshots, newest first, to open or compare; one taken now."""
    portfolio = portfolio_selectors.portfolio_for_viewer(pk=pk, user=request.user)
    can_take = request.user.has_perm("portfolios.take_snapshot", portfolio)
    form = SnapshotForm(request.POST or None)
    if request.method == "POST":
        if not can_take:
            raise Http404
        if form.is_valid():
            try:
                snapshot_take(portfolio=portfolio, actor=request.user,  # type: ignore[arg-type]
                              label=form.cleaned_data["label"])
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None,
                               str(exc.message))
            else:
                messages.success(request, _("The snapshot is taken."))
                return redirect("portfolios:snapshots", portfolio.pk)
    return render(request, "portfolios/snapshots.html", {
        "portfolio": portfolio, "form": form, "can_take": can_take,
        "page_obj": paginate(selectors.snapshots_of(portfolio), request.GET.get("page"),
                             selectors.SNAPSHOTS_PER_PAGE)})


def _by_id(rows: Any) -> dict[Any, str]:
    return {row.get("id"): str(row.get("name") or row.get("title") or "")
            for row in rows or [] if isinstance(row, dict)}


def _status_label(value: Any) -> str:
    return str(Intervention.Status(value).label) if value in IS.values else str(value)


def _intervention_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The snapshot's interventions with the names of what they address and involve."""
    challenges, stakeholders = _by_id(data.get("challenges")), _by_id(data.get("stakeholders"))
    return [{**row, "status_label": _status_label(row.get("status")),
             "challenge_names": [challenges.get(pk, "—") for pk in row.get("challenges") or []],
             "stakeholder_names": [stakeholders.get(pk, "—")
                                   for pk in row.get("stakeholders") or []]}
            for row in data.get("interventions") or [] if isinstance(row, dict)]


@login_required
def snapshot(request: HttpRequest, pk: int) -> HttpResponse:
    """The portfolio as it was when the snapshot was taken."""
    found = selectors.snapshot_for_viewer(pk=pk, user=request.user)
    data = found.data if isinstance(found.data, dict) else {}
    return render(request, "portfolios/snapshot.html", {
        "snapshot": found, "portfolio": found.portfolio, "state": data,
        "interventions": _intervention_rows(data)})


@login_required
def snapshot_canvas_svg(request: HttpRequest, pk: int) -> HttpResponse:
    """The canvas as it was at the snapshot, as SVG (`?layout=narrow`: for a phone)."""
    found = selectors.snapshot_for_viewer(pk=pk, user=request.user)
    svg = canvas.draw_canvas(canvas.canvas_from_snapshot(found.data),
                             narrow=request.GET.get("layout") == "narrow")
    return svg_response(svg)


@login_required
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    """What changed from snapshot `a` to snapshot `b` (no `b`: to the portfolio now)."""
    portfolio = portfolio_selectors.portfolio_for_viewer(pk=pk, user=request.user)
    first = selectors.snapshot_for_viewer(pk=parse_id(request.GET.get("a")), user=request.user,
                                          portfolio=portfolio)
    second_id = parse_id(request.GET.get("b"))
    if request.GET.get("b") and second_id is None:
        raise Http404
    second = (selectors.snapshot_for_viewer(pk=second_id, user=request.user,
                                            portfolio=portfolio) if second_id else None)
    before = first.data if isinstance(first.data, dict) else {}
    after = (second.data if isinstance(second.data, dict) else {}) if second else (
        selectors.portfolio_state(portfolio))
    if second is not None and (second.created_at, second.pk) < (first.created_at, first.pk):
        first, second, before, after = second, first, after, before
    return render(request, "portfolios/snapshot_compare.html", {
        "portfolio": portfolio, "first": first, "second": second,
        "changes": _lines(selectors.state_difference(before, after)),
        "first_count": len(before.get("interventions") or []),
        "second_count": len(after.get("interventions") or [])})
