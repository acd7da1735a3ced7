"""An intervention's page, and the portfolio's interventions, clusters and canvas."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hamaynk.core.errors import DomainError
from hamaynk.core.forms import first_error
from hamaynk.core.parsing import parse_id
from hamaynk.core.views import svg_response
from hamaynk.core.workflow import PAGE_OUT_OF_DATE
from hamaynk.portfolios.forms.funding import ApplyForm
from hamaynk.portfolios.forms.interventions import ClusterForm, InterventionForm, MoveForm
from hamaynk.portfolios.models import Intervention, Portfolio
from hamaynk.portfolios.selectors import canvas as canvas_selectors
from hamaynk.portfolios.selectors import funding as funding_selectors
from hamaynk.portfolios.selectors import interventions as page_selectors
from hamaynk.portfolios.selectors import portfolio as selectors
from hamaynk.portfolios.services import interventions as services

EDIT = "portfolios.edit_portfolio"


def _fail(form: Any, exc: DomainError) -> None:
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, str(exc.message))


def _editable(request: HttpRequest, pk: int) -> Portfolio:
    """The portfolio, for one who writes it: a 404 for who may not see it, a 403 for who
    sees it (its coach, the secretariat) but does not write it."""
    found = selectors.portfolio_for_viewer(pk=pk, user=request.user)
    if not request.user.has_perm(EDIT, found):
        raise PermissionDenied
    return found


@login_required
@require_http_methods(["GET", "POST"])
def intervention(request: HttpRequest, pk: int) -> HttpResponse:
    """The intervention's page; its community moves its status here (POST)."""
    found = selectors.intervention_for_viewer(pk=pk, user=request.user)
    can_edit = request.user.has_perm(EDIT, found.portfolio)
    move = MoveForm(request.POST or None, intervention=found)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if move.is_valid():
            try:
                services.intervention_move(
                    intervention=found, actor=request.user,  # type: ignore[arg-type]
                    to=move.cleaned_data["to"], reason=move.cleaned_data["reason"],
                    expected_version=move.cleaned_data["version"])
            except DomainError as exc:
                _fail(move, exc)
            else:
                messages.success(request, _("The status is changed."))
                return redirect(found)
    return intervention_response(request, found, move=move)


def intervention_response(request: HttpRequest, found: Intervention, *,
                          move: MoveForm | None = None,
                          apply: ApplyForm | None = None) -> HttpResponse:
    """The intervention's page, with the forms a refused POST keeps (the status move, the
    call to apply to)."""
    can_edit = request.user.has_perm(EDIT, found.portfolio)
    fundable = can_edit and found.status != Intervention.Status.STOPPED
    calls = funding_selectors.calls_to_apply(found) if fundable and apply is None else []
    return render(request, "portfolios/intervention.html", {
        "page": page_selectors.intervention_page(found), "intervention": found,
        "portfolio": found.portfolio, "can_edit": can_edit,
        "move": move or MoveForm(intervention=found),
        "grants": funding_selectors.intervention_grants(found, request.user),
        "apply": apply or (ApplyForm(calls=calls) if calls else None)})


@login_required
@require_http_methods(["GET", "POST"])
def intervention_new(request: HttpRequest, pk: int) -> HttpResponse:
    portfolio = _editable(request, pk)
    form = InterventionForm(request.POST or None, portfolio=portfolio)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.intervention_add(portfolio=portfolio,
                                              actor=request.user,  # type: ignore[arg-type]
                                              values=form.values())
        except DomainError as exc:
            _fail(form, exc)
        else:
            messages.success(request, _("The intervention is added as an idea."))
            return redirect(added)
    return render(request, "portfolios/intervention_form.html", {
        "form": form, "portfolio": portfolio, "intervention": None})


@login_required
@require_http_methods(["GET", "POST"])
def intervention_change(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.intervention_for_viewer(pk=pk, user=request.user)
    if not request.user.has_perm(EDIT, found.portfolio):
        raise PermissionDenied
    initial = None if request.POST else InterventionForm.initial_of(found)
    form = InterventionForm(request.POST or None, initial=initial, portfolio=found.portfolio,
                            intervention=found)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["version"] is None:
            form.add_error(None, PAGE_OUT_OF_DATE)
        else:
            try:
                services.intervention_change(
                    intervention=found, actor=request.user,  # type: ignore[arg-type]
                    values=form.values(), expected_version=form.cleaned_data["version"])
            except DomainError as exc:
                _fail(form, exc)
            else:
                messages.success(request, _("The intervention is saved."))
                return redirect(found)
    return render(request, "portfolios/intervention_form.html", {
        "form": form, "portfolio": found.portfolio, "intervention": found})


def _cluster_post(request: HttpRequest, portfolio: Portfolio, form: ClusterForm) -> bool:
    """Add, rename or remove a cluster from the POST; True when it was done."""
    actor: Any = request.user
    action = request.POST.get("action")
    if action == "add":
        if not form.is_valid():
            return False
        try:
            services.cluster_add(portfolio=portfolio, actor=actor, **form.cleaned_data)
        except DomainError as exc:
            _fail(form, exc)
            return False
        return True
    cluster = portfolio.clusters.filter(pk=parse_id(request.POST.get("cluster")) or 0).first()
    if cluster is None or action not in ("rename", "remove"):
        raise Http404
    if action == "remove":
        services.cluster_remove(cluster=cluster, actor=actor)
        return True
    rename = ClusterForm(request.POST, prefix=f"c{cluster.pk}")
    try:
        if rename.is_valid():
            services.cluster_rename(cluster=cluster, actor=actor, **rename.cleaned_data)
            return True
        messages.error(request, first_error(rename))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return False


@login_required
@require_http_methods(["GET", "POST"])
def clusters(request: HttpRequest, pk: int) -> HttpResponse:
    """The portfolio's clusters: added, renamed, removed (their interventions stay)."""
    portfolio = selectors.portfolio_for_viewer(pk=pk, user=request.user)
    can_edit = request.user.has_perm(EDIT, portfolio)
    form = ClusterForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if _cluster_post(request, portfolio, form):
            messages.success(request, _("The clusters are saved."))
            return redirect("portfolios:clusters", pk=portfolio.pk)
    found = page_selectors.clusters_with_counts(portfolio)
    return render(request, "portfolios/clusters.html", {
        "portfolio": portfolio, "clusters": found, "form": form, "can_edit": can_edit,
        "renames": [(c, ClusterForm(prefix=f"c{c.pk}", initial={
            "name_hy": c.name_hy, "name_en": c.name_en})) for c in found]})


@login_required
def canvas(request: HttpRequest, pk: int) -> HttpResponse:
    """The canvas page: the picture and its data table twin (status × cluster)."""
    portfolio = selectors.portfolio_for_viewer(pk=pk, user=request.user)
    data = canvas_selectors.canvas_data(portfolio)
    return render(request, "portfolios/canvas.html", {
        "portfolio": portfolio, "data": data, "table": canvas_selectors.canvas_table(data),
        "count": len(data.boxes),
        "status_labels": [canvas_selectors.status_label(s) for s in canvas_selectors.STATUSES],
        "links": [(data.boxes[a].title, data.boxes[b].title) for a, b in data.links]})


@login_required
def canvas_svg(request: HttpRequest, pk: int) -> HttpResponse:
    """The canvas as SVG (`?layout=narrow`: one column, for a phone)."""
    portfolio = selectors.portfolio_for_viewer(pk=pk, user=request.user)
    narrow = request.GET.get("layout") == "narrow"
    return svg_response(canvas_selectors.draw_canvas(canvas_selectors.canvas_data(portfolio),
                                                      narrow=narrow))

