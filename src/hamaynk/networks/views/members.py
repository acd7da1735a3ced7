"""The public member directory (with CSV/XLSX export) and a membership's own page: its LEDP,
suspension, reinstatement and withdrawal."""

from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.communities.models import Community
from hamaynk.communities.selectors import filter_choices_version
from hamaynk.core import counts, fragments
from hamaynk.core.errors import DomainError
from hamaynk.core.exports import absolute_url, streamed_csv, xlsx_file
from hamaynk.core.pagination import paginate
from hamaynk.networks import selectors, services
from hamaynk.networks.forms import (
    MemberFilterForm,
    MembershipActionForm,
    PlanDecisionForm,
    PlanForm,
)
from hamaynk.networks.models import Membership


def _members(request: HttpRequest, slug: str) -> tuple[Any, MemberFilterForm, Any, Any, str]:
    network = selectors.network_by_slug(slug=slug, counts=False)
    countries, regions = selectors.country_and_region_choices(
        selectors.network_country_codes(network))
    form = MemberFilterForm(request.GET or None, countries=countries, regions=regions)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.network_members(network=network, country=data.get("country", ""),
                                   region=data.get("region", ""),
                                   status=data.get("status", ""))
    name = counts.key("members", network, data.get("country"), data.get("region"),
                      data.get("status"))
    return network, form, qs, (countries, regions), name


def member_directory(request: HttpRequest, slug: str) -> HttpResponse:
    """Public, and the same for everyone."""
    network, form, qs, options, count_key = _members(request, slug)
    page_obj = paginate(qs, request.GET.get("page"), count_key=count_key,
                        count_models=(Community,))
    choices = (options, filter_choices_version())
    return render(request, "networks/members.html", {
        "network": network, "form": form, "page_obj": page_obj, "query": request.GET.urlencode(),
        "fields_version": fragments.query_version(request, also=choices),
        "rows_version": fragments.version(page_obj, related=("community",), also=choices)})


def _rows(qs: Any) -> Iterator[list[Any]]:
    yield [_("Community"), _("Community (English)"), _("Region"), _("Country"), _("Status"),
           _("Member since"), _("LEDP due"), _("Profile")]
    for m in qs.iterator(chunk_size=500):
        c = m.community
        yield [c.name_hy, c.name_en, c.region.name, c.region.country.name,
               str(m.get_status_display()), m.since, m.plan_due,
               absolute_url(c.get_absolute_url())]


def member_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    network, _form, qs, _options, _count_key = _members(request, slug)
    name = f"{network.slug}-members"
    if fmt == "csv":
        return streamed_csv(_rows(qs), f"{name}.csv")
    if fmt == "xlsx":
        return xlsx_file(_rows(qs), f"{name}.xlsx", network.short_name)
    raise Http404


@login_required
def membership_detail(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_for_viewer(pk=pk, user=request.user)
    user = request.user
    plans = list(membership.plans.all())
    return render(request, "networks/membership.html", {
        "membership": membership, "plans": plans,
        "can_submit_plan": membership.network.requires_plan
        and membership.status in ("junior", "acting", "suspended")
        and not any(p.status == "submitted" for p in plans)
        and user.has_perm("networks.submit_plan", membership),
        "can_decide_plan": user.has_perm("networks.decide_plan", membership),
        "can_manage": user.has_perm("networks.manage_membership", membership),
        "can_withdraw": membership.status != "withdrawn"
        and user.has_perm("networks.withdraw_membership", membership),
        "plan_form": PlanForm(), "plan_decision_form": PlanDecisionForm(),
        "action_form": MembershipActionForm(),
        "history": selectors.membership_history(membership=membership),
    })


@login_required
@require_POST
def plan_submit(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_for_viewer(pk=pk, user=request.user)
    form = PlanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.plan_submit(membership=membership, actor=request.user,  # type: ignore[arg-type]
                                 title=form.cleaned_data["title"],
                                 upload=form.cleaned_data["file"],
                                 building_blocks=form.cleaned_data["building_blocks"])
        except ValidationError as exc:
            form.add_error("file", exc)
        except DomainError as exc:
            form.add_error(exc.field, exc.message)  # type: ignore[arg-type]
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, _("The plan is submitted to the secretariat."))
            return redirect(membership)
    return render(request, "networks/plan_form.html", {"membership": membership, "form": form})


@login_required
@require_POST
def plan_decide(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for_decision(pk=pk, user=request.user)
    form = PlanDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect(plan.membership)
    try:
        if form.cleaned_data["decision"] == "approve":
            services.plan_approve(plan=plan, actor=request.user,  # type: ignore[arg-type]
                                  message=form.cleaned_data["message"])
        else:
            services.plan_return(plan=plan, actor=request.user,  # type: ignore[arg-type]
                                 message=form.cleaned_data["message"])
        messages.success(request, _("Done. The community has been told."))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return redirect(plan.membership)


@login_required
@require_POST
def membership_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    membership: Membership = selectors.membership_for_viewer(pk=pk, user=request.user)
    form = MembershipActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason: the community will read it."))
        return redirect(membership)
    reason = form.cleaned_data["reason"]
    try:
        if action == "suspend":
            services.membership_suspend(membership=membership, actor=request.user,  # type: ignore[arg-type]
                                        reason=reason)
        elif action == "reinstate":
            services.membership_reinstate(membership=membership, actor=request.user,  # type: ignore[arg-type]
                                          reason=reason,
                                          new_plan_due=form.cleaned_data["new_plan_due"])
        elif action == "withdraw":
            services.membership_withdraw(membership=membership, actor=request.user,  # type: ignore[arg-type]
                                         reason=reason)
        else:
            raise Http404
        messages.success(request, _("Done."))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    except PermissionDenied as exc:
        raise Http404 from exc
    return redirect(membership)
