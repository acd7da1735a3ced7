from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hamaynk.accounts.models import User
from hamaynk.communities.forms import CommunityChoiceField
from hamaynk.communities.models import Community
from hamaynk.core import fragments
from hamaynk.core.errors import DomainError
from hamaynk.core.pagination import paginate
from hamaynk.core.parsing import parse_id
from hamaynk.learning.models import Cohort
from hamaynk.learning.selectors.coaching import cohort_progress, member_figures
from hamaynk.learning.services import cohorts as services
from hamaynk.learning.services.coaching import today_of
from hamaynk.networks.selectors import network_for_secretariat


class CohortForm(forms.Form):
    name_hy = forms.CharField(label=gettext_lazy("Name in Armenian"), max_length=300)
    name_en = forms.CharField(label=gettext_lazy("Name in English"), max_length=300,
                              required=False)


class AddCommunityForm(forms.Form):
    community = CommunityChoiceField(
        label=gettext_lazy("Community"), empty_label=gettext_lazy("Choose a community"),
        queryset=Community.objects.filter(is_verified=True, valid_to__isnull=True)
        .select_related("region").order_by("region__code", "name_hy"))
    reason = forms.CharField(label=gettext_lazy("Reason for the selection"), max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": gettext_lazy(
                                 "Say why this community is selected into the cohort.")})


@login_required
def cohorts(request: HttpRequest, network_slug: str) -> HttpResponse:
    network = network_for_secretariat(slug=network_slug, user=request.user,
                                      perm="learning.manage_cohort")
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.cohort_create(network=network, actor=request.user,  # type: ignore[arg-type]
                                            **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field, exc.message)  # type: ignore[arg-type]
        else:
            return redirect(cohort)
    items = network.cohorts.order_by("-created_at", "-pk")
    return render(request, "learning/cohorts.html", {
        "network": network, "page_obj": paginate(items, request.GET.get("page")),
        "form": form})


def _cohort(request: HttpRequest, pk: int, perm: str) -> Cohort:
    cohort = Cohort.objects.select_related("network").filter(pk=pk).first()
    if cohort is None or not request.user.has_perm(perm, cohort):
        raise Http404
    return cohort


@login_required
def cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk, "learning.view_cohort")
    can_manage = request.user.has_perm("learning.manage_cohort", cohort)
    # The form lists every community (25,000 at the benchmark's size): shown only when asked
    # for (?add=1) or sent, so the progress page that coaches and the secretariat read
    # does not carry it.
    form = AddCommunityForm(request.POST or None)
    adding = can_manage and (request.method == "POST" or request.GET.get("add") == "1")
    if request.method == "POST":
        if not can_manage:
            raise Http404
        try:
            if "remove" in request.POST:
                remove = parse_id(request.POST.get("remove"))
                if remove is None:
                    raise Http404
                services.cohort_remove_community(cohort=cohort, actor=request.user,  # type: ignore[arg-type]
                                                 community_id=remove)
                messages.success(request, _("The community is removed from the cohort."))
                return redirect(cohort)
            if "coaches" in request.POST:
                chosen = [parse_id(c) for c in request.POST.getlist("coaches")]
                coaches = list(User.objects.filter(pk__in=[c for c in chosen if c is not None]))
                services.cohort_set_coaches(cohort=cohort, coaches=coaches,
                                            actor=request.user)  # type: ignore[arg-type]
                messages.success(request, _("The coaches are saved."))
                return redirect(cohort)
            if form.is_valid():
                try:
                    services.cohort_add_community(cohort=cohort, actor=request.user,  # type: ignore[arg-type]
                                                  community=form.cleaned_data["community"],
                                                  reason=form.cleaned_data["reason"])
                except DomainError as exc:
                    form.add_error(exc.field if exc.field in form.fields else None,
                                   str(exc.message))
                else:
                    messages.success(request, _("The community is added to the cohort."))
                    return redirect(cohort)
        except DomainError as exc:
            messages.error(request, str(exc.message))
    network_coaches = User.objects.filter(network_roles__network=cohort.network_id,
                                          network_roles__role="coach").distinct()
    progress = cohort_progress(cohort=cohort, page=request.GET.get("page"),
                               today=today_of(cohort))
    rows = progress.page_obj.object_list
    return render(request, "learning/cohort.html", {
        "cohort": cohort, "page_obj": progress.page_obj, "progress": progress,
        # a row changes with its member, community or coach, or one of its figures
        "rows_version": fragments.version(
            rows, related=("community", "coach"),
            also=[can_manage, progress.steps_total, [member_figures(m) for m in rows]]),
        "form": form if adding else None, "can_manage": can_manage,
        "coaches": network_coaches,
        "chosen": set(cohort.coaches.values_list("pk", flat=True))})
