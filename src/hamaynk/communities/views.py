
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.communities import selectors, services
from hamaynk.communities.forms import AffiliationRequestForm, CommunityProfileForm, ReasonForm
from hamaynk.communities.models import Affiliation
from hamaynk.core.errors import DomainError
from hamaynk.core.pagination import paginate
from hamaynk.core.parsing import parse_id
from hamaynk.core.views import run_action


@login_required
def edit_profile(request: HttpRequest, pk: int) -> HttpResponse:
    community = selectors.community_for_viewer(pk=pk, user=request.user)
    if not request.user.has_perm("communities.edit_profile", community):
        raise Http404
    form = CommunityProfileForm(request.POST or None, request.FILES or None, instance=community)
    if request.method == "POST" and form.is_valid():
        try:
            services.community_update_profile(
                community=community, actor=request.user,  # type: ignore[arg-type]
                website=form.cleaned_data["website"],
                population=form.cleaned_data["population"],
                official_code=form.cleaned_data["official_code"],
                emblem=form.cleaned_data.get("emblem_upload"))
        except ValidationError as exc:
            form.add_error("emblem_upload", exc)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect(community)
    return render(request, "communities/edit.html", {"community": community, "form": form})


@login_required
def affiliation_request(request: HttpRequest) -> HttpResponse:
    initial = {}
    if (community_id := parse_id(request.GET.get("community"))) is not None:
        initial["community"] = community_id
    form = AffiliationRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.affiliation_request(
                user=request.user,  # type: ignore[arg-type]
                community=form.cleaned_data["community"], role=form.cleaned_data["role"],
                position=form.cleaned_data["position"])
        except DomainError as exc:
            form.add_error(exc.field, exc.message)  # type: ignore[arg-type]
        else:
            messages.success(request, _("Your request is sent. The secretariat will verify it."))
            return redirect("dashboard")
    return render(request, "communities/affiliation_request.html", {"form": form})


@login_required
def affiliation_queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "pending")
    qs = selectors.affiliation_queue(user=request.user, status=status)
    return render(request, "communities/affiliation_queue.html", {
        "page_obj": paginate(qs, request.GET.get("page")),
        "status": status if status in Affiliation.Status.values else "pending",
        "statuses": Affiliation.Status.choices, "reason_form": ReasonForm(),
    })


@login_required
@require_POST
def affiliation_decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    affiliation = selectors.affiliation_for_decision(pk=pk, user=request.user)
    actor = request.user
    try:
        if decision == "verify":
            services.affiliation_verify(affiliation=affiliation, actor=actor)  # type: ignore[arg-type]
            messages.success(request, _("The affiliation is verified."))
        elif decision in {"reject", "revoke"}:
            form = ReasonForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            service = (services.affiliation_reject if decision == "reject"
                       else services.affiliation_revoke)
            service(affiliation=affiliation, actor=actor, reason=reason)  # type: ignore[arg-type]
            messages.success(request, _("Done. The person has been told."))
        else:
            raise Http404
    except DomainError as exc:
        messages.error(request, str(exc.message))
    except PermissionDenied as exc:
        raise Http404 from exc
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        return redirect("communities:affiliations")
    return redirect(target)


@login_required
def candidates(request: HttpRequest) -> HttpResponse:
    qs = selectors.unverified_communities(user=request.user)
    return render(request, "communities/candidates.html",
                  {"page_obj": paginate(qs, request.GET.get("page"), per_page=50)})


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    community = selectors.community_for_viewer(pk=pk, user=request.user)
    run_action(request, lambda: services.community_confirm(
        community=community, actor=request.user),  # type: ignore[arg-type]
        _("%(name)s is confirmed in the registry.") % {"name": community.name})
    return redirect("communities:candidates")
